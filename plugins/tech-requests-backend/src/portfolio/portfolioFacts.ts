import {
  AWAITING_DECISION_STATUSES,
  CostAssessment,
  DecisionPath,
  PortfolioDecision,
  quarterOf,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { Vocabulary } from '../reuse/Vocabulary';

/** The money figures of the portfolio cover three years, whatever the assessment's horizon. */
export const MONEY_YEARS = 3;

/** What the portfolio counts of one filed request. */
export type PortfolioFacts = {
  requestId: number;
  requestingGroup: string;
  status: TechRequest['status'];
  submittedAt: string;
  statusChangedAt?: string;
  decision?: PortfolioDecision;
  decidedAt?: string;
  decidedQuarter?: string;
  /** From submission to decision. */
  decisionSeconds?: number;
  /** Three-year cost of the approved path, when it was costed. */
  approvedCost?: number;
  /** For approved reuse: the cheapest costed alternative minus reuse, over three years. */
  reuseSaving?: number;
  /** The capabilities asked for, each named once. */
  capabilities: string[];
  /** Still waiting for a decision. */
  undecided: boolean;
};

/** Names the capabilities a requester wrote, so that two ways of saying one need count as one. */
export type CapabilityNamer = (written: string[]) => string[];

/** Without a vocabulary: each phrase as written, trimmed and in lower case. */
export const namedAsWritten: CapabilityNamer = written => [
  ...new Set(
    written.map(phrase => phrase.trim().toLowerCase()).filter(Boolean),
  ),
];

/**
 * Each phrase by the vocabulary's name of the capabilities it says ("sign contracts online"
 * is "E-signature"); a phrase the vocabulary does not know, as written.
 */
export function namedByVocabulary(
  vocabulary: Pick<Vocabulary, 'resolve'>,
): CapabilityNamer {
  return written => {
    const names = written.flatMap(phrase => {
      const known = vocabulary.resolve([phrase]);
      return known.length
        ? known.map(match => match.capability.label)
        : namedAsWritten([phrase]);
    });
    return [...new Set(names)];
  };
}

/** The cost of a path over three years; a shorter horizon repeats its last year. */
function threeYearCostOf(
  cost: CostAssessment,
  path: DecisionPath,
): number | undefined {
  const costed = cost.paths.find(candidate => candidate.path === path);
  if (!costed?.perYear.length) {
    return undefined;
  }
  const years = costed.perYear.slice(0, MONEY_YEARS);
  while (years.length < MONEY_YEARS) {
    years.push(costed.perYear[costed.perYear.length - 1]);
  }
  return years.reduce((sum, year) => sum + year, 0);
}

/** The cheapest costed alternative to reuse minus reuse, over three years. */
function reuseSavingOf(cost: CostAssessment): number | undefined {
  const reuse = threeYearCostOf(cost, 'reuse');
  const alternatives = (['buy', 'build'] as const)
    .map(path => threeYearCostOf(cost, path))
    .filter((total): total is number => total !== undefined);
  if (reuse === undefined || !alternatives.length) {
    return undefined;
  }
  return Math.min(...alternatives) - reuse;
}

function decisionOf(request: TechRequest): PortfolioDecision | undefined {
  const decision = request.decision;
  if (!decision) {
    return undefined;
  }
  return decision.outcome === 'approved' ? decision.path : decision.outcome;
}

/** The facts of a request, or undefined for a draft: drafts are not demand yet. */
export function portfolioFactsOf(
  request: TechRequest,
  nameCapabilities: CapabilityNamer,
): PortfolioFacts | undefined {
  if (request.status === 'draft' || !request.submittedAt) {
    return undefined;
  }
  const facts: PortfolioFacts = {
    requestId: request.id,
    requestingGroup: request.requestingGroup,
    status: request.status,
    submittedAt: request.submittedAt,
    statusChangedAt: request.statusChangedAt,
    capabilities: nameCapabilities(request.capabilities),
    undecided: AWAITING_DECISION_STATUSES.includes(request.status),
  };
  const decision = decisionOf(request);
  if (!decision || !request.decision) {
    return facts;
  }
  const decidedAt = request.decision.decidedAt;
  facts.decision = decision;
  facts.decidedAt = decidedAt;
  facts.decidedQuarter = quarterOf(decidedAt);
  const waited = Date.parse(decidedAt) - Date.parse(request.submittedAt);
  // A deferred request submitted again keeps its old decision, taken before this submission.
  if (waited >= 0) {
    facts.decisionSeconds = Math.round(waited / 1000);
  }
  const cost = request.assessment?.cost;
  if (
    request.decision.outcome === 'approved' &&
    request.decision.path &&
    cost
  ) {
    facts.approvedCost = threeYearCostOf(cost, request.decision.path);
    if (request.decision.path === 'reuse') {
      facts.reuseSaving = reuseSavingOf(cost);
    }
  }
  return facts;
}
