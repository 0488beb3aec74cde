/**
 * Catalog module of Tech Requests: the TechnologyRequest kind, its relations, and the provider
 * that mirrors requests into the catalog.
 *
 * @packageDocumentation
 */
export { catalogModuleTechRequests as default } from './module';
export { TechRequestEntityProcessor } from './processor/TechRequestEntityProcessor';
export { TechRequestEntityProvider } from './provider/TechRequestEntityProvider';
export type { RetryPolicy } from './provider/TechRequestEntityProvider';
export { HttpRequestSource } from './provider/RequestSource';
export type { RequestSource } from './provider/RequestSource';
