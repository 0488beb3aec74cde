/**
 * Test data for every package of the Tech Requests plugins: one request to build others on.
 *
 * @packageDocumentation
 */
export {
  aComponentEntity,
  aTechRequest,
  anApprovedReuseRequest,
  CHECKED_SECURITY_ANSWERS,
  fullRequestDetails,
} from './requests';
