/**
 * Test data for every package of the Tech Requests plugins: one request to build others on.
 *
 * @packageDocumentation
 */
export { aTechRequest, anApprovedReuseRequest } from './requests';
