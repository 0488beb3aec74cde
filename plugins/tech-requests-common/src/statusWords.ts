import { RequestStatus } from './values';

/**
 * Each status as people read it, for every place that shows one: the pages, the catalog's
 * table of requests, and sentences the backend writes (findings, the gate's reasons).
 */
export const STATUS_WORDS: Record<RequestStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  'in-review': 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
  deferred: 'Deferred',
  'in-delivery': 'In delivery',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};

/** A status inside a sentence: "is still in review". */
export const statusInSentence = (status: RequestStatus) =>
  STATUS_WORDS[status].toLowerCase();
