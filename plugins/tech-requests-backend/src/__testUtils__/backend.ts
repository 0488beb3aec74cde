import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  TECH_REQUESTS_EVENT_TOPIC,
  TechRequestChangedEvent,
} from '@tech-requests/plugin-tech-requests-common';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { mockUserInfoFactory } from '@tech-requests/plugin-tech-requests-node/testUtils';
import { techRequestsPlugin } from '../plugin';

/** Example people and the groups they belong to. */
export const PEOPLE = {
  jane: 'user:default/jane.doe', // legal, files requests
  john: 'user:default/john.roe', // legal too
  tom: 'user:default/tom.baker', // marketing
  priya: 'user:default/priya.shah', // architecture board: reviewer
  lena: 'user:default/lena.fischer', // portfolio board: decider
  sam: 'user:default/sam.okafor', // security office: security reviews, when routed
  elena: 'user:default/elena.rossi', // privacy office: privacy reviews, when routed
  multi: 'user:default/mia.lang', // legal and sales
} as const;

export const MEMBERSHIPS: Record<string, string[]> = {
  [PEOPLE.jane]: ['group:default/legal'],
  [PEOPLE.john]: ['group:default/legal'],
  [PEOPLE.tom]: ['group:default/marketing'],
  [PEOPLE.priya]: ['group:default/architecture-board'],
  [PEOPLE.lena]: ['group:default/portfolio-board'],
  [PEOPLE.sam]: ['group:default/security-office'],
  [PEOPLE.elena]: ['group:default/privacy-office'],
  [PEOPLE.multi]: ['group:default/legal', 'group:default/sales'],
};

/** Group membership as the catalog would report it; the catalog is not what these tests are about. */
const userInfoFactory = mockUserInfoFactory(ref => MEMBERSHIPS[ref] ?? []);

function component(
  name: string,
  title: string,
  description: string,
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', title, description },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/platform',
      ...spec,
    },
  };
}

/** A small catalog for reuse suggestions: one obvious answer to a signing need, and noise. */
export const CATALOG: Entity[] = [
  component(
    'esign-gateway',
    'E-signature gateway',
    'Wrapper around the DocuSign eSignature REST API for envelope creation and signing ceremonies.',
  ),
  component(
    'legacy-sign',
    'Legacy signature service',
    'Old Adobe Sign integration for contract signatures, being replaced.',
    { lifecycle: 'deprecated' },
  ),
  component(
    'kafka-orders',
    'Order events',
    'Kafka topics for order events between the webshop and the warehouse.',
  ),
  component(
    'video-meetings',
    'Zoom meetings',
    'Zoom Business accounts with SSO provisioning and cloud recording.',
  ),
];

/** The Authorization header of a person. */
export const as = (user: string) => mockCredentials.user.header(user);

/** What a test backend is started with, besides its database. */
export interface PluginBackendOptions {
  extraFeatures?: any[];
  /** More `techRequests` config, over the defaults of these tests. */
  techRequests?: Record<string, unknown>;
  /** Other top-level config, such as `permission`. */
  config?: Record<string, unknown>;
  /** Entities the catalog holds besides `CATALOG`. */
  catalog?: Entity[];
}

/**
 * Starts a backend with the plugin on the given database, roles configured as in the
 * example. Decisions wait for no mandatory review unless `techRequests.risk` says otherwise:
 * the tests of mandatory reviews set it.
 */
export async function startPluginBackend(
  options: PluginBackendOptions & { knex: Knex },
) {
  return startTestBackend({
    features: [
      techRequestsPlugin,
      userInfoFactory,
      mockServices.database.factory({ knex: options.knex }),
      catalogServiceMock.factory({
        entities: [...CATALOG, ...(options.catalog ?? [])],
      }),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          techRequests: {
            workflow: {
              reviewerGroups: ['group:default/architecture-board'],
              deciderGroups: ['group:default/portfolio-board'],
            },
            risk: { mandatoryReviews: [] },
            reuse: {
              // No initial delay: the test scheduler then builds the index at start-up.
              schedule: { frequency: { minutes: 10 }, timeout: { minutes: 1 } },
            },
            ...options.techRequests,
          },
        },
      }),
      ...(options.extraFeatures ?? []),
    ],
  });
}

/** A module that collects what the plugin announces on the events service. */
export function eventCollector(received: TechRequestChangedEvent[]) {
  return createBackendModule({
    pluginId: 'tech-requests',
    moduleId: 'test-event-collector',
    register(env) {
      env.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          await events.subscribe({
            id: 'test-event-collector',
            topics: [TECH_REQUESTS_EVENT_TOPIC],
            async onEvent(event) {
              received.push(event.eventPayload as TechRequestChangedEvent);
            },
          });
        },
      });
    },
  });
}

/**
 * Starts the plugin on one test database before the tests of the enclosing describe block and
 * stops it after them. `options` may be a function of the database, for features that need it.
 * Returns a supertest agent for the API, the API's base URL on the listening server and the
 * database, all usable inside tests only.
 */
export function pluginBackendOn(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: PluginBackendOptions | ((knex: Knex) => PluginBackendOptions) = {},
) {
  let started:
    { server: any; knex: Knex; stop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    const backend = await startPluginBackend({
      knex,
      ...(typeof options === 'function' ? options(knex) : options),
    });
    started = { server: backend.server, knex, stop: () => backend.stop() };
  });
  afterAll(async () => {
    await started?.stop();
  });
  const running = () => {
    if (!started) {
      throw new Error('The test backend starts in beforeAll: use it in tests');
    }
    return started;
  };
  return {
    api: () => request(running().server),
    baseUrl: () =>
      `http://localhost:${running().server.address().port}/api/tech-requests`,
    knex: () => running().knex,
  };
}
