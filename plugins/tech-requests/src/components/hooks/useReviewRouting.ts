import { useApi } from '@backstage/core-plugin-api';
import {
  ReviewArea,
  ReviewRoutingResponse,
} from '@tech-requests/plugin-tech-requests-common';
import useAsync from 'react-use/esm/useAsync';
import { techRequestsApiRef } from '../../api/TechRequestsApi';

/**
 * Who reviews which area, read once per page. Undefined while loading or when it cannot be
 * read: pages then name the missing reviews without their groups, which is all they need.
 */
export function useReviewRouting(): ReviewRoutingResponse | undefined {
  const api = useApi(techRequestsApiRef);
  return useAsync(() => api.getReviewRouting(), [api]).value;
}

/** The groups that give an area's reviews; empty when the area is not routed. */
export function reviewGroupsOf(
  routing: ReviewRoutingResponse | undefined,
  area: ReviewArea,
): string[] {
  return routing?.areas.find(entry => entry.area === area)?.groups ?? [];
}
