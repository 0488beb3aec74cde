import { useApi } from '@backstage/core-plugin-api';
import {
  ReviewArea,
  ReviewRoutingResponse,
} from '@tech-requests/plugin-tech-requests-common';
import useAsync from 'react-use/esm/useAsync';
import { techRequestsApiRef } from '../api/TechRequestsApi';
import { groupName } from './names';

/**
 * Who reviews which area, read once per page. Undefined while loading or when it cannot be
 * read: pages then name the missing reviews without their groups, which is all they need.
 */
export function useReviewRouting(): ReviewRoutingResponse | undefined {
  const api = useApi(techRequestsApiRef);
  return useAsync(() => api.getReviewRouting(), [api]).value;
}

/** The groups that give an area's reviews, as people read them, or undefined when not routed. */
export function reviewersOf(
  routing: ReviewRoutingResponse | undefined,
  area: ReviewArea,
): string | undefined {
  const groups = routing?.areas.find(entry => entry.area === area)?.groups;
  return groups?.length ? groups.map(groupName).join(' or ') : undefined;
}
