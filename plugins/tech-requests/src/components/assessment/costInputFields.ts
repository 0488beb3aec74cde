import {
  COST_INPUT_LIMITS,
  CostInputs,
} from '@tech-requests/plugin-tech-requests-common';
import { formatMoney } from '../format/money';

type PathGroup = 'reuse' | 'buy' | 'build';

/** One number of the cost model a reviewer may set. */
export interface CostInputField {
  /** Unique in the form, such as `buy.licencePerUserMonth`. */
  id: string;
  /** Absent for the inputs that apply to every path. */
  group?: PathGroup;
  key: string;
  label: string;
  kind: 'count' | 'money' | 'percent';
  /** Users and years come in whole numbers. */
  whole?: boolean;
  min?: number;
  /** In the unit shown: a percentage goes up to 100. */
  max?: number;
}

const field = (
  group: PathGroup | undefined,
  key: string,
  label: string,
  kind: CostInputField['kind'],
  limits: Pick<CostInputField, 'whole' | 'min' | 'max'> = {},
): CostInputField => ({
  id: group ? `${group}.${key}` : key,
  group,
  key,
  label,
  kind,
  ...limits,
});

/** The cost inputs by section, in the order the form shows them. */
export const COST_INPUT_SECTIONS: {
  title: string;
  fields: CostInputField[];
}[] = [
  {
    title: 'Every path',
    fields: [
      field(undefined, 'users', 'Users', 'count', {
        whole: true,
        max: COST_INPUT_LIMITS.users,
      }),
      field(undefined, 'horizonYears', 'Horizon (years)', 'count', {
        whole: true,
        min: COST_INPUT_LIMITS.minHorizonYears,
        max: COST_INPUT_LIMITS.maxHorizonYears,
      }),
    ],
  },
  {
    title: 'Reuse',
    fields: [
      field('reuse', 'onboardingDays', 'Onboarding (person-days)', 'count'),
      field(
        'reuse',
        'costPerUserMonth',
        'Charge-back per user and month',
        'money',
      ),
    ],
  },
  {
    title: 'Buy',
    fields: [
      field(
        'buy',
        'licencePerUserMonth',
        'Licence per user and month',
        'money',
      ),
      field('buy', 'subscriptionPerYear', 'Subscription per year', 'money'),
      field('buy', 'implementationCost', 'Implementation (one-off)', 'money'),
      field('buy', 'integrationDays', 'Integration (person-days)', 'count'),
    ],
  },
  {
    title: 'Build',
    fields: [
      field('build', 'effortPersonWeeks', 'Effort (person-weeks)', 'count'),
      field('build', 'runCostPerYear', 'Run cost per year', 'money'),
      field(
        'build',
        'maintenanceShare',
        'Maintenance per year (%)',
        'percent',
        // Shown in per cent.
        { max: COST_INPUT_LIMITS.maxShare * 100 },
      ),
    ],
  },
];

/** Every cost input, flat. */
export const COST_INPUT_FIELDS = COST_INPUT_SECTIONS.flatMap(s => s.fields);

/** What a reviewer set for one input, in the unit shown: a share of 0.15 reads 15 (%). */
export function shownValue(
  inputs: CostInputs | undefined,
  input: CostInputField,
): number | undefined {
  const holder = (input.group ? inputs?.[input.group] : inputs) as
    Record<string, number | undefined> | undefined;
  const value = holder?.[input.key];
  if (value === undefined || input.kind !== 'percent') {
    return value;
  }
  // Rounded, so that 0.15 reads 15 and not 15.000000000000002.
  return Number((value * 100).toFixed(6));
}

/** The value as the read-only view shows it: amounts in the currency, shares with %. */
export function formatCostInput(
  input: CostInputField,
  value: number,
  currency: string,
): string {
  if (input.kind === 'money') return formatMoney(value, currency);
  if (input.kind === 'percent') return `${value}%`;
  return String(value);
}

/** What is wrong with a typed value, or undefined; empty is fine, it means the default. */
export function problemOf(
  input: CostInputField,
  text: string,
): string | undefined {
  if (!text.trim()) return undefined;
  const value = Number(text);
  const min = input.min ?? 0;
  if (!Number.isFinite(value) || value < min) return `At least ${min}`;
  if (input.whole && !Number.isInteger(value)) return 'A whole number';
  if (input.max !== undefined && value > input.max)
    return `At most ${input.max}`;
  return undefined;
}

/** The body's `inputs`: only the values typed, shares back from % to 0–1. */
export function toCostInputs(values: Record<string, string>): CostInputs {
  const inputs: Record<string, unknown> = {};
  for (const input of COST_INPUT_FIELDS) {
    const text = values[input.id]?.trim();
    if (!text) continue;
    const value = input.kind === 'percent' ? Number(text) / 100 : Number(text);
    if (input.group) {
      const group = (inputs[input.group] ?? {}) as Record<string, number>;
      group[input.key] = value;
      inputs[input.group] = group;
    } else {
      inputs[input.key] = value;
    }
  }
  return inputs as CostInputs;
}

/** The form's text for each input, empty where the default applies. */
export function toFormValues(
  inputs: CostInputs | undefined,
): Record<string, string> {
  return Object.fromEntries(
    COST_INPUT_FIELDS.map(input => {
      const value = shownValue(inputs, input);
      return [input.id, value === undefined ? '' : String(value)];
    }),
  );
}
