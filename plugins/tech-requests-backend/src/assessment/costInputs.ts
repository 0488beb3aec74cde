import {
  COST_INPUT_LIMITS,
  FieldProblem,
} from '@tech-requests/plugin-tech-requests-common';

/**
 * The checks of what a reviewer sets in the cost model: numbers within the API's limits,
 * whole where they count people or years, and no field the model does not know.
 */

/** A number's bounds: 0 to COST_INPUT_LIMITS.amount unless it says otherwise. */
type NumberRule = { integer?: boolean; min?: number; max?: number };

const NUMBER: NumberRule = {};
const SECTIONS: Record<string, Record<string, NumberRule>> = {
  reuse: { onboardingDays: NUMBER, costPerUserMonth: NUMBER },
  buy: {
    licencePerUserMonth: NUMBER,
    subscriptionPerYear: NUMBER,
    implementationCost: NUMBER,
    integrationDays: NUMBER,
  },
  build: {
    effortPersonWeeks: NUMBER,
    runCostPerYear: NUMBER,
    maintenanceShare: { min: 0, max: COST_INPUT_LIMITS.maxShare },
  },
};
const TOP_LEVEL: Record<string, NumberRule> = {
  users: { integer: true, max: COST_INPUT_LIMITS.users },
  horizonYears: {
    integer: true,
    min: COST_INPUT_LIMITS.minHorizonYears,
    max: COST_INPUT_LIMITS.maxHorizonYears,
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkNumber(
  field: string,
  value: unknown,
  rule: NumberRule,
): FieldProblem | undefined {
  const problem = (message: string) => ({
    field,
    message: `${field} ${message}`,
  });
  if (typeof value !== 'number') {
    return problem('must be a number');
  }
  if (!Number.isFinite(value)) {
    return problem('must be a finite number');
  }
  if (rule.integer && !Number.isInteger(value)) {
    return problem('must be a whole number');
  }
  const max = rule.max ?? COST_INPUT_LIMITS.amount;
  if (rule.min !== undefined) {
    return value < rule.min || value > max
      ? problem(`must be between ${rule.min} and ${max}`)
      : undefined;
  }
  if (value < 0) {
    return problem('must not be negative');
  }
  if (value > max) {
    return problem(`must be at most ${max}`);
  }
  return undefined;
}

/**
 * What is wrong with cost inputs from a client, one problem per field, named by its path
 * (`buy.licencePerUserMonth`). Absent fields are fine; unknown ones are a problem, so that
 * a misspelt input is not silently ignored.
 */
export function checkCostInputs(inputs: unknown): FieldProblem[] {
  if (!isRecord(inputs)) {
    return [{ field: 'costInputs', message: 'costInputs must be an object' }];
  }
  const problems: FieldProblem[] = [];
  const check = (
    field: string,
    value: unknown,
    rule: NumberRule | undefined,
  ) => {
    if (!rule) {
      problems.push({ field, message: `${field} is not a known cost input` });
      return;
    }
    const problem =
      value === undefined ? undefined : checkNumber(field, value, rule);
    if (problem) {
      problems.push(problem);
    }
  };
  for (const [key, value] of Object.entries(inputs)) {
    const section = Object.hasOwn(SECTIONS, key) ? SECTIONS[key] : undefined;
    if (!section) {
      check(
        key,
        value,
        Object.hasOwn(TOP_LEVEL, key) ? TOP_LEVEL[key] : undefined,
      );
    } else if (value === undefined) {
      continue;
    } else if (!isRecord(value)) {
      problems.push({ field: key, message: `${key} must be an object` });
    } else {
      for (const [name, item] of Object.entries(value)) {
        check(
          `${key}.${name}`,
          item,
          Object.hasOwn(section, name) ? section[name] : undefined,
        );
      }
    }
  }
  return problems;
}
