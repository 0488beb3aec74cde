import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_COST_POLICY,
  DEFAULT_RISK_POLICY,
  RadarEntry,
} from '../assessment';
import {
  costPolicyFromConfig,
  riskPolicyFromConfig,
  settingsHash,
} from './assessment';

describe('riskPolicyFromConfig', () => {
  it.each([
    ['no config', {}],
    ['no risk section', { techRequests: {} }],
    ['an empty risk section', { techRequests: { risk: {} } }],
  ])('gives the defaults with %s', (_, data) => {
    expect(riskPolicyFromConfig(new ConfigReader(data))).toEqual(
      DEFAULT_RISK_POLICY,
    );
  });

  it('merges a nested override and keeps the rest of the defaults', () => {
    const before = JSON.stringify(DEFAULT_RISK_POLICY);
    const policy = riskPolicyFromConfig(
      new ConfigReader({
        techRequests: {
          risk: {
            points: { personalData: 5, hosting: { unknown: 4 } },
            tiers: { critical: 12 },
          },
        },
      }),
    );
    expect(policy).toEqual({
      ...DEFAULT_RISK_POLICY,
      points: {
        ...DEFAULT_RISK_POLICY.points,
        personalData: 5,
        hosting: { ...DEFAULT_RISK_POLICY.points.hosting, unknown: 4 },
      },
      tiers: { ...DEFAULT_RISK_POLICY.tiers, critical: 12 },
    });
    expect(JSON.stringify(DEFAULT_RISK_POLICY)).toBe(before);
  });

  it('replaces arrays whole', () => {
    const policy = riskPolicyFromConfig(
      new ConfigReader({
        techRequests: {
          risk: {
            mandatoryReviews: [{ area: 'architecture' }],
            trustedCertifications: ['iso27001'],
            allowedDataLocations: [],
          },
        },
      }),
    );
    expect(policy.mandatoryReviews).toEqual([{ area: 'architecture' }]);
    expect(policy.trustedCertifications).toEqual(['iso27001']);
    expect(policy.allowedDataLocations).toEqual([]);
    expect(policy.points).toEqual(DEFAULT_RISK_POLICY.points);
    expect(DEFAULT_RISK_POLICY.mandatoryReviews).toHaveLength(2);
  });
});

describe('costPolicyFromConfig', () => {
  it.each([
    ['no config', {}],
    ['an empty cost section', { techRequests: { cost: {} } }],
  ])('gives the defaults with %s', (_, data) => {
    expect(costPolicyFromConfig(new ConfigReader(data))).toEqual(
      DEFAULT_COST_POLICY,
    );
  });

  it('takes what config sets and the defaults for the rest', () => {
    expect(
      costPolicyFromConfig(
        new ConfigReader({
          techRequests: {
            cost: {
              currency: 'USD',
              dayRate: 950,
              defaults: { buyIntegrationDays: 5, buildMaintenanceShare: 0.2 },
            },
          },
        }),
      ),
    ).toEqual({
      currency: 'USD',
      horizonYears: 3,
      dayRate: 950,
      personWeekRate: 4000,
      defaults: {
        ...DEFAULT_COST_POLICY.defaults,
        buyIntegrationDays: 5,
        buildMaintenanceShare: 0.2,
      },
    });
    expect(DEFAULT_COST_POLICY.defaults.buyIntegrationDays).toBe(10);
  });

  it('keeps zero values from config', () => {
    const policy = costPolicyFromConfig(
      new ConfigReader({
        techRequests: {
          cost: { dayRate: 0, defaults: { buildRunCostPerYear: 0 } },
        },
      }),
    );
    expect(policy.dayRate).toBe(0);
    expect(policy.defaults.buildRunCostPerYear).toBe(0);
  });
});

describe('settingsHash', () => {
  it('is the same for the same settings and differs when one changes', () => {
    const entries: RadarEntry[] = [
      { name: 'Zoom', ring: 'adopt', source: 'config' },
    ];
    const hash = settingsHash(DEFAULT_RISK_POLICY, entries);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(settingsHash(DEFAULT_RISK_POLICY, [...entries])).toBe(hash);
    expect(
      settingsHash(DEFAULT_RISK_POLICY, [{ ...entries[0], ring: 'hold' }]),
    ).not.toBe(hash);
  });
});
