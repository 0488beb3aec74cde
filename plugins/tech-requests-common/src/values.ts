/**
 * The value lists of the model: statuses, classifications, paths, areas and the like, each
 * with its type. A leaf module: everything else imports these, they import nothing.
 */

/** Every status a technology request can be in. */
export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'in-review',
  'approved',
  'rejected',
  'deferred',
  'in-delivery',
  'completed',
  'withdrawn',
] as const;

/** The workflow status of a technology request. */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** How sensitive the data is that the requested technology will hold. */
export const DATA_CLASSIFICATIONS = [
  'public',
  'internal',
  'confidential',
  'restricted',
] as const;

/** The data classification of a request. */
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** Who runs the solution, in the requester's words. */
export const HOSTING_OPTIONS = [
  'on-premises',
  'company-cloud',
  'vendor-cloud',
  'unknown',
] as const;

/** Where the solution runs. */
export type Hosting = (typeof HOSTING_OPTIONS)[number];

/** How people sign in to the solution. */
export const SIGN_IN_OPTIONS = [
  'company-account',
  'separate-accounts',
  'no-sign-in',
  'unknown',
] as const;

/** The way people sign in. */
export type SignIn = (typeof SIGN_IN_OPTIONS)[number];

/** Where the data is stored. */
export const DATA_LOCATIONS = ['eu', 'us', 'other', 'unknown'] as const;

/** The region the data is stored in. */
export type DataLocation = (typeof DATA_LOCATIONS)[number];

/** Certifications a vendor may hold; the form offers these, the API takes any short code. */
export const KNOWN_CERTIFICATIONS = [
  'soc2',
  'iso27001',
  'iso27701',
  'bsi-c5',
] as const;

/** Who will use what is asked for: the company's own staff, its customers, or both. */
export const AUDIENCES = ['staff', 'customers', 'both'] as const;

/** Who will use the solution. */
export type Audience = (typeof AUDIENCES)[number];

/** The ways a need can be served once approved. */
export const DECISION_PATHS = ['reuse', 'buy', 'build'] as const;

/** The path an approval takes: reuse an existing entity, buy from a vendor, or build. */
export type DecisionPath = (typeof DECISION_PATHS)[number];

/** What the requester leans towards; `unsure` is a perfectly good answer. */
export const PREFERRED_PATHS = [...DECISION_PATHS, 'unsure'] as const;

/** The requester's preferred path. */
export type PreferredPath = (typeof PREFERRED_PATHS)[number];

/** How often a quoted cost is due. */
export const COST_PERIODS = [
  'one-off',
  'monthly',
  'yearly',
  'per-user-monthly',
] as const;

/** The period of a quoted cost. */
export type CostPeriod = (typeof COST_PERIODS)[number];

/** The outcomes a reviewer decision can have. */
export const DECISION_OUTCOMES = ['approved', 'rejected', 'deferred'] as const;

/** The outcome of a decision. */
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Where a reuse candidate of a request came from. */
export const REUSE_CANDIDATE_ORIGINS = [
  'engine',
  'requester',
  'reviewer',
] as const;

/** The origin of a reuse candidate. */
export type ReuseCandidateOrigin = (typeof REUSE_CANDIDATE_ORIGINS)[number];

/** What reviewers made of a reuse candidate. */
export const REUSE_CANDIDATE_STATES = [
  'suggested',
  'confirmed',
  'dismissed',
] as const;

/** The state of a reuse candidate. */
export type ReuseCandidateState = (typeof REUSE_CANDIDATE_STATES)[number];

/** The areas a reviewer can speak for. */
export const REVIEW_AREAS = [
  'architecture',
  'security',
  'privacy',
  'finance',
  'portfolio',
] as const;

/** A review area. */
export type ReviewArea = (typeof REVIEW_AREAS)[number];

/** What a reviewer concludes. */
export const REVIEW_VERDICTS = ['approve', 'concerns', 'reject'] as const;

/** A review verdict. */
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** The fields a request list can be sorted by. */
export const REQUEST_SORT_FIELDS = ['created', 'updated', 'title'] as const;

/** A sort field of the request list. */
export type RequestSortField = (typeof REQUEST_SORT_FIELDS)[number];

/** How much a finding weighs: a blocker stands in the way of the request as it is. */
export const FINDING_SEVERITIES = ['info', 'warning', 'blocker'] as const;

/** The severity of a finding. */
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** Risk tiers, from least to most. */
export const RISK_TIERS = ['low', 'medium', 'high', 'critical'] as const;

/** A security risk tier. */
export type RiskTier = (typeof RISK_TIERS)[number];

/** How sure a reuse suggestion is, in words a requester understands. */
export const REUSE_MATCH_STRENGTHS = ['strong', 'possible'] as const;
export type ReuseMatchStrength = (typeof REUSE_MATCH_STRENGTHS)[number];
