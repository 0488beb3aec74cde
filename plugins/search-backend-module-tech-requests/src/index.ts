/**
 * Search module of Tech Requests: a collator that makes technology requests findable from the
 * portal's search.
 *
 * @packageDocumentation
 */
export { searchModuleTechRequestsCollator as default } from './module';
export {
  DEFAULT_LOCATION_TEMPLATE,
  TechRequestsCollatorFactory,
} from './TechRequestsCollatorFactory';
export type { TechRequestDocument } from './toDocument';
