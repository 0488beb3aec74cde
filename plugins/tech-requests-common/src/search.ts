import { RequestStatus } from './values';

/** The search index's document type for technology requests. */
export const TECH_REQUESTS_SEARCH_TYPE = 'tech-requests';

/**
 * What a technology request's search document holds besides a search document's title, text
 * and location.
 */
export type TechRequestSearchFields = {
  status: RequestStatus;
  /** The requesting group's entity ref. */
  requestingGroup: string;
  requester: string;
  capabilities: string[];
  /** The decision's outcome and path, once decided: "approved reuse", "rejected". */
  decision?: string;
};
