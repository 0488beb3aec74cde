import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  ReuseEmbeddingProvider,
  techRequestsReuseExtensionPoint,
} from '@tech-requests/plugin-tech-requests-node';
import request from 'supertest';
import { as, PEOPLE, startPluginBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

/**
 * A stand-in model that knows one thing: signing and autographs mean the same. Every text
 * gets a dimension for that meaning and one for everything else.
 */
const provider: ReuseEmbeddingProvider = {
  id: 'test-signing-model',
  unrelatedBelow: 0.5,
  embed: jest.fn(async (texts: string[]) =>
    texts.map(text =>
      /autograph|sign/i.test(text)
        ? Float32Array.from([1, 0])
        : Float32Array.from([0, 1]),
    ),
  ),
};

const embeddingModule = createBackendModule({
  pluginId: 'tech-requests',
  moduleId: 'test-embeddings',
  register(env) {
    env.registerInit({
      deps: { reuse: techRequestsReuseExtensionPoint },
      async init({ reuse }) {
        reuse.setEmbeddingProvider(provider);
      },
    });
  },
});

describe('reuse suggestions with an embedding provider', () => {
  const databases = createTestDatabases();
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    const backend = await startPluginBackend({
      knex,
      extraFeatures: [embeddingModule],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop();
  });

  it('finds an entity close in meaning when no word or capability is shared, and says why', async () => {
    const res = await request(server)
      .post('/api/tech-requests/reuse/suggestions')
      .set('Authorization', as(PEOPLE.jane))
      .send({
        text: 'Clients should put their autograph on paperwork remotely',
      });
    expect(res.status).toBe(200);
    expect(res.body.items[0].entityRef).toBe('component:default/esign-gateway');
    expect(res.body.items[0].reasons).toContain(
      'Close in meaning to the need (100% by the language model)',
    );
    const refs = res.body.items.map((item: any) => item.entityRef);
    expect(refs).not.toContain('component:default/kafka-orders');
  });
});
