import { Knex } from 'knex';

const EMBEDDINGS = 'tech_requests_embeddings';

/** How many hashes one query asks for: well within every database's parameter limit. */
const CHUNK = 500;

/** Where vectors of an embedding provider are kept between index builds and restarts. */
export interface VectorStore {
  /** The stored vectors among these hashes. */
  get(providerId: string, hashes: string[]): Promise<Map<string, Float32Array>>;
  /** Stores vectors; a hash stored already keeps its vector. */
  put(providerId: string, vectors: Map<string, Float32Array>): Promise<void>;
}

function toBuffer(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

function toVector(bytes: Buffer | Uint8Array): Float32Array {
  // Copied, because a driver's buffer need not be aligned for Float32Array.
  return new Float32Array(new Uint8Array(bytes).buffer);
}

/** Vectors in the plugin's database, table `tech_requests_embeddings`. */
export class DatabaseVectorStore implements VectorStore {
  constructor(private readonly db: Knex) {}

  async get(providerId: string, hashes: string[]) {
    const found = new Map<string, Float32Array>();
    for (let start = 0; start < hashes.length; start += CHUNK) {
      const rows = await this.db(EMBEDDINGS)
        .where('provider_id', providerId)
        .whereIn('content_hash', hashes.slice(start, start + CHUNK))
        .select('content_hash', 'vector');
      for (const row of rows) {
        found.set(row.content_hash, toVector(row.vector));
      }
    }
    return found;
  }

  async put(providerId: string, vectors: Map<string, Float32Array>) {
    const rows = [...vectors].map(([hash, vector]) => ({
      provider_id: providerId,
      content_hash: hash,
      vector: toBuffer(vector),
    }));
    for (let start = 0; start < rows.length; start += CHUNK) {
      await this.db(EMBEDDINGS)
        .insert(rows.slice(start, start + CHUNK))
        .onConflict(['provider_id', 'content_hash'])
        .ignore();
    }
  }
}

/** Vectors in memory only: for evaluation runs and tests. */
export class MemoryVectorStore implements VectorStore {
  private readonly vectors = new Map<string, Float32Array>();

  async get(providerId: string, hashes: string[]) {
    const found = new Map<string, Float32Array>();
    for (const hash of hashes) {
      const vector = this.vectors.get(`${providerId}\u0000${hash}`);
      if (vector) {
        found.set(hash, vector);
      }
    }
    return found;
  }

  async put(providerId: string, vectors: Map<string, Float32Array>) {
    for (const [hash, vector] of vectors) {
      const key = `${providerId}\u0000${hash}`;
      if (!this.vectors.has(key)) {
        this.vectors.set(key, vector);
      }
    }
  }
}
