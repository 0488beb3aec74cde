import { gateAnswer, refusal } from '../__testUtils__/answers';
import { newBuildVerdict } from './newBuild';

describe('newBuildVerdict', () => {
  it.each(['approved', 'in-delivery'] as const)(
    'lets a template build under a request %s to build',
    status => {
      expect(newBuildVerdict(gateAnswer({ request: { status } }))).toEqual({
        go: true,
        covered: true,
        reason:
          'Request 42 ("Booking tool") was approved to build on 2026-11-30',
      });
    },
  );

  it("passes the gate's refusal on, stopping the template", () => {
    expect(newBuildVerdict(refusal())).toEqual({
      go: false,
      covered: false,
      reason:
        'Request 42 ("Booking tool") is in review: waiting for the security review',
    });
  });

  it('lets uncovered work go on in warn-only mode, as not covered', () => {
    expect(newBuildVerdict(refusal('warn'))).toMatchObject({
      go: true,
      covered: false,
    });
  });

  it('refuses new work under a completed request', () => {
    expect(
      newBuildVerdict(gateAnswer({ request: { status: 'completed' } })),
    ).toEqual({
      go: false,
      covered: false,
      reason:
        'Request 42 ("Booking tool") is completed: new work needs a request of its own',
    });
  });

  it('refuses to build under a decision to buy, naming the vendor', () => {
    const answer = gateAnswer({
      request: {
        decision: {
          outcome: 'approved',
          path: 'buy',
          vendor: 'Calendly',
          decidedBy: 'user:default/lena.fischer',
          decidedAt: '2026-11-30T10:00:00.000Z',
        },
      },
    });
    expect(newBuildVerdict(answer)).toEqual({
      go: false,
      covered: false,
      reason:
        'Request 42 ("Booking tool") was approved to buy from Calendly, not to build: a template creates new software, which needs a request decided for build',
    });
    expect(newBuildVerdict({ ...answer, mode: 'warn' }).go).toBe(true);
  });

  it('refuses to build under an approval without a path', () => {
    const answer = gateAnswer({
      request: {
        decision: {
          outcome: 'approved',
          decidedBy: 'user:default/lena.fischer',
          decidedAt: '2026-11-30T10:00:00.000Z',
        },
      },
    });
    expect(newBuildVerdict(answer).reason).toBe(
      'Request 42 ("Booking tool") was approved without a path, not to build: a template creates new software, which needs a request decided for build',
    );
  });
});
