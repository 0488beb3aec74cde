import {
  CostInputs,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { COST_PER_USER_ANNOTATION, CostContext } from './cost';
import {
  TARGET,
  FROM_ANNOTATION,
  DEFAULT_BUY_ASSUMPTIONS,
  DEFAULT_BUILD_ASSUMPTIONS,
  cost,
  path,
  quote,
} from '../__testUtils__/costSamples';

describe('assessCost', () => {
  it('compares reuse, buy and build with every assumption named', () => {
    expect(
      cost(
        { expectedUsers: 100, ...quote(10, 'per-user-monthly') },
        {},
        FROM_ANNOTATION,
      ),
    ).toEqual({
      currency: 'EUR',
      horizonYears: 3,
      users: 100,
      paths: [
        {
          path: 'reuse',
          perYear: [7000, 5400, 5400],
          total: 17800,
          perUserPerMonth: 4.94,
          assumptions: [
            'Onboarding of 2 person-days at 800 EUR a day, default of techRequests.cost.defaults.reuseOnboardingDays',
            `Charge-back of 4.50 EUR per user and month from ${COST_PER_USER_ANNOTATION} of ${TARGET}`,
            "100 users, from the request's expected users",
          ],
        },
        {
          path: 'buy',
          perYear: [20000, 12000, 12000],
          total: 44000,
          perUserPerMonth: 12.22,
          assumptions: [
            "Licence of 10 EUR per user and month, from the vendor's quote (DocuSign: 10 EUR per-user-monthly)",
            "100 users, from the request's expected users",
            ...DEFAULT_BUY_ASSUMPTIONS,
          ],
        },
        {
          path: 'build',
          perYear: [60000, 19200, 19200],
          total: 98400,
          perUserPerMonth: 27.33,
          assumptions: DEFAULT_BUILD_ASSUMPTIONS,
        },
      ],
      cheapest: 'reuse',
      reuseSavingOverBuy: 26200,
    });
  });

  it('costs only build without a reuse target or a price', () => {
    const result = cost({ expectedUsers: 10 });
    expect(result.paths.map(p => p.path)).toEqual(['build']);
    expect(result.cheapest).toBe('build');
    expect(result).not.toHaveProperty('reuseSavingOverBuy');
  });

  it('takes the reviewer inputs over the defaults', () => {
    const result = cost(
      { expectedUsers: 100 },
      {
        users: 20,
        horizonYears: 2,
        reuse: { onboardingDays: 5, costPerUserMonth: 3 },
        buy: {
          licencePerUserMonth: 7,
          subscriptionPerYear: 1000,
          implementationCost: 5000,
          integrationDays: 4,
        },
        build: {
          effortPersonWeeks: 10,
          runCostPerYear: 6000,
          maintenanceShare: 0.2,
        },
      },
      FROM_ANNOTATION,
    );
    expect(result.users).toBe(20);
    expect(result.horizonYears).toBe(2);
    expect(result.paths).toEqual([
      {
        path: 'reuse',
        perYear: [4000 + 720, 720],
        total: 5440,
        perUserPerMonth: 11.33,
        assumptions: [
          "Onboarding of 5 person-days at 800 EUR a day, from the reviewer's inputs",
          "Charge-back of 3 EUR per user and month, from the reviewer's inputs",
          "20 users, from the reviewer's inputs",
        ],
      },
      {
        path: 'buy',
        perYear: [5000 + 3200 + 1680 + 1000, 2680],
        total: 13560,
        perUserPerMonth: 28.25,
        assumptions: [
          "Licence of 7 EUR per user and month, from the reviewer's inputs",
          "20 users, from the reviewer's inputs",
          "Subscription of 1000 EUR a year, from the reviewer's inputs",
          "Implementation of 5000 EUR, from the reviewer's inputs",
          "Integration of 4 person-days at 800 EUR a day, from the reviewer's inputs",
        ],
      },
      {
        path: 'build',
        perYear: [46000, 14000],
        total: 60000,
        perUserPerMonth: 125,
        assumptions: [
          "Build effort of 10 person-weeks at 4000 EUR a week, from the reviewer's inputs",
          "Hosting and operations of 6000 EUR a year, from the reviewer's inputs",
          "Maintenance of 20% of the build cost a year after the first, from the reviewer's inputs",
        ],
      },
    ]);
  });
});

describe('assessCost users', () => {
  it.each<[string, Partial<TechRequest>, CostInputs, number, string]>([
    [
      'no users known',
      {},
      {},
      0,
      '0 users, none known: per-user costs count as 0',
    ],
    [
      'zero users from the inputs',
      { expectedUsers: 50 },
      { users: 0 },
      0,
      "0 users, from the reviewer's inputs",
    ],
    [
      "the request's expected users",
      { expectedUsers: 50 },
      {},
      50,
      "50 users, from the request's expected users",
    ],
    [
      "the reviewer's users over the request's",
      { expectedUsers: 50 },
      { users: 1 },
      1,
      "1 user, from the reviewer's inputs",
    ],
  ])('uses %s', (_, request, inputs, users, sentence) => {
    const result = cost(request, inputs, FROM_ANNOTATION);
    expect(result.users).toBe(users);
    expect(path(result, 'reuse')?.assumptions).toContain(sentence);
  });

  it.each([
    ['no users', {}, {}],
    ['zero users', { expectedUsers: 20 }, { users: 0 }],
  ])('leaves perUserPerMonth out with %s', (_, request, inputs) => {
    const result = cost(
      { ...request, ...quote(10, 'per-user-monthly') },
      inputs,
      FROM_ANNOTATION,
    );
    expect(result.paths.map(p => 'perUserPerMonth' in p)).toEqual([
      false,
      false,
      false,
    ]);
    expect(result.paths.map(p => p.perYear)).toEqual([
      [1600, 0, 0],
      [8000, 0, 0],
      [60000, 19200, 19200],
    ]);
  });

  it('costs one user', () => {
    const result = cost({}, { users: 1 }, FROM_ANNOTATION);
    expect(path(result, 'reuse')).toMatchObject({
      perYear: [1654, 54, 54],
      total: 1762,
      perUserPerMonth: 48.94,
    });
    expect(path(result, 'build')).toMatchObject({
      total: 98400,
      perUserPerMonth: 2733.33,
    });
  });
});

describe('assessCost reuse', () => {
  it.each<[string, CostInputs, CostContext['reuseTarget'], number[], string]>([
    [
      'the annotation',
      {},
      FROM_ANNOTATION,
      [7000, 5400, 5400],
      `Charge-back of 4.50 EUR per user and month from ${COST_PER_USER_ANNOTATION} of ${TARGET}`,
    ],
    [
      "the reviewer's charge-back over the annotation",
      { reuse: { costPerUserMonth: 3 } },
      FROM_ANNOTATION,
      [5200, 3600, 3600],
      "Charge-back of 3 EUR per user and month, from the reviewer's inputs",
    ],
    [
      'no charge-back without the annotation',
      {},
      { entityRef: TARGET },
      [1600, 0, 0],
      `No charge-back known for ${TARGET}: no ${COST_PER_USER_ANNOTATION} annotation, counted as 0`,
    ],
    [
      "the reviewer's charge-back without the annotation",
      { reuse: { costPerUserMonth: 0.5 } },
      { entityRef: TARGET },
      [2200, 600, 600],
      "Charge-back of 0.50 EUR per user and month, from the reviewer's inputs",
    ],
    [
      'a zero charge-back in the annotation',
      {},
      { entityRef: TARGET, costPerUserMonth: 0 },
      [1600, 0, 0],
      `Charge-back of 0 EUR per user and month from ${COST_PER_USER_ANNOTATION} of ${TARGET}`,
    ],
  ])('uses %s', (_, inputs, target, perYear, sentence) => {
    const reuse = path(cost({ expectedUsers: 100 }, inputs, target), 'reuse');
    expect(reuse?.perYear).toEqual(perYear);
    expect(reuse?.assumptions).toContain(sentence);
  });

  it('rounds each year to cents', () => {
    const reuse = path(
      cost(
        {},
        { users: 1, reuse: { costPerUserMonth: 0.001 } },
        FROM_ANNOTATION,
      ),
      'reuse',
    );
    expect(reuse).toMatchObject({
      perYear: [1600.01, 0.01, 0.01],
      total: 1600.03,
      perUserPerMonth: 44.45,
    });
  });
});

describe('assessCost build', () => {
  it.each<[string, CostInputs, number[]]>([
    ['defaults', {}, [60000, 19200, 19200]],
    [
      'no maintenance',
      { build: { maintenanceShare: 0 } },
      [60000, 12000, 12000],
    ],
    [
      'full maintenance',
      { build: { maintenanceShare: 1 } },
      [60000, 60000, 60000],
    ],
    ['no effort', { build: { effortPersonWeeks: 0 } }, [12000, 12000, 12000]],
    ['no run cost', { build: { runCostPerYear: 0 } }, [48000, 7200, 7200]],
  ])('costs %s', (_, inputs, perYear) => {
    expect(path(cost({}, inputs), 'build')?.perYear).toEqual(perYear);
  });
});
