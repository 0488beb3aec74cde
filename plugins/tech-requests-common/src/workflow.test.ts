import {
  actionWaitsFor,
  waitingFor,
  reviewableAreas,
  OPEN_STATUSES,
  REQUEST_ACTIONS,
  RequestAction,
  TRANSITION_ACTIONS,
  TransitionInput,
  WorkflowActor,
  allowedActions,
  evaluateAction,
  isTransitionAction,
} from './workflow';
import { REQUEST_STATUSES, RequestStatus, ReviewArea } from './values';
import {
  REQUESTER,
  requestIn,
  ACTORS,
  ActorName,
  ACTOR_NAMES,
  VALID_INPUT,
  TRANSITIONS,
} from './__testUtils__/workflowSamples';

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

  it('tells pages what a decision waits for, and that nothing else waits', () => {
    const waiting = missing('in-review', ['security']);
    expect(actionWaitsFor(waiting, 'approve')).toBe(
      'mandatory reviews missing: security; a decision waits for them',
    );
    expect(actionWaitsFor(waiting, 'reject')).toBeDefined();
    expect(actionWaitsFor(waiting, 'defer')).toBeUndefined();
    expect(actionWaitsFor(waiting, 'withdraw')).toBeUndefined();
    expect(actionWaitsFor(missing('in-review', []), 'approve')).toBeUndefined();
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
      [
        'start-review',
        'review',
        'assess-reuse',
        'adjust-costs',
        'correct-answers',
        'comment',
      ],
    ],
    [
      'submitted',
      'decider',
      [
        'start-review',
        'review',
        'assess-reuse',
        'adjust-costs',
        'correct-answers',
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
        'correct-answers',
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
      ['review', 'assess-reuse', 'adjust-costs', 'correct-answers', 'comment'],
    ],
    [
      'in-review',
      'decider',
      [
        'review',
        'assess-reuse',
        'adjust-costs',
        'correct-answers',
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
