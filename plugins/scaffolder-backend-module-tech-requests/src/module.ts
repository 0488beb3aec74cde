import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createTechRequestsServiceClient } from '@tech-requests/plugin-tech-requests-node';
import { ActionClientFactory } from './actions/client';
import { createTechRequestsGateAction } from './actions/gate';
import { createTechRequestsLinkAction } from './actions/link';

/**
 * The Tech Requests scaffolder module: `tech-requests:gate` and `tech-requests:link`, so that
 * templates scaffold only work an approved request covers, and name it in what they create.
 *
 * @public
 */
export const scaffolderModuleTechRequests = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'tech-requests',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, discovery, auth }) {
        const clientFor: ActionClientFactory = credentials =>
          createTechRequestsServiceClient({ discovery, auth, credentials });
        scaffolder.addActions(
          createTechRequestsGateAction({ clientFor }),
          createTechRequestsLinkAction({ clientFor }),
        );
      },
    });
  },
});
