import { createBackend } from '@backstage/backend-defaults';

// A backend installed the way a platform team installs Tech Requests into theirs.
const backend = createBackend();

backend.add(import('@backstage/plugin-auth-backend'));
// Signs people in from a trusted `x-forwarded-user` header. Only the development
// configuration (app-config.yaml) enables it; production config must put a real proxy
// in front or use another provider.
backend.add(
  import('@backstage/plugin-auth-backend-module-oauth2-proxy-provider'),
);
backend.add(import('@backstage/plugin-catalog-backend'));
// The permission framework, with the example organisation's policy: who may see and do
// what with requests is decided by group (see ./modules/permissionPolicy.ts).
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./modules/permissionPolicy'));

// Reviewers hear of new requests, requesters of reviews, comments and decisions.
backend.add(import('@backstage/plugin-notifications-backend'));

backend.add(import('@tech-requests/plugin-tech-requests-backend'));
// Requests as TechnologyRequest entities in the catalog, related to what they concern.
backend.add(
  import('@tech-requests/plugin-catalog-backend-module-tech-requests'),
);

backend.start();
