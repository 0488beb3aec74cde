import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import AssignmentIcon from '@material-ui/icons/Assignment';
import StorefrontIcon from '@material-ui/icons/Storefront';
import {
  createTechRequestsApi,
  techRequestsApiRef,
} from './api/TechRequestsApi';
import {
  newRequestRouteRef,
  offeringsRouteRef,
  requestRouteRef,
  rootRouteRef,
} from './routes';

const techRequestsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: techRequestsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: createTechRequestsApi,
    }),
});

const techRequestsPage = PageBlueprint.make({
  params: {
    path: '/tech-requests',
    routeRef: rootRouteRef,
    title: 'Tech Requests',
    icon: <AssignmentIcon fontSize="inherit" />,
    loader: () => import('./components/Router').then(m => <m.Router />),
  },
});

const offeringsPage = PageBlueprint.make({
  name: 'offerings',
  params: {
    path: '/offerings',
    routeRef: offeringsRouteRef,
    title: 'What IT offers',
    icon: <StorefrontIcon fontSize="inherit" />,
    loader: () =>
      import('./components/OfferingsPage/OfferingsPage').then(m => (
        <m.OfferingsPage />
      )),
  },
});

const entityRequestsCard = EntityCardBlueprint.make({
  name: 'requests',
  params: {
    filter: { kind: { $in: ['component', 'system', 'api', 'resource'] } },
    loader: () =>
      import('./components/entity/EntityRequestsCard').then(m => (
        <m.EntityRequestsCard />
      )),
  },
});

const requestEntityContent = EntityContentBlueprint.make({
  name: 'request',
  params: {
    path: '/request',
    title: 'Request',
    filter: { kind: 'technologyrequest' },
    loader: () =>
      import('./components/entity/RequestEntityContent').then(m => (
        <m.RequestEntityContent />
      )),
  },
});

/**
 * The Tech Requests frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'tech-requests',
  title: 'Tech Requests',
  icon: <AssignmentIcon fontSize="inherit" />,
  routes: {
    root: rootRouteRef,
    newRequest: newRequestRouteRef,
    request: requestRouteRef,
    offerings: offeringsRouteRef,
  },
  extensions: [
    techRequestsApi,
    techRequestsPage,
    offeringsPage,
    entityRequestsCard,
    requestEntityContent,
  ],
});
