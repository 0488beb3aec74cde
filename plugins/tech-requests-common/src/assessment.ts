import { DecisionPath, FindingSeverity, ReviewArea, RiskTier } from './values';
import type { ReviewedAnswer } from './reviewedAnswers';

/** One observation of an assessment, with what it rests on. */
export type Finding = {
  /** Stable id of the rule, for example `integration-without-api`. */
  ruleId: string;
  severity: FindingSeverity;
  /** A sentence a reviewer understands. */
  message: string;
  /**
   * What the finding rests on: entity refs (`component:default/crm`), earlier requests
   * (`technologyrequest:default/tr-7-…`) or config keys (`techRequests.standards.radar`).
   */
  evidence: string[];
};

/** How well a request fits the organisation's architecture and standards. */
export type FitAssessment = {
  /** 0–100: 100 when no rule objects; blockers and warnings take points off. */
  score: number;
  findings: Finding[];
};

/** The security risk of a request, from the requester's plain-language answers. */
export type RiskAssessment = {
  tier: RiskTier;
  /** The sum the tier is read from. */
  points: number;
  /** What raised the tier, each with its points in the message. */
  findings: Finding[];
  /** Review areas the tier (or personal data) makes mandatory before a decision. */
  mandatoryReviews: ReviewArea[];
};

/** What a reviewer may adjust in the cost model; absent values come from the request and config. */
export type CostInputs = {
  /** Users of the solution; the request's `expectedUsers` by default. */
  users?: number;
  /** Years the comparison covers; `techRequests.cost.horizonYears` by default. */
  horizonYears?: number;
  reuse?: {
    /** Effort to onboard onto the existing entity, in person-days. */
    onboardingDays?: number;
    /** Internal charge-back per user and month; by default the reused entity's annotation. */
    costPerUserMonth?: number;
  };
  buy?: {
    licencePerUserMonth?: number;
    /** A flat subscription, per year. */
    subscriptionPerYear?: number;
    /** One-off implementation cost (the vendor's or a partner's). */
    implementationCost?: number;
    /** Integration work in-house, in person-days. */
    integrationDays?: number;
  };
  build?: {
    effortPersonWeeks?: number;
    /** Hosting and operations per year. */
    runCostPerYear?: number;
    /** Yearly maintenance as a share of the build cost, 0–1. */
    maintenanceShare?: number;
  };
};

/** The cost of one path over the horizon. */
export type PathCost = {
  path: DecisionPath;
  /** Cost in each year of the horizon, the first year first. */
  perYear: number[];
  total: number;
  /** Total divided by users and months; absent without users. */
  perUserPerMonth?: number;
  /** How the figures were reached, in sentences: which inputs, from where. */
  assumptions: string[];
};

/** Reuse, buy and build side by side. */
export type CostAssessment = {
  /** ISO 4217 code of every amount. */
  currency: string;
  horizonYears: number;
  users: number;
  /** The paths that can be costed: reuse needs a candidate to reuse. */
  paths: PathCost[];
  /** The path with the lowest total. */
  cheapest?: DecisionPath;
  /** Buy's total minus reuse's, when both can be costed: what reuse saves. */
  reuseSavingOverBuy?: number;
};

/**
 * The three judgements of a service broker on a request, as a snapshot: recomputed when the
 * request, its candidates, its cost inputs or the configuration change.
 */
export type RequestAssessment = {
  /** Increases with every recomputation that changed something. */
  version: number;
  computedAt: string;
  fit: FitAssessment;
  risk: RiskAssessment;
  cost: CostAssessment;
  /** Mandatory reviews nobody has added yet: a decision waits for them. */
  missingReviews: ReviewArea[];
  /**
   * The missing areas that were reviewed, but on an earlier version: what changed since, and
   * who reviewed. Absent on snapshots computed before reviews were bound to versions.
   */
  staleReviews?: StaleReview[];
};

/** A mandatory area whose reviews saw answers that have changed since. */
export type StaleReview = {
  area: ReviewArea;
  reviewers: string[];
  changed: ReviewedAnswer[];
};
