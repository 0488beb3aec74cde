import {
  ApiBlueprint,
  createFrontendModule,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  catalogGraphApiRef,
  DefaultCatalogGraphApi,
} from '@backstage/plugin-catalog-graph';
import {
  TECH_REQUEST_RELATION_PAIRS,
  TECH_REQUESTS_SEARCH_TYPE,
} from '@tech-requests/plugin-tech-requests-common';
import AssignmentIcon from '@material-ui/icons/Assignment';
import StorefrontIcon from '@material-ui/icons/Storefront';
import TimelineIcon from '@material-ui/icons/Timeline';
import {
  createTechRequestsApi,
  techRequestsApiRef,
} from './api/TechRequestsApi';
import { HOME_CARD_TITLES } from './components/home/titles';
import {
  newRequestRouteRef,
  offeringsRouteRef,
  portfolioRouteRef,
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
    // The pages draw their own header; the app's would stack on top and overflow the window.
    noHeader: true,
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
    noHeader: true,
    loader: () =>
      import('./components/OfferingsPage/OfferingsPage').then(m => (
        <m.OfferingsPage />
      )),
  },
});

const portfolioPage = PageBlueprint.make({
  name: 'portfolio',
  params: {
    path: '/portfolio',
    routeRef: portfolioRouteRef,
    title: 'Portfolio',
    icon: <TimelineIcon fontSize="inherit" />,
    noHeader: true,
    loader: () =>
      import('./components/PortfolioPage/PortfolioPage').then(m => (
        <m.PortfolioPage />
      )),
  },
});

/** "Technology requests" among the search page's result types. */
const searchResultType = SearchFilterResultTypeBlueprint.make({
  name: 'tech-requests',
  params: {
    value: TECH_REQUESTS_SEARCH_TYPE,
    name: 'Technology requests',
    icon: <AssignmentIcon />,
  },
});

/** How a request shows among search results (indexed by the search backend module). */
const searchResultListItem = SearchResultListItemBlueprint.make({
  name: 'tech-requests',
  params: {
    predicate: result => result.type === TECH_REQUESTS_SEARCH_TYPE,
    icon: <AssignmentIcon />,
    component: () =>
      import('./components/search/TechRequestSearchResultListItem').then(
        m => m.TechRequestSearchResultListItem,
      ),
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
    portfolio: portfolioRouteRef,
  },
  extensions: [
    techRequestsApi,
    techRequestsPage,
    offeringsPage,
    portfolioPage,
    searchResultType,
    searchResultListItem,
    entityRequestsCard,
    requestEntityContent,
  ],
});

/** One home page widget per list the plugin offers a portal's home page. */
const homeWidgets = (['waiting-for-me', 'mine', 'offerings'] as const).map(
  show =>
    HomePageWidgetBlueprint.make({
      name: `tech-requests-${show}`,
      params: {
        // The name a home page's layout (`defaultConfig`) places the card by.
        name: `tech-requests-${show}`,
        title: HOME_CARD_TITLES[show],
        description:
          show === 'offerings'
            ? 'What IT already runs that a team can use'
            : `Technology requests: ${HOME_CARD_TITLES[show].toLowerCase()}`,
        components: () =>
          import('./components/home/HomeCards').then(m => ({
            Content: () => <m.HomeList show={show} />,
            Actions: () => <m.HomeListLink show={show} />,
          })),
      },
    }),
);

/**
 * Cards for the home page of `@backstage/plugin-home`: what waits for the signed-in person,
 * their requests, and what IT offers.
 */
export const techRequestsHomeModule = createFrontendModule({
  pluginId: 'home',
  extensions: homeWidgets,
});

/** The `TechRequestPicker` field of software templates: one's request approved to build. */
const techRequestPickerField = FormFieldBlueprint.make({
  name: 'tech-request-picker',
  params: {
    field: () =>
      import('./components/scaffolder/TechRequestPicker').then(m =>
        createFormField({
          name: 'TechRequestPicker',
          component: m.TechRequestPicker,
        }),
      ),
  },
});

/**
 * Tech Requests in software templates: the `TechRequestPicker` form field, for templates that
 * use the `tech-requests:gate` and `tech-requests:link` actions. Install it beside the
 * scaffolder plugin.
 *
 * @alpha
 */
/**
 * Teaches the catalog graph (the entity page's relations card and the graph page) the
 * relations requests add: reuse candidates, integrations, what fulfils a request and who
 * reuses what. Without it the graph knows only the catalog's own relation types and shows a
 * request with its owner alone.
 */
export const techRequestsCatalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogGraphApiRef,
          deps: {},
          factory: () =>
            new DefaultCatalogGraphApi({
              knownRelations: [
                ...ALL_RELATIONS,
                ...TECH_REQUEST_RELATION_PAIRS.flat(),
              ],
              knownRelationPairs: [
                ...ALL_RELATION_PAIRS,
                ...TECH_REQUEST_RELATION_PAIRS,
              ],
              defaultRelationTypes: { exclude: [] },
            }),
        }),
    }),
  ],
});

export const techRequestsScaffolderModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [techRequestPickerField],
});
