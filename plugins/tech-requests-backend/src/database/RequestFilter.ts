/** A condition on stored requests, as the store turns it into SQL. */
export type RequestFilter =
  | { field: 'requester' | 'requestingGroup' | 'status'; values: string[] }
  /** Holds for every request, or for none: a rule about the person, not the request. */
  | { constant: boolean };
