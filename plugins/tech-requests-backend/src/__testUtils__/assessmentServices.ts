import { mockServices } from '@backstage/backend-test-utils';
import {
  RequestReview,
  ReuseCandidate,
  ReviewArea,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import {
  CostPolicy,
  DEFAULT_COST_POLICY,
  DEFAULT_RISK_POLICY,
  RiskPolicy,
} from '../assessment';
import { EntityFacts } from '../catalog/entityFacts';
import { StandardsSource } from '../config/standards';
import {
  AssessmentService,
  StoredAssessment,
} from '../requests/AssessmentService';
import { reader } from './catalogFacts';

export const MINUTE = 60 * 1000;

/** When the tests' clock starts. */
export const START = new Date('2025-03-01T10:00:00Z');

export function candidate(
  entityRef: string,
  state: ReuseCandidate['state'] = 'confirmed',
): ReuseCandidate {
  return { entityRef, origin: 'engine', state, reasons: [] };
}

let nextReviewId = 1;
export function review(
  area: ReviewArea,
  verdict: RequestReview['verdict'] = 'approve',
): RequestReview {
  return {
    id: nextReviewId++,
    requestId: 1,
    reviewer: 'user:default/reviewer',
    area,
    verdict,
    comment: 'Looked at it',
    createdAt: '2025-02-01T00:00:00Z',
    changedSince: [],
  };
}

export type AssessmentServiceOptions = {
  riskPolicy?: RiskPolicy;
  costPolicy?: CostPolicy;
  standards?: StandardsSource;
  readFacts?: (refs: string[]) => Promise<Map<string, EntityFacts>>;
};

/**
 * An assessment service on the default policies, a radar that holds DocuSign, a catalog
 * that knows no entity (unless `readFacts` says otherwise) and the clock `now`.
 */
export function anAssessmentService(
  now: () => Date,
  options: AssessmentServiceOptions = {},
) {
  return new AssessmentService({
    standards:
      options.standards ??
      new StandardsSource({
        configured: [{ name: 'DocuSign', ring: 'hold', source: 'config' }],
        rules: {},
        logger: mockServices.logger.mock(),
      }),
    riskPolicy: options.riskPolicy ?? DEFAULT_RISK_POLICY,
    costPolicy: options.costPolicy ?? DEFAULT_COST_POLICY,
    readFacts: options.readFacts ?? reader(),
    similarRequests: async () => [],
    now,
  });
}

/** The request as stored with its assessment, as the store would give it back. */
export function stored(
  request: TechRequest,
  assessment: StoredAssessment,
): TechRequest {
  return JSON.parse(JSON.stringify({ ...request, assessment }));
}

/**
 * Assessment services on a clock that every test of the enclosing describe block starts at
 * START, and that a test may move on.
 */
export function assessmentServicesOnATestClock() {
  let now = START;
  beforeEach(() => {
    now = START;
  });
  return {
    service: (options?: AssessmentServiceOptions) =>
      anAssessmentService(() => now, options),
    /** Moves the clock to `ms` milliseconds after START. */
    moveClockTo: (ms: number) => {
      now = new Date(START.getTime() + ms);
    },
    now: () => now,
  };
}
