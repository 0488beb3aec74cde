import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { createTechRequestsServiceClient } from '@tech-requests/plugin-tech-requests-node';
import { TechRequestsCollatorFactory } from './TechRequestsCollatorFactory';

const CONFIG_KEY = 'search.collators.techRequests';

/** Every ten minutes, starting shortly after start-up. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};

/**
 * The Tech Requests search module: indexes the requests people may read, so that "has anyone
 * asked for e-signature?" is answered from the portal's search bar.
 *
 * @public
 */
export const searchModuleTechRequestsCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'tech-requests-collator',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ config, discovery, auth, scheduler, indexRegistry }) {
        const settings = config.getOptionalConfig(CONFIG_KEY);
        const schedule = settings?.has('schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              settings.getConfig('schedule'),
            )
          : DEFAULT_SCHEDULE;
        // The module reads as itself, a service: the backend gives services no drafts.
        const client = createTechRequestsServiceClient({ discovery, auth });
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new TechRequestsCollatorFactory({
            pages: () => client.eachRequestPage(),
            locationTemplate: settings?.getOptionalString('locationTemplate'),
          }),
        });
      },
    });
  },
});
