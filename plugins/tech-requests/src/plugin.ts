import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  createTechRequestsApi,
  techRequestsApiRef,
} from './api/TechRequestsApi';
import { offeringsRouteRef, portfolioRouteRef, rootRouteRef } from './routes';

/** The Tech Requests frontend plugin (legacy frontend system). */
export const techRequestsPlugin = createPlugin({
  id: 'tech-requests',
  routes: {
    root: rootRouteRef,
    offerings: offeringsRouteRef,
    portfolio: portfolioRouteRef,
  },
  apis: [
    createApiFactory({
      api: techRequestsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: createTechRequestsApi,
    }),
  ],
});

/** The plugin's pages: mount it at a route such as `/tech-requests`. */
export const TechRequestsPage = techRequestsPlugin.provide(
  createRoutableExtension({
    name: 'TechRequestsPage',
    mountPoint: rootRouteRef,
    component: () => import('./components/Router').then(m => m.Router),
  }),
);

/** "What IT offers": mount it at a route such as `/offerings`. */
export const TechRequestsOfferingsPage = techRequestsPlugin.provide(
  createRoutableExtension({
    name: 'TechRequestsOfferingsPage',
    mountPoint: offeringsRouteRef,
    component: () =>
      import('./components/OfferingsPage/OfferingsPage').then(
        m => m.OfferingsPage,
      ),
  }),
);

/** "Portfolio", for deciders and IT leadership: mount it at a route such as `/portfolio`. */
export const TechRequestsPortfolioPage = techRequestsPlugin.provide(
  createRoutableExtension({
    name: 'TechRequestsPortfolioPage',
    mountPoint: portfolioRouteRef,
    component: () =>
      import('./components/PortfolioPage/PortfolioPage').then(
        m => m.PortfolioPage,
      ),
  }),
);

/** Card for Component, System, API and Resource pages: the requests that name the entity. */
export const EntityTechRequestsCard = techRequestsPlugin.provide(
  createComponentExtension({
    name: 'EntityTechRequestsCard',
    component: {
      lazy: () =>
        import('./components/entity/EntityRequestsCard').then(
          m => m.EntityRequestsCard,
        ),
    },
  }),
);

/**
 * A card for a portal's home page: `show="waiting-for-me"` (requests waiting for the signed-in
 * person), `"mine"` (the ones they filed) or `"offerings"` (what IT offers).
 */
export const TechRequestsHomeCard = techRequestsPlugin.provide(
  createComponentExtension({
    name: 'TechRequestsHomeCard',
    component: {
      lazy: () => import('./components/home/HomeCards').then(m => m.HomeCard),
    },
  }),
);

/** Content for TechnologyRequest entity pages: the request's summary and a link to it. */
export const EntityTechRequestContent = techRequestsPlugin.provide(
  createComponentExtension({
    name: 'EntityTechRequestContent',
    component: {
      lazy: () =>
        import('./components/entity/RequestEntityContent').then(
          m => m.RequestEntityContent,
        ),
    },
  }),
);
