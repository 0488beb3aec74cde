import {
  Audience,
  DataClassification,
  DecisionOutcome,
  DecisionPath,
  FindingSeverity,
  PreferredPath,
  ReuseCandidateOrigin,
  ReuseCandidateState,
  ReviewArea,
  ReviewVerdict,
  reviewsInWords,
  RiskTier,
  STATUS_WORDS,
} from '@tech-requests/plugin-tech-requests-common';

/**
 * The words the pages use for the workflow's codes, in one table, so that a business person
 * never reads `in-review` or `assess-reuse`, and so that a translation has one place to start.
 */
export const WORDS = {
  /** Shared with the catalog entity and the backend's sentences. */
  status: STATUS_WORDS,
  /** A decision path, as the cost table and the decision name it. */
  path: {
    reuse: 'Reuse',
    buy: 'Buy',
    build: 'Build',
  } satisfies Record<DecisionPath, string>,
  area: {
    architecture: 'Architecture',
    security: 'Security',
    privacy: 'Privacy',
    finance: 'Finance',
    portfolio: 'Portfolio',
  } satisfies Record<ReviewArea, string>,
  verdict: {
    approve: 'Approve',
    concerns: 'Approve with concerns',
    reject: 'Reject',
  } satisfies Record<ReviewVerdict, string>,
  /** A verdict given, in a sentence: "Security review: approved with concerns". */
  verdictGiven: {
    approve: 'approved',
    concerns: 'approved with concerns',
    reject: 'rejected',
  } satisfies Record<ReviewVerdict, string>,
  /** The requester's answers a risk finding rests on, as "Based on …" names them. */
  answer: {
    dataClassification: 'the kind of information',
    handlesPersonalData: 'whether it holds information about people',
    hosting: 'who runs it',
    signIn: 'how people sign in',
    dataLocation: 'where the data is stored',
    vendorCertifications: "the vendor's certifications",
  } as Record<string, string>,
  /** How much a finding weighs. */
  severity: {
    blocker: 'Blocker',
    warning: 'Warning',
    info: 'Note',
  } satisfies Record<FindingSeverity, string>,
  /** Who will use what is asked for. */
  audience: {
    staff: 'Our staff',
    customers: 'Our customers',
    both: 'Both',
  } satisfies Record<Audience, string>,
  preferredPath: {
    reuse: 'Reuse what we have',
    buy: 'Buy a product',
    build: 'Build it',
    unsure: 'No preference',
  } satisfies Record<PreferredPath, string>,
  dataClassification: {
    public: 'Public',
    internal: 'Internal',
    confidential: 'Confidential',
    restricted: 'Restricted',
  } satisfies Record<DataClassification, string>,
  riskTier: {
    low: 'Low',
    medium: 'Medium',
    high: 'High',
    critical: 'Critical',
  } satisfies Record<RiskTier, string>,
  candidateState: {
    suggested: 'Suggested',
    confirmed: 'Confirmed',
    dismissed: 'Dismissed',
  } satisfies Record<ReuseCandidateState, string>,
  /** Where a reuse candidate came from. */
  candidateOrigin: {
    engine: 'found in the catalog automatically',
    requester: 'named by the requester',
    reviewer: 'added by a reviewer',
  } satisfies Record<ReuseCandidateOrigin, string>,
  /**
   * What each history entry says happened, after the person's name: "Tom Baker submitted the
   * request". Actions the table does not know read as "did <action>".
   */
  history: {
    create: 'created the request as a draft',
    submit: 'submitted the request',
    edit: 'edited the request',
    'start-review': 'started the review',
    approve: 'approved the request',
    reject: 'rejected the request',
    defer: 'deferred the request',
    'start-delivery': 'started delivery',
    complete: 'marked delivery completed',
    withdraw: 'withdrew the request',
    review: 'gave a review',
    comment: 'commented',
    'assess-reuse': 'assessed what could be reused',
    'cost-inputs': 'adjusted the cost estimate',
    'correct-answers': 'corrected the answers on data and security',
    delete: 'deleted the draft',
    denied: 'was refused access',
  } as Record<string, string>,
};

/**
 * A decision in a sentence: "Approved to build.", "Approved to buy (Calendly).", "Rejected.".
 * What it reuses is shown beside it, by name.
 */
export function decisionSentence(decision: {
  outcome: DecisionOutcome;
  path?: DecisionPath;
  vendor?: string;
}): string {
  const outcome = WORDS.status[decision.outcome];
  const path = decision.path ? ` to ${decision.path}` : '';
  const vendor = decision.vendor ? ` (${decision.vendor})` : '';
  return `${outcome}${path}${vendor}.`;
}

/** What a history entry says happened, after the person's name. */
export function historySentence(action: string): string {
  return WORDS.history[action] ?? `did ${action.replace(/-/g, ' ')}`;
}

/** Reviews of some areas in a sentence: "security review", "security and privacy reviews". */
export function reviewsNamed(areas: readonly ReviewArea[]): string {
  return reviewsInWords(
    areas.map(area => WORDS.area[area].toLocaleLowerCase('en-US')),
  );
}

/**
 * What the technical words that stay on the pages mean, for a tooltip beside them (see
 * shared/Term).
 */
export const GLOSSARY = {
  architectureFit:
    "How well the request fits the company's technology standards — systems connected through registered APIs, vendors the Tech Radar allows — scored out of 100.",
  securityRisk:
    'How much could go wrong with the information it holds, read from the answers about the data, who runs it and how people sign in. It decides which reviews must happen before a decision.',
  reuse:
    'Using something the company already runs for this need, instead of buying or building something new.',
  cheapestPath:
    'Reuse, buy or build: what each would cost over the next years, and which costs least.',
};

/** A word the glossary explains. */
export type GlossaryTerm = keyof typeof GLOSSARY;
