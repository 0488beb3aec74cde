import { RequestAssessment } from './assessment';
import { TechRequest } from './model';
import { REVIEWED_ANSWER_LABELS } from './reviewedAnswers';
import { isBlank, nameProblem } from './text';
import {
  DecisionPath,
  REQUEST_STATUSES,
  RequestStatus,
  REVIEW_AREAS,
  ReviewArea,
} from './values';

/**
 * Roles that let a person act on other people's requests. The backend derives them from
 * configuration (see `techRequests.workflow` in the backend's config schema).
 */
export type WorkflowRole = 'reviewer' | 'decider';

/** The person acting on a request, as the workflow sees them. */
export interface WorkflowActor {
  /** For example `user:default/jane.doe`. */
  userEntityRef: string;
  /** The user and the groups they belong to. */
  ownershipEntityRefs: string[];
  roles: WorkflowRole[];
  /**
   * The areas this person may review, from the review routing
   * (`techRequests.workflow.reviewAreas`). When absent, reviewers and deciders review every
   * area.
   */
  reviewAreas?: ReviewArea[];
  /**
   * When set, the person may not review or decide requests of a group they belong to, as
   * well as their own (`techRequests.workflow.separateRequestingGroup`).
   */
  separateFromRequestingGroup?: boolean;
}

/** Actions that move a request from one status to another. */
export const TRANSITION_ACTIONS = [
  'submit',
  'start-review',
  'approve',
  'reject',
  'defer',
  'start-delivery',
  'complete',
  'withdraw',
] as const;

/** An action that changes the status of a request. */
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

/**
 * Everything a person can do to a request: transitions, plus editing, deleting (drafts only),
 * reviewing, assessing its reuse candidates and commenting.
 */
export type RequestAction =
  | TransitionAction
  | 'edit'
  | 'delete'
  | 'review'
  | 'assess-reuse'
  | 'adjust-costs'
  | 'correct-answers'
  | 'comment';

/** What a transition may carry besides its action. */
export interface TransitionInput {
  rationale?: string;
  decision?: {
    path?: DecisionPath;
    targetEntityRef?: string;
    vendor?: string;
  };
}

/**
 * Why an action is refused: the status, the person, something still missing on the request
 * (`guard`: mandatory reviews), or what they sent.
 */
export type RefusalKind = 'status' | 'actor' | 'guard' | 'input';

/** The outcome of asking the workflow whether an action may happen. */
export type WorkflowOutcome =
  | { allowed: true; nextStatus: RequestStatus }
  | {
      allowed: false;
      kind: RefusalKind;
      reason: string;
      /** The input field at fault, for `input` refusals. */
      field?: string;
    };

/** Statuses in which the request is still open: nothing has been decided or it was deferred. */
export const OPEN_STATUSES: readonly RequestStatus[] = [
  'draft',
  'submitted',
  'in-review',
  'deferred',
];

/** Filed and waiting for reviews and a decision. */
export const AWAITING_DECISION_STATUSES: readonly RequestStatus[] = [
  'submitted',
  'in-review',
];

/** Filed and not settled: a group is still working on it (deferred ones come back). */
export const UNSETTLED_STATUSES: readonly RequestStatus[] = [
  ...AWAITING_DECISION_STATUSES,
  'deferred',
];

/** Filed and not withdrawn: on record as something the organisation asked for. */
export const ON_RECORD_STATUSES: readonly RequestStatus[] = [
  ...UNSETTLED_STATUSES,
  'approved',
  'rejected',
  'in-delivery',
  'completed',
];

type WorkflowRequest = Pick<
  TechRequest,
  'status' | 'requester' | 'requestingGroup'
> & {
  /** Only the missing reviews are read: mandatory reviews hold decisions back. */
  assessment?: Pick<RequestAssessment, 'missingReviews' | 'staleReviews'>;
};

interface ActionRule {
  from: readonly RequestStatus[];
  /** Absent for actions that leave the status as it is. */
  to?: RequestStatus;
  /** Returns why this actor may not act, or undefined when they may. */
  actor: (request: WorkflowRequest, actor: WorkflowActor) => string | undefined;
  /** Returns what the request still lacks for this action, or undefined. */
  guard?: (request: WorkflowRequest) => string | undefined;
  input?: (
    input: TransitionInput,
  ) => { field: string; reason: string } | undefined;
}

const isRequester = (request: WorkflowRequest, actor: WorkflowActor) =>
  request.requester === actor.userEntityRef;

const onRequestingSide = (request: WorkflowRequest, actor: WorkflowActor) =>
  isRequester(request, actor) ||
  actor.ownershipEntityRefs.includes(request.requestingGroup);

const requesterSide = (request: WorkflowRequest, actor: WorkflowActor) =>
  onRequestingSide(request, actor)
    ? undefined
    : 'only the requester or a member of the requesting group may do this';

const requesterOnly = (request: WorkflowRequest, actor: WorkflowActor) =>
  isRequester(request, actor) ? undefined : 'only the requester may do this';

/** Nobody reviews or decides their own request, nor, when configured, their group's. */
const notOnRequestingSide = (
  request: WorkflowRequest,
  actor: WorkflowActor,
) => {
  if (isRequester(request, actor)) {
    return 'nobody may review or decide their own request';
  }
  if (
    actor.separateFromRequestingGroup &&
    actor.ownershipEntityRefs.includes(request.requestingGroup)
  ) {
    return 'nobody may review or decide a request of a group they belong to';
  }
  return undefined;
};

/** A role is needed, and nobody acts in that role on their own request. */
const independent =
  (...roles: WorkflowRole[]) =>
  (request: WorkflowRequest, actor: WorkflowActor) =>
    roles.some(role => actor.roles.includes(role))
      ? notOnRequestingSide(request, actor)
      : `only a ${roles.join(' or ')} may do this`;

/**
 * The areas this person may review: those the routing gives them, or every area for
 * reviewers and deciders when there is no routing.
 */
export function reviewableAreas(actor: WorkflowActor): ReviewArea[] {
  if (actor.reviewAreas) {
    return actor.reviewAreas;
  }
  return actor.roles.length ? [...REVIEW_AREAS] : [];
}

/** Reviewing needs an area to speak for; which area is checked against the review's. */
const reviewsSomeArea = (request: WorkflowRequest, actor: WorkflowActor) =>
  reviewableAreas(actor).length
    ? notOnRequestingSide(request, actor)
    : 'only a reviewer may do this';

const anyone = () => undefined;

/** A decision waits for the reviews the request's risk makes mandatory. */
const mandatoryReviewsDone = (request: WorkflowRequest) => {
  const missing = request.assessment?.missingReviews ?? [];
  const stale = request.assessment?.staleReviews ?? [];
  const named = missing.map(area => {
    const earlier = stale.find(review => review.area === area);
    return earlier
      ? `${area} (reviewed an earlier version; changed since: ${earlier.changed
          .map(answer => REVIEWED_ANSWER_LABELS[answer])
          .join(', ')})`
      : area;
  });
  return missing.length
    ? `mandatory reviews missing: ${named.join(', ')}; a decision waits for them`
    : undefined;
};

const needsRationale = (input: TransitionInput) =>
  !isBlank(input.rationale)
    ? undefined
    : { field: 'rationale', reason: 'rationale is required: say why' };

const approvalInput = (input: TransitionInput) => {
  const missingRationale = needsRationale(input);
  if (missingRationale) {
    return missingRationale;
  }
  const decision = input.decision;
  if (!decision?.path) {
    return {
      field: 'decision.path',
      reason:
        'decision.path is required: an approval names its path, reuse, buy or build',
    };
  }
  if (decision.path === 'reuse' && isBlank(decision.targetEntityRef)) {
    return {
      field: 'decision.targetEntityRef',
      reason:
        'decision.targetEntityRef is required: a reuse approval names the entity to reuse',
    };
  }
  if (decision.path === 'buy' && isBlank(decision.vendor)) {
    return {
      field: 'decision.vendor',
      reason: 'decision.vendor is required: a buy approval names the vendor',
    };
  }
  const vendorProblem =
    decision.vendor && nameProblem('decision.vendor', decision.vendor);
  return vendorProblem
    ? { field: 'decision.vendor', reason: vendorProblem }
    : undefined;
};

const RULES: Record<RequestAction, ActionRule> = {
  edit: { from: ['draft', 'submitted', 'deferred'], actor: requesterSide },
  // Once submitted a request is on record: it can be withdrawn, never deleted.
  delete: { from: ['draft'], actor: requesterSide },
  submit: {
    from: ['draft', 'deferred'],
    to: 'submitted',
    actor: requesterSide,
  },
  withdraw: { from: OPEN_STATUSES, to: 'withdrawn', actor: requesterOnly },
  'start-review': {
    from: ['submitted'],
    to: 'in-review',
    actor: independent('reviewer', 'decider'),
  },
  // Which area someone may review is checked with the review (`reviewableAreas`).
  review: {
    from: AWAITING_DECISION_STATUSES,
    actor: reviewsSomeArea,
  },
  // Confirming, dismissing or adding reuse candidates is part of reviewing.
  'assess-reuse': {
    from: AWAITING_DECISION_STATUSES,
    actor: independent('reviewer', 'decider'),
  },
  // Adjusting the cost model's inputs is part of reviewing too.
  'adjust-costs': {
    from: AWAITING_DECISION_STATUSES,
    actor: independent('reviewer', 'decider'),
  },
  // So is correcting the requester's answers on data and security, which the risk rests on.
  'correct-answers': {
    from: AWAITING_DECISION_STATUSES,
    actor: independent('reviewer', 'decider'),
  },
  approve: {
    from: ['in-review'],
    to: 'approved',
    actor: independent('decider'),
    guard: mandatoryReviewsDone,
    input: approvalInput,
  },
  reject: {
    from: AWAITING_DECISION_STATUSES,
    to: 'rejected',
    actor: independent('decider'),
    guard: mandatoryReviewsDone,
    input: needsRationale,
  },
  defer: {
    from: AWAITING_DECISION_STATUSES,
    to: 'deferred',
    actor: independent('decider'),
    input: needsRationale,
  },
  'start-delivery': {
    from: ['approved'],
    to: 'in-delivery',
    actor: independent('reviewer', 'decider'),
  },
  complete: {
    from: ['in-delivery'],
    to: 'completed',
    actor: independent('reviewer', 'decider'),
  },
  comment: {
    from: REQUEST_STATUSES,
    actor: anyone,
  },
};

/** Every action, in the order a person would meet them. */
export const REQUEST_ACTIONS = Object.keys(RULES) as RequestAction[];

/** Whether a string names a transition action. */
export function isTransitionAction(value: string): value is TransitionAction {
  return (TRANSITION_ACTIONS as readonly string[]).includes(value);
}

/**
 * Decides whether `actor` may take `action` on `request` now, and where it leads.
 * Status is checked first, then the person, then what the request still lacks, then what
 * they sent.
 */
export function evaluateAction(
  request: WorkflowRequest,
  actor: WorkflowActor,
  action: RequestAction,
  input: TransitionInput = {},
): WorkflowOutcome {
  const rule = RULES[action];
  if (!rule.from.includes(request.status)) {
    return {
      allowed: false,
      kind: 'status',
      reason: `'${action}' is not possible while the request is ${request.status}`,
    };
  }
  const actorProblem = rule.actor(request, actor);
  if (actorProblem) {
    return { allowed: false, kind: 'actor', reason: actorProblem };
  }
  const guardProblem = rule.guard?.(request);
  if (guardProblem) {
    return { allowed: false, kind: 'guard', reason: guardProblem };
  }
  const inputProblem = rule.input?.(input);
  if (inputProblem) {
    return {
      allowed: false,
      kind: 'input',
      reason: inputProblem.reason,
      field: inputProblem.field,
    };
  }
  return { allowed: true, nextStatus: rule.to ?? request.status };
}

/**
 * What an action the person may take still waits for on the request (the mandatory reviews of
 * a decision), or undefined when nothing holds it back: pages disable the action with it.
 */
export function actionWaitsFor(
  request: WorkflowRequest,
  action: RequestAction,
): string | undefined {
  return RULES[action].guard?.(request);
}

/** The actions this actor may take on this request now, given the right input. */
export function allowedActions(
  request: WorkflowRequest,
  actor: WorkflowActor,
): RequestAction[] {
  return REQUEST_ACTIONS.filter(action => {
    const rule = RULES[action];
    return rule.from.includes(request.status) && !rule.actor(request, actor);
  });
}

/** Actions that move a request on to its next status: what "waiting for me" means. */
const FORWARD_ACTIONS: readonly RequestAction[] = TRANSITION_ACTIONS.filter(
  action => action !== 'withdraw',
);

/** What a person is waiting for, as a list can filter it. */
export interface WaitingFor {
  /** Statuses in which their own requests wait for them. */
  own: RequestStatus[];
  /** Statuses in which other people's requests wait for them. */
  others: RequestStatus[];
  /**
   * Other people's requests in one of `statuses` also wait for them while a mandatory review
   * in one of `areas` is missing.
   */
  reviews: { areas: ReviewArea[]; statuses: RequestStatus[] };
}

/**
 * What waits for this actor: requests they can move on to their next status, and requests that
 * lack a mandatory review in an area they review.
 */
export function waitingFor(actor: WorkflowActor): WaitingFor {
  const nobodysGroup = 'group:default/~';
  const waitsIn = (requester: string) =>
    REQUEST_STATUSES.filter(status =>
      allowedActions(
        { status, requester, requestingGroup: nobodysGroup },
        actor,
      ).some(action => FORWARD_ACTIONS.includes(action)),
    );
  return {
    own: waitsIn(actor.userEntityRef),
    others: waitsIn('user:default/~'),
    reviews: {
      areas: reviewableAreas(actor),
      statuses: [...RULES.review.from],
    },
  };
}
