/**
 * Scaffolder actions of Tech Requests: a template refuses to scaffold work no approved request
 * covers, and links what it creates to the request.
 *
 * @packageDocumentation
 */
export { scaffolderModuleTechRequests as default } from './module';
export { createTechRequestsGateAction } from './actions/gate';
export { createTechRequestsLinkAction } from './actions/link';
export type { ActionClient, ActionClientFactory } from './actions/client';
