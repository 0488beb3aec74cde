import {
  RequestAction,
  TransitionInput,
  WorkflowActor,
  WorkflowOutcome,
} from '../workflow';
import { RequestStatus } from '../values';

export const REQUESTER = 'user:default/rita.requester';
export const REQUESTING_GROUP = 'group:default/legal';

export function requestIn(status: RequestStatus) {
  return { status, requester: REQUESTER, requestingGroup: REQUESTING_GROUP };
}

export const ACTORS = {
  /** Filed the request, a member of the requesting group, no roles. */
  requester: {
    userEntityRef: REQUESTER,
    ownershipEntityRefs: [REQUESTER, REQUESTING_GROUP],
    roles: [],
  },
  /** Another member of the requesting group. */
  groupMember: {
    userEntityRef: 'user:default/gus.colleague',
    ownershipEntityRefs: ['user:default/gus.colleague', REQUESTING_GROUP],
    roles: [],
  },
  reviewer: {
    userEntityRef: 'user:default/rob.reviewer',
    ownershipEntityRefs: [
      'user:default/rob.reviewer',
      'group:default/architecture',
    ],
    roles: ['reviewer'],
  },
  decider: {
    userEntityRef: 'user:default/dana.decider',
    ownershipEntityRefs: ['user:default/dana.decider', 'group:default/board'],
    roles: ['decider'],
  },
  /** A reviewer looking at their own request. */
  reviewerRequester: {
    userEntityRef: REQUESTER,
    ownershipEntityRefs: [REQUESTER, REQUESTING_GROUP],
    roles: ['reviewer'],
  },
  /** A decider (and reviewer) looking at their own request. */
  deciderRequester: {
    userEntityRef: REQUESTER,
    ownershipEntityRefs: [REQUESTER, REQUESTING_GROUP],
    roles: ['reviewer', 'decider'],
  },
  /** A decider who belongs to the requesting group but did not file the request. */
  deciderInGroup: {
    userEntityRef: 'user:default/greta.decider',
    ownershipEntityRefs: ['user:default/greta.decider', REQUESTING_GROUP],
    roles: ['decider'],
  },
  /** A member of a group the routing gives security reviews to, with no role besides. */
  securityReviewer: {
    userEntityRef: 'user:default/sid.security',
    ownershipEntityRefs: ['user:default/sid.security', 'group:default/infosec'],
    roles: [],
    reviewAreas: ['security'],
  },
  /** Someone with no relation to the request and no roles. */
  outsider: {
    userEntityRef: 'user:default/otto.outsider',
    ownershipEntityRefs: ['user:default/otto.outsider', 'group:default/sales'],
    roles: [],
  },
} satisfies Record<string, WorkflowActor>;

export type ActorName = keyof typeof ACTORS;
export const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/** Valid input for actions with input rules; other actions take none. */
export const VALID_INPUT: Record<RequestAction, TransitionInput> = {
  edit: {},
  delete: {},
  submit: {},
  withdraw: {},
  'start-review': {},
  review: {},
  'assess-reuse': {},
  'adjust-costs': {},
  'correct-answers': {},
  approve: { rationale: 'Fits the architecture', decision: { path: 'build' } },
  reject: { rationale: 'Out of budget' },
  defer: { rationale: 'Revisit next quarter' },
  'start-delivery': {},
  complete: {},
  comment: {},
};

/**
 * The specification, written out by hand: for each action, the statuses it may be taken in
 * and the status it leads to.
 */
export const TRANSITIONS: Record<
  RequestAction,
  Partial<Record<RequestStatus, RequestStatus>>
> = {
  edit: { draft: 'draft', submitted: 'submitted', deferred: 'deferred' },
  delete: { draft: 'draft' },
  submit: { draft: 'submitted', deferred: 'submitted' },
  withdraw: {
    draft: 'withdrawn',
    submitted: 'withdrawn',
    'in-review': 'withdrawn',
    deferred: 'withdrawn',
  },
  'start-review': { submitted: 'in-review' },
  review: { submitted: 'submitted', 'in-review': 'in-review' },
  'assess-reuse': { submitted: 'submitted', 'in-review': 'in-review' },
  'adjust-costs': { submitted: 'submitted', 'in-review': 'in-review' },
  'correct-answers': { submitted: 'submitted', 'in-review': 'in-review' },
  approve: { 'in-review': 'approved' },
  reject: { submitted: 'rejected', 'in-review': 'rejected' },
  defer: { submitted: 'deferred', 'in-review': 'deferred' },
  'start-delivery': { approved: 'in-delivery' },
  complete: { 'in-delivery': 'completed' },
  comment: {
    draft: 'draft',
    submitted: 'submitted',
    'in-review': 'in-review',
    approved: 'approved',
    rejected: 'rejected',
    deferred: 'deferred',
    'in-delivery': 'in-delivery',
    completed: 'completed',
    withdrawn: 'withdrawn',
  },
};

/** An actor who may take each action, for the status table. */
export const CAPABLE_ACTOR: Record<RequestAction, ActorName> = {
  edit: 'groupMember',
  delete: 'groupMember',
  submit: 'requester',
  withdraw: 'requester',
  'start-review': 'reviewer',
  review: 'reviewer',
  'assess-reuse': 'reviewer',
  'adjust-costs': 'reviewer',
  'correct-answers': 'reviewer',
  approve: 'decider',
  reject: 'decider',
  defer: 'decider',
  'start-delivery': 'decider',
  complete: 'reviewer',
  comment: 'outsider',
};

export const OK = 'ok';
export const REQUESTER_SIDE =
  'only the requester or a member of the requesting group may do this';
export const REQUESTER_ONLY = 'only the requester may do this';
export const REVIEWER_OR_DECIDER = 'only a reviewer or decider may do this';
export const DECIDER = 'only a decider may do this';
export const REVIEWER = 'only a reviewer may do this';
export const OWN_REQUEST = 'nobody may review or decide their own request';

export const REQUESTER_SIDE_RULE: Record<ActorName, string> = {
  requester: OK,
  groupMember: OK,
  reviewer: REQUESTER_SIDE,
  decider: REQUESTER_SIDE,
  reviewerRequester: OK,
  deciderRequester: OK,
  deciderInGroup: OK,
  securityReviewer: REQUESTER_SIDE,
  outsider: REQUESTER_SIDE,
};
export const REQUESTER_ONLY_RULE: Record<ActorName, string> = {
  requester: OK,
  groupMember: REQUESTER_ONLY,
  reviewer: REQUESTER_ONLY,
  decider: REQUESTER_ONLY,
  reviewerRequester: OK,
  deciderRequester: OK,
  deciderInGroup: REQUESTER_ONLY,
  securityReviewer: REQUESTER_ONLY,
  outsider: REQUESTER_ONLY,
};
export const REVIEWER_OR_DECIDER_RULE: Record<ActorName, string> = {
  requester: REVIEWER_OR_DECIDER,
  groupMember: REVIEWER_OR_DECIDER,
  reviewer: OK,
  decider: OK,
  reviewerRequester: OWN_REQUEST,
  deciderRequester: OWN_REQUEST,
  deciderInGroup: OK,
  securityReviewer: REVIEWER_OR_DECIDER,
  outsider: REVIEWER_OR_DECIDER,
};
export const DECIDER_RULE: Record<ActorName, string> = {
  requester: DECIDER,
  groupMember: DECIDER,
  reviewer: DECIDER,
  decider: OK,
  // The role is checked before independence: a reviewer lacks the role to begin with.
  reviewerRequester: DECIDER,
  deciderRequester: OWN_REQUEST,
  deciderInGroup: OK,
  securityReviewer: DECIDER,
  outsider: DECIDER,
};
export const ANYONE_RULE: Record<ActorName, string> = {
  requester: OK,
  groupMember: OK,
  reviewer: OK,
  decider: OK,
  reviewerRequester: OK,
  deciderRequester: OK,
  deciderInGroup: OK,
  securityReviewer: OK,
  outsider: OK,
};

/** Reviewing needs an area to review, from a role or from the review routing. */
export const REVIEW_RULE: Record<ActorName, string> = {
  ...REVIEWER_OR_DECIDER_RULE,
  requester: REVIEWER,
  groupMember: REVIEWER,
  securityReviewer: OK,
  outsider: REVIEWER,
};

/** Who may take each action: `ok`, or the reason they are refused. */
export const WHO_MAY: Record<RequestAction, Record<ActorName, string>> = {
  edit: REQUESTER_SIDE_RULE,
  delete: REQUESTER_SIDE_RULE,
  submit: REQUESTER_SIDE_RULE,
  withdraw: REQUESTER_ONLY_RULE,
  'start-review': REVIEWER_OR_DECIDER_RULE,
  review: REVIEW_RULE,
  'assess-reuse': REVIEWER_OR_DECIDER_RULE,
  'adjust-costs': REVIEWER_OR_DECIDER_RULE,
  'correct-answers': REVIEWER_OR_DECIDER_RULE,
  approve: DECIDER_RULE,
  reject: DECIDER_RULE,
  defer: DECIDER_RULE,
  'start-delivery': REVIEWER_OR_DECIDER_RULE,
  complete: REVIEWER_OR_DECIDER_RULE,
  comment: ANYONE_RULE,
};

export function statusRefusal(
  action: RequestAction,
  status: RequestStatus,
): WorkflowOutcome {
  return {
    allowed: false,
    kind: 'status',
    reason: `'${action}' is not possible while the request is ${status}`,
  };
}

export function firstStatusAllowing(action: RequestAction): RequestStatus {
  return Object.keys(TRANSITIONS[action])[0] as RequestStatus;
}
