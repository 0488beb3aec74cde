import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  TECH_REQUESTS_EVENT_TOPIC,
  TechRequestChangedEvent,
} from '@tech-requests/plugin-tech-requests-common';
import { TechRequestEntityProcessor } from './processor/TechRequestEntityProcessor';
import { CatalogFulfilments } from './provider/Fulfilments';
import { HttpRequestSource } from './provider/RequestSource';
import { TechRequestEntityProvider } from './provider/TechRequestEntityProvider';

const SCHEDULE_KEY = 'catalog.providers.techRequests.schedule';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 3 },
  // Gives the tech-requests backend time to come up in the same process.
  initialDelay: { seconds: 10 },
};

/**
 * The Tech Requests catalog module: the TechnologyRequest kind and the provider that mirrors
 * requests into the catalog.
 *
 * @public
 */
export const catalogModuleTechRequests = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'tech-requests',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        catalogService: catalogServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        events: eventsServiceRef,
      },
      async init({
        catalog,
        catalogService,
        config,
        logger,
        scheduler,
        discovery,
        auth,
        events,
      }) {
        catalog.addProcessor(new TechRequestEntityProcessor());

        const schedule = config.has(SCHEDULE_KEY)
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig(SCHEDULE_KEY),
            )
          : DEFAULT_SCHEDULE;
        const provider = new TechRequestEntityProvider({
          source: new HttpRequestSource({ discovery, auth }),
          fulfilments: new CatalogFulfilments(catalogService, auth),
          logger,
          apiBaseUrl: await discovery.getExternalBaseUrl('tech-requests'),
          taskRunner: scheduler.createScheduledTaskRunner(schedule),
        });
        catalog.addEntityProvider(provider);

        await events.subscribe({
          id: 'catalog-tech-requests-provider',
          topics: [TECH_REQUESTS_EVENT_TOPIC],
          async onEvent(event) {
            await provider.follow(
              event.eventPayload as TechRequestChangedEvent,
            );
          },
        });
      },
    });
  },
});
