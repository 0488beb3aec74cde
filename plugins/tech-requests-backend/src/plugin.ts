import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { Config } from '@backstage/config';
import {
  REQUEST_STATUSES,
  RequestStatus,
  ServiceLevelTargets,
} from '@tech-requests/plugin-tech-requests-common';
import { notificationService } from '@backstage/plugin-notifications-node';
import { RequestNotifier } from './service/RequestNotifier';
import {
  ReuseEmbeddingProvider,
  techRequestsReuseExtensionPoint,
} from '@tech-requests/plugin-tech-requests-node';
import { DatabaseVectorStore } from './database/EmbeddingStore';
import { RequestStore } from './database/RequestStore';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import { techRequestsPermissions } from '@tech-requests/plugin-tech-requests-common';
import { RequestPermissions } from './permissions/RequestPermissions';
import { techRequestResourceRef, techRequestRules } from './permissions/rules';
import { SemanticMatcher } from './reuse/SemanticMatcher';
import {
  AssessmentService,
  catalogFactsReader,
} from './service/AssessmentService';
import {
  costPolicyFromConfig,
  riskPolicyFromConfig,
  StandardsSource,
} from './service/assessmentConfig';
import {
  CatalogReuseSource,
  reuseIndexRefresher,
} from './reuse/CatalogReuseSource';
import { ReuseEngine } from './reuse/ReuseEngine';
import { WordNetThesaurus } from './reuse/Thesaurus';
import { normalizeCapability, Vocabulary } from './reuse/Vocabulary';
import { RequestEvents } from './service/RequestEvents';
import { ActorResolver } from './service/ActorResolver';
import { RequestService } from './service/RequestService';
import { createRouter } from './service/router';

/** `techRequests.serviceLevels`: working days per stage. */
function serviceLevelsFromConfig(config: Config): ServiceLevelTargets {
  const levels = config.getOptionalConfig('techRequests.serviceLevels');
  const targets: ServiceLevelTargets = {};
  for (const status of levels?.keys() ?? []) {
    if (!(REQUEST_STATUSES as readonly string[]).includes(status)) {
      throw new Error(
        `techRequests.serviceLevels.${status} is not a request status; use one of ${REQUEST_STATUSES.join(', ')}`,
      );
    }
    targets[status as RequestStatus] = {
      workingDays: levels!.getNumber(`${status}.workingDays`),
    };
  }
  return targets;
}

/** The kinds suggested for reuse unless `techRequests.reuse.kinds` says otherwise. */
const DEFAULT_REUSE_KINDS = ['Component', 'System', 'API', 'Resource'];

/** Checks the catalog for changes every minute; a rebuild happens only when it changed. */
const DEFAULT_REUSE_SCHEDULE = {
  frequency: { minutes: 1 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 5 },
};

/** Requests that similar requests are chosen from: on record, not withdrawn. */
const SIMILARITY_STATUSES = [
  'submitted',
  'in-review',
  'approved',
  'rejected',
  'deferred',
  'in-delivery',
  'completed',
] as const;

/**
 * The Tech Requests backend plugin: the REST API under `/api/tech-requests`.
 *
 * @public
 */
export const techRequestsPlugin = createBackendPlugin({
  pluginId: 'tech-requests',
  register(env) {
    let embeddingProvider: ReuseEmbeddingProvider | undefined;
    env.registerExtensionPoint(techRequestsReuseExtensionPoint, {
      setEmbeddingProvider(provider) {
        if (!provider.id || provider.id.length > 100) {
          throw new Error(
            'An embedding provider needs an id of 1 to 100 characters: stored vectors are kept under it',
          );
        }
        if (embeddingProvider) {
          throw new Error(
            `An embedding provider is already set (${embeddingProvider.id}); there can be one`,
          );
        }
        embeddingProvider = provider;
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        notifications: notificationService,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        httpAuth,
        userInfo,
        auditor,
        auth,
        permissions,
        permissionsRegistry,
        scheduler,
        catalog,
        events,
        notifications,
      }) {
        const store = await RequestStore.create(database);
        const announcer = new RequestEvents(events, logger);
        const reuseConfig = config.getOptionalConfig('techRequests.reuse');
        const reuse = new ReuseEngine({
          vocabulary: Vocabulary.withDefaults(
            (reuseConfig?.getOptional<unknown[]>('capabilities') ?? []).map(
              item =>
                normalizeCapability(item, 'techRequests.reuse.capabilities'),
            ),
          ),
          thesaurus: WordNetThesaurus.load(),
          logger,
          minimumScore: reuseConfig?.getOptionalNumber('minimumScore'),
          semantic:
            embeddingProvider &&
            new SemanticMatcher(
              embeddingProvider,
              new DatabaseVectorStore(await database.getClient()),
            ),
          semanticWeight: reuseConfig?.getOptionalNumber('semanticWeight'),
          loadRequests: () => store.listInStatuses(SIMILARITY_STATUSES),
        });
        const source = new CatalogReuseSource(
          catalog,
          auth,
          reuseConfig?.getOptionalStringArray('kinds') ?? DEFAULT_REUSE_KINDS,
        );
        const refreshReuseIndex = reuseIndexRefresher(source, reuse, logger);
        await scheduler.scheduleTask({
          id: 'tech-requests-reuse-index',
          // Every instance answers from its own in-memory index.
          scope: 'local',
          ...(reuseConfig?.has('schedule')
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                reuseConfig.getConfig('schedule'),
              )
            : DEFAULT_REUSE_SCHEDULE),
          fn: refreshReuseIndex,
        });
        reuse.refreshOnDemandWith(refreshReuseIndex);
        const actors = ActorResolver.fromConfig({ config, userInfo, logger });
        const notifier = new RequestNotifier(
          notifications,
          {
            reviewers: actors.groupsActingOnOthers(),
            reviewAreas: actors.routing(),
          },
          logger,
        );
        const assessor = new AssessmentService({
          standards: StandardsSource.fromConfig(config, logger),
          riskPolicy: riskPolicyFromConfig(config),
          costPolicy: costPolicyFromConfig(config),
          readFacts: catalogFactsReader(catalog, auth),
          similarRequests: request => reuse.similarRequestsFor(request),
        });
        const service = new RequestService(store, {
          assessor,
          reviewRouting: actors.routing(),
          onChange: async event => {
            reuse.requestsChanged();
            await announcer.changed(event);
            // Not awaited: people hear of the change after it is answered, never instead.
            store
              .getRequest(event.requestId)
              .then(request => notifier.changed(event, request))
              .catch(error => logger.warn('Could not notify', error));
          },
          reuse: {
            snapshotFor: request => reuse.snapshotFor(request),
            describe: entityRef => source.describe(entityRef),
          },
        });
        permissionsRegistry.addResourceType({
          resourceRef: techRequestResourceRef,
          permissions: techRequestsPermissions,
          rules: Object.values(techRequestRules),
          getResources: async ids =>
            Promise.all(
              ids.map(async id =>
                /^\d+$/.test(id) ? store.getRequest(Number(id)) : undefined,
              ),
            ),
        });
        const requestPermissions = new RequestPermissions(
          permissions,
          createConditionTransformer(
            permissionsRegistry.getPermissionRuleset(techRequestResourceRef),
          ),
        );
        httpRouter.use(
          createRouter({
            service,
            reuse,
            permissions: requestPermissions,
            serviceLevels: serviceLevelsFromConfig(config),
            actors,
            httpAuth,
            auditor,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
