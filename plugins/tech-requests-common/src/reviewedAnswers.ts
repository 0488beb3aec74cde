import type { CostInputs } from './assessment';
import type { RequestDetails } from './model';
import type { ReviewArea } from './values';

/** The parts of a request a review can depend on. */
export type ReviewedRequest = RequestDetails & { costInputs?: CostInputs };

const sorted = (values: readonly string[]) => [...values].sort();

/**
 * The answers a reviewer judges, each read from the request as a value that changes only when
 * the answer does (lists sorted, vendors by name).
 */
const ANSWERS = {
  dataClassification: (r: ReviewedRequest) => r.dataClassification,
  handlesPersonalData: (r: ReviewedRequest) => r.handlesPersonalData,
  hosting: (r: ReviewedRequest) => r.hosting,
  signIn: (r: ReviewedRequest) => r.signIn,
  dataLocation: (r: ReviewedRequest) => r.dataLocation,
  vendorCertifications: (r: ReviewedRequest) => sorted(r.vendorCertifications),
  vendors: (r: ReviewedRequest) =>
    sorted(r.vendorCandidates.map(vendor => vendor.name.trim().toLowerCase())),
  integrations: (r: ReviewedRequest) => sorted(r.integrations),
  capabilities: (r: ReviewedRequest) => sorted(r.capabilities),
  audience: (r: ReviewedRequest) => r.audience ?? null,
  expectedUsers: (r: ReviewedRequest) => r.expectedUsers ?? null,
  budgetRange: (r: ReviewedRequest) => r.budgetRange ?? null,
  vendorQuotes: (r: ReviewedRequest) =>
    r.vendorCandidates
      .map(vendor => ({
        vendor: vendor.name.trim().toLowerCase(),
        quotedCost: vendor.quotedCost ?? null,
      }))
      .sort((a, b) => a.vendor.localeCompare(b.vendor)),
  costInputs: (r: ReviewedRequest) => r.costInputs ?? {},
  need: (r: ReviewedRequest) => r.need,
  preferredPath: (r: ReviewedRequest) => r.preferredPath,
};

/** One answer a review depends on. */
export type ReviewedAnswer = keyof typeof ANSWERS;

/** How each answer is named to people. */
export const REVIEWED_ANSWER_LABELS: Record<ReviewedAnswer, string> = {
  dataClassification: 'data classification',
  handlesPersonalData: 'personal data',
  hosting: 'hosting',
  signIn: 'sign-in',
  dataLocation: 'data location',
  vendorCertifications: 'vendor certifications',
  vendors: 'vendors',
  integrations: 'integrations',
  capabilities: 'capabilities',
  audience: 'who uses it',
  expectedUsers: 'expected users',
  budgetRange: 'budget',
  vendorQuotes: 'vendor quotes',
  costInputs: 'cost inputs',
  need: 'need',
  preferredPath: 'preferred path',
};

/** Every answer a review can depend on, in the order the API lists them. */
export const REVIEWED_ANSWER_NAMES = Object.keys(
  REVIEWED_ANSWER_LABELS,
) as ReviewedAnswer[];

/**
 * What each area's review depends on. An edit that changes one of these answers makes the
 * area's earlier reviews stale: they no longer count as the area's review. Security and
 * privacy judge the data, where it lives and who holds it; architecture how the request fits
 * the landscape; finance what it costs; portfolio what is asked for.
 */
export const REVIEWED_ANSWERS: Record<ReviewArea, readonly ReviewedAnswer[]> = {
  security: [
    'dataClassification',
    'handlesPersonalData',
    'hosting',
    'signIn',
    'dataLocation',
    'vendorCertifications',
    'vendors',
    'audience',
  ],
  privacy: [
    'dataClassification',
    'handlesPersonalData',
    'hosting',
    'dataLocation',
    'vendors',
    'audience',
  ],
  architecture: ['integrations', 'capabilities', 'hosting'],
  finance: ['expectedUsers', 'budgetRange', 'vendorQuotes', 'costInputs'],
  portfolio: ['need', 'capabilities', 'preferredPath'],
};

/** The answers an area's reviewer sees on this request, to keep with the review. */
export function answersReviewed(
  area: ReviewArea,
  request: ReviewedRequest,
): Partial<Record<ReviewedAnswer, unknown>> {
  return Object.fromEntries(
    REVIEWED_ANSWERS[area].map(answer => [answer, ANSWERS[answer](request)]),
  );
}

/** One answer that changed since a review, with what the reviewer saw and what it is now. */
export type ChangedAnswer = {
  answer: ReviewedAnswer;
  before: unknown;
  after: unknown;
};

/** JSON with object keys in order, so that equal values compare equal however stored. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}

/**
 * The answers of an area that are no longer what its reviewer saw; empty while the review
 * holds. A change that is undone makes the review hold again.
 */
export function answersChangedSince(
  area: ReviewArea,
  seen: Partial<Record<ReviewedAnswer, unknown>>,
  request: ReviewedRequest,
): ChangedAnswer[] {
  return REVIEWED_ANSWERS[area].flatMap(answer => {
    if (!(answer in seen)) {
      return [];
    }
    const after = ANSWERS[answer](request);
    return canonical(seen[answer]) === canonical(after)
      ? []
      : [{ answer, before: seen[answer], after }];
  });
}
