import {
  DataClassification,
  DataLocation,
  Finding,
  Hosting,
  REVIEW_AREAS,
  ReviewArea,
  RISK_TIERS,
  RiskAssessment,
  RiskTier,
  SignIn,
  SecurityAnswers,
} from '@tech-requests/plugin-tech-requests-common';

/** How a request's plain-language answers turn into a risk tier; config can adjust it. */
export interface RiskPolicy {
  points: {
    classification: Record<DataClassification, number>;
    personalData: number;
    hosting: Record<Hosting, number>;
    signIn: Record<SignIn, number>;
    /** vendor-hosted without one of `trustedCertifications` */
    missingCertification: number;
    dataOutsideAllowedLocations: number;
    dataLocationUnknown: number;
  };
  trustedCertifications: string[];
  allowedDataLocations: DataLocation[];
  /** points from which each tier starts */
  tiers: { medium: number; high: number; critical: number };
  /** restricted data is at least this tier */
  restrictedAtLeast: RiskTier;
  mandatoryReviews: Array<{
    area: ReviewArea;
    fromTier?: RiskTier;
    /** `true`: only when the request handles personal data; otherwise no condition. */
    whenPersonalData?: boolean;
  }>;
}

/**
 * Safe defaults: "unknown" answers cost points, so that not knowing is never cheaper than
 * a risky answer would be; restricted data is high risk whatever else is said.
 */
export const DEFAULT_RISK_POLICY: RiskPolicy = {
  points: {
    classification: { public: 0, internal: 1, confidential: 3, restricted: 6 },
    personalData: 2,
    hosting: {
      'on-premises': 0,
      'company-cloud': 0,
      'vendor-cloud': 1,
      unknown: 2,
    },
    signIn: {
      'company-account': 0,
      'separate-accounts': 2,
      'no-sign-in': 1,
      unknown: 1,
    },
    missingCertification: 2,
    dataOutsideAllowedLocations: 2,
    dataLocationUnknown: 1,
  },
  trustedCertifications: ['soc2', 'iso27001', 'bsi-c5'],
  allowedDataLocations: ['eu'],
  tiers: { medium: 3, high: 6, critical: 9 },
  restrictedAtLeast: 'high',
  mandatoryReviews: [
    { area: 'security', fromTier: 'medium' },
    { area: 'privacy', whenPersonalData: true },
  ],
};

/** The answers the risk is read from. */
export type RiskAnswers = SecurityAnswers;

const CLASSIFICATION_LABELS: Record<DataClassification, string> = {
  public: 'Public data',
  internal: 'Internal data',
  confidential: 'Confidential data',
  restricted: 'Restricted data',
};

const HOSTING_LABELS: Record<Hosting, string> = {
  'on-premises': 'Hosted on premises',
  'company-cloud': 'Hosted in the company cloud',
  'vendor-cloud': "Hosted in the vendor's cloud",
  unknown: 'Hosting unknown',
};

const SIGN_IN_LABELS: Record<SignIn, string> = {
  'company-account': 'Sign-in with the company account',
  'separate-accounts': 'Separate accounts instead of the company sign-in',
  'no-sign-in': 'No sign-in at all',
  unknown: 'Sign-in unknown',
};

function tierIndex(tier: RiskTier): number {
  return RISK_TIERS.indexOf(tier);
}

/** The tier a sum of points falls into. */
export function tierForPoints(
  points: number,
  tiers: RiskPolicy['tiers'],
): RiskTier {
  if (points >= tiers.critical) {
    return 'critical';
  }
  if (points >= tiers.high) {
    return 'high';
  }
  if (points >= tiers.medium) {
    return 'medium';
  }
  return 'low';
}

function normalizeCode(code: string): string {
  return code.trim().toLocaleLowerCase('en-US');
}

/**
 * The security risk of a request: each answer adds points, the sum gives the tier, and the
 * tier (or personal data) makes reviews mandatory. Every factor that adds points is a
 * finding with its points, so a requester can see what to change to lower the tier.
 */
export function assessRisk(
  request: RiskAnswers,
  policy: RiskPolicy = DEFAULT_RISK_POLICY,
): RiskAssessment {
  const { points: weights } = policy;
  const factors: Array<{
    ruleId: string;
    points: number;
    label: string;
    evidence: string[];
  }> = [
    {
      ruleId: 'risk-classification',
      points: weights.classification[request.dataClassification] ?? 0,
      label: CLASSIFICATION_LABELS[request.dataClassification],
      evidence: ['dataClassification'],
    },
    {
      ruleId: 'risk-personal-data',
      points: request.handlesPersonalData ? weights.personalData : 0,
      label: 'Personal data',
      evidence: ['handlesPersonalData'],
    },
    {
      ruleId: 'risk-hosting',
      points: weights.hosting[request.hosting] ?? 0,
      label: HOSTING_LABELS[request.hosting],
      evidence: ['hosting'],
    },
    {
      ruleId: 'risk-sign-in',
      points: weights.signIn[request.signIn] ?? 0,
      label: SIGN_IN_LABELS[request.signIn],
      evidence: ['signIn'],
    },
  ];

  // Certifications only vouch for a vendor's operations; they matter where the vendor runs it.
  if (request.hosting === 'vendor-cloud') {
    const trusted = policy.trustedCertifications.map(normalizeCode);
    const held = request.vendorCertifications.map(normalizeCode);
    if (!held.some(code => trusted.includes(code))) {
      factors.push({
        ruleId: 'risk-missing-certification',
        points: weights.missingCertification,
        label: `Vendor-hosted without a trusted certification (${policy.trustedCertifications.join(', ')})`,
        evidence: ['hosting', 'vendorCertifications'],
      });
    }
  }

  if (request.dataLocation === 'unknown') {
    // On our own premises, the data is where our premises are.
    if (request.hosting !== 'on-premises') {
      factors.push({
        ruleId: 'risk-data-location',
        points: weights.dataLocationUnknown,
        label: 'Data location unknown',
        evidence: ['dataLocation'],
      });
    }
  } else if (!policy.allowedDataLocations.includes(request.dataLocation)) {
    factors.push({
      ruleId: 'risk-data-location',
      points: weights.dataOutsideAllowedLocations,
      label: `Data stored outside the allowed locations (${request.dataLocation}; allowed: ${policy.allowedDataLocations.join(', ') || 'none'})`,
      evidence: ['dataLocation'],
    });
  }

  const points = factors.reduce((sum, factor) => sum + factor.points, 0);
  const findings: Finding[] = factors
    .filter(factor => factor.points > 0)
    .map(factor => ({
      ruleId: factor.ruleId,
      severity: 'warning',
      message: `${factor.label} (+${factor.points})`,
      evidence: factor.evidence,
    }));

  let tier = tierForPoints(points, policy.tiers);
  if (
    request.dataClassification === 'restricted' &&
    tierIndex(tier) < tierIndex(policy.restrictedAtLeast)
  ) {
    tier = policy.restrictedAtLeast;
    findings.push({
      ruleId: 'risk-restricted-floor',
      severity: 'warning',
      message: `Restricted data is at least ${tier} risk, whatever the points`,
      evidence: ['dataClassification'],
    });
  }

  const required = new Set(
    policy.mandatoryReviews
      .filter(
        rule =>
          (rule.fromTier === undefined ||
            tierIndex(tier) >= tierIndex(rule.fromTier)) &&
          (rule.whenPersonalData !== true || request.handlesPersonalData),
      )
      .map(rule => rule.area),
  );
  const mandatoryReviews = REVIEW_AREAS.filter(area => required.has(area));

  return { tier, points, findings, mandatoryReviews };
}

/** Every field optional, all the way down; arrays are replaced whole, not merged. */
export type DeepPartial<T> =
  T extends Array<infer U>
    ? U[]
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/** Keys that would reach an object's prototype if config named them. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function merge(base: unknown, overrides: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(overrides)) {
    return Array.isArray(overrides) ? [...overrides] : overrides;
  }
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined && !UNSAFE_KEYS.has(key)) {
      merged[key] = merge(base[key], value);
    }
  }
  return merged;
}

/**
 * The policy with config's overrides: nested objects are merged, so config can change one
 * weight; arrays are replaced, so config can shorten a list. Neither argument is changed.
 */
export function mergeRiskPolicy(
  base: RiskPolicy,
  overrides: DeepPartial<RiskPolicy>,
): RiskPolicy {
  return merge(base, overrides) as RiskPolicy;
}
