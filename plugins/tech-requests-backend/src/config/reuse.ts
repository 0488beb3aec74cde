import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Capability, normalizeCapability } from '../reuse/Vocabulary';

/** The kinds suggested for reuse unless `techRequests.reuse.kinds` says otherwise. */
const DEFAULT_REUSE_KINDS = ['Component', 'System', 'API', 'Resource'];

/** Checks the catalog for changes every minute; a rebuild happens only when it changed. */
const DEFAULT_REUSE_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 5 },
};

/** `techRequests.reuse`: how reuse discovery reads the catalog and ranks what it finds. */
export interface ReuseSettings {
  /** Capabilities added to the shipped vocabulary. */
  capabilities: Capability[];
  minimumScore?: number;
  similarRequestMinimumScore?: number;
  semanticWeight?: number;
  kinds: string[];
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Reads `techRequests.reuse`, with the defaults for what it leaves out. */
export function reuseSettingsFromConfig(config: Config): ReuseSettings {
  const reuse = config.getOptionalConfig('techRequests.reuse');
  return {
    capabilities: (reuse?.getOptional<unknown[]>('capabilities') ?? []).map(
      item => normalizeCapability(item, 'techRequests.reuse.capabilities'),
    ),
    minimumScore: reuse?.getOptionalNumber('minimumScore'),
    similarRequestMinimumScore: reuse?.getOptionalNumber(
      'similarRequestMinimumScore',
    ),
    semanticWeight: reuse?.getOptionalNumber('semanticWeight'),
    kinds: reuse?.getOptionalStringArray('kinds') ?? DEFAULT_REUSE_KINDS,
    schedule: reuse?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          reuse.getConfig('schedule'),
        )
      : DEFAULT_REUSE_SCHEDULE,
  };
}
