import { RequestStatus } from '@tech-requests/plugin-tech-requests-common';

/** A status as the pages name it in sentences, charts and tables. */
export const STATUS_NAMES: Record<RequestStatus, string> = {
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
