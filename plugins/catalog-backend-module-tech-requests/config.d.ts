import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /** The provider that mirrors technology requests into the catalog. */
      techRequests?: {
        /**
         * How often the full sync runs: it reads every request from the tech-requests backend
         * and replaces the catalog's TechnologyRequest entities with them, repairing any drift.
         * Changes reach the catalog sooner through events. Default: every 10 minutes, with a
         * 3 minute timeout, starting 10 seconds after start-up.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
