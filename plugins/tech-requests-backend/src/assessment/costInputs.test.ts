import { FieldProblem } from '@tech-requests/plugin-tech-requests-common';
import { checkCostInputs } from './costInputs';

describe('checkCostInputs', () => {
  it.each<[string, unknown]>([
    ['nothing', {}],
    [
      'everything',
      {
        users: 0,
        horizonYears: 1,
        reuse: { onboardingDays: 0, costPerUserMonth: 4.5 },
        buy: {
          licencePerUserMonth: 1e12,
          subscriptionPerYear: 0,
          implementationCost: 1,
          integrationDays: 0.5,
        },
        build: { effortPersonWeeks: 1, runCostPerYear: 1, maintenanceShare: 1 },
      },
    ],
    [
      'ten years and no maintenance',
      { horizonYears: 10, build: { maintenanceShare: 0 } },
    ],
    ['the most users', { users: 10_000_000 }],
    [
      'absent values',
      {
        users: undefined,
        buy: undefined,
        build: { runCostPerYear: undefined },
      },
    ],
    ['empty sections', { reuse: {}, buy: {}, build: {} }],
  ])('accepts %s', (_, inputs) => {
    expect(checkCostInputs(inputs)).toEqual([]);
  });

  const problem = (field: string, message: string): FieldProblem => ({
    field,
    message: `${field} ${message}`,
  });

  it.each<[string, unknown, FieldProblem[]]>([
    ['null', null, [problem('costInputs', 'must be an object')]],
    ['an array', [], [problem('costInputs', 'must be an object')]],
    ['a string', 'cheap', [problem('costInputs', 'must be an object')]],
    [
      'negative users',
      { users: -1 },
      [problem('users', 'must not be negative')],
    ],
    [
      'fractional users',
      { users: 1.5 },
      [problem('users', 'must be a whole number')],
    ],
    [
      'more users than the API takes',
      { users: 10_000_001 },
      [problem('users', 'must be at most 10000000')],
    ],
    [
      'NaN users',
      { users: NaN },
      [problem('users', 'must be a finite number')],
    ],
    [
      'users as a string',
      { users: '10' },
      [problem('users', 'must be a number')],
    ],
    ['null users', { users: null }, [problem('users', 'must be a number')]],
    [
      'horizon 0',
      { horizonYears: 0 },
      [problem('horizonYears', 'must be between 1 and 10')],
    ],
    [
      'horizon 11',
      { horizonYears: 11 },
      [problem('horizonYears', 'must be between 1 and 10')],
    ],
    [
      'horizon 2.5',
      { horizonYears: 2.5 },
      [problem('horizonYears', 'must be a whole number')],
    ],
    [
      'an infinite horizon',
      { horizonYears: Infinity },
      [problem('horizonYears', 'must be a finite number')],
    ],
    [
      'a share of 1.5',
      { build: { maintenanceShare: 1.5 } },
      [problem('build.maintenanceShare', 'must be between 0 and 1')],
    ],
    [
      'a negative share',
      { build: { maintenanceShare: -0.1 } },
      [problem('build.maintenanceShare', 'must be between 0 and 1')],
    ],
    [
      'a negative licence',
      { buy: { licencePerUserMonth: -1 } },
      [problem('buy.licencePerUserMonth', 'must not be negative')],
    ],
    [
      'a licence as a string',
      { buy: { licencePerUserMonth: 'free' } },
      [problem('buy.licencePerUserMonth', 'must be a number')],
    ],
    [
      'an infinite charge-back',
      { reuse: { costPerUserMonth: Infinity } },
      [problem('reuse.costPerUserMonth', 'must be a finite number')],
    ],
    [
      'NaN onboarding days',
      { reuse: { onboardingDays: NaN } },
      [problem('reuse.onboardingDays', 'must be a finite number')],
    ],
    [
      'a negative infinite run cost',
      { build: { runCostPerYear: -Infinity } },
      [problem('build.runCostPerYear', 'must be a finite number')],
    ],
    [
      'an implementation above the limit',
      { buy: { implementationCost: 2e12 } },
      [problem('buy.implementationCost', 'must be at most 1000000000000')],
    ],
    [
      'an unknown field',
      { discount: 5 },
      [problem('discount', 'is not a known cost input')],
    ],
    [
      'an unknown nested field',
      { buy: { discount: 5 } },
      [problem('buy.discount', 'is not a known cost input')],
    ],
    [
      'a field in the wrong section',
      { reuse: { licencePerUserMonth: 1 } },
      [problem('reuse.licencePerUserMonth', 'is not a known cost input')],
    ],
    [
      'an inherited name',
      JSON.parse('{"__proto__": 1, "buy": {"toString": 1}}'),
      [
        problem('__proto__', 'is not a known cost input'),
        problem('buy.toString', 'is not a known cost input'),
      ],
    ],
    [
      'a section as a number',
      { buy: 5 },
      [problem('buy', 'must be an object')],
    ],
    [
      'a section as null',
      { build: null },
      [problem('build', 'must be an object')],
    ],
    [
      'a section as an array',
      { reuse: [] },
      [problem('reuse', 'must be an object')],
    ],
    [
      'several problems, in order',
      {
        users: -2,
        build: { maintenanceShare: 2, effortPersonWeeks: '3' },
        horizonYears: 0,
        extra: true,
      },
      [
        problem('users', 'must not be negative'),
        problem('build.maintenanceShare', 'must be between 0 and 1'),
        problem('build.effortPersonWeeks', 'must be a number'),
        problem('horizonYears', 'must be between 1 and 10'),
        problem('extra', 'is not a known cost input'),
      ],
    ],
  ])('rejects %s', (_, inputs, problems) => {
    expect(checkCostInputs(inputs)).toEqual(problems);
  });
});
