import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { TechRequestsClient } from '@tech-requests/plugin-tech-requests-common';

/** The calls the actions make to the Tech Requests backend. */
export type ActionClient = Pick<
  TechRequestsClient,
  'checkGate' | 'getRequest' | 'transition' | 'addComment'
>;

/**
 * A client that calls the backend with the given credentials: the actions pass those of the
 * person who runs the template, so that the backend applies that person's permissions.
 */
export type ActionClientFactory = (
  credentials: () => Promise<BackstageCredentials>,
) => ActionClient;
