import { createBackend } from '@backstage/backend-defaults';

/**
 * Which plugins this process runs. By default all of them, in one process. A split deployment
 * runs the catalog in one process (`EXAMPLE_BACKEND_FEATURES=catalog`) and everything else in
 * another (`EXAMPLE_BACKEND_FEATURES=tech-requests`); each finds the other's plugins through
 * `discovery.endpoints` in its configuration. The reliability tests use this to take the
 * catalog away from a running Tech Requests backend.
 */
const FEATURE_SETS = ['all', 'catalog', 'tech-requests'] as const;
const features = process.env.EXAMPLE_BACKEND_FEATURES || 'all';
if (!(FEATURE_SETS as readonly string[]).includes(features)) {
  throw new Error(
    `EXAMPLE_BACKEND_FEATURES must be one of ${FEATURE_SETS.join(', ')}, got '${features}'`,
  );
}
const withCatalog = features !== 'tech-requests';
// Sign-in, permissions and notifications go with Tech Requests: people already signed in
// keep working while the catalog is away (signing in anew reads the catalog).
const withTechRequests = features !== 'catalog';

// A backend installed the way a platform team installs Tech Requests into theirs.
const backend = createBackend();

if (withTechRequests) {
  backend.add(import('@backstage/plugin-auth-backend'));
  // Development sign-in from a trusted `x-forwarded-user` header, enabled by
  // app-config.development.yaml only; it refuses to start in production
  // (./modules/headerSignIn.ts).
  backend.add(import('./modules/headerSignIn'));
  // Production sign-in with Microsoft Entra ID, enabled by app-config.production.yaml.
  backend.add(
    import('@backstage/plugin-auth-backend-module-microsoft-provider'),
  );
}
if (withCatalog) {
  backend.add(import('@backstage/plugin-catalog-backend'));
}
if (withTechRequests) {
  // The event bus: with several backend instances (events.useEventBus in production), a
  // change made on one reaches the catalog and the notifications through the others.
  backend.add(import('@backstage/plugin-events-backend'));
}
if (withTechRequests) {
  // The permission framework, with the example organisation's policy: who may see and do
  // what with requests is decided by group (see ./modules/permissionPolicy.ts).
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(import('./modules/permissionPolicy'));

  // Reviewers hear of new requests, requesters of reviews, comments and decisions.
  backend.add(import('@backstage/plugin-notifications-backend'));

  backend.add(import('@tech-requests/plugin-tech-requests-backend'));
  // Reuse suggestions that match needs by meaning, not only by words: a sentence model run
  // inside the backend, nothing sent anywhere.
  backend.add(
    import('@tech-requests/plugin-tech-requests-backend-module-sentence-encoder'),
  );
}
if (withCatalog) {
  // Software templates as catalog entities.
  backend.add(
    import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
  );
  // Requests as TechnologyRequest entities in the catalog, related to what they concern.
  backend.add(
    import('@tech-requests/plugin-catalog-backend-module-tech-requests'),
  );
}
if (withTechRequests) {
  // The portal's search, with the catalog's entities and the requests people may read (the
  // in-memory engine: nothing to run beside the backend).
  backend.add(import('@backstage/plugin-search-backend'));
  backend.add(import('@backstage/plugin-search-backend-module-catalog'));
  backend.add(
    import('@tech-requests/plugin-search-backend-module-tech-requests'),
  );
}

if (withTechRequests) {
  // Software templates, with the delivery gate: the example template scaffolds a service only
  // under a request approved to build, and names the request in what it creates.
  backend.add(import('@backstage/plugin-scaffolder-backend'));
  backend.add(
    import('@tech-requests/plugin-scaffolder-backend-module-tech-requests'),
  );
}

if (withTechRequests) {
  // The actions plugins register (Tech Requests: file a request, suggest reuse, read a
  // request, what waits for me, the delivery gate) as MCP tools, for assistants; each runs
  // with the caller's own token and permissions.
  backend.add(import('@backstage/plugin-mcp-actions-backend'));
}

// A backend that failed to start (a plugin refused its configuration) exits, so that a
// supervisor sees the failure instead of a process that answers nothing.
backend.start().catch(error => {
  console.error(`Backend startup failed: ${error}`);
  process.exit(1);
});
