import {
  DecisionPath,
  RequestStatus,
} from '@tech-requests/plugin-tech-requests-common';
import { aRequest } from '../__testUtils__/aRequest';
import { coverageOf } from './coverage';

const decided = (
  status: RequestStatus,
  outcome: 'approved' | 'rejected' | 'deferred',
  path?: DecisionPath,
) =>
  aRequest({
    id: 42,
    title: 'Booking page',
    status,
    decision: {
      outcome,
      ...(path && { path }),
      ...(path === 'reuse' && {
        targetEntityRef: 'component:default/appointment-booker',
      }),
      rationale: 'Decided in the board.',
      decidedBy: 'user:default/lena.fischer',
      decidedAt: '2026-11-03T10:00:00.000Z',
    },
  });

describe('coverageOf', () => {
  it.each([
    ['approved', 'build'],
    ['approved', 'buy'],
    ['in-delivery', 'build'],
    ['in-delivery', 'buy'],
    ['completed', 'build'],
    ['completed', 'buy'],
  ] as const)('covers work of a request %s to %s', (status, path) => {
    expect(coverageOf(decided(status, 'approved', path))).toEqual({
      covered: true,
      reason: `Request 42 ("Booking page") was approved to ${path} on 2026-11-03`,
    });
  });

  it.each(['approved', 'in-delivery', 'completed'] as const)(
    'refuses a new build for a request %s to reuse, naming what to use',
    status => {
      expect(coverageOf(decided(status, 'approved', 'reuse'))).toEqual({
        covered: false,
        reason:
          'Request 42 ("Booking page") was approved to reuse component:default/appointment-booker: use that instead of building something new',
        reuse: 'component:default/appointment-booker',
      });
    },
  );

  it.each([
    ['rejected', 'was rejected on 2026-11-03: Decided in the board.'],
    ['deferred', 'was deferred on 2026-11-03: Decided in the board.'],
  ] as const)(
    'refuses work of a request %s, with the rationale',
    (status, words) => {
      expect(coverageOf(decided(status, status))).toEqual({
        covered: false,
        reason: `Request 42 ("Booking page") ${words}`,
      });
    },
  );

  it('says what an open request waits for', () => {
    const open = (status: RequestStatus, missing: string[] = []) =>
      coverageOf(
        aRequest({
          id: 7,
          title: 'Chat',
          status,
          assessment: { missingReviews: missing } as any,
        }),
      ).reason;
    expect(open('draft')).toBe(
      'Request 7 ("Chat") is a draft: submit it, and start once it is approved',
    );
    expect(open('submitted')).toBe(
      'Request 7 ("Chat") is submitted: waiting for a reviewer to pick it up',
    );
    expect(open('in-review')).toBe(
      'Request 7 ("Chat") is in review: waiting for a decision',
    );
    expect(open('in-review', ['security'])).toBe(
      'Request 7 ("Chat") is in review: waiting for the security review',
    );
    expect(open('in-review', ['security', 'privacy', 'finance'])).toBe(
      'Request 7 ("Chat") is in review: waiting for the security, privacy and finance reviews',
    );
    expect(open('withdrawn')).toBe('Request 7 ("Chat") was withdrawn');
  });
});
