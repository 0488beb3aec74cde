import { loadConfigSchema } from '@backstage/config-loader';
import { ConfigReader } from '@backstage/config';
import {
  KeyTree,
  refuseUnknownKeys,
  TECH_REQUESTS_KEYS,
  unknownKeys,
} from './knownKeys';

/** The keys a JSON schema of config.d.ts allows, as a key tree. */
function keysOf(schema: any): KeyTree | true {
  if (schema.type === 'array' && schema.items?.properties) {
    return { '[]': keysOf(schema.items) };
  }
  if (schema.properties) {
    return Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [
        key,
        keysOf(value),
      ]),
    );
  }
  if (schema.additionalProperties?.properties) {
    return { '*': keysOf(schema.additionalProperties) };
  }
  return true;
}

describe('TECH_REQUESTS_KEYS', () => {
  it('holds exactly the keys config.d.ts declares', async () => {
    const schema = await loadConfigSchema({
      dependencies: ['@tech-requests/plugin-tech-requests-backend'],
      excludePackageDependencies: true,
    });
    const schemas = schema.serialize().schemas as Array<{ value: any }>;
    const ours = schemas.find(({ value }) => value.properties?.techRequests);
    const declared = keysOf(ours!.value.properties.techRequests) as KeyTree;
    // The schedule is Backstage's own type, read and checked by the scheduler.
    (declared.reuse as KeyTree).schedule = true;
    expect(declared).toEqual(TECH_REQUESTS_KEYS);
  }, 60_000);
});

describe('unknownKeys', () => {
  it('names misspelt keys with their whole path, in lists and maps too', () => {
    expect(
      unknownKeys(
        {
          risk: { tiers: { hihg: 5 }, mandatoryReviews: [{ aera: 'x' }] },
          cost: { defaults: { buildEfortPersonWeeks: 3 } },
          serviceLevels: { submitted: { workingDays: 2, wokringDays: 3 } },
          standards: { rules: { 'any-rule-id': { enabled: false } } },
          reuse: { schedule: { frequency: { minutes: 5 } } },
          workflw: {},
        },
        TECH_REQUESTS_KEYS,
        'techRequests',
      ),
    ).toEqual([
      'techRequests.risk.tiers.hihg',
      'techRequests.risk.mandatoryReviews[0].aera',
      'techRequests.cost.defaults.buildEfortPersonWeeks',
      'techRequests.serviceLevels.submitted.wokringDays',
      'techRequests.workflw',
    ]);
  });
});

describe('refuseUnknownKeys', () => {
  it('refuses to start on an unknown key, naming it', () => {
    expect(() =>
      refuseUnknownKeys(
        new ConfigReader({ techRequests: { risk: { tier: {} } } }),
      ),
    ).toThrow(/Unknown configuration: techRequests\.risk\.tier\b/);
  });

  it('accepts no configuration and known configuration', () => {
    expect(() => refuseUnknownKeys(new ConfigReader({}))).not.toThrow();
    expect(() =>
      refuseUnknownKeys(
        new ConfigReader({
          techRequests: { cost: { currency: 'CHF' }, reuse: { kinds: [] } },
        }),
      ),
    ).not.toThrow();
  });
});
