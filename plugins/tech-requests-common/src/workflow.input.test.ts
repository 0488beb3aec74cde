import {
  RequestAction,
  TransitionInput,
  WorkflowOutcome,
  evaluateAction,
} from './workflow';
import { RequestStatus } from './values';
import {
  requestIn,
  ACTORS,
  ActorName,
  DECIDER,
  OWN_REQUEST,
  statusRefusal,
} from './__testUtils__/workflowSamples';

describe('evaluateAction', () => {
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
});
