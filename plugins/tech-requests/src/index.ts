/**
 * Tech Requests frontend plugin: file, follow, review and decide technology requests.
 * Legacy frontend system exports; the new frontend system's plugin is in `./alpha`.
 *
 * @packageDocumentation
 */
export {
  techRequestsPlugin,
  TechRequestsPage,
  TechRequestsOfferingsPage,
  TechRequestsPortfolioPage,
  EntityTechRequestsCard,
  EntityTechRequestContent,
  TechRequestsHomeCard,
} from './plugin';
export type { HomeCardContent } from './components/home/titles';
export {
  techRequestsApiRef,
  createTechRequestsApi,
} from './api/TechRequestsApi';
export type { TechRequestsApi } from './api/TechRequestsApi';
export { offeringsRouteRef, portfolioRouteRef, rootRouteRef } from './routes';
export { TechRequestSearchResultListItem } from './components/search/TechRequestSearchResultListItem';
