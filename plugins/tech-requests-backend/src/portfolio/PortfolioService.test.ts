import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DecisionPath,
  RequestAssessment,
  RequestDecision,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { Knex } from 'knex';
import { aRequest } from '../__testUtils__/aRequest';
import { createTestDatabases } from '../__testUtils__/databases';
import { PortfolioLedger } from '../database/PortfolioLedger';
import { PortfolioStore } from '../database/PortfolioStore';
import { RequestStore } from '../database/RequestStore';
import { PortfolioService } from './PortfolioService';

jest.setTimeout(60_000);

const LEGAL = 'group:default/legal';
const MARKETING = 'group:default/marketing';
const SALES = 'group:default/sales';

/** A Wednesday. */
const NOW = new Date('2026-12-09T12:00:00.000Z');

/** Two ways of saying e-signature count as one, as the vocabulary would have it. */
const NAMES: Record<string, string> = {
  'e-signature': 'E-signature',
  'sign contracts online': 'E-signature',
  'audit trail': 'Audit trail',
  'video meetings': 'Video meetings',
};

function costed(
  perYear: Partial<Record<DecisionPath, number[]>>,
): RequestAssessment {
  return {
    version: 1,
    computedAt: '2026-01-01T00:00:00.000Z',
    missingReviews: [],
    fit: {} as RequestAssessment['fit'],
    risk: {} as RequestAssessment['risk'],
    cost: {
      currency: 'EUR',
      horizonYears: 3,
      users: 10,
      paths: Object.entries(perYear).map(([path, years]) => ({
        path: path as DecisionPath,
        perYear: years!,
        total: years!.reduce((a, b) => a + b, 0),
        assumptions: [],
      })),
    },
  };
}

const decided = (
  outcome: RequestDecision['outcome'],
  decidedAt: string,
  path?: DecisionPath,
): RequestDecision => ({
  outcome,
  ...(path && { path }),
  rationale: 'Because.',
  decidedBy: 'user:default/lena.fischer',
  decidedAt,
});

/**
 * Eleven requests whose figures are worked out by hand in the expectations below. The
 * period is 2026-01-01 to 2026-12-09, today.
 */
const FIXTURE: Partial<TechRequest>[] = [
  {
    // 1: bought after 10 days; 22 000 over three years.
    requestingGroup: LEGAL,
    submittedAt: '2026-02-02T09:00:00.000Z',
    status: 'approved',
    statusChangedAt: '2026-02-12T09:00:00.000Z',
    decision: decided('approved', '2026-02-12T09:00:00.000Z', 'buy'),
    assessment: costed({ buy: [10000, 6000, 6000] }),
    capabilities: ['e-signature'],
  },
  {
    // 2: reused after 4 days; 2 000, where buying would have cost 21 000 and building 40 000.
    requestingGroup: LEGAL,
    submittedAt: '2026-04-01T00:00:00.000Z',
    status: 'approved',
    statusChangedAt: '2026-04-05T00:00:00.000Z',
    decision: decided('approved', '2026-04-05T00:00:00.000Z', 'reuse'),
    assessment: costed({
      reuse: [1000, 500, 500],
      buy: [9000, 6000, 6000],
      build: [30000, 5000, 5000],
    }),
    capabilities: ['e-signature', 'audit trail'],
  },
  {
    // 3: reused after 2 days; a two-year horizon repeats its last year: 3 600 against 28 000.
    requestingGroup: MARKETING,
    submittedAt: '2026-04-10T00:00:00.000Z',
    status: 'approved',
    statusChangedAt: '2026-04-12T00:00:00.000Z',
    decision: decided('approved', '2026-04-12T00:00:00.000Z', 'reuse'),
    assessment: costed({ reuse: [1200, 1200], build: [20000, 4000] }),
    capabilities: ['sign contracts online'],
  },
  {
    // 4: rejected after 20 days.
    requestingGroup: SALES,
    submittedAt: '2026-07-01T00:00:00.000Z',
    status: 'rejected',
    statusChangedAt: '2026-07-21T00:00:00.000Z',
    decision: decided('rejected', '2026-07-21T00:00:00.000Z'),
    capabilities: ['video meetings'],
  },
  {
    // 5: deferred after a day, 65 days ago.
    requestingGroup: SALES,
    submittedAt: '2026-10-05T00:00:00.000Z',
    status: 'deferred',
    statusChangedAt: '2026-10-06T00:00:00.000Z',
    decision: decided('deferred', '2026-10-06T00:00:00.000Z'),
    capabilities: ['e-signature'],
  },
  {
    // 6: submitted 9 days ago; triage (2 working days) was due on 2 December.
    requestingGroup: MARKETING,
    submittedAt: '2026-11-30T08:00:00.000Z',
    status: 'submitted',
    statusChangedAt: '2026-11-30T08:00:00.000Z',
    capabilities: ['video meetings'],
  },
  {
    // 7: submitted yesterday; due tomorrow.
    requestingGroup: LEGAL,
    submittedAt: '2026-12-08T13:00:00.000Z',
    status: 'submitted',
    statusChangedAt: '2026-12-08T13:00:00.000Z',
    capabilities: [],
  },
  {
    // 8: in review since 20 November; 10 working days were due on 4 December.
    requestingGroup: LEGAL,
    submittedAt: '2026-08-03T00:00:00.000Z',
    status: 'in-review',
    statusChangedAt: '2026-11-20T10:00:00.000Z',
    capabilities: ['e-signature'],
  },
  {
    // 9: built, decided last year: waiting in delivery, outside the period otherwise.
    requestingGroup: LEGAL,
    submittedAt: '2025-11-15T00:00:00.000Z',
    status: 'in-delivery',
    statusChangedAt: '2026-01-10T00:00:00.000Z',
    decision: decided('approved', '2025-12-01T00:00:00.000Z', 'build'),
    assessment: costed({ build: [50000, 5000, 5000] }),
    capabilities: ['e-signature'],
  },
  {
    // 10: a draft is not demand.
    requestingGroup: SALES,
    status: 'draft',
    submittedAt: undefined,
    capabilities: ['e-signature'],
  },
  {
    // 11: withdrawn, but asked for.
    requestingGroup: MARKETING,
    submittedAt: '2026-05-05T00:00:00.000Z',
    status: 'withdrawn',
    statusChangedAt: '2026-05-06T00:00:00.000Z',
    capabilities: ['e-signature'],
  },
];

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the portfolio of a hand-computed fixture on %p',
  databaseId => {
    let knex: Knex;
    let portfolio: PortfolioService;
    const credentials = mockCredentials.user('user:default/lena.fischer');
    const censusAskedFor: (string | undefined)[] = [];
    const CENSUS = {
      inScope: 12,
      uncovered: 3,
      uncoveredInProduction: 2,
      examples: [
        { entityRef: 'component:default/shadow-crm', title: 'Shadow CRM' },
      ],
    };

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const ledger = new PortfolioLedger(written =>
        written.map(phrase => NAMES[phrase] ?? phrase),
      );
      const store = await RequestStore.create(
        mockServices.database({ knex }),
        ledger,
      );
      for (const fields of FIXTURE) {
        const { id: _id, ...request } = aRequest(fields);
        await store.transaction(tx => store.insertRequest(tx, request));
      }
      portfolio = new PortfolioService({
        store: new PortfolioStore(knex),
        permissions: mockServices.permissions.mock({
          authorize: async () => [{ result: AuthorizeResult.ALLOW }],
        }),
        serviceLevels: {
          submitted: { workingDays: 2 },
          'in-review': { workingDays: 10 },
        },
        currency: 'EUR',
        delivery: async owner => {
          censusAskedFor.push(owner);
          return CENSUS;
        },
        now: () => NOW,
      });
    });

    it('gives exactly the hand-computed figures over every department', async () => {
      const report = await portfolio.report({}, credentials);

      expect(report.period).toEqual({ from: '2026-01-01', to: '2026-12-09' });
      expect(report.department).toBeUndefined();
      expect(report.currency).toBe('EUR');
      expect(report.demand).toEqual([
        { department: LEGAL, status: 'approved', requests: 2 },
        { department: LEGAL, status: 'in-review', requests: 1 },
        { department: LEGAL, status: 'submitted', requests: 1 },
        { department: MARKETING, status: 'approved', requests: 1 },
        { department: MARKETING, status: 'submitted', requests: 1 },
        { department: MARKETING, status: 'withdrawn', requests: 1 },
        { department: SALES, status: 'deferred', requests: 1 },
        { department: SALES, status: 'rejected', requests: 1 },
      ]);
      const none = {
        'under-1-week': 0,
        '1-to-4-weeks': 0,
        '1-to-3-months': 0,
        'over-3-months': 0,
      };
      expect(report.waiting).toEqual([
        {
          stage: 'submitted',
          requests: 2,
          ages: { ...none, 'under-1-week': 1, '1-to-4-weeks': 1 },
          targetWorkingDays: 2,
          overdue: 1,
          waitingSince: '2026-11-30T08:00:00.000Z',
        },
        {
          stage: 'in-review',
          requests: 1,
          ages: { ...none, 'over-3-months': 1 },
          targetWorkingDays: 10,
          overdue: 1,
          waitingSince: '2026-11-20T10:00:00.000Z',
        },
        {
          stage: 'deferred',
          requests: 1,
          ages: { ...none, '1-to-3-months': 1 },
          waitingSince: '2026-10-06T00:00:00.000Z',
        },
        {
          stage: 'approved',
          requests: 3,
          ages: { ...none, 'over-3-months': 3 },
          waitingSince: '2026-02-12T09:00:00.000Z',
        },
        {
          stage: 'in-delivery',
          requests: 1,
          ages: { ...none, 'over-3-months': 1 },
          waitingSince: '2026-01-10T00:00:00.000Z',
        },
      ]);
      const mix = { reuse: 0, buy: 0, build: 0, rejected: 0, deferred: 0 };
      expect(report.decisionMix).toEqual([
        { ...mix, quarter: '2026-Q1', buy: 1 },
        { ...mix, quarter: '2026-Q2', reuse: 2 },
        { ...mix, quarter: '2026-Q3', rejected: 1 },
        { ...mix, quarter: '2026-Q4', deferred: 1 },
      ]);
      // 1, 2, 4, 10 and 20 days: the third is the middle, the fifth the 90th percentile.
      expect(report.timeToDecision).toEqual({
        decisions: 5,
        medianDays: 4,
        p90Days: 20,
      });
      expect(report.topCapabilities).toEqual([
        { capability: 'E-signature', requests: 6, departments: 3 },
        { capability: 'Video meetings', requests: 2, departments: 2 },
        { capability: 'Audit trail', requests: 1, departments: 1 },
      ]);
      expect(report.sharedNeeds).toEqual([
        {
          capability: 'E-signature',
          departments: [LEGAL, MARKETING, SALES],
          requests: 6,
          undecided: 1,
        },
        {
          capability: 'Video meetings',
          departments: [MARKETING, SALES],
          requests: 2,
          undecided: 1,
        },
      ]);
      expect(report.delivery).toEqual(CENSUS);
      expect(censusAskedFor[censusAskedFor.length - 1]).toBeUndefined();
      expect(report.money).toEqual([
        {
          department: LEGAL,
          quarter: '2026-Q1',
          approvals: 1,
          approvedCost: 22000,
          reuseApprovals: 0,
          reuseSaving: 0,
        },
        {
          department: LEGAL,
          quarter: '2026-Q2',
          approvals: 1,
          approvedCost: 2000,
          reuseApprovals: 1,
          reuseSaving: 19000,
        },
        {
          department: MARKETING,
          quarter: '2026-Q2',
          approvals: 1,
          approvedCost: 3600,
          reuseApprovals: 1,
          reuseSaving: 24400,
        },
      ]);
    });

    it('limits every figure to one department, and shares only its needs', async () => {
      const report = await portfolio.report(
        { department: 'legal' },
        credentials,
      );

      expect(report.department).toBe(LEGAL);
      // The census counts the department's own entities.
      expect(censusAskedFor[censusAskedFor.length - 1]).toBe(LEGAL);
      expect(report.demand.map(cell => cell.department)).toEqual([
        LEGAL,
        LEGAL,
        LEGAL,
      ]);
      expect(
        report.waiting.map(stage => [
          stage.stage,
          stage.requests,
          stage.overdue,
        ]),
      ).toEqual([
        ['submitted', 1, 0],
        ['in-review', 1, 1],
        ['deferred', 0, undefined],
        ['approved', 2, undefined],
        ['in-delivery', 1, undefined],
      ]);
      // 4 and 10 days: an even count takes the mean of the two middle ones.
      expect(report.timeToDecision).toEqual({
        decisions: 2,
        medianDays: 7,
        p90Days: 10,
      });
      expect(report.sharedNeeds.map(need => need.capability)).toEqual([
        'E-signature',
      ]);
      expect(report.sharedNeeds[0].departments).toEqual([
        LEGAL,
        MARKETING,
        SALES,
      ]);
      expect(report.money.map(row => row.department)).toEqual([LEGAL, LEGAL]);
    });

    it('counts the days of the period from the first to the last, both included', async () => {
      const report = await portfolio.report(
        { from: '2026-04-05', to: '2026-04-10' },
        credentials,
      );
      // Decided on the 5th (legal's reuse), submitted on the 10th (marketing's).
      expect(report.decisionMix).toEqual([
        {
          quarter: '2026-Q2',
          reuse: 1,
          buy: 0,
          build: 0,
          rejected: 0,
          deferred: 0,
        },
      ]);
      expect(report.demand).toEqual([
        { department: MARKETING, status: 'approved', requests: 1 },
      ]);
      expect(report.timeToDecision).toEqual({
        decisions: 1,
        medianDays: 4,
        p90Days: 4,
      });
    });

    it('answers an empty period with zeros and empty lists, not an error', async () => {
      const report = await portfolio.report(
        { from: '2020-01-01', to: '2020-03-31' },
        credentials,
      );
      expect(report.demand).toEqual([]);
      expect(report.decisionMix).toEqual([]);
      expect(report.timeToDecision).toEqual({ decisions: 0 });
      expect(report.topCapabilities).toEqual([]);
      expect(report.sharedNeeds).toEqual([]);
      expect(report.money).toEqual([]);
      // What waits now does not depend on the period.
      expect(report.waiting[0].requests).toBe(2);
    });

    it('refuses a period that ends before it starts, or a department that is no group', async () => {
      await expect(
        portfolio.report({ from: '2026-05-01', to: '2026-04-01' }, credentials),
      ).rejects.toMatchObject({ name: 'InputError', message: /from/ });
      await expect(
        portfolio.report({ department: 'user:default/jane' }, credentials),
      ).rejects.toMatchObject({ name: 'InputError', message: /department/ });
    });
  },
);
