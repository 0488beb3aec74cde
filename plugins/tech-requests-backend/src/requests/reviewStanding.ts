import {
  answersChangedSince,
  RequestReview,
  ReviewedRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { StoredReview } from '../database/RequestStore';

/**
 * The reviews of a request as they stand against the request as it is now: each says which
 * of the answers its reviewer saw have changed since, and which later review of the same
 * reviewer and area replaced it. Reviews kept without their answers cannot tell and hold.
 */
export function reviewsAgainst(
  reviews: StoredReview[],
  request: ReviewedRequest,
): RequestReview[] {
  const latest = new Map<string, number>();
  for (const review of reviews) {
    const key = `${review.reviewer} ${review.area}`;
    latest.set(key, Math.max(latest.get(key) ?? review.id, review.id));
  }
  return reviews.map(({ answersSeen, ...review }) => {
    const newest = latest.get(`${review.reviewer} ${review.area}`)!;
    return {
      ...review,
      changedSince: answersSeen
        ? answersChangedSince(review.area, answersSeen, request)
        : [],
      ...(newest !== review.id && { supersededBy: newest }),
    };
  });
}
