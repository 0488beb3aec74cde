import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { TechRequestsClient } from '@tech-requests/plugin-tech-requests-common';

/** How a backend module reaches the Tech Requests backend. */
export interface TechRequestsServiceClientOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  /**
   * Whose credentials each call carries. By default the module's own service credentials,
   * which read every request but drafts; a module acting for a person (a scaffolder task, for
   * instance) passes theirs, so that the backend applies that person's permissions.
   */
  credentials?: () => Promise<BackstageCredentials>;
}

/**
 * A Tech Requests client for backend modules: it finds the backend through discovery and
 * signs every call with a fresh token for the given credentials.
 *
 * @public
 */
export function createTechRequestsServiceClient(
  options: TechRequestsServiceClientOptions,
): TechRequestsClient {
  const { discovery, auth } = options;
  const credentials =
    options.credentials ?? (() => auth.getOwnServiceCredentials());
  return new TechRequestsClient({
    baseUrl: () => discovery.getBaseUrl('tech-requests'),
    fetch: async (input, init) => {
      // Tokens are short-lived: one per call, never cached across calls.
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await credentials(),
        targetPluginId: 'tech-requests',
      });
      return fetch(input, {
        ...init,
        headers: {
          ...(init?.headers as Record<string, string>),
          Authorization: `Bearer ${token}`,
        },
      });
    },
  });
}
