import { Entity } from '@backstage/catalog-model';
import {
  configApiRef,
  identityApiRef,
  StorageApi,
  storageApiRef,
} from '@backstage/core-plugin-api';
import { JsonObject } from '@backstage/types';
import {
  CatalogApi,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  MockFetchApi,
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { ReactElement } from 'react';
import {
  createTechRequestsApi,
  techRequestsApiRef,
} from '../api/TechRequestsApi';
import { offeringsRouteRef, rootRouteRef } from '../routes';
import { BACKEND_URL } from './fixtures';

/**
 * The plugin's real API, as its factory builds it: the common package's client, found
 * through discovery and calling through the fetch API (the global fetch, which msw
 * intercepts).
 */
export function createTestTechRequestsApi() {
  return createTechRequestsApi({
    discoveryApi: mockApis.discovery({ baseUrl: BACKEND_URL }),
    fetchApi: new MockFetchApi(),
  });
}

/**
 * Renders an element in a legacy test app, with the plugin's API, a signed-in user, an
 * in-memory catalog and the plugin's root and the catalog's entity page mounted.
 */
export function renderInLegacyApp(
  element: ReactElement,
  options: {
    routeEntries?: string[];
    entities?: Entity[];
    /** Replaces the in-memory catalog holding `entities`. */
    catalogApi?: Partial<CatalogApi>;
    userEntityRef?: string;
    /** What the permission policy answers; everything allowed by default. */
    permission?: 'allow' | 'deny';
    /** The app's configuration, as the frontend sees it. */
    config?: JsonObject;
    /** Storage shared with another render; fresh and empty by default. */
    storageApi?: StorageApi;
  } = {},
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [techRequestsApiRef, createTestTechRequestsApi()],
        [storageApiRef, options.storageApi ?? mockApis.storage()],
        [configApiRef, mockApis.config({ data: options.config ?? {} })],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: options.userEntityRef ?? 'user:default/jane.doe',
          }),
        ],
        [
          permissionApiRef,
          mockApis.permission({
            authorize:
              options.permission === 'deny'
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          }),
        ],
        [
          catalogApiRef,
          options.catalogApi ??
            catalogApiMock({ entities: options.entities ?? [] }),
        ],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries ?? ['/tech-requests'],
      mountedRoutes: {
        '/tech-requests': rootRouteRef,
        '/offerings': offeringsRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}
