import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The requests list, root of the plugin's pages. */
export const rootRouteRef = createRouteRef({ id: 'tech-requests' });

/** The intake form. */
export const newRequestRouteRef = createSubRouteRef({
  id: 'tech-requests/new',
  parent: rootRouteRef,
  path: '/new',
});

/** One request. */
export const requestRouteRef = createSubRouteRef({
  id: 'tech-requests/request',
  parent: rootRouteRef,
  path: '/:id',
});

/** "What IT offers": what the company already runs that a team can ask for. */
export const offeringsRouteRef = createRouteRef({
  id: 'tech-requests-offerings',
});

/** "Portfolio": where demand stands, for deciders and IT leadership. */
export const portfolioRouteRef = createRouteRef({
  id: 'tech-requests-portfolio',
});
