// The permission matrix of the reliability suite, as data: the roles, the endpoints and what
// the example organisation's policy answers each role on each (POLICY), read and checked
// against each other. permissions.test.mjs puts every cell to the running backend.

/**
 * What each cell of POLICY means:
 * - ok: allowed, 2xx (201 for what is created, 204 for a deletion);
 * - 403: refused, by the policy or by the workflow's rule on who may act;
 * - 404: may not see: the request answers as if it did not exist (drafts are the requesting
 *   side's); in the list, the draft is left out of a 200 answer;
 * - 401: no token.
 */
export const MEANING = {
  ok: 'allowed, 2xx',
  403: 'refused',
  404: 'may not see',
  401: 'not signed in',
};

/** The static token of app-config.reliability.yaml: a script, a service principal. */
export const SERVICE_TOKEN = 'reliability-service-token-for-the-matrix';

// The columns. The colleague acts on requests of tom.baker (marketing), a group that has
// two members; the same-group reviewer on requests of sam.okafor, a colleague of the
// security office; everyone else on requests of jane.doe (legal).
export const ROLES = {
  requester: { person: 'jane.doe', filer: 'jane.doe' },
  colleague: { person: 'ben.carter', filer: 'tom.baker' },
  'other-user': { person: 'li.wei', filer: 'jane.doe' },
  architecture: { person: 'priya.shah', filer: 'jane.doe' },
  security: { person: 'sam.okafor', filer: 'jane.doe' },
  privacy: { person: 'elena.rossi', filer: 'jane.doe' },
  'it-finance': { person: 'george.adams', filer: 'jane.doe' },
  decider: { person: 'lena.fischer', filer: 'jane.doe' },
  'same-group': { person: 'hannah.berg', filer: 'sam.okafor' },
  service: { token: SERVICE_TOKEN, filer: 'jane.doe' },
  'no-token': { person: undefined, filer: 'jane.doe' },
};

/*
 * The policy, role by role (columns) and endpoint by endpoint (rows), with the status the
 * request is in (in parentheses):
 *
 * requester    jane.doe, legal: files and reads; changes and withdraws her own requests.
 * colleague    ben.carter, marketing, on tom.baker's requests: the requesting group sees its
 *              drafts and changes its requests, but only the requester withdraws.
 * other-user   li.wei, finance: files requests, reads and comments on submitted ones.
 * architecture priya.shah, architecture-board: a reviewer group.
 * security     sam.okafor, security-office: a reviewer group.
 * privacy      elena.rossi, privacy-office: reviews privacy only (not a reviewer group, so no
 *              triage, reuse or cost assessment, or delivery).
 * it-finance   george.adams, it-finance: reviews finance only, likewise.
 * decider      lena.fischer, portfolio-board: the decider group, which reviews too.
 * same-group   hannah.berg, security-office, on sam.okafor's requests (security-office too):
 *              the requesting side of them, and so no independent reviewer of them
 *              (techRequests.workflow.separateRequestingGroup is true by default).
 * service      a static token (backend.auth.externalAccess): reads, never writes, and never
 *              sees drafts (techRequests.serviceAccess.readDrafts is false by default).
 * no-token     nobody signed in.
 *
 * Reviews go by area (reviewAreas): architecture to architecture-board, security to
 * security-office, privacy to privacy-office, finance to it-finance, portfolio to
 * portfolio-board; anybody else giving one is refused.
 */
export const POLICY = `
| endpoint (status of the request)                          | requester | colleague | other-user | architecture | security | privacy | it-finance | decider | same-group | service | no-token |
| --------------------------------------------------------- | --------- | --------- | ---------- | ------------ | -------- | ------- | ---------- | ------- | ---------- | ------- | -------- |
| GET /health                                               | ok        | ok        | ok         | ok           | ok       | ok      | ok         | ok      | ok         | ok      | ok       |
| POST /requests                                            | ok        | ok        | ok         | ok           | ok       | ok      | ok         | ok      | ok         | 403     | 401      |
| POST /reuse/suggestions                                   | ok        | ok        | ok         | ok           | ok       | ok      | ok         | ok      | ok         | ok      | 401      |
| GET /review-routing                                       | ok        | ok        | ok         | ok           | ok       | ok      | ok         | ok      | ok         | ok      | 401      |
| GET /offerings                                            | ok        | ok        | ok         | ok           | ok       | ok      | ok         | ok      | ok         | ok      | 401      |
| GET /portfolio                                            | 403       | 403       | 403        | ok           | ok       | ok      | ok         | ok      | ok         | ok      | 401      |
| GET /requests, listing a draft                            | ok        | ok        | 404        | 404          | 404      | 404     | 404        | 404     | ok         | 404     | 401      |
| GET /requests/{id} (draft)                                | ok        | ok        | 404        | 404          | 404      | 404     | 404        | 404     | ok         | 404     | 401      |
| GET /requests/{id}/history (draft)                        | ok        | ok        | 404        | 404          | 404      | 404     | 404        | 404     | ok         | 404     | 401      |
| GET /requests/{id}/reviews (draft)                        | ok        | ok        | 404        | 404          | 404      | 404     | 404        | 404     | ok         | 404     | 401      |
| GET /requests/{id}/comments (draft)                       | ok        | ok        | 404        | 404          | 404      | 404     | 404        | 404     | ok         | 404     | 401      |
| POST /requests/{id}/comments (draft)                      | ok        | ok        | 404        | 404          | 404      | 404     | 404        | 404     | ok         | 403     | 401      |
| PATCH /requests/{id} (draft)                              | ok        | ok        | 404        | 404          | 404      | 404     | 404        | 404     | ok         | 403     | 401      |
| DELETE /requests/{id} (draft)                             | ok        | ok        | 404        | 404          | 404      | 404     | 404        | 404     | ok         | 403     | 401      |
| POST /requests/{id}/transitions submit (draft)            | ok        | ok        | 404        | 404          | 404      | 404     | 404        | 404     | ok         | 403     | 401      |
| GET /requests/{id} (submitted)                            | ok        | ok        | ok         | ok           | ok       | ok      | ok         | ok      | ok         | ok      | 401      |
| GET /gate?requestId={id} (submitted)                      | ok        | ok        | ok         | ok           | ok       | ok      | ok         | ok      | ok         | ok      | 401      |
| GET /requests/{id}/history (submitted)                    | ok        | ok        | ok         | ok           | ok       | ok      | ok         | ok      | ok         | ok      | 401      |
| GET /requests/{id}/reviews (submitted)                    | ok        | ok        | ok         | ok           | ok       | ok      | ok         | ok      | ok         | ok      | 401      |
| GET /requests/{id}/comments (submitted)                   | ok        | ok        | ok         | ok           | ok       | ok      | ok         | ok      | ok         | ok      | 401      |
| POST /requests/{id}/comments (submitted)                  | ok        | ok        | ok         | ok           | ok       | ok      | ok         | ok      | ok         | 403     | 401      |
| PATCH /requests/{id} (submitted)                          | ok        | ok        | 403        | 403          | 403      | 403     | 403        | 403     | ok         | 403     | 401      |
| POST /requests/{id}/transitions withdraw (submitted)      | ok        | 403       | 403        | 403          | 403      | 403     | 403        | 403     | 403        | 403     | 401      |
| POST /requests/{id}/transitions submit (deferred)         | ok        | ok        | 403        | 403          | 403      | 403     | 403        | 403     | ok         | 403     | 401      |
| POST /requests/{id}/transitions start-review (submitted)  | 403       | 403       | 403        | ok           | ok       | 403     | 403        | ok      | 403        | 403     | 401      |
| POST /requests/{id}/reuse-candidates (in-review)          | 403       | 403       | 403        | ok           | ok       | 403     | 403        | ok      | 403        | 403     | 401      |
| PUT /requests/{id}/cost-inputs (in-review)                | 403       | 403       | 403        | ok           | ok       | 403     | 403        | ok      | 403        | 403     | 401      |
| PUT /requests/{id}/security-answers (in-review)           | 403       | 403       | 403        | ok           | ok       | 403     | 403        | ok      | 403        | 403     | 401      |
| POST /requests/{id}/reviews architecture (in-review)      | 403       | 403       | 403        | ok           | 403      | 403     | 403        | 403     | 403        | 403     | 401      |
| POST /requests/{id}/reviews security (in-review)          | 403       | 403       | 403        | 403          | ok       | 403     | 403        | 403     | 403        | 403     | 401      |
| POST /requests/{id}/reviews privacy (in-review)           | 403       | 403       | 403        | 403          | 403      | ok      | 403        | 403     | 403        | 403     | 401      |
| POST /requests/{id}/reviews finance (in-review)           | 403       | 403       | 403        | 403          | 403      | 403     | ok         | 403     | 403        | 403     | 401      |
| POST /requests/{id}/reviews portfolio (in-review)         | 403       | 403       | 403        | 403          | 403      | 403     | 403        | ok      | 403        | 403     | 401      |
| POST /requests/{id}/transitions approve (in-review)       | 403       | 403       | 403        | 403          | 403      | 403     | 403        | ok      | 403        | 403     | 401      |
| POST /requests/{id}/transitions reject (in-review)        | 403       | 403       | 403        | 403          | 403      | 403     | 403        | ok      | 403        | 403     | 401      |
| POST /requests/{id}/transitions defer (in-review)         | 403       | 403       | 403        | 403          | 403      | 403     | 403        | ok      | 403        | 403     | 401      |
| POST /requests/{id}/transitions start-delivery (approved) | 403       | 403       | 403        | ok           | ok       | 403     | 403        | ok      | 403        | 403     | 401      |
| POST /requests/{id}/transitions complete (in-delivery)    | 403       | 403       | 403        | ok           | ok       | 403     | 403        | ok      | 403        | 403     | 401      |
`;

/** A catalog entity a reviewer can add as a reuse candidate. */
export const CATALOG_ENTITY = 'component:default/esign-gateway';

export const transition =
  (action, extra = {}) =>
  ({ id }) => ({
    method: 'POST',
    path: `/requests/${id}/transitions`,
    body: { action, ...extra },
  });
export const read =
  part =>
  ({ id }) => ({
    method: 'GET',
    path: `/requests/${id}${part}`,
  });
export const review =
  area =>
  ({ id }) => ({
    method: 'POST',
    path: `/requests/${id}/reviews`,
    body: { area, verdict: 'approve', comment: `The ${area} review.` },
  });
export const comment = ({ id, role }) => ({
  method: 'POST',
  path: `/requests/${id}/comments`,
  body: { body: `A comment by the ${role}.` },
});
export const edit = ({ id, version, role }) => ({
  method: 'PATCH',
  path: `/requests/${id}`,
  body: { version, title: `Matrix: edited by the ${role}` },
});

/**
 * How each row is asked. `on`: the status of the request it acts on, the filer's (see
 * ROLES); `fresh`: the action changes the status, so every cell gets a request of its own,
 * otherwise the cells share one per filer; `versioned`: the body carries the version, read
 * just before; `listed`: the answer is a list, in which the request is looked for.
 */
export const ENDPOINTS = {
  'GET /health': { call: () => ({ method: 'GET', path: '/health' }) },
  'POST /requests': {
    call: ({ role }) => ({
      method: 'POST',
      path: '/requests',
      body: { title: `Matrix: filed by the ${role}`, need: 'Anything.' },
    }),
  },
  'POST /reuse/suggestions': {
    call: () => ({
      method: 'POST',
      path: '/reuse/suggestions',
      body: { text: 'Sign contracts online' },
    }),
  },
  'GET /review-routing': {
    call: () => ({ method: 'GET', path: '/review-routing' }),
  },
  'GET /offerings': {
    call: () => ({ method: 'GET', path: '/offerings?q=sign' }),
  },
  // Aggregates of every department: for those who review or decide (and the groups of
  // techRequests.workflow.portfolioReaderGroups), not for the business.
  'GET /portfolio': {
    call: () => ({ method: 'GET', path: '/portfolio' }),
  },
  'GET /requests, listing a draft': {
    on: 'draft',
    listed: true,
    call: () => ({ method: 'GET', path: '/requests?status=draft&limit=100' }),
  },
  'GET /requests/{id} (draft)': { on: 'draft', call: read('') },
  'GET /requests/{id}/history (draft)': { on: 'draft', call: read('/history') },
  'GET /requests/{id}/reviews (draft)': { on: 'draft', call: read('/reviews') },
  'GET /requests/{id}/comments (draft)': {
    on: 'draft',
    call: read('/comments'),
  },
  'POST /requests/{id}/comments (draft)': { on: 'draft', call: comment },
  'PATCH /requests/{id} (draft)': { on: 'draft', versioned: true, call: edit },
  'DELETE /requests/{id} (draft)': {
    on: 'draft',
    fresh: true,
    call: ({ id }) => ({ method: 'DELETE', path: `/requests/${id}` }),
  },
  'POST /requests/{id}/transitions submit (draft)': {
    on: 'draft',
    fresh: true,
    call: transition('submit'),
  },
  'GET /requests/{id} (submitted)': { on: 'submitted', call: read('') },
  // Answers whatever the verdict (here: refused, the request is not approved yet).
  'GET /gate?requestId={id} (submitted)': {
    on: 'submitted',
    call: ({ id }) => ({ method: 'GET', path: `/gate?requestId=${id}` }),
  },
  'GET /requests/{id}/history (submitted)': {
    on: 'submitted',
    call: read('/history'),
  },
  'GET /requests/{id}/reviews (submitted)': {
    on: 'submitted',
    call: read('/reviews'),
  },
  'GET /requests/{id}/comments (submitted)': {
    on: 'submitted',
    call: read('/comments'),
  },
  'POST /requests/{id}/comments (submitted)': {
    on: 'submitted',
    call: comment,
  },
  'PATCH /requests/{id} (submitted)': {
    on: 'submitted',
    versioned: true,
    call: edit,
  },
  'POST /requests/{id}/transitions withdraw (submitted)': {
    on: 'submitted',
    fresh: true,
    call: transition('withdraw'),
  },
  'POST /requests/{id}/transitions submit (deferred)': {
    on: 'deferred',
    fresh: true,
    call: transition('submit'),
  },
  'POST /requests/{id}/transitions start-review (submitted)': {
    on: 'submitted',
    fresh: true,
    call: transition('start-review'),
  },
  'POST /requests/{id}/reuse-candidates (in-review)': {
    on: 'in-review',
    versioned: true,
    call: ({ id, version }) => ({
      method: 'POST',
      path: `/requests/${id}/reuse-candidates`,
      body: { version, entityRef: CATALOG_ENTITY, state: 'confirmed' },
    }),
  },
  'PUT /requests/{id}/cost-inputs (in-review)': {
    on: 'in-review',
    versioned: true,
    call: ({ id, version }) => ({
      method: 'PUT',
      path: `/requests/${id}/cost-inputs`,
      body: { version, inputs: { users: version } },
    }),
  },
  'PUT /requests/{id}/security-answers (in-review)': {
    on: 'in-review',
    versioned: true,
    call: ({ id, version }) => ({
      method: 'PUT',
      path: `/requests/${id}/security-answers`,
      // A different answer each time, so every allowed call writes.
      body: {
        version,
        answers: { hosting: version % 2 ? 'on-premises' : 'company-cloud' },
      },
    }),
  },
  'POST /requests/{id}/reviews architecture (in-review)': {
    on: 'in-review',
    call: review('architecture'),
  },
  'POST /requests/{id}/reviews security (in-review)': {
    on: 'in-review',
    call: review('security'),
  },
  'POST /requests/{id}/reviews privacy (in-review)': {
    on: 'in-review',
    call: review('privacy'),
  },
  'POST /requests/{id}/reviews finance (in-review)': {
    on: 'in-review',
    call: review('finance'),
  },
  'POST /requests/{id}/reviews portfolio (in-review)': {
    on: 'in-review',
    call: review('portfolio'),
  },
  'POST /requests/{id}/transitions approve (in-review)': {
    on: 'in-review',
    fresh: true,
    call: transition('approve', {
      rationale: 'Fits.',
      decision: { path: 'build' },
    }),
  },
  'POST /requests/{id}/transitions reject (in-review)': {
    on: 'in-review',
    fresh: true,
    call: transition('reject', { rationale: 'Does not fit.' }),
  },
  'POST /requests/{id}/transitions defer (in-review)': {
    on: 'in-review',
    fresh: true,
    call: transition('defer', { rationale: 'Not now.' }),
  },
  'POST /requests/{id}/transitions start-delivery (approved)': {
    on: 'approved',
    fresh: true,
    call: transition('start-delivery'),
  },
  'POST /requests/{id}/transitions complete (in-delivery)': {
    on: 'in-delivery',
    fresh: true,
    call: transition('complete'),
  },
};

/** POLICY as role → endpoint → expected outcome, checked against ROLES and ENDPOINTS. */
export function readPolicy(text) {
  const [header, , ...rows] = text
    .trim()
    .split('\n')
    .map(line =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map(cell => cell.trim()),
    );
  const roles = header.slice(1);
  const endpoints = rows.map(([endpoint]) => endpoint);
  const sameSet = (a, b) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join();
  if (!sameSet(roles, Object.keys(ROLES))) {
    throw new Error(`POLICY's columns are not the roles: ${roles}`);
  }
  if (!sameSet(endpoints, Object.keys(ENDPOINTS))) {
    throw new Error(`POLICY's rows are not the endpoints: ${endpoints}`);
  }
  const expected = Object.fromEntries(roles.map(role => [role, {}]));
  for (const [endpoint, ...cells] of rows) {
    if (cells.length !== roles.length) {
      throw new Error(`POLICY's row ${endpoint} has ${cells.length} cells`);
    }
    for (const [i, cell] of cells.entries()) {
      if (!(cell in MEANING)) {
        throw new Error(`POLICY's row ${endpoint} holds '${cell}'`);
      }
      expected[roles[i]][endpoint] = cell;
    }
  }
  return { roles, endpoints, expected };
}

export const policy = readPolicy(POLICY);

/** Who brings a filed request to each status, and how. */
export const STEPS = {
  draft: [],
  submitted: [],
  'in-review': [['priya.shah', { action: 'start-review' }]],
};
STEPS.deferred = [
  ...STEPS['in-review'],
  ['lena.fischer', { action: 'defer', rationale: 'Later.' }],
];
STEPS.approved = [
  ...STEPS['in-review'],
  [
    'lena.fischer',
    { action: 'approve', rationale: 'Fits.', decision: { path: 'build' } },
  ],
];
STEPS['in-delivery'] = [
  ...STEPS.approved,
  ['priya.shah', { action: 'start-delivery' }],
];
