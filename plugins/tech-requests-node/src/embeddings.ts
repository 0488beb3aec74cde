import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * Turns text into vectors whose closeness means closeness in meaning: the semantic side of
 * reuse discovery. The backend embeds every indexed entity once (vectors are stored by the
 * hash of the text, so unchanged entities are never embedded again) and each query.
 *
 * @public
 */
export interface ReuseEmbeddingProvider {
  /**
   * Names the model: stored vectors are reused only under the same id, so change it when
   * the model or its settings change.
   */
  id: string;
  /** One vector per text, in order, all of the same length. */
  embed(texts: string[]): Promise<Float32Array[]>;
  /**
   * The cosine similarity below which two texts are unrelated for this model; models differ
   * widely here. Similarities above it count as evidence, scaled to 0–1.
   * @defaultValue 0.3
   */
  unrelatedBelow?: number;
  /** How many texts one `embed` call takes at most. @defaultValue 64 */
  batchSize?: number;
}

/**
 * What modules can change in the reuse discovery of the Tech Requests backend.
 *
 * @public
 */
export interface TechRequestsReuseExtensionPoint {
  /** Adds semantic matching to reuse suggestions; one provider per backend. */
  setEmbeddingProvider(provider: ReuseEmbeddingProvider): void;
}

/**
 * The extension point for reuse discovery, for backend modules of the `tech-requests` plugin.
 *
 * @public
 */
export const techRequestsReuseExtensionPoint =
  createExtensionPoint<TechRequestsReuseExtensionPoint>({
    id: 'tech-requests.reuse',
  });
