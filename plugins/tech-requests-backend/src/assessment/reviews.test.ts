import {
  RequestReview,
  ReviewArea,
} from '@tech-requests/plugin-tech-requests-common';
import { missingReviews, staleReviews } from './reviews';

describe('missingReviews', () => {
  it.each<[string, ReviewArea[], ReviewArea[], ReviewArea[]]>([
    ['nothing when nothing is mandatory', [], ['security'], []],
    [
      'every mandatory area without reviews',
      ['security', 'privacy'],
      [],
      ['security', 'privacy'],
    ],
    [
      'nothing when all are reviewed',
      ['security', 'privacy'],
      ['privacy', 'security'],
      [],
    ],
    [
      'the area not yet reviewed',
      ['security', 'privacy'],
      ['security'],
      ['privacy'],
    ],
    [
      'areas in the mandatory order',
      ['privacy', 'architecture', 'security'],
      ['finance'],
      ['privacy', 'architecture', 'security'],
    ],
    [
      'nothing extra for reviews of other areas',
      ['security'],
      ['architecture', 'finance'],
      ['security'],
    ],
    [
      'an area reviewed twice as reviewed',
      ['security', 'privacy'],
      ['security', 'security'],
      ['privacy'],
    ],
    [
      'an area mandatory twice once',
      ['security', 'security'],
      [],
      ['security'],
    ],
  ])('returns %s', (_, mandatory, reviewed, missing) => {
    expect(
      missingReviews(
        mandatory,
        reviewed.map(area => ({ area })),
      ),
    ).toEqual(missing);
  });

  it('counts a review whatever its verdict', () => {
    const rejection: RequestReview = {
      id: 1,
      requestId: 1,
      reviewer: 'user:default/sec',
      area: 'security',
      verdict: 'reject',
      comment: 'No',
      createdAt: '2025-01-01T00:00:00Z',
      changedSince: [],
    };
    expect(missingReviews(['security'], [rejection])).toEqual([]);
  });
});

describe('reviews of an earlier version', () => {
  const hostingChanged = [
    {
      answer: 'hosting' as const,
      before: 'on-premises',
      after: 'vendor-cloud',
    },
  ];
  const sam = 'user:default/sam';
  const ana = 'user:default/ana';

  it('leaves an area missing while its only reviews saw answers that changed since', () => {
    const reviews = [
      {
        area: 'security' as const,
        reviewer: sam,
        changedSince: hostingChanged,
      },
      { area: 'privacy' as const, reviewer: ana, changedSince: [] },
    ];
    const missing = missingReviews(['security', 'privacy'], reviews);
    expect(missing).toEqual(['security']);
    expect(staleReviews(missing, reviews)).toEqual([
      { area: 'security', reviewers: [sam], changed: ['hosting'] },
    ]);
  });

  it('counts the area once someone reviewed the version as it is', () => {
    const reviews = [
      {
        area: 'security' as const,
        reviewer: sam,
        changedSince: hostingChanged,
      },
      { area: 'security' as const, reviewer: ana, changedSince: [] },
    ];
    expect(missingReviews(['security'], reviews)).toEqual([]);
  });

  it('does not count a review its reviewer replaced, nor name it as stale', () => {
    const reviews = [
      {
        area: 'security' as const,
        reviewer: sam,
        supersededBy: 2,
        changedSince: [],
      },
    ];
    const missing = missingReviews(['security'], reviews);
    expect(missing).toEqual(['security']);
    expect(staleReviews(missing, reviews)).toEqual([]);
  });
});
