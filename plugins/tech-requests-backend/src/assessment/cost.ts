import {
  CostAssessment,
  CostInputs,
  DecisionPath,
  PathCost,
  QuotedCost,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';

/** The organisation's rates and the defaults for what nobody has estimated yet. */
export interface CostPolicy {
  /** ISO 4217 code of every amount. */
  currency: string;
  horizonYears: number;
  /** Internal cost of a person-day. */
  dayRate: number;
  /** Internal cost of a person-week. */
  personWeekRate: number;
  defaults: {
    reuseOnboardingDays: number;
    buyImplementationCost: number;
    buyIntegrationDays: number;
    buildEffortPersonWeeks: number;
    buildRunCostPerYear: number;
    buildMaintenanceShare: number;
  };
}

export const DEFAULT_COST_POLICY: CostPolicy = {
  currency: 'EUR',
  horizonYears: 3,
  dayRate: 800,
  personWeekRate: 4000,
  defaults: {
    reuseOnboardingDays: 2,
    buyImplementationCost: 0,
    buyIntegrationDays: 10,
    buildEffortPersonWeeks: 12,
    buildRunCostPerYear: 12000,
    buildMaintenanceShare: 0.15,
  },
};

/** The annotation an entity's owners put the internal charge-back per user and month in. */
export const COST_PER_USER_ANNOTATION = 'tech-requests.io/cost-per-user-month';

/** The charge-back an entity's annotations give, when they give a usable one. */
export function costPerUserMonthOf(
  annotations: Record<string, string> | undefined,
): number | undefined {
  // An empty annotation says nothing; Number('') would read it as a price of 0.
  const text = annotations?.[COST_PER_USER_ANNOTATION]?.trim();
  const amount = text ? Number(text) : NaN;
  return Number.isFinite(amount) && amount >= 0 ? amount : undefined;
}

/** Everything the cost of a request is computed from; gathered by the caller. */
export interface CostContext {
  request: TechRequest;
  inputs: CostInputs;
  /** what reuse would reuse: a confirmed candidate or the decision's target, with its annotation parsed */
  reuseTarget?: { entityRef: string; costPerUserMonth?: number };
  policy: CostPolicy;
}

const MONTHS = 12;
const FROM_INPUTS = "from the reviewer's inputs";
const fromDefault = (key: keyof CostPolicy['defaults']) =>
  `default of techRequests.cost.defaults.${key}`;

function roundToCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** `800`, `4.50`: whole amounts without cents, others with two. */
function formatAmount(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

/** A value a reviewer set, or the fallback with where it came from. */
function pick(
  input: number | undefined,
  fallback: number,
  fallbackSource: string,
): { value: number; source: string } {
  return input === undefined
    ? { value: fallback, source: fallbackSource }
    : { value: input, source: FROM_INPUTS };
}

function yearsOf(
  horizonYears: number,
  firstYear: number,
  laterYears: number,
): number[] {
  return Array.from({ length: horizonYears }, (_, year) =>
    roundToCents(year === 0 ? firstYear : laterYears),
  );
}

function pathCost(
  path: DecisionPath,
  perYear: number[],
  users: number,
  horizonYears: number,
  assumptions: string[],
): PathCost {
  const total = roundToCents(perYear.reduce((sum, year) => sum + year, 0));
  const months = users * MONTHS * horizonYears;
  return {
    path,
    perYear,
    total,
    ...(months > 0 && { perUserPerMonth: roundToCents(total / months) }),
    assumptions,
  };
}

/**
 * The vendor whose quote prices the buy path: the decided vendor when the request names it
 * among its candidates, otherwise the first candidate.
 */
function quotingVendor(request: TechRequest) {
  const decided = request.decision?.vendor?.trim().toLocaleLowerCase('en-US');
  const chosen = decided
    ? request.vendorCandidates.find(
        vendor => vendor.name.trim().toLocaleLowerCase('en-US') === decided,
      )
    : undefined;
  return chosen ?? request.vendorCandidates[0];
}

interface Context {
  users: number;
  usersSource: string;
  horizonYears: number;
  currency: string;
  policy: CostPolicy;
}

function usersSentence(context: Context): string {
  return `${context.users} ${context.users === 1 ? 'user' : 'users'}, ${context.usersSource}`;
}

function reuseCost(
  context: Context,
  inputs: CostInputs['reuse'],
  target: NonNullable<CostContext['reuseTarget']>,
): PathCost {
  const { policy, currency, users } = context;
  const onboarding = pick(
    inputs?.onboardingDays,
    policy.defaults.reuseOnboardingDays,
    fromDefault('reuseOnboardingDays'),
  );
  const assumptions = [
    `Onboarding of ${onboarding.value} person-days at ${formatAmount(policy.dayRate)} ${currency} a day, ${onboarding.source}`,
  ];
  let perUser = 0;
  if (inputs?.costPerUserMonth !== undefined) {
    perUser = inputs.costPerUserMonth;
    assumptions.push(
      `Charge-back of ${formatAmount(perUser)} ${currency} per user and month, ${FROM_INPUTS}`,
    );
  } else if (target.costPerUserMonth !== undefined) {
    perUser = target.costPerUserMonth;
    assumptions.push(
      `Charge-back of ${formatAmount(perUser)} ${currency} per user and month from ${COST_PER_USER_ANNOTATION} of ${target.entityRef}`,
    );
  } else {
    assumptions.push(
      `No charge-back known for ${target.entityRef}: no ${COST_PER_USER_ANNOTATION} annotation, counted as 0`,
    );
  }
  assumptions.push(usersSentence(context));
  const yearly = perUser * users * MONTHS;
  return pathCost(
    'reuse',
    yearsOf(
      context.horizonYears,
      onboarding.value * policy.dayRate + yearly,
      yearly,
    ),
    users,
    context.horizonYears,
    assumptions,
  );
}

/** Which price a quote gives, by how often it is due. */
function quotedPrices(quote: QuotedCost | undefined): {
  licence?: number;
  subscription?: number;
  implementation?: number;
} {
  switch (quote?.period) {
    case 'per-user-monthly':
      return { licence: quote.amount };
    case 'monthly':
      return { subscription: quote.amount * MONTHS };
    case 'yearly':
      return { subscription: quote.amount };
    case 'one-off':
      return { implementation: quote.amount };
    default:
      return {};
  }
}

/** The buy path, or undefined when neither the reviewer nor a vendor named a price. */
function buyCost(
  context: Context,
  inputs: CostInputs['buy'],
  request: TechRequest,
): PathCost | undefined {
  const { policy, currency, users } = context;
  const vendor = quotingVendor(request);
  const quote = vendor?.quotedCost;
  if (
    inputs?.licencePerUserMonth === undefined &&
    inputs?.subscriptionPerYear === undefined &&
    inputs?.implementationCost === undefined &&
    !quote
  ) {
    return undefined;
  }
  const quoted = quotedPrices(quote);
  const assumptions: string[] = [];
  let quoteUsed = false;
  const quoteCurrency = quote?.currency ?? currency;
  const fromQuote = quote
    ? `from the vendor's quote (${vendor?.name.trim()}: ${formatAmount(quote.amount)} ${quote.currency} ${quote.period})`
    : '';

  let licence = 0;
  if (inputs?.licencePerUserMonth !== undefined) {
    licence = inputs.licencePerUserMonth;
    assumptions.push(
      `Licence of ${formatAmount(licence)} ${currency} per user and month, ${FROM_INPUTS}`,
    );
  } else if (quoted.licence !== undefined) {
    licence = quoted.licence;
    quoteUsed = true;
    assumptions.push(
      `Licence of ${formatAmount(licence)} ${quoteCurrency} per user and month, ${fromQuote}`,
    );
  }
  if (
    inputs?.licencePerUserMonth !== undefined ||
    quoted.licence !== undefined
  ) {
    assumptions.push(usersSentence(context));
  }

  let subscription = 0;
  if (inputs?.subscriptionPerYear !== undefined) {
    subscription = inputs.subscriptionPerYear;
    assumptions.push(
      `Subscription of ${formatAmount(subscription)} ${currency} a year, ${FROM_INPUTS}`,
    );
  } else if (quoted.subscription !== undefined) {
    subscription = quoted.subscription;
    quoteUsed = true;
    assumptions.push(
      `Subscription of ${formatAmount(subscription)} ${quoteCurrency} a year, ${fromQuote}`,
    );
  }

  let implementation: number;
  if (inputs?.implementationCost !== undefined) {
    implementation = inputs.implementationCost;
    assumptions.push(
      `Implementation of ${formatAmount(implementation)} ${currency}, ${FROM_INPUTS}`,
    );
  } else if (quoted.implementation !== undefined) {
    implementation = quoted.implementation;
    quoteUsed = true;
    assumptions.push(
      `Implementation of ${formatAmount(implementation)} ${quoteCurrency}, ${fromQuote}`,
    );
  } else {
    implementation = policy.defaults.buyImplementationCost;
    assumptions.push(
      `Implementation of ${formatAmount(implementation)} ${currency}, ${fromDefault('buyImplementationCost')}`,
    );
  }

  const integration = pick(
    inputs?.integrationDays,
    policy.defaults.buyIntegrationDays,
    fromDefault('buyIntegrationDays'),
  );
  assumptions.push(
    `Integration of ${integration.value} person-days at ${formatAmount(policy.dayRate)} ${currency} a day, ${integration.source}`,
  );

  if (
    quoteUsed &&
    quote &&
    quote.currency.trim().toUpperCase() !== currency.trim().toUpperCase()
  ) {
    assumptions.push(
      `The quote is in ${quote.currency}, not ${currency}: its amount is used as is, not converted`,
    );
  }

  const recurring = licence * users * MONTHS + subscription;
  return pathCost(
    'buy',
    yearsOf(
      context.horizonYears,
      implementation + integration.value * policy.dayRate + recurring,
      recurring,
    ),
    users,
    context.horizonYears,
    assumptions,
  );
}

function buildCost(context: Context, inputs: CostInputs['build']): PathCost {
  const { policy, currency } = context;
  const effort = pick(
    inputs?.effortPersonWeeks,
    policy.defaults.buildEffortPersonWeeks,
    fromDefault('buildEffortPersonWeeks'),
  );
  const run = pick(
    inputs?.runCostPerYear,
    policy.defaults.buildRunCostPerYear,
    fromDefault('buildRunCostPerYear'),
  );
  const share = pick(
    inputs?.maintenanceShare,
    policy.defaults.buildMaintenanceShare,
    fromDefault('buildMaintenanceShare'),
  );
  const build = effort.value * policy.personWeekRate;
  return pathCost(
    'build',
    yearsOf(
      context.horizonYears,
      build + run.value,
      run.value + share.value * build,
    ),
    context.users,
    context.horizonYears,
    [
      `Build effort of ${effort.value} person-weeks at ${formatAmount(policy.personWeekRate)} ${currency} a week, ${effort.source}`,
      `Hosting and operations of ${formatAmount(run.value)} ${currency} a year, ${run.source}`,
      `Maintenance of ${Math.round(share.value * 1000) / 10}% of the build cost a year after the first, ${share.source}`,
    ],
  );
}

/**
 * Reuse, buy and build over the same horizon, so they can be compared: reuse needs
 * something to reuse and buy needs a price, build can always be estimated from defaults.
 * Every figure says where it came from, so a reviewer knows which input to correct.
 */
export function assessCost(context: CostContext): CostAssessment {
  const { request, inputs, policy } = context;
  let users = 0;
  let usersSource = 'none known: per-user costs count as 0';
  if (typeof inputs.users === 'number') {
    users = inputs.users;
    usersSource = FROM_INPUTS;
  } else if (typeof request.expectedUsers === 'number') {
    users = request.expectedUsers;
    usersSource = "from the request's expected users";
  }
  const costContext: Context = {
    users,
    usersSource,
    horizonYears: inputs.horizonYears ?? policy.horizonYears,
    currency: policy.currency,
    policy,
  };

  const reuse =
    context.reuseTarget &&
    reuseCost(costContext, inputs.reuse, context.reuseTarget);
  const buy = buyCost(costContext, inputs.buy, request);
  const build = buildCost(costContext, inputs.build);
  const paths = [reuse, buy, build].filter(
    (path): path is PathCost => path !== undefined,
  );

  // Strictly lower only: on a tie the earlier path (reuse, then buy) stays cheapest.
  const cheapest = paths.reduce((best, path) =>
    path.total < best.total ? path : best,
  );

  return {
    currency: policy.currency,
    horizonYears: costContext.horizonYears,
    users,
    paths,
    cheapest: cheapest.path,
    ...(reuse &&
      buy && { reuseSavingOverBuy: roundToCents(buy.total - reuse.total) }),
  };
}
