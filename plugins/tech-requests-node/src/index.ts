/**
 * Extension points of the Tech Requests backend, and a client for backend modules that call it.
 *
 * @packageDocumentation
 */
export * from './client';
export * from './embeddings';
