import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/core-plugin-api';
import { TechRequestsClient } from '@tech-requests/plugin-tech-requests-common';

/** What the pages need from the backend: the common package's client, as an interface. */
export type TechRequestsApi = Pick<
  TechRequestsClient,
  keyof TechRequestsClient
>;

/** The Backstage API through which the pages reach the tech-requests backend. */
export const techRequestsApiRef = createApiRef<TechRequestsApi>({
  id: 'plugin.tech-requests.service',
});

/** The client, pointed at the backend through discovery, calling with the user's token. */
export function createTechRequestsApi(options: {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}): TechRequestsApi {
  return new TechRequestsClient({
    baseUrl: () => options.discoveryApi.getBaseUrl('tech-requests'),
    fetch: options.fetchApi.fetch,
  });
}
