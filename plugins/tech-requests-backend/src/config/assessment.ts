import { createHash } from 'crypto';
import { Config } from '@backstage/config';
import {
  CostPolicy,
  DEFAULT_COST_POLICY,
  DEFAULT_RISK_POLICY,
  mergeRiskPolicy,
  RiskPolicy,
} from '../assessment';

/** Plain numbers, arrays and objects of a config section, for merging over defaults. */
function plain(config: Config | undefined): any {
  return config ? config.get() : {};
}

/** `techRequests.risk` over the safe defaults. */
export function riskPolicyFromConfig(config: Config): RiskPolicy {
  return mergeRiskPolicy(
    DEFAULT_RISK_POLICY,
    plain(config.getOptionalConfig('techRequests.risk')),
  );
}

/** `techRequests.cost` over the defaults. */
export function costPolicyFromConfig(config: Config): CostPolicy {
  const cost = config.getOptionalConfig('techRequests.cost');
  return {
    currency:
      cost?.getOptionalString('currency') ?? DEFAULT_COST_POLICY.currency,
    horizonYears:
      cost?.getOptionalNumber('horizonYears') ??
      DEFAULT_COST_POLICY.horizonYears,
    dayRate: cost?.getOptionalNumber('dayRate') ?? DEFAULT_COST_POLICY.dayRate,
    personWeekRate:
      cost?.getOptionalNumber('personWeekRate') ??
      DEFAULT_COST_POLICY.personWeekRate,
    defaults: {
      ...DEFAULT_COST_POLICY.defaults,
      ...plain(cost?.getOptionalConfig('defaults')),
    },
  };
}

/** Changes whenever a setting an assessment depends on changes. */
export function settingsHash(...settings: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify(settings))
    .digest('hex')
    .slice(0, 16);
}
