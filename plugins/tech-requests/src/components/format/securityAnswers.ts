import {
  DataLocation,
  Hosting,
  KNOWN_CERTIFICATIONS,
  SignIn,
} from '@tech-requests/plugin-tech-requests-common';

/** The answers to "Who will run it?", as the form offers them. */
export const HOSTING_LABELS: Record<Hosting, string> = {
  'on-premises': 'On our premises',
  'company-cloud': 'In our company cloud',
  'vendor-cloud': 'By the vendor (SaaS)',
  unknown: "Don't know",
};

/** The answers to "How will people sign in?". */
export const SIGN_IN_LABELS: Record<SignIn, string> = {
  'company-account': 'With their company account',
  'separate-accounts': 'With separate accounts',
  'no-sign-in': 'No sign-in needed',
  unknown: "Don't know",
};

/** The answers to "Where will the data be stored?". */
export const DATA_LOCATION_LABELS: Record<DataLocation, string> = {
  eu: 'In the EU',
  us: 'In the US',
  other: 'Elsewhere',
  unknown: "Don't know",
};

const CERTIFICATION_LABELS: Record<
  (typeof KNOWN_CERTIFICATIONS)[number],
  string
> = {
  soc2: 'SOC 2',
  iso27001: 'ISO 27001',
  iso27701: 'ISO 27701',
  'bsi-c5': 'BSI C5',
};

/** A certification as auditors write it; codes the form does not know are shown as they are. */
export function certificationLabel(code: string): string {
  return (
    CERTIFICATION_LABELS[code as keyof typeof CERTIFICATION_LABELS] ?? code
  );
}

/** An answer inside a sentence: "by the vendor (SaaS)". */
export function inSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase('en-US') + label.slice(1);
}
