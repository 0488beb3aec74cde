import { TransitionAction } from '@tech-requests/plugin-tech-requests-common';

/** What each workflow action's button says. */
export const ACTION_LABELS: Record<TransitionAction, string> = {
  submit: 'Submit',
  'start-review': 'Start review',
  approve: 'Approve',
  reject: 'Reject',
  defer: 'Defer',
  'start-delivery': 'Start delivery',
  complete: 'Mark completed',
  withdraw: 'Withdraw',
};

/** Actions that need a rationale, and for approve a path, asked in a dialog. */
export const DECISIONS: TransitionAction[] = ['approve', 'reject', 'defer'];

/** Runs a change from a card and reloads the page; says why when it fails. */
export type RunChange = (work: () => Promise<unknown>) => Promise<void>;
