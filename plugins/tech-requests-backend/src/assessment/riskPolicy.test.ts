import {
  assessRisk,
  DEFAULT_RISK_POLICY,
  mergeRiskPolicy,
  RiskAnswers,
  RiskPolicy,
} from './risk';
import { answers } from '../__testUtils__/riskSamples';

describe('assessRisk mandatory reviews', () => {
  it.each<[string, Partial<RiskAnswers>, string[]]>([
    ['none at low risk', {}, []],
    [
      'none at 2 points without personal data',
      { signIn: 'separate-accounts' },
      [],
    ],
    [
      'privacy for personal data at low risk',
      { handlesPersonalData: true },
      ['privacy'],
    ],
    [
      'security from medium',
      { dataClassification: 'confidential' },
      ['security'],
    ],
    [
      'security and privacy for personal data at medium',
      { dataClassification: 'internal', handlesPersonalData: true },
      ['security', 'privacy'],
    ],
    [
      'security at high (restricted floor)',
      { dataClassification: 'restricted' },
      ['security'],
    ],
  ])('requires %s', (_, overrides, reviews) => {
    expect(assessRisk(answers(overrides)).mandatoryReviews).toEqual(reviews);
  });

  const policy = (
    mandatoryReviews: RiskPolicy['mandatoryReviews'],
  ): RiskPolicy => ({ ...DEFAULT_RISK_POLICY, mandatoryReviews });

  it.each<
    [string, RiskPolicy['mandatoryReviews'], Partial<RiskAnswers>, string[]]
  >([
    [
      'in REVIEW_AREAS order and once each',
      [
        { area: 'finance' },
        { area: 'privacy' },
        { area: 'architecture' },
        { area: 'privacy', fromTier: 'low' },
      ],
      {},
      ['architecture', 'privacy', 'finance'],
    ],
    [
      'both conditions when a rule has both, met',
      [{ area: 'privacy', fromTier: 'medium', whenPersonalData: true }],
      { dataClassification: 'internal', handlesPersonalData: true },
      ['privacy'],
    ],
    [
      'both conditions when a rule has both, tier not met',
      [{ area: 'privacy', fromTier: 'medium', whenPersonalData: true }],
      { handlesPersonalData: true },
      [],
    ],
    [
      'whenPersonalData false as no condition',
      [{ area: 'portfolio', whenPersonalData: false }],
      { handlesPersonalData: true },
      ['portfolio'],
    ],
    [
      'a critical-only review below critical',
      [{ area: 'architecture', fromTier: 'critical' }],
      { dataClassification: 'restricted' },
      [],
    ],
    ['nothing without rules', [], { handlesPersonalData: true }, []],
  ])('applies %s', (_, rules, overrides, reviews) => {
    expect(
      assessRisk(answers(overrides), policy(rules)).mandatoryReviews,
    ).toEqual(reviews);
  });
});

describe('assessRisk with a policy', () => {
  it('counts unknown locations as configured and allows configured locations', () => {
    const policy = mergeRiskPolicy(DEFAULT_RISK_POLICY, {
      allowedDataLocations: ['eu', 'us'],
      points: { dataLocationUnknown: 4 },
    });
    expect(
      assessRisk(
        answers({ hosting: 'company-cloud', dataLocation: 'us' }),
        policy,
      ).points,
    ).toBe(0);
    expect(
      assessRisk(
        answers({ hosting: 'company-cloud', dataLocation: 'unknown' }),
        policy,
      ).points,
    ).toBe(4);
  });

  it('says when no location is allowed', () => {
    const policy = mergeRiskPolicy(DEFAULT_RISK_POLICY, {
      allowedDataLocations: [],
    });
    expect(assessRisk(answers(), policy).findings[0].message).toBe(
      'Data stored outside the allowed locations (eu; allowed: none) (+2)',
    );
  });

  it('reports no finding for a factor weighed 0', () => {
    const policy = mergeRiskPolicy(DEFAULT_RISK_POLICY, {
      points: { personalData: 0 },
    });
    expect(assessRisk(answers({ handlesPersonalData: true }), policy)).toEqual({
      tier: 'low',
      points: 0,
      findings: [],
      mandatoryReviews: ['privacy'],
    });
  });
});

describe('mergeRiskPolicy', () => {
  it('merges nested objects and keeps the rest', () => {
    const merged = mergeRiskPolicy(DEFAULT_RISK_POLICY, {
      points: { classification: { restricted: 9 }, personalData: 3 },
      tiers: { critical: 12 },
    });
    expect(merged.points.classification).toEqual({
      public: 0,
      internal: 1,
      confidential: 3,
      restricted: 9,
    });
    expect(merged.points.personalData).toBe(3);
    expect(merged.points.hosting).toEqual(DEFAULT_RISK_POLICY.points.hosting);
    expect(merged.tiers).toEqual({ medium: 3, high: 6, critical: 12 });
    expect(merged.trustedCertifications).toEqual([
      'soc2',
      'iso27001',
      'bsi-c5',
    ]);
  });

  it('replaces arrays', () => {
    const merged = mergeRiskPolicy(DEFAULT_RISK_POLICY, {
      trustedCertifications: ['iso27001'],
      mandatoryReviews: [{ area: 'architecture' }],
    });
    expect(merged.trustedCertifications).toEqual(['iso27001']);
    expect(merged.mandatoryReviews).toEqual([{ area: 'architecture' }]);
  });

  it('replaces scalars and skips undefined', () => {
    const merged = mergeRiskPolicy(DEFAULT_RISK_POLICY, {
      restrictedAtLeast: 'critical',
      allowedDataLocations: undefined,
    });
    expect(merged.restrictedAtLeast).toBe('critical');
    expect(merged.allowedDataLocations).toEqual(['eu']);
  });

  it('changes neither argument', () => {
    const before = JSON.stringify(DEFAULT_RISK_POLICY);
    const overrides = {
      points: { hosting: { unknown: 5 } },
      allowedDataLocations: ['eu' as const],
    };
    const merged = mergeRiskPolicy(DEFAULT_RISK_POLICY, overrides);
    merged.allowedDataLocations.push('us');
    expect(JSON.stringify(DEFAULT_RISK_POLICY)).toBe(before);
    expect(overrides).toEqual({
      points: { hosting: { unknown: 5 } },
      allowedDataLocations: ['eu'],
    });
  });

  it('returns the base unchanged for no overrides', () => {
    expect(mergeRiskPolicy(DEFAULT_RISK_POLICY, {})).toEqual(
      DEFAULT_RISK_POLICY,
    );
  });

  it('ignores keys that would reach the prototype', () => {
    const merged = mergeRiskPolicy(
      DEFAULT_RISK_POLICY,
      JSON.parse(
        '{"__proto__": {"polluted": true}, "tiers": {"__proto__": {"polluted": true}}}',
      ),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(merged).toEqual(DEFAULT_RISK_POLICY);
  });
});

describe('DEFAULT_RISK_POLICY', () => {
  // What the safe defaults promise, as a reviewer reads them in the README.
  const riskOf = (overrides: Partial<RiskAnswers>) =>
    assessRisk(answers(overrides), DEFAULT_RISK_POLICY);

  it('needs no review for public data in the company cloud with company sign-in', () => {
    expect(riskOf({ hosting: 'company-cloud' })).toMatchObject({
      tier: 'low',
      mandatoryReviews: [],
    });
  });

  it('asks for a security review from a medium risk, and for privacy whenever people are named', () => {
    expect(riskOf({ dataClassification: 'confidential' })).toMatchObject({
      tier: 'medium',
      mandatoryReviews: ['security'],
    });
    expect(riskOf({ handlesPersonalData: true }).mandatoryReviews).toEqual([
      'privacy',
    ]);
  });

  it('puts restricted data at a high risk at least, whatever else is answered', () => {
    expect(riskOf({ dataClassification: 'restricted' }).tier).toBe('high');
  });

  it('trusts SOC 2, ISO 27001 and BSI C5, and EU data locations only', () => {
    const vendor = {
      hosting: 'vendor-cloud' as const,
      dataLocation: 'eu' as const,
    };
    for (const certification of ['soc2', 'iso27001', 'bsi-c5']) {
      expect(
        riskOf({ ...vendor, vendorCertifications: [certification] }).points,
      ).toBe(riskOf({ ...vendor, vendorCertifications: ['soc2'] }).points);
    }
    expect(
      riskOf({ ...vendor, vendorCertifications: ['iso27701'] }).points,
    ).toBeGreaterThan(
      riskOf({ ...vendor, vendorCertifications: ['soc2'] }).points,
    );
    expect(
      riskOf({ ...vendor, vendorCertifications: ['soc2'], dataLocation: 'us' })
        .points,
    ).toBeGreaterThan(
      riskOf({ ...vendor, vendorCertifications: ['soc2'] }).points,
    );
  });

  it('makes the unanswered request at least a medium risk: not knowing is a risk', () => {
    expect(
      riskOf({
        dataClassification: 'internal',
        hosting: 'unknown',
        signIn: 'unknown',
        dataLocation: 'unknown',
      }).tier,
    ).not.toBe('low');
  });
});
