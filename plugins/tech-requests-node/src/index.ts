/**
 * Extension points of the Tech Requests backend.
 *
 * @packageDocumentation
 */
export * from './embeddings';
