import { IndexableDocument } from '@backstage/plugin-search-common';
import {
  RequestStatus,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';

/** A technology request as the search index keeps it. */
export interface TechRequestDocument extends IndexableDocument {
  status: RequestStatus;
  /** The requesting group's entity ref. */
  requestingGroup: string;
  requester: string;
  capabilities: string[];
  /** The decision's outcome and path, once decided: "approved reuse", "rejected". */
  decision?: string;
}

/**
 * A request as a search document: found by its title, its need and the capabilities it asks
 * for; `location` is the request page's address with `:id` for the request's id.
 */
export function toDocument(
  request: TechRequest,
  location: string,
): TechRequestDocument {
  const decision =
    request.decision &&
    [request.decision.outcome, request.decision.path].filter(Boolean).join(' ');
  return {
    title: request.title,
    text: [request.need, ...request.capabilities].join('\n'),
    location: location.replace(':id', String(request.id)),
    authorization: { resourceRef: String(request.id) },
    status: request.status,
    requestingGroup: request.requestingGroup,
    requester: request.requester,
    capabilities: request.capabilities,
    ...(decision && { decision }),
  };
}
