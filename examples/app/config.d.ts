export interface Config {
  app?: {
    /**
     * How people sign in to the example app: `example-people` (the development picker, over
     * the backend's header sign-in) or `microsoft` (a company account, as
     * app-config.production.yaml sets it). Defaults to `example-people`.
     * @visibility frontend
     */
    signIn?: 'example-people' | 'microsoft';
  };
}
