import {
  CostInputs,
  CostPeriod,
  DecisionPath,
  PathCost,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { aRequest } from './aRequest';
import {
  assessCost,
  CostContext,
  CostPolicy,
  DEFAULT_COST_POLICY,
} from '../assessment/cost';

export const TARGET = 'component:default/esign-gateway';
export const FROM_ANNOTATION = { entityRef: TARGET, costPerUserMonth: 4.5 };

export const DEFAULT_BUY_ASSUMPTIONS = [
  'Implementation of 0 EUR, default of techRequests.cost.defaults.buyImplementationCost',
  'Integration of 10 person-days at 800 EUR a day, default of techRequests.cost.defaults.buyIntegrationDays',
];
export const DEFAULT_BUILD_ASSUMPTIONS = [
  'Build effort of 12 person-weeks at 4000 EUR a week, default of techRequests.cost.defaults.buildEffortPersonWeeks',
  'Hosting and operations of 12000 EUR a year, default of techRequests.cost.defaults.buildRunCostPerYear',
  'Maintenance of 15% of the build cost a year after the first, default of techRequests.cost.defaults.buildMaintenanceShare',
];

export function cost(
  request: Partial<TechRequest>,
  inputs: CostInputs = {},
  reuseTarget: CostContext['reuseTarget'] = undefined,
  policy: CostPolicy = DEFAULT_COST_POLICY,
) {
  return assessCost({
    request: aRequest(request),
    inputs,
    ...(reuseTarget && { reuseTarget }),
    policy,
  });
}

export function path(
  result: ReturnType<typeof assessCost>,
  name: DecisionPath,
): PathCost | undefined {
  return result.paths.find(p => p.path === name);
}

export const quote = (
  amount: number,
  period: CostPeriod,
  currency = 'EUR',
  name = 'DocuSign',
) => ({
  vendorCandidates: [{ name, quotedCost: { amount, currency, period } }],
});
