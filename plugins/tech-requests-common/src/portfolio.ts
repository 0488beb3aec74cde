import { RequestStatus } from './values';
import { UNSETTLED_STATUSES } from './workflow';

/** What a decision made of a request, as the portfolio counts it: the approved path, or the outcome. */
export const PORTFOLIO_DECISIONS = [
  'reuse',
  'buy',
  'build',
  'rejected',
  'deferred',
] as const;

/** One kind of decision in the decision mix. */
export type PortfolioDecision = (typeof PORTFOLIO_DECISIONS)[number];

/** The stages in which a filed request still waits for someone: a decision or its delivery. */
export const WAITING_STAGES: readonly RequestStatus[] = [
  ...UNSETTLED_STATUSES,
  'approved',
  'in-delivery',
];

/** How long ago an open request was submitted, in bands a leader reads at a glance. */
export const AGE_BANDS = [
  'under-1-week',
  '1-to-4-weeks',
  '1-to-3-months',
  'over-3-months',
] as const;

/** One band of age. */
export type AgeBand = (typeof AGE_BANDS)[number];

/** The days each age band ends at (exclusive); the last band has no end. */
export const AGE_BAND_ENDS_IN_DAYS: Record<AgeBand, number | undefined> = {
  'under-1-week': 7,
  '1-to-4-weeks': 28,
  '1-to-3-months': 91,
  'over-3-months': undefined,
};

/** What the portfolio is computed over; every field may be left out. */
export interface PortfolioQuery {
  /** First day of the period, `YYYY-MM-DD`; four quarters back from `to` by default. */
  from?: string;
  /** Last day of the period, `YYYY-MM-DD`, included; today (UTC) by default. */
  to?: string;
  /** Only requests of this requesting group (a group ref). */
  department?: string;
}

/** Filed requests of one department in one status. */
export type DemandCell = {
  department: string;
  status: RequestStatus;
  requests: number;
};

/** Requests that wait in one stage now, by age and against the stage's service level. */
export type WaitingStage = {
  stage: RequestStatus;
  requests: number;
  /** How many were submitted how long ago. */
  ages: Record<AgeBand, number>;
  /** The stage's target in working days (`techRequests.serviceLevels`), when it has one. */
  targetWorkingDays?: number;
  /** How many are past the target; absent when the stage has none. */
  overdue?: number;
  /** When the longest-waiting request entered the stage. */
  waitingSince?: string;
};

/** The decisions of one quarter, by kind. */
export type DecisionMixRow = { quarter: string } & Record<
  PortfolioDecision,
  number
>;

/** Calendar days from submission to decision, over the decisions of the period. */
export type TimeToDecision = {
  decisions: number;
  /** The middle value; of an even count, the mean of the two middle ones. */
  medianDays?: number;
  /** Nearest rank: the smallest value at least 90 % of decisions took no longer than. */
  p90Days?: number;
};

/** A capability and how much it is asked for. */
export type CapabilityDemand = {
  /** The vocabulary's name of the capability, or the phrase as requesters wrote it. */
  capability: string;
  requests: number;
  departments: number;
};

/** A capability several departments asked for: one purchase could serve them all. */
export type SharedNeed = {
  capability: string;
  /** Group refs, the one with most requests first. */
  departments: string[];
  requests: number;
  /** Of those, how many still wait for a decision. */
  undecided: number;
};

/** What the approvals of one department in one quarter cost, and what reuse avoided. */
export type MoneyRow = {
  department: string;
  quarter: string;
  approvals: number;
  /** Three-year cost of the approved paths, from the cost assessment. */
  approvedCost: number;
  reuseApprovals: number;
  /**
   * For approved reuse: the cheapest costed alternative (buy or build) minus reuse, over
   * three years. Reuse approvals without a costed alternative add nothing.
   */
  reuseSaving: number;
};

/** How much of the work the delivery gate covers has an approved request behind it. */
export type DeliveryCoverage = {
  /** Entities whose work needs a request (`techRequests.gate.covered`, not exempt). */
  inScope: number;
  /** Of those, how many no approved request to build or buy is behind. */
  uncovered: number;
  /** Of the uncovered, how many are in production (`spec.lifecycle: production`). */
  uncoveredInProduction: number;
  /** Up to ten uncovered entities, those in production first, then by ref. */
  examples: { entityRef: string; title: string; lifecycle?: string }[];
};

/** Where demand stands: the aggregates of the Portfolio page. */
export type PortfolioReport = {
  period: { from: string; to: string };
  department?: string;
  /** ISO 4217 code of every amount. */
  currency: string;
  generatedAt: string;
  /** Requests submitted in the period, by department and current status. */
  demand: DemandCell[];
  /** Requests waiting now, whenever submitted, per stage. */
  waiting: WaitingStage[];
  /** Decisions taken in the period, per quarter, the earliest first. */
  decisionMix: DecisionMixRow[];
  timeToDecision: TimeToDecision;
  /** Capabilities of requests submitted in the period, most requested first. */
  topCapabilities: CapabilityDemand[];
  /** Capabilities more than one department asked for in the period, the most shared first. */
  sharedNeeds: SharedNeed[];
  /** Approvals decided in the period, per department and quarter. */
  money: MoneyRow[];
  /**
   * Work outside the front door now, whatever the period: the catalog's entities the delivery
   * gate covers that have no approved request behind them (of the department, when given).
   */
  delivery: DeliveryCoverage;
};

/** The quarter an ISO timestamp or date falls in, for example `2026-Q4` (UTC). */
export function quarterOf(isoTime: string): string {
  const month = Number(isoTime.slice(5, 7));
  return `${isoTime.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}
