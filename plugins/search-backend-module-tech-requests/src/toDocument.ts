import { IndexableDocument } from '@backstage/plugin-search-common';
import {
  TechRequest,
  TechRequestSearchFields,
} from '@tech-requests/plugin-tech-requests-common';

/** A technology request as the search index keeps it. */
export type TechRequestDocument = IndexableDocument & TechRequestSearchFields;

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
