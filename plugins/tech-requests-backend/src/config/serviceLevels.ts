import { Config } from '@backstage/config';
import {
  REQUEST_STATUSES,
  RequestStatus,
  ServiceLevelTargets,
} from '@tech-requests/plugin-tech-requests-common';

/** `techRequests.serviceLevels`: working days per stage. */
export function serviceLevelsFromConfig(config: Config): ServiceLevelTargets {
  const levels = config.getOptionalConfig('techRequests.serviceLevels');
  const targets: ServiceLevelTargets = {};
  for (const status of levels?.keys() ?? []) {
    if (!(REQUEST_STATUSES as readonly string[]).includes(status)) {
      throw new Error(
        `techRequests.serviceLevels.${status} is not a request status; use one of ${REQUEST_STATUSES.join(', ')}`,
      );
    }
    targets[status as RequestStatus] = {
      workingDays: levels!.getNumber(`${status}.workingDays`),
    };
  }
  return targets;
}
