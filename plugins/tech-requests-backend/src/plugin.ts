import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { RequestStore } from './database/RequestStore';
import { RequestEvents } from './service/RequestEvents';
import { ActorResolver } from './service/ActorResolver';
import { RequestService } from './service/RequestService';
import { createRouter } from './service/router';

/**
 * The Tech Requests backend plugin: the REST API under `/api/tech-requests`.
 *
 * @public
 */
export const techRequestsPlugin = createBackendPlugin({
  pluginId: 'tech-requests',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        auditor: coreServices.auditor,
        events: eventsServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        httpAuth,
        userInfo,
        auditor,
        events,
      }) {
        const store = await RequestStore.create(database);
        const announcer = new RequestEvents(events, logger);
        const service = new RequestService(store, {
          onChange: event => announcer.changed(event),
        });
        const actors = ActorResolver.fromConfig({ config, userInfo, logger });
        httpRouter.use(createRouter({ service, actors, httpAuth, auditor }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
