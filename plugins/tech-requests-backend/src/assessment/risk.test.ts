import { RiskTier } from '@tech-requests/plugin-tech-requests-common';
import {
  assessRisk,
  DEFAULT_RISK_POLICY,
  RiskAnswers,
  RiskPolicy,
} from './risk';
import { answers, ruleIdsAndPoints } from '../__testUtils__/riskSamples';

describe('assessRisk factors', () => {
  it.each<[string, Partial<RiskAnswers>, number, unknown[]]>([
    ['nothing for safe answers', {}, 0, []],
    [
      'internal data',
      { dataClassification: 'internal' },
      1,
      [
        [
          'risk-classification',
          'warning',
          'Internal data (+1)',
          ['dataClassification'],
        ],
      ],
    ],
    [
      'confidential data',
      { dataClassification: 'confidential' },
      3,
      [
        [
          'risk-classification',
          'warning',
          'Confidential data (+3)',
          ['dataClassification'],
        ],
      ],
    ],
    [
      'personal data',
      { handlesPersonalData: true },
      2,
      [
        [
          'risk-personal-data',
          'warning',
          'Personal data (+2)',
          ['handlesPersonalData'],
        ],
      ],
    ],
    ['nothing for company cloud', { hosting: 'company-cloud' }, 0, []],
    [
      'unknown hosting, and an unknown location is then counted',
      { hosting: 'unknown', dataLocation: 'unknown' },
      3,
      [
        ['risk-hosting', 'warning', 'Hosting unknown (+2)', ['hosting']],
        [
          'risk-data-location',
          'warning',
          'Data location unknown (+1)',
          ['dataLocation'],
        ],
      ],
    ],
    [
      'vendor cloud with a trusted certification',
      { hosting: 'vendor-cloud', vendorCertifications: ['iso27001'] },
      1,
      [
        [
          'risk-hosting',
          'warning',
          "Hosted in the vendor's cloud (+1)",
          ['hosting'],
        ],
      ],
    ],
    [
      'vendor cloud with a certification in other case and spaces',
      { hosting: 'vendor-cloud', vendorCertifications: [' SOC2 '] },
      1,
      [
        [
          'risk-hosting',
          'warning',
          "Hosted in the vendor's cloud (+1)",
          ['hosting'],
        ],
      ],
    ],
    [
      'vendor cloud without certifications',
      { hosting: 'vendor-cloud' },
      3,
      [
        [
          'risk-hosting',
          'warning',
          "Hosted in the vendor's cloud (+1)",
          ['hosting'],
        ],
        [
          'risk-missing-certification',
          'warning',
          'Vendor-hosted without a trusted certification (soc2, iso27001, bsi-c5) (+2)',
          ['hosting', 'vendorCertifications'],
        ],
      ],
    ],
    [
      'vendor cloud with only an untrusted certification',
      { hosting: 'vendor-cloud', vendorCertifications: ['iso27701'] },
      3,
      [
        [
          'risk-hosting',
          'warning',
          "Hosted in the vendor's cloud (+1)",
          ['hosting'],
        ],
        [
          'risk-missing-certification',
          'warning',
          'Vendor-hosted without a trusted certification (soc2, iso27001, bsi-c5) (+2)',
          ['hosting', 'vendorCertifications'],
        ],
      ],
    ],
    [
      'no certification needed on premises',
      { vendorCertifications: [] },
      0,
      [],
    ],
    [
      'no certification needed in the company cloud',
      { hosting: 'company-cloud', dataLocation: 'eu' },
      0,
      [],
    ],
    [
      'no certification needed for unknown hosting',
      { hosting: 'unknown' },
      2,
      [['risk-hosting', 'warning', 'Hosting unknown (+2)', ['hosting']]],
    ],
    [
      'separate accounts',
      { signIn: 'separate-accounts' },
      2,
      [
        [
          'risk-sign-in',
          'warning',
          'Separate accounts instead of the company sign-in (+2)',
          ['signIn'],
        ],
      ],
    ],
    [
      'no sign-in',
      { signIn: 'no-sign-in' },
      1,
      [['risk-sign-in', 'warning', 'No sign-in at all (+1)', ['signIn']]],
    ],
    [
      'unknown sign-in',
      { signIn: 'unknown' },
      1,
      [['risk-sign-in', 'warning', 'Sign-in unknown (+1)', ['signIn']]],
    ],
    [
      'data in the US',
      { dataLocation: 'us' },
      2,
      [
        [
          'risk-data-location',
          'warning',
          'Data stored outside the allowed locations (us; allowed: eu) (+2)',
          ['dataLocation'],
        ],
      ],
    ],
    [
      'data elsewhere, even on premises',
      { dataLocation: 'other' },
      2,
      [
        [
          'risk-data-location',
          'warning',
          'Data stored outside the allowed locations (other; allowed: eu) (+2)',
          ['dataLocation'],
        ],
      ],
    ],
    [
      'an unknown location in the company cloud',
      { hosting: 'company-cloud', dataLocation: 'unknown' },
      1,
      [
        [
          'risk-data-location',
          'warning',
          'Data location unknown (+1)',
          ['dataLocation'],
        ],
      ],
    ],
    [
      'nothing for an unknown location on premises',
      { dataLocation: 'unknown' },
      0,
      [],
    ],
  ])('counts %s', (_, overrides, points, findings) => {
    expect(ruleIdsAndPoints(overrides)).toEqual({ points, findings });
  });
});

describe('assessRisk tiers', () => {
  it.each<[string, number, RiskTier, Partial<RiskAnswers>]>([
    ['safe answers', 0, 'low', {}],
    ['personal data', 2, 'low', { handlesPersonalData: true }],
    [
      'internal personal data',
      3,
      'medium',
      { dataClassification: 'internal', handlesPersonalData: true },
    ],
    [
      'confidential personal data',
      5,
      'medium',
      { dataClassification: 'confidential', handlesPersonalData: true },
    ],
    [
      'the same, vendor-hosted and certified',
      6,
      'high',
      {
        dataClassification: 'confidential',
        handlesPersonalData: true,
        hosting: 'vendor-cloud',
        vendorCertifications: ['bsi-c5'],
      },
    ],
    [
      'confidential personal data, unknown hosting, no sign-in',
      8,
      'high',
      {
        dataClassification: 'confidential',
        handlesPersonalData: true,
        hosting: 'unknown',
        signIn: 'no-sign-in',
      },
    ],
    [
      'the same, data location unknown',
      9,
      'critical',
      {
        dataClassification: 'confidential',
        handlesPersonalData: true,
        hosting: 'unknown',
        signIn: 'no-sign-in',
        dataLocation: 'unknown',
      },
    ],
    [
      'everything unfavourable',
      15,
      'critical',
      {
        dataClassification: 'restricted',
        handlesPersonalData: true,
        hosting: 'vendor-cloud',
        signIn: 'separate-accounts',
        dataLocation: 'us',
      },
    ],
  ])('gives %s %i points, tier %s', (_, points, tier, overrides) => {
    const result = assessRisk(answers(overrides));
    expect([result.points, result.tier]).toEqual([points, tier]);
  });

  it.each<[string, Partial<RiskAnswers>, RiskTier, boolean]>([
    [
      'restricted data alone (6 points) is high',
      { dataClassification: 'restricted' },
      'high',
      false,
    ],
    [
      'restricted data with critical points stays critical',
      {
        dataClassification: 'restricted',
        hosting: 'unknown',
        signIn: 'unknown',
      },
      'critical',
      false,
    ],
  ])('%s', (_, overrides, tier, floored) => {
    const result = assessRisk(answers(overrides));
    expect(result.tier).toBe(tier);
    expect(
      result.findings.some(f => f.ruleId === 'risk-restricted-floor'),
    ).toBe(floored);
  });

  it.each<[string, Partial<RiskPolicy>, RiskTier, boolean]>([
    [
      'lifts restricted data with few points to the floor',
      {
        points: {
          ...DEFAULT_RISK_POLICY.points,
          classification: {
            ...DEFAULT_RISK_POLICY.points.classification,
            restricted: 1,
          },
        },
      },
      'high',
      true,
    ],
    [
      'lifts to a configured critical floor',
      { restrictedAtLeast: 'critical' },
      'critical',
      true,
    ],
    ['leaves a low floor alone', { restrictedAtLeast: 'low' }, 'high', false],
  ])('%s', (_, policy, tier, floored) => {
    const result = assessRisk(answers({ dataClassification: 'restricted' }), {
      ...DEFAULT_RISK_POLICY,
      ...policy,
    });
    expect(result.tier).toBe(tier);
    expect(
      result.findings.filter(f => f.ruleId === 'risk-restricted-floor'),
    ).toEqual(
      floored
        ? [
            {
              ruleId: 'risk-restricted-floor',
              severity: 'warning',
              message: `Restricted data is at least ${tier} risk, whatever the points`,
              evidence: ['dataClassification'],
            },
          ]
        : [],
    );
  });

  it('does not floor confidential data', () => {
    const result = assessRisk(answers({ dataClassification: 'confidential' }), {
      ...DEFAULT_RISK_POLICY,
      restrictedAtLeast: 'critical',
    });
    expect(result.tier).toBe('medium');
  });

  it('reads tiers from the policy', () => {
    const policy = {
      ...DEFAULT_RISK_POLICY,
      tiers: { medium: 1, high: 2, critical: 3 },
    };
    expect(
      (['public', 'internal', 'confidential'] as const).map(
        dataClassification =>
          assessRisk(answers({ dataClassification }), policy).tier,
      ),
    ).toEqual(['low', 'medium', 'critical']);
  });
});
