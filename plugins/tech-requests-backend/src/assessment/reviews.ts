import {
  RequestReview,
  reviewCounts,
  ReviewArea,
  StaleReview,
} from '@tech-requests/plugin-tech-requests-common';

/** A review as far as the mandatory reviews care: its area, and whether it still counts. */
export type ReviewSoFar = Pick<RequestReview, 'area'> &
  Partial<Pick<RequestReview, 'reviewer' | 'changedSince' | 'supersededBy'>>;

/** Whether a review still counts; one that does not say how it stands counts. */
export const stillCounts = (review: ReviewSoFar) =>
  reviewCounts({ changedSince: [], ...review });

/**
 * The mandatory review areas without a review that counts, in the order given: a decision
 * waits for them. Any verdict counts; a review that rejects has still been done. A review of
 * an earlier version, or one its reviewer replaced, does not.
 */
export function missingReviews(
  mandatory: ReviewArea[],
  reviews: ReviewSoFar[],
): ReviewArea[] {
  const reviewed = new Set(
    reviews.filter(stillCounts).map(review => review.area),
  );
  return mandatory.filter(
    (area, index) => !reviewed.has(area) && mandatory.indexOf(area) === index,
  );
}

/** Of the missing areas, those reviewed on an earlier version: who reviewed, what changed. */
export function staleReviews(
  missing: ReviewArea[],
  reviews: ReviewSoFar[],
): StaleReview[] {
  return missing.flatMap(area => {
    const earlier = reviews.filter(
      review =>
        review.area === area &&
        review.supersededBy === undefined &&
        review.changedSince?.length,
    );
    if (!earlier.length) {
      return [];
    }
    const changed = new Set(
      earlier.flatMap(review => review.changedSince!.map(c => c.answer)),
    );
    return [
      {
        area,
        reviewers: [...new Set(earlier.map(review => review.reviewer ?? ''))]
          .filter(Boolean)
          .sort(),
        changed: [...changed],
      },
    ];
  });
}
