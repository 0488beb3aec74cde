import {
  DEFAULT_REQUEST_DETAILS,
  FIELD_LIMITS,
  RequestDetails,
  SecurityAnswers,
} from '@tech-requests/plugin-tech-requests-common';

/** The answers the form keeps as the request does. */
type AnsweredAsIs = SecurityAnswers &
  Pick<
    RequestDetails,
    'preferredPath' | 'integrations' | 'namedReuseCandidates'
  >;

/** What the form holds: text as typed, turned into a request body only when sent. */
export type FormState = AnsweredAsIs & {
  title: string;
  need: string;
  /** Comma-separated. */
  capabilities: string;
  expectedUsers: string;
  wantedBy: string;
  budgetMax: string;
  currency: string;
  businessSponsor: string;
  vendorName: string;
  vendorUrl: string;
};

/** An empty form: the request's defaults for what nobody has answered yet. */
export const EMPTY: FormState = {
  title: '',
  need: '',
  capabilities: '',
  expectedUsers: '',
  wantedBy: '',
  budgetMax: '',
  currency: 'EUR',
  businessSponsor: '',
  vendorName: '',
  vendorUrl: '',
  preferredPath: DEFAULT_REQUEST_DETAILS.preferredPath,
  dataClassification: DEFAULT_REQUEST_DETAILS.dataClassification,
  handlesPersonalData: DEFAULT_REQUEST_DETAILS.handlesPersonalData,
  hosting: DEFAULT_REQUEST_DETAILS.hosting,
  signIn: DEFAULT_REQUEST_DETAILS.signIn,
  dataLocation: DEFAULT_REQUEST_DETAILS.dataLocation,
  vendorCertifications: DEFAULT_REQUEST_DETAILS.vendorCertifications,
  integrations: DEFAULT_REQUEST_DETAILS.integrations,
  namedReuseCandidates: DEFAULT_REQUEST_DETAILS.namedReuseCandidates,
};

/** The titles of the form's steps, in order. */
export const STEPS = [
  'Your need',
  'Who and when',
  'Data and security',
  'Systems and vendors',
  'Review',
];

/** Problems with what was typed, by field, in words the person can act on. */
export function problemsOf(
  form: FormState,
): Partial<Record<keyof FormState, string>> {
  const problems: Partial<Record<keyof FormState, string>> = {};
  if (!form.title.trim()) problems.title = 'Give the request a short title';
  else if (form.title.length > FIELD_LIMITS.title)
    problems.title = `At most ${FIELD_LIMITS.title} characters`;
  if (!form.need.trim())
    problems.need = 'Describe the problem you want to solve';
  else if (form.need.length > FIELD_LIMITS.need)
    problems.need = `At most ${FIELD_LIMITS.need} characters`;
  if (form.expectedUsers && !/^\d+$/.test(form.expectedUsers))
    problems.expectedUsers = 'A whole number, for example 40';
  if (form.budgetMax && !(Number(form.budgetMax) >= 0))
    problems.budgetMax = 'An amount, for example 20000';
  if (!/^[A-Z]{3}$/.test(form.currency))
    problems.currency = 'A currency code such as EUR';
  if (form.vendorUrl && !/^https?:\/\//.test(form.vendorUrl))
    problems.vendorUrl = 'A web address starting with https://';
  if (form.vendorUrl && !form.vendorName.trim())
    problems.vendorName = 'Name the vendor of this web address';
  return problems;
}

/** The fields each step holds, so a step shows only its own problems. */
export const STEP_FIELDS: (keyof FormState)[][] = [
  ['title', 'need', 'capabilities', 'preferredPath'],
  ['expectedUsers', 'wantedBy', 'budgetMax', 'currency', 'businessSponsor'],
  [
    'dataClassification',
    'handlesPersonalData',
    'hosting',
    'signIn',
    'dataLocation',
    'vendorCertifications',
  ],
  ['integrations', 'namedReuseCandidates', 'vendorName', 'vendorUrl'],
  [],
];

/** The capabilities typed as a comma-separated list. */
export function capabilitiesOf(form: FormState): string[] {
  return form.capabilities
    .split(',')
    .map(c => c.trim())
    .filter(Boolean);
}

/** What a step's fields need from the form: its values, and helpers to show and change them. */
export interface StepProps {
  form: FormState;
  /** Sets one field. */
  set: <K extends keyof FormState>(field: K) => (value: FormState[K]) => void;
  /** Sets several fields at once. */
  change: (fields: Partial<FormState>) => void;
  /** The props of an outlined text field bound to a field. */
  text: (field: keyof FormState) => {
    id: string;
    value: string;
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => void;
    error: boolean;
    variant: 'outlined';
    fullWidth: boolean;
  };
  /** The field's problem, once its step was left or sent. */
  show: (field: keyof FormState) => string | undefined;
}
