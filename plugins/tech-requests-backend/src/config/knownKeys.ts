import { Config } from '@backstage/config';
import { JsonValue } from '@backstage/types';

/**
 * The keys a section of configuration may have: a nested section, `true` for a value of
 * any shape, `{ '*': … }` for a map whose keys are names (statuses, rule ids) and
 * `{ '[]': … }` for a list of sections.
 */
export type KeyTree = { [key: string]: KeyTree | true };

const numbers = (...keys: string[]): KeyTree =>
  Object.fromEntries(keys.map(key => [key, true]));

/**
 * Every key under `techRequests`, as `config.d.ts` declares it (a test holds the two
 * together). The plugin refuses to start on any other key, so that a misspelt setting is
 * an error instead of a default silently kept.
 */
export const TECH_REQUESTS_KEYS: KeyTree = {
  workflow: {
    reviewerGroups: true,
    deciderGroups: true,
    reviewAreas: numbers(
      'architecture',
      'security',
      'privacy',
      'finance',
      'portfolio',
    ),
    separateRequestingGroup: true,
    portfolioReaderGroups: true,
  },
  standards: {
    radar: {
      entries: { '[]': numbers('name', 'ring', 'aliases') },
      file: true,
      url: true,
    },
    rules: { '*': numbers('enabled', 'severity') },
  },
  risk: {
    points: {
      classification: numbers(
        'public',
        'internal',
        'confidential',
        'restricted',
      ),
      personalData: true,
      hosting: numbers(
        'on-premises',
        'company-cloud',
        'vendor-cloud',
        'unknown',
      ),
      signIn: numbers(
        'company-account',
        'separate-accounts',
        'no-sign-in',
        'unknown',
      ),
      missingCertification: true,
      dataOutsideAllowedLocations: true,
      dataLocationUnknown: true,
    },
    trustedCertifications: true,
    allowedDataLocations: true,
    tiers: numbers('medium', 'high', 'critical'),
    restrictedAtLeast: true,
    mandatoryReviews: { '[]': numbers('area', 'fromTier', 'whenPersonalData') },
  },
  cost: {
    ...numbers('currency', 'horizonYears', 'dayRate', 'personWeekRate'),
    defaults: numbers(
      'reuseOnboardingDays',
      'buyImplementationCost',
      'buyIntegrationDays',
      'buildEffortPersonWeeks',
      'buildRunCostPerYear',
      'buildMaintenanceShare',
    ),
  },
  serviceLevels: { '*': numbers('workingDays') },
  serviceAccess: numbers('readDrafts'),
  reuse: {
    kinds: true,
    // Backstage's scheduler reads and checks the schedule itself.
    schedule: true,
    minimumScore: true,
    similarRequestMinimumScore: true,
    semanticWeight: true,
    capabilities: {
      '[]': numbers('id', 'label', 'phrases', 'terms', 'vendors'),
    },
  },
  offerings: {
    ...numbers('kinds', 'types', 'excludeTypes'),
    include: numbers('tag', 'annotation'),
    exclude: numbers('tag', 'annotation'),
  },
  delivery: { buildTemplate: true },
  gate: {
    mode: true,
    covered: { '[]': numbers('kind', 'types') },
    exempt: numbers('systems', 'owners'),
  },
};

/** The keys in `value` that `tree` does not know, as full paths. */
export function unknownKeys(
  value: JsonValue | undefined,
  tree: KeyTree,
  at: string,
): string[] {
  if (Array.isArray(value)) {
    const items = tree['[]'];
    return items === undefined || items === true
      ? []
      : value.flatMap((item, index) =>
          unknownKeys(item, items, `${at}[${index}]`),
        );
  }
  if (!value || typeof value !== 'object') {
    return [];
  }
  return Object.entries(value).flatMap(([key, item]) => {
    const known = tree[key] ?? tree['*'];
    if (known === undefined) {
      return [`${at}.${key}`];
    }
    return known === true ? [] : unknownKeys(item, known, `${at}.${key}`);
  });
}

/** Refuses configuration under `techRequests` that the plugin does not read, naming each key. */
export function refuseUnknownKeys(config: Config): void {
  const section = config.getOptionalConfig('techRequests');
  const unknown = unknownKeys(
    section?.get(),
    TECH_REQUESTS_KEYS,
    'techRequests',
  );
  if (unknown.length) {
    throw new Error(
      `Unknown configuration: ${unknown.join(', ')}. See the keys the Tech Requests backend reads in its config.d.ts`,
    );
  }
}
