import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import {
  DatabaseVectorStore,
  MemoryVectorStore,
  VectorStore,
} from './EmbeddingStore';
import { RequestStore } from './RequestStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** A store to test, fresh and empty each time. */
type StoreFactory = () => Promise<VectorStore>;

const stores: Array<[string, StoreFactory]> = [
  ['MemoryVectorStore', async () => new MemoryVectorStore()],
  ...databases.eachSupportedId().map(([databaseId]): [string, StoreFactory] => [
    `DatabaseVectorStore on ${databaseId}`,
    async () => {
      const knex = await databases.init(databaseId);
      // Runs every migration of the plugin, the embeddings table among them.
      await RequestStore.create(mockServices.database({ knex }));
      return new DatabaseVectorStore(knex);
    },
  ]),
];

/** A 64-character lowercase hex string, as a sha256 content hash is. */
function hash(n: number): string {
  return n.toString(16).padStart(64, '0');
}

/** Deterministic values, some negative, none alike. */
function vectorOf(seed: number, dimensions: number): Float32Array {
  return Float32Array.from(
    { length: dimensions },
    (_, i) => Math.sin(seed * 1000 + i) * (i % 3 === 0 ? -1 : 1),
  );
}

/** The exact bits of a vector, so -0, NaN and rounding cannot hide a difference. */
function bitsOf(vector: Float32Array): number[] {
  return Array.from(
    new Uint32Array(
      vector.buffer.slice(
        vector.byteOffset,
        vector.byteOffset + vector.byteLength,
      ),
    ),
  );
}

describe.each(stores)('%s', (_name, createStore) => {
  let store: VectorStore;

  beforeEach(async () => {
    store = await createStore();
  });

  it('reads back the exact values it stored', async () => {
    const special = new Float32Array([
      0,
      -0,
      1,
      -1,
      0.1,
      -0.123456789,
      1e-38, // a subnormal float32
      1e-45, // the smallest subnormal float32
      -1e-45,
      3.4e38,
      -3.4e38,
      Math.PI,
    ]);
    const wide = vectorOf(1, 512);
    // A vector that is a view at an offset into a larger buffer.
    const view = new Float32Array(vectorOf(2, 10).buffer, 8, 4);
    await store.put(
      'provider-a',
      new Map([
        [hash(1), special],
        [hash(2), wide],
        [hash(3), view],
      ]),
    );

    const found = await store.get('provider-a', [hash(1), hash(2), hash(3)]);

    expect([...found.keys()].sort()).toEqual([hash(1), hash(2), hash(3)]);
    expect(found.get(hash(1))).toBeInstanceOf(Float32Array);
    expect(bitsOf(found.get(hash(1))!)).toEqual(bitsOf(special));
    expect(found.get(hash(2))!.length).toBe(512);
    expect(bitsOf(found.get(hash(2))!)).toEqual(bitsOf(wide));
    expect(bitsOf(found.get(hash(3))!)).toEqual(bitsOf(view));
    expect(Array.from(found.get(hash(2))!)).toEqual(Array.from(wide));
  });

  it('keeps vectors as large as common embedding models give', async () => {
    const large = vectorOf(3, 4096);
    await store.put('provider-a', new Map([[hash(1), large]]));

    const found = await store.get('provider-a', [hash(1)]);

    expect(bitsOf(found.get(hash(1))!)).toEqual(bitsOf(large));
  });

  it('finds nothing for hashes it never stored', async () => {
    await store.put('provider-a', new Map([[hash(1), vectorOf(1, 4)]]));

    expect((await store.get('provider-a', [hash(2), hash(3)])).size).toBe(0);
    expect((await store.get('provider-a', [])).size).toBe(0);
  });

  it('finds nothing in an empty store', async () => {
    const found = await store.get('provider-a', [hash(1)]);

    expect(found).toBeInstanceOf(Map);
    expect(found.size).toBe(0);
  });

  it('returns only the stored ones among known and unknown hashes', async () => {
    await store.put(
      'provider-a',
      new Map([
        [hash(1), vectorOf(1, 4)],
        [hash(3), vectorOf(3, 4)],
      ]),
    );

    const found = await store.get('provider-a', [hash(1), hash(2), hash(3)]);

    expect([...found.keys()].sort()).toEqual([hash(1), hash(3)]);
  });

  it('accepts a hash asked for twice', async () => {
    await store.put('provider-a', new Map([[hash(1), vectorOf(1, 4)]]));

    const found = await store.get('provider-a', [hash(1), hash(1)]);

    expect([...found.keys()]).toEqual([hash(1)]);
  });

  it('keeps the first vector of a hash stored again, without error', async () => {
    const first = vectorOf(1, 8);
    await store.put('provider-a', new Map([[hash(1), first]]));

    await expect(
      store.put(
        'provider-a',
        new Map([
          [hash(1), vectorOf(99, 8)],
          [hash(2), vectorOf(2, 8)],
        ]),
      ),
    ).resolves.toBeUndefined();

    const found = await store.get('provider-a', [hash(1), hash(2)]);
    expect(bitsOf(found.get(hash(1))!)).toEqual(bitsOf(first));
    expect(bitsOf(found.get(hash(2))!)).toEqual(bitsOf(vectorOf(2, 8)));
  });

  it('stores nothing, and fails not, when given no vectors', async () => {
    await expect(store.put('provider-a', new Map())).resolves.toBeUndefined();

    expect((await store.get('provider-a', [hash(1)])).size).toBe(0);
  });

  it('keeps the vectors of different providers apart', async () => {
    const ofA = vectorOf(1, 4);
    const ofB = vectorOf(2, 6);
    await store.put('provider-a', new Map([[hash(1), ofA]]));
    await store.put('provider-b', new Map([[hash(1), ofB]]));
    await store.put('provider-b', new Map([[hash(2), vectorOf(3, 6)]]));

    const ofProviderA = await store.get('provider-a', [hash(1), hash(2)]);
    const ofProviderB = await store.get('provider-b', [hash(1), hash(2)]);
    const ofProviderC = await store.get('provider-c', [hash(1), hash(2)]);

    expect([...ofProviderA.keys()]).toEqual([hash(1)]);
    expect(bitsOf(ofProviderA.get(hash(1))!)).toEqual(bitsOf(ofA));
    expect([...ofProviderB.keys()].sort()).toEqual([hash(1), hash(2)]);
    expect(bitsOf(ofProviderB.get(hash(1))!)).toEqual(bitsOf(ofB));
    expect(ofProviderC.size).toBe(0);
  });

  it('stores and reads more hashes at once than one query takes', async () => {
    const count = 1234;
    const vectors = new Map(
      Array.from({ length: count }, (_, i) => [hash(i), vectorOf(i, 3)]),
    );
    await store.put('provider-a', vectors);

    // Every stored hash, with unknown ones among them and across chunk boundaries.
    const asked = [
      ...Array.from({ length: count }, (_, i) => hash(i)),
      ...Array.from({ length: 300 }, (_, i) => hash(100_000 + i)),
    ];
    const found = await store.get('provider-a', asked);

    expect(found.size).toBe(count);
    for (const i of [0, 1, 499, 500, 501, 999, 1000, 1233]) {
      expect(bitsOf(found.get(hash(i))!)).toEqual(bitsOf(vectorOf(i, 3)));
    }
    expect(found.has(hash(100_000))).toBe(false);
  });

  it('keeps the first vectors when more than one query of them is stored again', async () => {
    const count = 700;
    await store.put(
      'provider-a',
      new Map(
        Array.from({ length: count }, (_, i) => [hash(i), vectorOf(i, 2)]),
      ),
    );

    await store.put(
      'provider-a',
      new Map(
        Array.from({ length: count + 100 }, (_, i) => [
          hash(i),
          vectorOf(i + 5000, 2),
        ]),
      ),
    );

    const found = await store.get(
      'provider-a',
      Array.from({ length: count + 100 }, (_, i) => hash(i)),
    );
    expect(found.size).toBe(count + 100);
    expect(bitsOf(found.get(hash(0))!)).toEqual(bitsOf(vectorOf(0, 2)));
    expect(bitsOf(found.get(hash(699))!)).toEqual(bitsOf(vectorOf(699, 2)));
    expect(bitsOf(found.get(hash(700))!)).toEqual(bitsOf(vectorOf(5700, 2)));
  });
});
