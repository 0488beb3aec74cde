import { ReuseEmbeddingProvider } from '@tech-requests/plugin-tech-requests-node';
import { MemoryVectorStore } from '../database/EmbeddingStore';
import { contentHash, ItemVectors, SemanticMatcher } from './SemanticMatcher';

/** The dimension of each word the fake model knows. */
const WORDS = ['sign', 'contract', 'video', 'meeting'];

/** Explicit vectors for texts whose direction matters to a test. */
const TABLE: Record<string, number[]> = {
  east: [1, 0],
  'far east': [5, 0],
  north: [0, 1],
  west: [-1, 0],
  // Cosine with east: 0.2, 0.3 and 0.65.
  'cos 0.2': [0.2, Math.sqrt(1 - 0.2 * 0.2)],
  'cos 0.3': [0.3, Math.sqrt(1 - 0.3 * 0.3)],
  'cos 0.65': [1.3, 2 * Math.sqrt(1 - 0.65 * 0.65)],
  nothing: [0, 0],
};

/** A deterministic vector: the table's, or how often each known word occurs. */
function vectorOf(text: string): Float32Array {
  if (TABLE[text]) {
    return Float32Array.from(TABLE[text]);
  }
  const words = text.split(/\s+/);
  return Float32Array.from(
    WORDS.map(word => words.filter(w => w === word).length),
  );
}

function fakeProvider(overrides: Partial<ReuseEmbeddingProvider> = {}) {
  const embed = jest.fn(async (texts: string[]) => texts.map(vectorOf));
  const provider: ReuseEmbeddingProvider = { id: 'fake', embed, ...overrides };
  return { provider, embed };
}

function rowsOf(items: ItemVectors): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < items.rows.length; i += items.dimensions) {
    rows.push(Array.from(items.rows.subarray(i, i + items.dimensions)));
  }
  return rows;
}

function lengthOf(row: number[]): number {
  return Math.sqrt(row.reduce((sum, value) => sum + value * value, 0));
}

/** Matches the numbers of a vector or row, each to 5 decimals. */
function closeTo(expected: number[]) {
  return expected.map(value => expect.closeTo(value, 5));
}

describe('contentHash', () => {
  it('is the sha256 of the text in lowercase hex', () => {
    expect(contentHash('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('SemanticMatcher', () => {
  describe('vectorsFor', () => {
    it('gives a row of unit length per text, in the order of the texts', async () => {
      const { provider } = fakeProvider();
      const matcher = new SemanticMatcher(provider, new MemoryVectorStore());

      const items = await matcher.vectorsFor([
        'video meeting video',
        'sign contract',
        'sign',
      ]);

      expect(items.dimensions).toBe(4);
      expect(items.rows).toBeInstanceOf(Float32Array);
      expect(items.rows).toHaveLength(12);
      expect(items.embedded).toBe(3);
      const rows = rowsOf(items);
      expect(Array.from(rows[0])).toEqual(
        closeTo([0, 0, 2 / Math.sqrt(5), 1 / Math.sqrt(5)]),
      );
      expect(Array.from(rows[1])).toEqual(
        closeTo([Math.SQRT1_2, Math.SQRT1_2, 0, 0]),
      );
      expect(Array.from(rows[2])).toEqual(closeTo([1, 0, 0, 0]));
      for (const row of rows) {
        expect(lengthOf(row)).toBeCloseTo(1, 6);
      }
    });

    it('stores the vectors as the provider gave them, by the hash of the text', async () => {
      const { provider } = fakeProvider();
      const store = new MemoryVectorStore();
      const matcher = new SemanticMatcher(provider, store);

      await matcher.vectorsFor(['sign contract contract']);

      const stored = await store.get('fake', [
        contentHash('sign contract contract'),
      ]);
      expect(
        Array.from(stored.get(contentHash('sign contract contract'))!),
      ).toEqual([1, 2, 0, 0]);
      expect(matcher.providerId).toBe('fake');
    });

    it('embeds nothing the second time it is asked for the same texts', async () => {
      const { provider, embed } = fakeProvider();
      const store = new MemoryVectorStore();
      const matcher = new SemanticMatcher(provider, store);
      const texts = ['sign contract', 'video meeting', 'sign'];
      const first = await matcher.vectorsFor(texts);
      embed.mockClear();

      const second = await matcher.vectorsFor(texts);
      // As after a restart: another matcher over the same store.
      const afterRestart = await new SemanticMatcher(
        provider,
        store,
      ).vectorsFor([...texts].reverse());

      expect(second.embedded).toBe(0);
      expect(afterRestart.embedded).toBe(0);
      expect(embed).not.toHaveBeenCalled();
      expect(Array.from(second.rows)).toEqual(Array.from(first.rows));
      expect(rowsOf(afterRestart)).toEqual(rowsOf(first).reverse());
    });

    it('embeds only the texts it has no vector of', async () => {
      const { provider, embed } = fakeProvider();
      const matcher = new SemanticMatcher(provider, new MemoryVectorStore());
      await matcher.vectorsFor(['sign', 'video']);
      embed.mockClear();

      const items = await matcher.vectorsFor(['video', 'meeting', 'sign']);

      expect(items.embedded).toBe(1);
      expect(embed).toHaveBeenCalledTimes(1);
      expect(embed).toHaveBeenCalledWith(['meeting']);
      expect(rowsOf(items)).toEqual([
        [0, 0, 1, 0],
        [0, 0, 0, 1],
        [1, 0, 0, 0],
      ]);
    });

    it('embeds again under another provider id', async () => {
      const store = new MemoryVectorStore();
      await new SemanticMatcher(fakeProvider().provider, store).vectorsFor([
        'sign',
      ]);
      const { provider, embed } = fakeProvider({ id: 'fake-v2' });

      const items = await new SemanticMatcher(provider, store).vectorsFor([
        'sign',
      ]);

      expect(items.embedded).toBe(1);
      expect(embed).toHaveBeenCalledWith(['sign']);
    });

    it('embeds a text given more than once only once', async () => {
      const { provider, embed } = fakeProvider();
      const matcher = new SemanticMatcher(provider, new MemoryVectorStore());

      const items = await matcher.vectorsFor([
        'sign',
        'video',
        'sign',
        'sign',
        'video',
      ]);

      expect(embed).toHaveBeenCalledTimes(1);
      expect(embed).toHaveBeenCalledWith(['sign', 'video']);
      expect(items.embedded).toBe(2);
      expect(rowsOf(items)).toEqual([
        [1, 0, 0, 0],
        [0, 0, 1, 0],
        [1, 0, 0, 0],
        [1, 0, 0, 0],
        [0, 0, 1, 0],
      ]);
    });

    it('embeds in batches of the provider’s batch size', async () => {
      const { provider, embed } = fakeProvider({ batchSize: 2 });
      const matcher = new SemanticMatcher(provider, new MemoryVectorStore());
      const texts = ['sign', 'contract', 'video', 'meeting', 'sign sign'];

      const items = await matcher.vectorsFor([...texts, 'sign']);

      expect(embed.mock.calls).toEqual([
        [['sign', 'contract']],
        [['video', 'meeting']],
        [['sign sign']],
      ]);
      expect(items.embedded).toBe(5);
      expect(rowsOf(items)).toHaveLength(6);
    });

    it('embeds in batches of 64 when the provider names no batch size', async () => {
      const { provider, embed } = fakeProvider();
      const matcher = new SemanticMatcher(provider, new MemoryVectorStore());
      const texts = Array.from(
        { length: 130 },
        (_, i) => `${'sign '.repeat(i)}contract`,
      );

      const items = await matcher.vectorsFor(texts);

      expect(embed.mock.calls.map(([batch]) => batch.length)).toEqual([
        64, 64, 2,
      ]);
      expect(embed.mock.calls.flatMap(([batch]) => batch)).toEqual(texts);
      expect(items.embedded).toBe(130);
    });

    it('gives no rows, and embeds nothing, for no texts', async () => {
      const { provider, embed } = fakeProvider();
      const matcher = new SemanticMatcher(provider, new MemoryVectorStore());

      const items = await matcher.vectorsFor([]);

      expect(items).toEqual({
        rows: new Float32Array(0),
        dimensions: 0,
        embedded: 0,
      });
      expect(embed).not.toHaveBeenCalled();
    });

    it('leaves a text without meaning as a row of zeros', async () => {
      const { provider } = fakeProvider();
      const matcher = new SemanticMatcher(provider, new MemoryVectorStore());

      const items = await matcher.vectorsFor(['nothing', 'east']);

      expect(rowsOf(items)).toEqual([
        [0, 0],
        [1, 0],
      ]);
    });

    it('rejects a provider answering too few vectors, and stores none of them', async () => {
      const store = new MemoryVectorStore();
      const { provider } = fakeProvider({
        embed: jest.fn(async (texts: string[]) => texts.slice(1).map(vectorOf)),
      });
      const matcher = new SemanticMatcher(provider, store);

      await expect(matcher.vectorsFor(['sign', 'video'])).rejects.toThrow(
        'Embedding provider fake answered 1 vectors for 2 texts',
      );
      expect(
        (await store.get('fake', [contentHash('sign'), contentHash('video')]))
          .size,
      ).toBe(0);
    });

    it('rejects a provider answering too many vectors', async () => {
      const { provider } = fakeProvider({
        embed: jest.fn(async (texts: string[]) =>
          [...texts, 'sign'].map(vectorOf),
        ),
      });
      const matcher = new SemanticMatcher(provider, new MemoryVectorStore());

      await expect(matcher.vectorsFor(['video'])).rejects.toThrow(
        'Embedding provider fake answered 2 vectors for 1 texts',
      );
    });

    it('rejects a provider answering vectors of mixed dimensions', async () => {
      const { provider } = fakeProvider({
        embed: jest.fn(async (texts: string[]) =>
          texts.map((_, i) => new Float32Array(i === 0 ? 2 : 3).fill(1)),
        ),
      });
      const matcher = new SemanticMatcher(provider, new MemoryVectorStore());

      await expect(matcher.vectorsFor(['a', 'b'])).rejects.toThrow(
        'Embedding provider fake gave vectors of 3 and 2 dimensions',
      );
    });

    it('rejects stored and new vectors of different dimensions', async () => {
      const store = new MemoryVectorStore();
      await new SemanticMatcher(fakeProvider().provider, store).vectorsFor([
        'east',
      ]);
      const matcher = new SemanticMatcher(fakeProvider().provider, store);

      await expect(matcher.vectorsFor(['east', 'sign'])).rejects.toThrow(
        /Embedding provider fake gave vectors of \d and \d dimensions/,
      );
    });
  });

  describe('meaningOf: closeness to each item', () => {
    async function evidence(
      query: string,
      texts: string[],
      overrides: Partial<ReuseEmbeddingProvider> = {},
    ) {
      const { provider, embed } = fakeProvider(overrides);
      const matcher = new SemanticMatcher(provider, new MemoryVectorStore());
      const items = await matcher.vectorsFor(texts);
      embed.mockClear();
      const result = (await matcher.meaningOf(query, items)).evidence;
      return { result, embed };
    }

    it('scales cosine above the unrelated floor to 0–1', async () => {
      const { result, embed } = await evidence('far east', [
        'east', // same direction: 1
        'far east', // same direction, other length: 1
        'north', // orthogonal: 0
        'west', // opposite: 0
        'cos 0.2', // below the default floor of 0.3: 0
        'cos 0.65', // (0.65 - 0.3) / (1 - 0.3)
      ]);

      expect(result).toBeInstanceOf(Float32Array);
      expect(Array.from(result)).toEqual(closeTo([1, 1, 0, 0, 0, 0.5]));
      expect(embed).toHaveBeenCalledTimes(1);
      expect(embed).toHaveBeenCalledWith(['far east']);
    });

    it('gives nothing for a cosine at the floor', async () => {
      const { result } = await evidence('east', ['cos 0.3']);

      expect(Array.from(result)).toEqual(closeTo([0]));
    });

    it('uses the floor the provider names', async () => {
      const { result: higher } = await evidence(
        'east',
        ['east', 'cos 0.3', 'cos 0.65'],
        { unrelatedBelow: 0.5 },
      );
      const { result: none } = await evidence(
        'east',
        ['east', 'north', 'cos 0.65', 'west'],
        { unrelatedBelow: 0 },
      );

      expect(Array.from(higher)).toEqual(closeTo([1, 0, 0.3]));
      expect(Array.from(none)).toEqual(closeTo([1, 0, 0.65, 0]));
    });

    it('gives all-zero evidence for a query of another dimension', async () => {
      const { result } = await evidence('sign contract', [
        'east',
        'far east',
        'north',
      ]);

      expect(Array.from(result)).toEqual([0, 0, 0]);
    });

    it('gives all-zero evidence when the provider answers no vector for the query', async () => {
      const { provider } = fakeProvider();
      const matcher = new SemanticMatcher(provider, new MemoryVectorStore());
      const items = await matcher.vectorsFor(['east', 'north']);
      (provider.embed as jest.Mock).mockResolvedValueOnce([]);

      const result = (await matcher.meaningOf('east', items)).evidence;

      expect(Array.from(result)).toEqual([0, 0]);
    });

    it('gives zero, not NaN, for a query or an item without meaning', async () => {
      const { result: emptyQuery } = await evidence('nothing', [
        'east',
        'north',
      ]);
      const { result: emptyItem } = await evidence('east', ['nothing', 'east']);

      expect(Array.from(emptyQuery)).toEqual([0, 0]);
      expect(Array.from(emptyItem)).toEqual(closeTo([0, 1]));
    });

    it('gives no evidence when there are no items', async () => {
      const { result } = await evidence('east', []);

      expect(result).toHaveLength(0);
    });
  });
});
