import {
  RequestReview,
  ReviewArea,
} from '@tech-requests/plugin-tech-requests-common';
import { missingReviews } from './reviews';

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
    };
    expect(missingReviews(['security'], [rejection])).toEqual([]);
  });
});
