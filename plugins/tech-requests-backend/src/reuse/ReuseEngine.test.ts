import { mockServices } from '@backstage/backend-test-utils';
import { ReuseEmbeddingProvider } from '@tech-requests/plugin-tech-requests-node';
import { TechRequest } from '@tech-requests/plugin-tech-requests-common';
import { aRequest } from '../__testUtils__/aRequest';
import { CATALOG } from '../__testUtils__/backend';
import { MemoryVectorStore } from '../database/EmbeddingStore';
import { REQUESTS_RECHECK_MS, ReuseEngine } from './ReuseEngine';
import { toReuseEntities } from './reuseEntities';
import { SemanticMatcher } from './SemanticMatcher';
import { WordNetThesaurus } from './Thesaurus';
import { Vocabulary } from './Vocabulary';

/**
 * A model that holds its answers for the catalog until told to go on, as a first embedding of
 * a large catalog does; a query, one text, it answers at once.
 */
function slowModel() {
  let release!: () => void;
  const released = new Promise<void>(resolve => {
    release = resolve;
  });
  const provider: ReuseEmbeddingProvider = {
    id: 'slow-model',
    unrelatedBelow: 0.5,
    embed: async texts => {
      if (texts.length > 1) {
        await released;
      }
      return texts.map(text =>
        /autograph|sign/i.test(text)
          ? Float32Array.from([1, 0])
          : Float32Array.from([0, 1]),
      );
    },
  };
  return { provider, release };
}

function engineWith(provider: ReuseEmbeddingProvider) {
  return new ReuseEngine({
    vocabulary: Vocabulary.withDefaults(),
    thesaurus: WordNetThesaurus.load(),
    logger: mockServices.logger.mock(),
    loadRequests: async () => [],
    semantic: new SemanticMatcher(provider, new MemoryVectorStore()),
  });
}

const BY_MEANING_ONLY = {
  text: 'Clients should put their autograph on paperwork remotely',
};
const BY_WORDS = { text: 'Kafka topics for order events' };

describe('ReuseEngine while the first embeddings are computed', () => {
  it('answers by words at once, and by meaning too once the vectors are ready', async () => {
    const { provider, release } = slowModel();
    const engine = engineWith(provider);
    const built = engine.replaceEntities(toReuseEntities(CATALOG));

    const early = await engine.suggest(BY_WORDS);
    expect(early.items[0]?.entityRef).toBe('component:default/kafka-orders');
    const notYet = await engine.suggest(BY_MEANING_ONLY);
    expect(notYet.items.map(item => item.entityRef)).not.toContain(
      'component:default/esign-gateway',
    );

    release();
    await built;
    const later = await engine.suggest(BY_MEANING_ONLY);
    expect(later.items[0]?.entityRef).toBe('component:default/esign-gateway');
  });

  it('keeps answering from the previous index, vectors and all, while a new one is embedded', async () => {
    const { provider, release } = slowModel();
    const engine = engineWith(provider);
    const first = engine.replaceEntities(toReuseEntities(CATALOG));
    release();
    await first;

    const { provider: slower, release: releaseSlower } = slowModel();
    provider.embed = slower.embed;
    const withNewEntity = toReuseEntities([
      ...CATALOG,
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'autograph-kiosk', namespace: 'default' },
        spec: { type: 'service', owner: 'group:default/it' },
      },
    ]);
    const second = engine.replaceEntities(withNewEntity);
    const meanwhile = await engine.suggest(BY_MEANING_ONLY);
    expect(meanwhile.items[0]?.entityRef).toBe(
      'component:default/esign-gateway',
    );
    expect(meanwhile.indexedEntities).toBe(CATALOG.length);

    releaseSlower();
    await second;
    expect((await engine.suggest(BY_MEANING_ONLY)).indexedEntities).toBe(
      CATALOG.length + 1,
    );
  });
});

describe('ReuseEngine with requests changed through another instance', () => {
  afterEach(() => jest.useRealTimers());

  it('finds them among similar requests once the recheck interval has passed', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    const stored: TechRequest[] = [];
    let fingerprint = 'empty';
    const loadRequests = jest.fn(async () => [...stored]);
    const engine = new ReuseEngine({
      vocabulary: Vocabulary.withDefaults(),
      thesaurus: WordNetThesaurus.load(),
      logger: mockServices.logger.mock(),
      loadRequests,
      requestsFingerprint: async () => fingerprint,
    });
    await engine.replaceEntities(toReuseEntities(CATALOG));
    const ask = async () =>
      (
        await engine.suggest({
          text: 'Clients sign engagement letters online with an e-signature',
        })
      ).similarRequests.map(similar => similar.id);
    expect(await ask()).toEqual([]);

    // Another instance files a request: this one's store sees it, its index does not yet.
    stored.push(
      aRequest({
        id: 7,
        status: 'submitted',
        title: 'E-signature for engagement letters',
        need: 'Clients sign engagement letters online with an e-signature.',
      }),
    );
    fingerprint = 'one request';
    expect(await ask()).toEqual([]);
    expect(loadRequests).toHaveBeenCalledTimes(1);

    jest.advanceTimersByTime(REQUESTS_RECHECK_MS);
    expect(await ask()).toEqual([7]);
    expect(loadRequests).toHaveBeenCalledTimes(2);
    // Nothing changed since: no rebuild.
    jest.advanceTimersByTime(REQUESTS_RECHECK_MS);
    await ask();
    expect(loadRequests).toHaveBeenCalledTimes(2);
  });
});
