import {
  CostInputs,
  CostPeriod,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import {
  DEFAULT_BUY_ASSUMPTIONS,
  cost,
  path,
  quote,
} from '../__testUtils__/costSamples';

describe('assessCost buy', () => {
  it.each<[CostPeriod, number[], string[]]>([
    [
      'per-user-monthly',
      [128000, 120000, 120000],
      [
        "Licence of 1000 EUR per user and month, from the vendor's quote (DocuSign: 1000 EUR per-user-monthly)",
        "10 users, from the request's expected users",
        ...DEFAULT_BUY_ASSUMPTIONS,
      ],
    ],
    [
      'monthly',
      [20000, 12000, 12000],
      [
        "Subscription of 12000 EUR a year, from the vendor's quote (DocuSign: 1000 EUR monthly)",
        ...DEFAULT_BUY_ASSUMPTIONS,
      ],
    ],
    [
      'yearly',
      [9000, 1000, 1000],
      [
        "Subscription of 1000 EUR a year, from the vendor's quote (DocuSign: 1000 EUR yearly)",
        ...DEFAULT_BUY_ASSUMPTIONS,
      ],
    ],
    [
      'one-off',
      [9000, 0, 0],
      [
        "Implementation of 1000 EUR, from the vendor's quote (DocuSign: 1000 EUR one-off)",
        DEFAULT_BUY_ASSUMPTIONS[1],
      ],
    ],
  ])('prices a %s quote', (period, perYear, assumptions) => {
    const buy = path(
      cost({ expectedUsers: 10, ...quote(1000, period) }),
      'buy',
    );
    expect(buy?.perYear).toEqual(perYear);
    expect(buy?.assumptions).toEqual(assumptions);
  });

  it.each<[string, Partial<TechRequest>, CostInputs, number[] | undefined]>([
    ['no buy path without a price', {}, {}, undefined],
    [
      'no buy path with only integration days',
      {},
      { buy: { integrationDays: 3 } },
      undefined,
    ],
    [
      'no buy path when only a later vendor has a quote',
      {
        vendorCandidates: [
          { name: 'Acme' },
          {
            name: 'DocuSign',
            quotedCost: { amount: 5, currency: 'EUR', period: 'yearly' },
          },
        ],
      },
      {},
      undefined,
    ],
    [
      "the decided vendor's quote",
      {
        vendorCandidates: [
          {
            name: 'Acme',
            quotedCost: { amount: 1, currency: 'EUR', period: 'yearly' },
          },
          {
            name: 'DocuSign',
            quotedCost: { amount: 5, currency: 'EUR', period: 'yearly' },
          },
        ],
        decision: {
          outcome: 'approved',
          path: 'buy',
          vendor: ' docusign',
          rationale: 'Fits',
          decidedBy: 'user:default/boss',
          decidedAt: '2025-02-01T00:00:00Z',
        },
      },
      {},
      [8005, 5, 5],
    ],
    [
      'a price from the inputs alone',
      {},
      { buy: { subscriptionPerYear: 100 } },
      [8100, 100, 100],
    ],
    [
      'an implementation from the inputs alone',
      {},
      { buy: { implementationCost: 0 } },
      [8000, 0, 0],
    ],
    [
      'the quote for what the inputs leave open',
      { expectedUsers: 10, ...quote(2, 'per-user-monthly') },
      { buy: { subscriptionPerYear: 100 } },
      [8340, 340, 340],
    ],
    [
      'the inputs over the quote',
      { expectedUsers: 10, ...quote(2, 'per-user-monthly') },
      { buy: { licencePerUserMonth: 1 } },
      [8120, 120, 120],
    ],
    [
      'the inputs over a one-off quote',
      quote(5000, 'one-off'),
      { buy: { implementationCost: 100, integrationDays: 0 } },
      [100, 0, 0],
    ],
  ])('takes %s', (_, request, inputs, perYear) => {
    expect(path(cost(request, inputs), 'buy')?.perYear).toEqual(perYear);
  });

  it.each<[string, Partial<TechRequest>, CostInputs, boolean]>([
    ['a USD quote', quote(10, 'per-user-monthly', 'USD'), {}, true],
    ['a quote in eur', quote(10, 'per-user-monthly', 'eur'), {}, false],
    ['a EUR quote', quote(10, 'yearly'), {}, false],
    [
      'a USD quote the inputs replace',
      quote(10, 'per-user-monthly', 'USD'),
      { buy: { licencePerUserMonth: 9 } },
      false,
    ],
  ])('notes a currency mismatch or not for %s', (_, request, inputs, noted) => {
    const assumptions = path(cost(request, inputs), 'buy')?.assumptions ?? [];
    expect(
      assumptions.includes(
        'The quote is in USD, not EUR: its amount is used as is, not converted',
      ),
    ).toBe(noted);
  });

  it('keeps the quoted currency in the sentence and the amount unconverted', () => {
    const buy = path(
      cost({ expectedUsers: 1, ...quote(10, 'per-user-monthly', 'USD') }),
      'buy',
    );
    expect(buy?.perYear).toEqual([8120, 120, 120]);
    expect(buy?.assumptions[0]).toBe(
      "Licence of 10 USD per user and month, from the vendor's quote (DocuSign: 10 USD per-user-monthly)",
    );
  });
});
