import { createHash } from 'crypto';
import { ReuseEmbeddingProvider } from '@tech-requests/plugin-tech-requests-node';
import { VectorStore } from '../database/EmbeddingStore';
import { CapabilityByMeaning } from './indexTypes';
import { Capability, Vocabulary } from './Vocabulary';

/** Cosine similarity under which a provider says texts are unrelated, unless it says otherwise. */
const DEFAULT_UNRELATED_BELOW = 0.3;
const DEFAULT_BATCH_SIZE = 64;

/** The vectors of an index's items, row by row, each of unit length. */
export interface ItemVectors {
  rows: Float32Array;
  dimensions: number;
  /** How many vectors had to be embedded for this build; the rest came from storage. */
  embedded: number;
}

function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < vector.length; i++) {
    norm += vector[i] * vector[i];
  }
  norm = Math.sqrt(norm);
  return norm ? vector.map(value => value / norm) : vector;
}

/** The vocabulary's ways of saying each capability (its label and phrases), embedded. */
export interface CapabilityPhrases {
  /** Per row of `vectors`, the capability and the words embedded. */
  rows: { capability: Capability; phrase: string }[];
  vectors: ItemVectors;
}

/**
 * How close in meaning (0–1, as for entities) a need must come to one of a capability's
 * phrases for the capability to count: phrases are short, so a loose closeness says little.
 */
const CAPABILITY_CLOSE_FROM = 0.2;
/** At most this many capabilities are read from a need's meaning: the closest. */
const CAPABILITIES_BY_MEANING = 3;

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Semantic evidence from an embedding provider: embeds each item text once (vectors are
 * stored by the hash of the text) and each query, and turns cosine similarity into 0–1
 * evidence above what the provider calls unrelated.
 */
export class SemanticMatcher {
  constructor(
    private readonly provider: ReuseEmbeddingProvider,
    private readonly store: VectorStore,
  ) {}

  get providerId(): string {
    return this.provider.id;
  }

  /** Vectors for these texts, in order: stored ones are read, only new ones embedded. */
  async vectorsFor(texts: string[]): Promise<ItemVectors> {
    const hashes = texts.map(contentHash);
    const known = await this.store.get(this.provider.id, [...new Set(hashes)]);
    const missing = [...new Set(hashes.filter(hash => !known.has(hash)))];
    const textOf = new Map(hashes.map((hash, i) => [hash, texts[i]]));
    const batchSize = Math.max(
      1,
      Math.floor(this.provider.batchSize ?? DEFAULT_BATCH_SIZE),
    );
    let dimensions = known.size ? known.values().next().value!.length : 0;
    for (let start = 0; start < missing.length; start += batchSize) {
      const batch = missing.slice(start, start + batchSize);
      const vectors = await this.provider.embed(
        batch.map(hash => textOf.get(hash)!),
      );
      if (vectors.length !== batch.length) {
        throw new Error(
          `Embedding provider ${this.provider.id} answered ${vectors.length} vectors for ${batch.length} texts`,
        );
      }
      // Checked before storing: a bad vector stored would fail every later build.
      dimensions ||= vectors[0]?.length ?? 0;
      for (const vector of vectors) {
        if (vector.length !== dimensions) {
          throw new Error(
            `Embedding provider ${this.provider.id} gave vectors of ${vector.length} and ${dimensions} dimensions`,
          );
        }
      }
      const fresh = new Map(batch.map((hash, i) => [hash, vectors[i]]));
      await this.store.put(this.provider.id, fresh);
      fresh.forEach((vector, hash) => known.set(hash, vector));
      // A model computes on this thread: between batches, requests waiting on the event loop
      // (including the backend's own calls to itself) are served, or a first embedding of
      // thousands of texts would starve them for its whole length.
      await new Promise(resolve => setImmediate(resolve));
    }
    const rows = new Float32Array(texts.length * dimensions);
    hashes.forEach((hash, i) => {
      const vector = known.get(hash)!;
      if (vector.length !== dimensions) {
        throw new Error(
          `Embedding provider ${this.provider.id} gave vectors of ${vector.length} and ${dimensions} dimensions`,
        );
      }
      rows.set(unit(vector), i * dimensions);
    });
    return { rows, dimensions, embedded: missing.length };
  }

  /** The phrases of every capability of the vocabulary, embedded (stored like entities). */
  async capabilityPhrases(vocabulary: Vocabulary): Promise<CapabilityPhrases> {
    const rows = vocabulary.capabilities.flatMap(capability =>
      [capability.label, ...capability.phrases].map(phrase => ({
        capability,
        phrase,
      })),
    );
    return {
      rows,
      vectors: await this.vectorsFor(rows.map(row => row.phrase)),
    };
  }

  /**
   * What a search needs to weigh meaning, with the query embedded once: how close each item
   * is to it, and the capabilities it comes closest to through their phrases.
   */
  async meaningOf(
    query: string,
    items: ItemVectors,
    phrases?: CapabilityPhrases,
  ): Promise<{ evidence: Float32Array; capabilities: CapabilityByMeaning[] }> {
    const [raw] = await this.provider.embed([query]);
    const vector =
      raw && raw.length === items.dimensions ? unit(raw) : undefined;
    return {
      evidence: this.closeness(vector, items),
      capabilities:
        vector && phrases ? this.closestCapabilities(vector, phrases) : [],
    };
  }

  private closestCapabilities(
    vector: Float32Array,
    phrases: CapabilityPhrases,
  ): CapabilityByMeaning[] {
    if (phrases.vectors.dimensions !== vector.length) {
      return [];
    }
    const closeness = this.closeness(vector, phrases.vectors);
    const best = new Map<string, CapabilityByMeaning>();
    phrases.rows.forEach(({ capability, phrase }, row) => {
      const known = best.get(capability.id);
      if (
        closeness[row] > CAPABILITY_CLOSE_FROM &&
        (!known || known.closeness < closeness[row])
      ) {
        best.set(capability.id, {
          capability,
          phrase,
          // Rescaled so that the least closeness that counts is 0.
          closeness:
            (closeness[row] - CAPABILITY_CLOSE_FROM) /
            (1 - CAPABILITY_CLOSE_FROM),
        });
      }
    });
    return [...best.values()]
      .sort((a, b) => b.closeness - a.closeness)
      .slice(0, CAPABILITIES_BY_MEANING);
  }

  /** Per item, 0–1 closeness to a unit query vector (all 0 without one). */
  private closeness(
    vector: Float32Array | undefined,
    items: ItemVectors,
  ): Float32Array {
    const evidence = new Float32Array(
      items.rows.length / (items.dimensions || 1),
    );
    if (!vector) {
      return evidence;
    }
    const floor = this.provider.unrelatedBelow ?? DEFAULT_UNRELATED_BELOW;
    const { rows, dimensions } = items;
    for (let item = 0; item < evidence.length; item++) {
      const cosine = dot(rows, item * dimensions, vector);
      // Rounding to float32 can take a cosine of identical texts just past 1.
      evidence[item] =
        cosine > floor ? Math.min(1, (cosine - floor) / (1 - floor)) : 0;
    }
    return evidence;
  }
}

/**
 * The dot product of `vector` with the row of `rows` at `offset`. Four running sums let the
 * engine overlap the multiplications: at 50 000 entities this is most of a query's time, and
 * it runs in about half the time of a plain loop.
 */
function dot(rows: Float32Array, offset: number, vector: Float32Array): number {
  const length = vector.length;
  const unrolled = length - (length % 4);
  let a = 0;
  let b = 0;
  let c = 0;
  let e = 0;
  let d = 0;
  for (let o = offset; d < unrolled; d += 4, o += 4) {
    a += rows[o] * vector[d];
    b += rows[o + 1] * vector[d + 1];
    c += rows[o + 2] * vector[d + 2];
    e += rows[o + 3] * vector[d + 3];
  }
  for (; d < length; d++) {
    a += rows[offset + d] * vector[d];
  }
  return a + b + c + e;
}
