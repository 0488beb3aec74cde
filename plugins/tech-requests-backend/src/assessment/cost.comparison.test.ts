import {
  CostInputs,
  DecisionPath,
} from '@tech-requests/plugin-tech-requests-common';
import { CostContext, CostPolicy, DEFAULT_COST_POLICY } from './cost';
import { TARGET, cost, path, quote } from '../__testUtils__/costSamples';

describe('assessCost horizon', () => {
  it.each<[string, CostInputs, CostPolicy, number[], number]>([
    ['one year', { horizonYears: 1 }, DEFAULT_COST_POLICY, [60000], 60000],
    [
      'ten years',
      { horizonYears: 10 },
      DEFAULT_COST_POLICY,
      [60000, ...Array(9).fill(19200)],
      232800,
    ],
    [
      "the policy's horizon",
      {},
      { ...DEFAULT_COST_POLICY, horizonYears: 5 },
      [60000, 19200, 19200, 19200, 19200],
      136800,
    ],
  ])('covers %s', (_, inputs, policy, perYear, total) => {
    const result = cost({ expectedUsers: 10 }, inputs, undefined, policy);
    expect(result.horizonYears).toBe(perYear.length);
    expect(path(result, 'build')).toMatchObject({
      perYear,
      total,
      perUserPerMonth:
        Math.round((total / (10 * 12 * perYear.length)) * 100) / 100,
    });
  });

  it('uses the policy rates and currency', () => {
    const policy: CostPolicy = {
      ...DEFAULT_COST_POLICY,
      currency: 'CHF',
      dayRate: 1000,
      personWeekRate: 5000,
    };
    const result = cost({}, {}, { entityRef: TARGET }, policy);
    expect(result.currency).toBe('CHF');
    expect(result.paths.map(p => p.perYear[0])).toEqual([2000, 72000]);
    expect(path(result, 'reuse')?.assumptions[0]).toBe(
      'Onboarding of 2 person-days at 1000 CHF a day, default of techRequests.cost.defaults.reuseOnboardingDays',
    );
  });
});

describe('assessCost cheapest and saving', () => {
  it.each<
    [
      string,
      CostInputs,
      CostContext['reuseTarget'],
      DecisionPath,
      number | undefined,
    ]
  >([
    [
      'reuse on a tie with buy',
      { reuse: { onboardingDays: 10 }, buy: { implementationCost: 0 } },
      { entityRef: TARGET },
      'reuse',
      0,
    ],
    [
      'buy on a tie with build',
      { buy: { implementationCost: 90400 } },
      undefined,
      'buy',
      undefined,
    ],
    [
      'buy when cheaper than reuse, with a negative saving',
      { reuse: { onboardingDays: 20 }, buy: { implementationCost: 0 } },
      { entityRef: TARGET },
      'buy',
      -8000,
    ],
    [
      'build when cheapest',
      { build: { effortPersonWeeks: 0, runCostPerYear: 0 } },
      { entityRef: TARGET },
      'build',
      undefined,
    ],
    [
      'reuse on a three-way tie at zero',
      {
        reuse: { onboardingDays: 0, costPerUserMonth: 0 },
        buy: { licencePerUserMonth: 0, integrationDays: 0 },
        build: { effortPersonWeeks: 0, runCostPerYear: 0 },
      },
      { entityRef: TARGET },
      'reuse',
      0,
    ],
  ])('picks %s', (_, inputs, target, cheapest, saving) => {
    const result = cost({ expectedUsers: 10 }, inputs, target);
    expect(result.cheapest).toBe(cheapest);
    expect(result.reuseSavingOverBuy).toBe(saving);
  });

  it('costs zero as zero', () => {
    const result = cost(
      { expectedUsers: 10 },
      {
        reuse: { onboardingDays: 0, costPerUserMonth: 0 },
        buy: { licencePerUserMonth: 0, integrationDays: 0 },
        build: { effortPersonWeeks: 0, runCostPerYear: 0 },
      },
      { entityRef: TARGET },
    );
    expect(
      result.paths.map(p => [p.path, p.perYear, p.total, p.perUserPerMonth]),
    ).toEqual([
      ['reuse', [0, 0, 0], 0, 0],
      ['buy', [0, 0, 0], 0, 0],
      ['build', [0, 0, 0], 0, 0],
    ]);
  });
});

describe('assessCost with huge numbers', () => {
  it('stays finite at the input limits', () => {
    const huge = 1e12;
    const result = cost(
      { ...quote(huge, 'monthly') },
      {
        users: huge,
        horizonYears: 10,
        reuse: { onboardingDays: huge, costPerUserMonth: huge },
        buy: {
          licencePerUserMonth: huge,
          subscriptionPerYear: huge,
          implementationCost: huge,
          integrationDays: huge,
        },
        build: {
          effortPersonWeeks: huge,
          runCostPerYear: huge,
          maintenanceShare: 1,
        },
      },
      { entityRef: TARGET, costPerUserMonth: huge },
    );
    const numbers = [
      result.reuseSavingOverBuy,
      ...result.paths.flatMap(p => [...p.perYear, p.total, p.perUserPerMonth]),
    ];
    expect(numbers).toHaveLength(1 + 3 * 12);
    expect(numbers.every(n => Number.isFinite(n))).toBe(true);
    expect(path(result, 'reuse')?.total).toBeGreaterThan(1e25);
  });
});
