import {
  waitingFor,
  reviewableAreas,
  OPEN_STATUSES,
  REQUEST_ACTIONS,
  RequestAction,
  TRANSITION_ACTIONS,
  TransitionInput,
  WorkflowActor,
  WorkflowOutcome,
  allowedActions,
  evaluateAction,
  isTransitionAction,
} from './workflow';
import { REQUEST_STATUSES, RequestStatus, ReviewArea } from './values';

const REQUESTER = 'user:default/rita.requester';
const REQUESTING_GROUP = 'group:default/legal';

function requestIn(status: RequestStatus) {
  return { status, requester: REQUESTER, requestingGroup: REQUESTING_GROUP };
}

const ACTORS = {
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

type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/** Valid input for actions with input rules; other actions take none. */
const VALID_INPUT: Record<RequestAction, TransitionInput> = {
  edit: {},
  delete: {},
  submit: {},
  withdraw: {},
  'start-review': {},
  review: {},
  'assess-reuse': {},
  'adjust-costs': {},
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
const TRANSITIONS: Record<
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
const CAPABLE_ACTOR: Record<RequestAction, ActorName> = {
  edit: 'groupMember',
  delete: 'groupMember',
  submit: 'requester',
  withdraw: 'requester',
  'start-review': 'reviewer',
  review: 'reviewer',
  'assess-reuse': 'reviewer',
  'adjust-costs': 'reviewer',
  approve: 'decider',
  reject: 'decider',
  defer: 'decider',
  'start-delivery': 'decider',
  complete: 'reviewer',
  comment: 'outsider',
};

const OK = 'ok';
const REQUESTER_SIDE =
  'only the requester or a member of the requesting group may do this';
const REQUESTER_ONLY = 'only the requester may do this';
const REVIEWER_OR_DECIDER = 'only a reviewer or decider may do this';
const DECIDER = 'only a decider may do this';
const REVIEWER = 'only a reviewer may do this';
const OWN_REQUEST = 'nobody may review or decide their own request';

const REQUESTER_SIDE_RULE: Record<ActorName, string> = {
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
const REQUESTER_ONLY_RULE: Record<ActorName, string> = {
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
const REVIEWER_OR_DECIDER_RULE: Record<ActorName, string> = {
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
const DECIDER_RULE: Record<ActorName, string> = {
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
const ANYONE_RULE: Record<ActorName, string> = {
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
const REVIEW_RULE: Record<ActorName, string> = {
  ...REVIEWER_OR_DECIDER_RULE,
  requester: REVIEWER,
  groupMember: REVIEWER,
  securityReviewer: OK,
  outsider: REVIEWER,
};

/** Who may take each action: `ok`, or the reason they are refused. */
const WHO_MAY: Record<RequestAction, Record<ActorName, string>> = {
  edit: REQUESTER_SIDE_RULE,
  delete: REQUESTER_SIDE_RULE,
  submit: REQUESTER_SIDE_RULE,
  withdraw: REQUESTER_ONLY_RULE,
  'start-review': REVIEWER_OR_DECIDER_RULE,
  review: REVIEW_RULE,
  'assess-reuse': REVIEWER_OR_DECIDER_RULE,
  'adjust-costs': REVIEWER_OR_DECIDER_RULE,
  approve: DECIDER_RULE,
  reject: DECIDER_RULE,
  defer: DECIDER_RULE,
  'start-delivery': REVIEWER_OR_DECIDER_RULE,
  complete: REVIEWER_OR_DECIDER_RULE,
  comment: ANYONE_RULE,
};

function statusRefusal(
  action: RequestAction,
  status: RequestStatus,
): WorkflowOutcome {
  return {
    allowed: false,
    kind: 'status',
    reason: `'${action}' is not possible while the request is ${status}`,
  };
}

function firstStatusAllowing(action: RequestAction): RequestStatus {
  return Object.keys(TRANSITIONS[action])[0] as RequestStatus;
}

describe('the hand-written specification', () => {
  it('covers every action, and the transition actions are the ones that change status', () => {
    expect([...REQUEST_ACTIONS].sort()).toEqual(
      Object.keys(TRANSITIONS).sort(),
    );
    expect(REQUEST_ACTIONS).toEqual([
      'edit',
      'delete',
      'submit',
      'withdraw',
      'start-review',
      'review',
      'assess-reuse',
      'adjust-costs',
      'approve',
      'reject',
      'defer',
      'start-delivery',
      'complete',
      'comment',
    ]);
    expect([...TRANSITION_ACTIONS].sort()).toEqual(
      REQUEST_ACTIONS.filter(
        action =>
          ![
            'edit',
            'delete',
            'review',
            'assess-reuse',
            'adjust-costs',
            'comment',
          ].includes(action),
      ).sort(),
    );
  });
});

describe('evaluateAction', () => {
  describe('status: every action in every status, by someone who may act, with valid input', () => {
    const rows = REQUEST_ACTIONS.flatMap(action =>
      REQUEST_STATUSES.map(status => {
        const next = TRANSITIONS[action][status];
        const expected: WorkflowOutcome = next
          ? { allowed: true, nextStatus: next }
          : statusRefusal(action, status);
        return {
          status,
          actor: CAPABLE_ACTOR[action],
          action,
          input: VALID_INPUT[action],
          expected,
        };
      }),
    );

    it('has a row for each of the 14 actions in each of the 9 statuses', () => {
      expect(rows).toHaveLength(126);
    });

    it.each(rows)(
      '$action while $status by $actor → $expected',
      ({ status, actor, action, input, expected }) => {
        expect(
          evaluateAction(requestIn(status), ACTORS[actor], action, input),
        ).toEqual(expected);
      },
    );
  });

  describe('actor: every action, in a status that allows it, by every kind of person', () => {
    const rows = REQUEST_ACTIONS.flatMap(action =>
      ACTOR_NAMES.map(actor => {
        const status = firstStatusAllowing(action);
        const verdict = WHO_MAY[action][actor];
        const expected: WorkflowOutcome =
          verdict === OK
            ? { allowed: true, nextStatus: TRANSITIONS[action][status]! }
            : { allowed: false, kind: 'actor', reason: verdict };
        return { status, actor, action, input: VALID_INPUT[action], expected };
      }),
    );

    it.each(rows)(
      '$action while $status by $actor → $expected',
      ({ status, actor, action, input, expected }) => {
        expect(
          evaluateAction(requestIn(status), ACTORS[actor], action, input),
        ).toEqual(expected);
      },
    );
  });

  describe('input: rationale and decision rules', () => {
    // The field names what is wrong; the wording of the reason is free, but never blank.
    const ANY_REASON = expect.stringMatching(/\S/) as unknown as string;
    const rationaleMissing: WorkflowOutcome = {
      allowed: false,
      kind: 'input',
      field: 'rationale',
      reason: ANY_REASON,
    };
    const pathMissing: WorkflowOutcome = {
      allowed: false,
      kind: 'input',
      field: 'decision.path',
      reason: ANY_REASON,
    };
    const targetMissing: WorkflowOutcome = {
      allowed: false,
      kind: 'input',
      field: 'decision.targetEntityRef',
      reason: ANY_REASON,
    };
    const vendorMissing: WorkflowOutcome = {
      allowed: false,
      kind: 'input',
      field: 'decision.vendor',
      reason: ANY_REASON,
    };

    const rows: Array<
      [
        RequestStatus,
        ActorName,
        RequestAction,
        TransitionInput,
        WorkflowOutcome,
      ]
    > = [
      // approve: rationale first
      ['in-review', 'decider', 'approve', {}, rationaleMissing],
      ['in-review', 'decider', 'approve', { rationale: '' }, rationaleMissing],
      [
        'in-review',
        'decider',
        'approve',
        { rationale: ' \n\t ' },
        rationaleMissing,
      ],
      [
        'in-review',
        'decider',
        'approve',
        { rationale: '   ', decision: { path: 'build' } },
        rationaleMissing,
      ],
      [
        'in-review',
        'decider',
        'approve',
        { decision: { path: 'reuse' } },
        rationaleMissing,
      ],
      // approve: then the path
      [
        'in-review',
        'decider',
        'approve',
        { rationale: 'Good fit' },
        pathMissing,
      ],
      [
        'in-review',
        'decider',
        'approve',
        { rationale: 'Good fit', decision: {} },
        pathMissing,
      ],
      [
        'in-review',
        'decider',
        'approve',
        {
          rationale: 'Good fit',
          decision: {
            vendor: 'Acme',
            targetEntityRef: 'component:default/esign',
          },
        },
        pathMissing,
      ],
      // approve: reuse needs the entity to reuse
      [
        'in-review',
        'decider',
        'approve',
        { rationale: 'Good fit', decision: { path: 'reuse' } },
        targetMissing,
      ],
      [
        'in-review',
        'decider',
        'approve',
        {
          rationale: 'Good fit',
          decision: { path: 'reuse', targetEntityRef: '' },
        },
        targetMissing,
      ],
      [
        'in-review',
        'decider',
        'approve',
        {
          rationale: 'Good fit',
          decision: { path: 'reuse', targetEntityRef: '   ' },
        },
        targetMissing,
      ],
      [
        'in-review',
        'decider',
        'approve',
        { rationale: 'Good fit', decision: { path: 'reuse', vendor: 'Acme' } },
        targetMissing,
      ],
      [
        'in-review',
        'decider',
        'approve',
        {
          rationale: 'Good fit',
          decision: {
            path: 'reuse',
            targetEntityRef: 'component:default/esign',
          },
        },
        { allowed: true, nextStatus: 'approved' },
      ],
      // approve: buy needs the vendor
      [
        'in-review',
        'decider',
        'approve',
        { rationale: 'Good fit', decision: { path: 'buy' } },
        vendorMissing,
      ],
      [
        'in-review',
        'decider',
        'approve',
        { rationale: 'Good fit', decision: { path: 'buy', vendor: '' } },
        vendorMissing,
      ],
      [
        'in-review',
        'decider',
        'approve',
        { rationale: 'Good fit', decision: { path: 'buy', vendor: '   ' } },
        vendorMissing,
      ],
      [
        'in-review',
        'decider',
        'approve',
        {
          rationale: 'Good fit',
          decision: { path: 'buy', targetEntityRef: 'component:default/esign' },
        },
        vendorMissing,
      ],
      [
        'in-review',
        'decider',
        'approve',
        {
          rationale: 'Good fit',
          decision: { path: 'buy', vendor: 'Acme Sign' },
        },
        { allowed: true, nextStatus: 'approved' },
      ],
      // approve: build needs neither
      [
        'in-review',
        'decider',
        'approve',
        { rationale: 'Good fit', decision: { path: 'build' } },
        { allowed: true, nextStatus: 'approved' },
      ],
      [
        'in-review',
        'deciderInGroup',
        'approve',
        { rationale: '  padded  ', decision: { path: 'build', vendor: '' } },
        { allowed: true, nextStatus: 'approved' },
      ],
      // reject and defer need a rationale, in both statuses they are possible in
      ['submitted', 'decider', 'reject', {}, rationaleMissing],
      ['in-review', 'decider', 'reject', { rationale: '' }, rationaleMissing],
      ['in-review', 'decider', 'reject', { rationale: '\n' }, rationaleMissing],
      [
        'submitted',
        'decider',
        'reject',
        { rationale: 'Duplicates the CRM' },
        { allowed: true, nextStatus: 'rejected' },
      ],
      [
        'in-review',
        'decider',
        'reject',
        { rationale: 'Duplicates the CRM' },
        { allowed: true, nextStatus: 'rejected' },
      ],
      ['submitted', 'decider', 'defer', {}, rationaleMissing],
      ['in-review', 'decider', 'defer', { rationale: '  ' }, rationaleMissing],
      [
        'submitted',
        'decider',
        'defer',
        { rationale: 'Next budget cycle' },
        { allowed: true, nextStatus: 'deferred' },
      ],
      [
        'in-review',
        'decider',
        'defer',
        { rationale: 'Next budget cycle', decision: { path: 'buy' } },
        { allowed: true, nextStatus: 'deferred' },
      ],
      // actions without input rules ignore what is sent
      [
        'draft',
        'requester',
        'submit',
        { rationale: '' },
        { allowed: true, nextStatus: 'submitted' },
      ],
      [
        'draft',
        'requester',
        'withdraw',
        {},
        { allowed: true, nextStatus: 'withdrawn' },
      ],
      [
        'submitted',
        'reviewer',
        'start-review',
        {},
        { allowed: true, nextStatus: 'in-review' },
      ],
      [
        'approved',
        'reviewer',
        'start-delivery',
        { decision: { path: 'buy' } },
        { allowed: true, nextStatus: 'in-delivery' },
      ],
      [
        'in-delivery',
        'decider',
        'complete',
        {},
        { allowed: true, nextStatus: 'completed' },
      ],
      // status is checked before the person, the person before the input
      ['draft', 'outsider', 'approve', {}, statusRefusal('approve', 'draft')],
      [
        'approved',
        'reviewer',
        'reject',
        {},
        statusRefusal('reject', 'approved'),
      ],
      [
        'in-review',
        'outsider',
        'approve',
        {},
        { allowed: false, kind: 'actor', reason: DECIDER },
      ],
      [
        'in-review',
        'deciderRequester',
        'defer',
        {},
        { allowed: false, kind: 'actor', reason: OWN_REQUEST },
      ],
    ];

    const summary = (outcome: WorkflowOutcome) =>
      outcome.allowed
        ? `allowed → ${outcome.nextStatus}`
        : `refused: ${outcome.kind} ${outcome.field ?? outcome.reason}`;

    it.each(
      rows.map(
        ([status, actor, action, input, expected]) =>
          [status, actor, action, input, summary(expected), expected] as const,
      ),
    )(
      'while %s, %s does %s with %j → %s',
      (status, actor, action, input, _summary, expected) => {
        expect(
          evaluateAction(requestIn(status), ACTORS[actor], action, input),
        ).toEqual(expected);
      },
    );

    it('treats a missing input as empty', () => {
      expect(
        evaluateAction(requestIn('in-review'), ACTORS.decider, 'approve'),
      ).toEqual(rationaleMissing);
      expect(
        evaluateAction(requestIn('submitted'), ACTORS.decider, 'reject'),
      ).toEqual(rationaleMissing);
      expect(
        evaluateAction(requestIn('draft'), ACTORS.requester, 'submit'),
      ).toEqual({
        allowed: true,
        nextStatus: 'submitted',
      });
    });
  });

  describe('who counts as the requesting side', () => {
    it('recognises the requester by user ref even without group membership', () => {
      const requesterElsewhere: WorkflowActor = {
        userEntityRef: REQUESTER,
        ownershipEntityRefs: [REQUESTER, 'group:default/finance'],
        roles: [],
      };
      expect(
        evaluateAction(requestIn('draft'), requesterElsewhere, 'edit'),
      ).toEqual({
        allowed: true,
        nextStatus: 'draft',
      });
      expect(
        evaluateAction(requestIn('draft'), requesterElsewhere, 'withdraw'),
      ).toEqual({
        allowed: true,
        nextStatus: 'withdrawn',
      });
    });

    it('compares group refs exactly (they are stored in full form)', () => {
      const shortFormMember: WorkflowActor = {
        userEntityRef: 'user:default/gus.colleague',
        ownershipEntityRefs: ['user:default/gus.colleague', 'group:legal'],
        roles: [],
      };
      expect(
        evaluateAction(requestIn('draft'), shortFormMember, 'edit'),
      ).toEqual({
        allowed: false,
        kind: 'actor',
        reason: REQUESTER_SIDE,
      });
    });

    it('does not let a reviewer or decider with the same name but another ref act as requester', () => {
      const namesake: WorkflowActor = {
        userEntityRef: 'user:other/rita.requester',
        ownershipEntityRefs: ['user:other/rita.requester'],
        roles: ['reviewer', 'decider'],
      };
      expect(
        evaluateAction(
          requestIn('in-review'),
          namesake,
          'approve',
          VALID_INPUT.approve,
        ),
      ).toEqual({ allowed: true, nextStatus: 'approved' });
      expect(
        evaluateAction(requestIn('in-review'), namesake, 'withdraw'),
      ).toEqual({
        allowed: false,
        kind: 'actor',
        reason: REQUESTER_ONLY,
      });
    });
  });
});

describe('separation from the requesting group', () => {
  const strict = {
    ...ACTORS.deciderInGroup,
    separateFromRequestingGroup: true,
  };

  it.each(['start-review', 'review', 'reject', 'defer'] as const)(
    'refuses %s to a member of the requesting group when configured',
    action => {
      expect(
        evaluateAction(requestIn('submitted'), strict, action, {
          rationale: 'because',
        }),
      ).toEqual({
        allowed: false,
        kind: 'actor',
        reason:
          'nobody may review or decide a request of a group they belong to',
      });
    },
  );

  it('allows it when not configured, and leaves the requesting side its own actions', () => {
    expect(
      evaluateAction(requestIn('submitted'), ACTORS.deciderInGroup, 'review'),
    ).toEqual({ allowed: true, nextStatus: 'submitted' });
    expect(allowedActions(requestIn('submitted'), strict)).toEqual([
      'edit',
      'comment',
    ]);
  });
});

describe('mandatory reviews', () => {
  const missing = (status: RequestStatus, reviews: ReviewArea[]) => ({
    ...requestIn(status),
    assessment: { missingReviews: reviews },
  });

  it.each([
    ['approve', 'in-review', { rationale: 'ok', decision: { path: 'build' } }],
    ['reject', 'in-review', { rationale: 'no' }],
    ['reject', 'submitted', { rationale: 'no' }],
  ] as const)(
    '%s while %s waits for them, naming them',
    (action, status, input) => {
      expect(
        evaluateAction(
          missing(status, ['security', 'privacy']),
          ACTORS.decider,
          action,
          input,
        ),
      ).toEqual({
        allowed: false,
        kind: 'guard',
        reason:
          'mandatory reviews missing: security, privacy; a decision waits for them',
      });
    },
  );

  it('lets a decision through once nothing is missing, and never holds back a deferral', () => {
    expect(
      evaluateAction(missing('in-review', []), ACTORS.decider, 'approve', {
        rationale: 'ok',
        decision: { path: 'build' },
      }),
    ).toEqual({ allowed: true, nextStatus: 'approved' });
    expect(
      evaluateAction(
        missing('in-review', ['security']),
        ACTORS.decider,
        'defer',
        {
          rationale: 'later',
        },
      ),
    ).toEqual({ allowed: true, nextStatus: 'deferred' });
  });

  it('checks the person before what is missing', () => {
    expect(
      evaluateAction(
        missing('in-review', ['security']),
        ACTORS.reviewer,
        'approve',
        {
          rationale: 'ok',
          decision: { path: 'build' },
        },
      ),
    ).toMatchObject({ allowed: false, kind: 'actor' });
  });
});

describe('allowedActions', () => {
  it.each<[RequestStatus, ActorName, RequestAction[]]>([
    ['draft', 'requester', ['edit', 'delete', 'submit', 'withdraw', 'comment']],
    ['draft', 'groupMember', ['edit', 'delete', 'submit', 'comment']],
    ['draft', 'reviewer', ['comment']],
    ['draft', 'decider', ['comment']],
    [
      'draft',
      'deciderRequester',
      ['edit', 'delete', 'submit', 'withdraw', 'comment'],
    ],
    ['submitted', 'requester', ['edit', 'withdraw', 'comment']],
    ['submitted', 'groupMember', ['edit', 'comment']],
    [
      'submitted',
      'reviewer',
      ['start-review', 'review', 'assess-reuse', 'adjust-costs', 'comment'],
    ],
    [
      'submitted',
      'decider',
      [
        'start-review',
        'review',
        'assess-reuse',
        'adjust-costs',
        'reject',
        'defer',
        'comment',
      ],
    ],
    ['submitted', 'reviewerRequester', ['edit', 'withdraw', 'comment']],
    ['submitted', 'deciderRequester', ['edit', 'withdraw', 'comment']],
    [
      'submitted',
      'deciderInGroup',
      [
        'edit',
        'start-review',
        'review',
        'assess-reuse',
        'adjust-costs',
        'reject',
        'defer',
        'comment',
      ],
    ],
    ['in-review', 'requester', ['withdraw', 'comment']],
    ['in-review', 'groupMember', ['comment']],
    [
      'in-review',
      'reviewer',
      ['review', 'assess-reuse', 'adjust-costs', 'comment'],
    ],
    [
      'in-review',
      'decider',
      [
        'review',
        'assess-reuse',
        'adjust-costs',
        'approve',
        'reject',
        'defer',
        'comment',
      ],
    ],
    ['in-review', 'deciderRequester', ['withdraw', 'comment']],
    ['deferred', 'requester', ['edit', 'submit', 'withdraw', 'comment']],
    ['deferred', 'groupMember', ['edit', 'submit', 'comment']],
    ['deferred', 'decider', ['comment']],
    ['approved', 'requester', ['comment']],
    ['approved', 'reviewer', ['start-delivery', 'comment']],
    ['approved', 'reviewerRequester', ['comment']],
    ['in-delivery', 'decider', ['complete', 'comment']],
    ['in-delivery', 'groupMember', ['comment']],
    ['completed', 'decider', ['comment']],
    ['completed', 'requester', ['comment']],
    ['rejected', 'requester', ['comment']],
    ['rejected', 'decider', ['comment']],
    ['withdrawn', 'requester', ['comment']],
    ['withdrawn', 'reviewer', ['comment']],
    ['submitted', 'outsider', ['comment']],
    ['in-review', 'outsider', ['comment']],
  ])('while %s, %s may %j', (status, actor, expected) => {
    expect(allowedActions(requestIn(status), ACTORS[actor])).toEqual(expected);
  });

  describe('agrees with evaluateAction for every status and every sample actor', () => {
    const combinations = REQUEST_STATUSES.flatMap(status =>
      ACTOR_NAMES.map(actor => ({ status, actor })),
    );

    /** Every valid input for an action: approve has one per path. */
    const validInputsFor = (action: RequestAction): TransitionInput[] =>
      action === 'approve'
        ? [
            { rationale: 'ok', decision: { path: 'build' } },
            { rationale: 'ok', decision: { path: 'buy', vendor: 'Acme' } },
            {
              rationale: 'ok',
              decision: {
                path: 'reuse',
                targetEntityRef: 'component:default/esign',
              },
            },
          ]
        : [VALID_INPUT[action]];

    it.each(combinations)('while $status for $actor', ({ status, actor }) => {
      const request = requestIn(status);
      const allowed = allowedActions(request, ACTORS[actor]);

      // no duplicates, and in the canonical order
      expect(allowed).toEqual(
        REQUEST_ACTIONS.filter(action => allowed.includes(action)),
      );
      // everyone may always comment
      expect(allowed).toContain('comment');

      for (const action of REQUEST_ACTIONS) {
        for (const input of validInputsFor(action)) {
          const outcome = evaluateAction(request, ACTORS[actor], action, input);
          // Refused only for who or when, never for what was sent.
          const summary = outcome.allowed
            ? outcome
            : { allowed: false, kind: outcome.kind };
          const expected = allowed.includes(action)
            ? { allowed: true, nextStatus: TRANSITIONS[action][status] }
            : {
                allowed: false,
                kind: TRANSITIONS[action][status] ? 'actor' : 'status',
              };
          expect({ action, input, outcome: summary }).toEqual({
            action,
            input,
            outcome: expected,
          });
        }
      }
    });
  });
});

describe('isTransitionAction', () => {
  it.each(TRANSITION_ACTIONS.map(action => [action]))('accepts %s', action => {
    expect(isTransitionAction(action)).toBe(true);
  });

  it.each([
    ['edit'],
    ['review'],
    ['comment'],
    [''],
    ['Approve'],
    ['approve '],
    ['create'],
  ])('rejects %j', value => {
    expect(isTransitionAction(value)).toBe(false);
  });
});

describe('OPEN_STATUSES', () => {
  it('lists the undecided statuses, which are exactly those a request can be withdrawn in', () => {
    expect(OPEN_STATUSES).toEqual([
      'draft',
      'submitted',
      'in-review',
      'deferred',
    ]);
    expect(
      REQUEST_STATUSES.filter(
        status =>
          evaluateAction(requestIn(status), ACTORS.requester, 'withdraw')
            .allowed,
      ),
    ).toEqual(OPEN_STATUSES);
  });
});

describe('waitingFor', () => {
  const EVERY_AREA = [
    'architecture',
    'security',
    'privacy',
    'finance',
    'portfolio',
  ];
  it.each([
    [
      'requester',
      {
        own: ['draft', 'deferred'],
        others: [],
        reviews: { areas: [], statuses: ['submitted', 'in-review'] },
      },
    ],
    [
      'outsider',
      {
        own: ['draft', 'deferred'],
        others: [],
        reviews: { areas: [], statuses: ['submitted', 'in-review'] },
      },
    ],
    [
      'reviewer',
      {
        own: ['draft', 'deferred'],
        // In review, a reviewer is waited for only by the reviews still missing.
        others: ['submitted', 'approved', 'in-delivery'],
        reviews: { areas: EVERY_AREA, statuses: ['submitted', 'in-review'] },
      },
    ],
    [
      'decider',
      {
        own: ['draft', 'deferred'],
        others: ['submitted', 'in-review', 'approved', 'in-delivery'],
        reviews: { areas: EVERY_AREA, statuses: ['submitted', 'in-review'] },
      },
    ],
    [
      'securityReviewer',
      {
        own: ['draft', 'deferred'],
        others: [],
        reviews: { areas: ['security'], statuses: ['submitted', 'in-review'] },
      },
    ],
  ] as const)('for a %s', (actor, expected) => {
    expect(waitingFor(ACTORS[actor])).toEqual(expected);
  });
});

describe('review routing', () => {
  it('lets someone who only reviews an area review, in that area only', () => {
    expect(
      evaluateAction(requestIn('in-review'), ACTORS.securityReviewer, 'review'),
    ).toEqual({ allowed: true, nextStatus: 'in-review' });
    expect(reviewableAreas(ACTORS.securityReviewer)).toEqual(['security']);
    expect(
      allowedActions(requestIn('in-review'), ACTORS.securityReviewer),
    ).toEqual(['review', 'comment']);
  });

  it('refuses reviews to a reviewer whom the routing gives no area', () => {
    const routedAway: WorkflowActor = { ...ACTORS.reviewer, reviewAreas: [] };
    expect(reviewableAreas(routedAway)).toEqual([]);
    expect(
      evaluateAction(requestIn('in-review'), routedAway, 'review'),
    ).toMatchObject({
      allowed: false,
      kind: 'actor',
      reason: 'only a reviewer may do this',
    });
    // Routing is about reviews: triage stays with the reviewer role.
    expect(
      evaluateAction(requestIn('submitted'), routedAway, 'start-review'),
    ).toMatchObject({ allowed: true });
  });

  it('keeps an area reviewer off their own request', () => {
    const own: WorkflowActor = {
      ...ACTORS.securityReviewer,
      userEntityRef: REQUESTER,
    };
    expect(evaluateAction(requestIn('in-review'), own, 'review')).toMatchObject(
      {
        allowed: false,
        kind: 'actor',
        reason: 'nobody may review or decide their own request',
      },
    );
  });

  it('lets reviewers and deciders review every area without routing', () => {
    expect(reviewableAreas(ACTORS.reviewer)).toHaveLength(5);
    expect(reviewableAreas(ACTORS.decider)).toHaveLength(5);
    expect(reviewableAreas(ACTORS.outsider)).toEqual([]);
  });
});
