import { createHash } from 'crypto';
import { ReuseEmbeddingProvider } from '@tech-requests/plugin-tech-requests-node';
import { VectorStore } from '../database/EmbeddingStore';

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

  /** For each item, 0–1: how close it is in meaning to the query, 0 when unrelated. */
  async evidenceFor(query: string, items: ItemVectors): Promise<Float32Array> {
    const [raw] = await this.provider.embed([query]);
    const evidence = new Float32Array(
      items.rows.length / (items.dimensions || 1),
    );
    if (!raw || raw.length !== items.dimensions) {
      return evidence;
    }
    const vector = unit(raw);
    const floor = this.provider.unrelatedBelow ?? DEFAULT_UNRELATED_BELOW;
    const { rows, dimensions } = items;
    for (let item = 0; item < evidence.length; item++) {
      let cosine = 0;
      const offset = item * dimensions;
      for (let d = 0; d < dimensions; d++) {
        cosine += rows[offset + d] * vector[d];
      }
      // Rounding to float32 can take a cosine of identical texts just past 1.
      evidence[item] =
        cosine > floor ? Math.min(1, (cosine - floor) / (1 - floor)) : 0;
    }
    return evidence;
  }
}
