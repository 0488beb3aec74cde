import {
  RequestReview,
  ReviewArea,
} from '@tech-requests/plugin-tech-requests-common';

/**
 * The mandatory review areas nobody has reviewed yet, in the order given: a decision waits
 * for them. Any verdict counts; a review that rejects has still been done.
 */
export function missingReviews(
  mandatory: ReviewArea[],
  reviews: Pick<RequestReview, 'area'>[],
): ReviewArea[] {
  const reviewed = new Set(reviews.map(review => review.area));
  return mandatory.filter(
    (area, index) => !reviewed.has(area) && mandatory.indexOf(area) === index,
  );
}
