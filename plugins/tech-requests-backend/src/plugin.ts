import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { isResourcePermission } from '@backstage/plugin-permission-common';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import {
  ON_RECORD_STATUSES,
  techRequestsPermissions,
} from '@tech-requests/plugin-tech-requests-common';
import {
  ReuseEmbeddingProvider,
  techRequestsReuseExtensionPoint,
} from '@tech-requests/plugin-tech-requests-node';
import { registerTechRequestsActions } from './actions/registerActions';
import { RequestEvents } from './announce/RequestEvents';
import { RequestNotifier } from './announce/RequestNotifier';
import { CatalogReuseSource } from './catalog/CatalogReuseSource';
import { catalogFactsReader } from './catalog/entityFacts';
import {
  costPolicyFromConfig,
  riskPolicyFromConfig,
} from './config/assessment';
import { refuseUnknownKeys } from './config/knownKeys';
import { reuseSettingsFromConfig } from './config/reuse';
import { serviceLevelsFromConfig } from './config/serviceLevels';
import { StandardsSource } from './config/standards';
import { DatabaseVectorStore } from './database/EmbeddingStore';
import { PortfolioLedger } from './database/PortfolioLedger';
import { PortfolioStore } from './database/PortfolioStore';
import { RequestStore } from './database/RequestStore';
import { createRouter } from './http/router';
import { RequestPermissions } from './permissions/RequestPermissions';
import { techRequestResourceRef, techRequestRules } from './permissions/rules';
import { ActorResolver } from './requests/ActorResolver';
import { AssessmentService } from './requests/AssessmentService';
import { RequestService } from './requests/RequestService';
import { reuseIndexFollowsDecisions } from './reuse/followDecisions';
import { reuseIndexRefresher } from './reuse/refresher';
import { OfferingsCatalog } from './offerings/OfferingsCatalog';
import { offeringSettingsFromConfig } from './config/offerings';
import { gateSettingsFromConfig } from './config/gate';
import { CoverageCensus } from './gate/CoverageCensus';
import { GateService } from './gate/GateService';
import { namedByVocabulary } from './portfolio/portfolioFacts';
import { PortfolioService } from './portfolio/PortfolioService';
import { ReuseEngine } from './reuse/ReuseEngine';
import { SemanticMatcher } from './reuse/SemanticMatcher';
import { WordNetThesaurus } from './reuse/Thesaurus';
import { Vocabulary } from './reuse/Vocabulary';

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
        actionsRegistry: actionsRegistryServiceRef,
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
        actionsRegistry,
      }) {
        refuseUnknownKeys(config);
        const reuseSettings = reuseSettingsFromConfig(config);
        const vocabulary = Vocabulary.withDefaults(reuseSettings.capabilities);
        const portfolioLedger = new PortfolioLedger(
          namedByVocabulary(vocabulary),
        );
        const store = await RequestStore.create(database, portfolioLedger);
        const portfolioStore = new PortfolioStore(await database.getClient());
        const factsWritten =
          await portfolioStore.recordMissing(portfolioLedger);
        if (factsWritten) {
          logger.info(
            `The portfolio counts ${factsWritten} requests filed before it existed`,
          );
        }
        logger.info(
          embeddingProvider
            ? `Reuse suggestions match by meaning with ${embeddingProvider.id}, and by words and capabilities`
            : 'Reuse suggestions match by words and capabilities only: no embedding provider is installed (see the README for the sentence-encoder module)',
        );
        const costPolicy = costPolicyFromConfig(config);
        const offerings = new OfferingsCatalog({
          vocabulary,
          settings: offeringSettingsFromConfig(config, reuseSettings.kinds),
          currency: costPolicy.currency,
        });
        const reuse = new ReuseEngine({
          vocabulary,
          thesaurus: WordNetThesaurus.load(),
          logger,
          minimumScore: reuseSettings.minimumScore,
          similarRequestMinimumScore: reuseSettings.similarRequestMinimumScore,
          semantic:
            embeddingProvider &&
            new SemanticMatcher(
              embeddingProvider,
              new DatabaseVectorStore(await database.getClient()),
            ),
          semanticWeight: reuseSettings.semanticWeight,
          loadRequests: () => store.listInStatuses(ON_RECORD_STATUSES),
          requestsFingerprint: () => store.requestsFingerprint(),
        });
        const source = new CatalogReuseSource(
          catalog,
          auth,
          reuseSettings.kinds,
        );
        const gateSettings = gateSettingsFromConfig(config);
        const census = new CoverageCensus(gateSettings, ids =>
          store.requestsByIds(ids),
        );
        const refreshReuseIndex = reuseIndexRefresher(
          source,
          [offerings, census, reuse],
          logger,
        );
        await scheduler.scheduleTask({
          id: 'tech-requests-reuse-index',
          // Every instance answers from its own in-memory index.
          scope: 'local',
          ...reuseSettings.schedule,
          fn: refreshReuseIndex,
        });
        reuse.refreshOnDemandWith(refreshReuseIndex);
        const followDecision = reuseIndexFollowsDecisions({
          readEntity: entityRef => source.read(entityRef),
          refresh: refreshReuseIndex,
          logger,
        });

        const actors = ActorResolver.fromConfig({ config, userInfo, logger });
        const announcer = new RequestEvents(events, logger);
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
          costPolicy,
          readFacts: catalogFactsReader(catalog, auth),
          similarRequests: request => reuse.similarRequestsFor(request),
        });

        permissionsRegistry.addPermissions(
          techRequestsPermissions.filter(p => !isResourcePermission(p)),
        );
        permissionsRegistry.addResourceType({
          resourceRef: techRequestResourceRef,
          permissions: techRequestsPermissions.filter(p =>
            isResourcePermission(p),
          ),
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
          {
            servicesReadDrafts:
              config.getOptionalBoolean(
                'techRequests.serviceAccess.readDrafts',
              ) ?? false,
            draftsAmong: ids => store.draftsAmong(ids),
          },
        );

        const service = new RequestService({
          store,
          permissions: requestPermissions,
          assessor,
          reviewRouting: actors.routing(),
          serviceLevels: serviceLevelsFromConfig(config),
          onChange: async (event, request) => {
            reuse.requestsChanged();
            if (event.action === 'approve') {
              // Not awaited: the index follows the catalog in its own time.
              void followDecision(request);
            }
            await announcer.changed(event);
            // Not awaited: people hear of the change after it is answered, never instead.
            notifier
              .changed(event, request)
              .catch(error => logger.warn('Could not notify', error));
          },
          reuse: {
            suggest: query => reuse.suggest(query),
            snapshotFor: request => reuse.snapshotFor(request),
            describe: entityRef => source.describe(entityRef),
            offering: entityRef => offerings.offered(entityRef),
          },
        });
        const portfolio = new PortfolioService({
          store: portfolioStore,
          permissions,
          serviceLevels: serviceLevelsFromConfig(config),
          currency: costPolicy.currency,
          delivery: owner => census.count(owner),
        });
        const gate = new GateService(gateSettings, {
          readRequest: (id, reader) => service.readIfVisible(id, reader),
          readEntity: async entityRef =>
            (await catalog.getEntityByRef(entityRef, {
              credentials: await auth.getOwnServiceCredentials(),
            })) ?? undefined,
        });
        registerTechRequestsActions(actionsRegistry, {
          service,
          gate,
          actors,
          appBaseUrl: gateSettings.appBaseUrl,
        });
        httpRouter.use(
          createRouter({
            service,
            offerings,
            portfolio,
            gate,
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
