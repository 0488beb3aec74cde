import {
  Audience,
  DEFAULT_REQUEST_DETAILS,
  FIELD_LIMITS,
  RequestDetails,
  SECURITY_ANSWER_FIELDS,
  SecurityAnswers,
} from '@tech-requests/plugin-tech-requests-common';
import { ReactNode } from 'react';
import { readAmount, readCount, readWebAddress } from './typedValues';

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
  /** Empty until the person says who will use it. */
  audience: Audience | '';
  /** As typed: "10,000" and "10k" are read when sent (see typedValues). */
  expectedUsers: string;
  wantedBy: string;
  /** As typed, possibly with its currency: "€20k". */
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
  audience: '',
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

/** One step of the form: its title and the fields it holds, so it shows only its own problems. */
export interface FormStep {
  label: string;
  fields: (keyof FormState)[];
}

/**
 * The form's steps, in order. The first asks only what anyone knows (what, why, who and how
 * many, by when) and can be sent as it is; the others add the details IT would ask about.
 */
export const STEPS: FormStep[] = [
  {
    label: 'What you need',
    fields: ['title', 'need', 'audience', 'expectedUsers', 'wantedBy'],
  },
  {
    label: 'Details',
    fields: [
      'capabilities',
      'preferredPath',
      'budgetMax',
      'currency',
      'businessSponsor',
      'integrations',
      'namedReuseCandidates',
      'vendorName',
      'vendorUrl',
    ],
  },
  { label: 'Data and security', fields: [...SECURITY_ANSWER_FIELDS] },
  { label: 'Review', fields: [] },
];

/** The budget as typed, read: its amount, and its currency if it was typed with one. */
export function budgetOf(form: FormState) {
  return form.budgetMax.trim() ? readAmount(form.budgetMax) : undefined;
}

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
  if (form.expectedUsers.trim()) {
    const count = readCount(form.expectedUsers);
    if (count === undefined)
      problems.expectedUsers = 'A number of people, for example 40 or 10k';
    else if (count > FIELD_LIMITS.expectedUsers)
      problems.expectedUsers = `At most ${FIELD_LIMITS.expectedUsers.toLocaleString('en-US')}`;
  }
  if (form.budgetMax.trim() && !budgetOf(form))
    problems.budgetMax = 'An amount, for example 20000 or €20k';
  if (!/^[A-Z]{3}$/.test(form.currency))
    problems.currency = 'A currency code such as EUR';
  if (form.vendorUrl.trim() && !readWebAddress(form.vendorUrl))
    problems.vendorUrl = 'A web address, for example www.example.com';
  if (form.vendorUrl.trim() && !form.vendorName.trim())
    problems.vendorName = 'Name the vendor of this web address';
  return problems;
}

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
  /** The form's buttons, for a step that places them itself (the first one does). */
  actions?: ReactNode;
}
