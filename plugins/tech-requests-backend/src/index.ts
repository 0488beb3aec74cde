/**
 * Backend of the Tech Requests plugin: stores technology requests and runs their workflow.
 *
 * @packageDocumentation
 */
export { techRequestsPlugin as default } from './plugin';
