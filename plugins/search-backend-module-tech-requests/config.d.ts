export interface Config {
  search?: {
    collators?: {
      /** How technology requests are indexed for the portal's search. */
      techRequests?: {
        /**
         * How often the index is rebuilt from the requests.
         * @default { frequency: { minutes: 10 }, timeout: { minutes: 15 }, initialDelay: { seconds: 3 } }
         */
        schedule?: import('@backstage/backend-plugin-api').SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Where a request's page is in the app, `:id` standing for its id.
         * @default /tech-requests/:id
         */
        locationTemplate?: string;
      };
    };
  };
}
