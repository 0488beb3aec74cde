export interface Config {
  techRequests?: {
    /** How approved requests are delivered. */
    delivery?: {
      /**
       * The software template an approved build starts from, as an entity ref
       * (`template:default/new-service`): the request page links to it in the scaffolder
       * (`/create/templates/<namespace>/<name>`) with `name`, `owner`, `description` and
       * `requestId` filled in from the request.
       * @visibility frontend
       */
      buildTemplate?: string;
    };
  };
}
