import {
  REQUEST_ACTIONS,
  TRANSITION_ACTIONS,
  WorkflowActor,
  WorkflowOutcome,
  evaluateAction,
} from './workflow';
import { REQUEST_STATUSES } from './values';
import {
  REQUESTER,
  requestIn,
  ACTORS,
  ACTOR_NAMES,
  VALID_INPUT,
  TRANSITIONS,
  CAPABLE_ACTOR,
  OK,
  REQUESTER_SIDE,
  REQUESTER_ONLY,
  WHO_MAY,
  statusRefusal,
  firstStatusAllowing,
} from './__testUtils__/workflowSamples';

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
      'correct-answers',
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
            'correct-answers',
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

    it('has a row for each of the 15 actions in each of the 9 statuses', () => {
      expect(rows).toHaveLength(135);
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
