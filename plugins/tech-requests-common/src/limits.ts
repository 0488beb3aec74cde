/**
 * Every limit of the API in one place. The OpenAPI schema states the same numbers (a test of
 * the backend holds the two together), the backend's checks and the forms read them from
 * here.
 */

/** How long text fields may be and how many items lists may hold. */
export const FIELD_LIMITS = {
  title: 200,
  need: 20000,
  businessSponsor: 200,
  /** An ISO date, `YYYY-MM-DD`. */
  wantedBy: 10,
  expectedUsers: 10_000_000,
  capability: 100,
  capabilities: 30,
  integrations: 50,
  namedReuseCandidates: 50,
  vendorCandidates: 20,
  vendorCertifications: 10,
  certification: 30,
  vendorName: 200,
  url: 2000,
  /** A budget or a quoted amount. */
  money: 1e12,
  rationale: 5000,
  reviewComment: 10000,
  commentBody: 10000,
  entityRef: 255,
} as const;

/** Filters and paging of the request list. */
export const LIST_LIMITS = {
  /** How many statuses one list may filter by: each at most once. */
  statuses: 9,
  /** Free text searched in titles and needs. */
  q: 200,
  pageSize: 100,
  offset: 1_000_000,
  cursor: 1000,
} as const;

/** Paging of a request's history. */
export const HISTORY_LIMITS = {
  pageSize: 500,
  defaultPageSize: 100,
  cursor: 1000,
} as const;

/** Limits of a suggestions call. */
export const SUGGESTION_LIMITS = {
  text: 20000,
  defaultLimit: 10,
  maxLimit: 50,
} as const;

/** Filters and paging of the offerings. */
export const OFFERING_LIMITS = {
  q: 200,
  capability: 100,
  /** A group's entity ref. */
  department: 300,
  pageSize: 100,
  defaultPageSize: 20,
  cursor: 20,
} as const;

/** The largest request id: ids are 32-bit integer columns on every database. */
export const MAX_REQUEST_ID = 2_147_483_647;

/** Filters of the portfolio. */
export const PORTFOLIO_LIMITS = {
  /** A group's entity ref, as for the offerings. */
  department: OFFERING_LIMITS.department,
} as const;

/** What a reviewer may set in the cost model. */
export const COST_INPUT_LIMITS = {
  /** The largest amount or count: beyond any real budget, small enough to stay exact. */
  amount: 1e12,
  users: 10_000_000,
  minHorizonYears: 1,
  maxHorizonYears: 10,
  /** Shares, such as yearly maintenance of a build, run from 0 to 1. */
  maxShare: 1,
} as const;
