// The hostile requests of hostile.test.mjs: malformed JSON, oversized bodies, wrong types for
// every field, unknown fields, SQL-injection-shaped strings, odd paths and query strings,
// script payloads, unicode oddities and deep nesting, against every route that takes input.
//
// Each case has a `kind`:
// - `invalid`: the API must refuse it with 4xx (never 2xx, never 5xx);
// - `odd-create`: valid by the schema, only odd (SQL text in a title, an RTL override): it may
//   create a request (counted separately, and read back) or be refused, never 5xx;
// - `odd-read`: a valid but odd query; it must answer 200, and `check` says whether the
//   answer is right (a `%` in `q` is a literal percent sign, not a wildcard); they run last,
//   against the requests as they are then;
// - `lenient-read`: an id in another notation than the decimal integer the spec asks for
//   (`0x1`, `1e0`); sent to GET routes only, so that a lenient answer changes nothing.
// `known` marks a case with a backend defect known to answer 5xx on some database.

const SQL = [
  "'; DROP TABLE tech_requests; --",
  "Robert'); DROP TABLE tech_requests;--",
  "1' OR '1'='1",
  '" OR ""="',
  "%' UNION SELECT id, title FROM tech_requests --",
  "x'; SELECT pg_sleep(5); --",
  '$$; DELETE FROM tech_requests; $$',
];

const SCRIPTS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
];

/** A JSON text nested `depth` times, `open`/`close` around `inner`. */
const nested = (open, close, depth, inner = '') =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

/** Wrong values for a field of each type: never valid for it. */
const WRONG = {
  string: [42, true, [], { a: 1 }, null],
  nullableString: [42, false, ['x'], { a: 1 }],
  enum: ['', 'hacked', 42, null, ['x'], 'PUBLIC'],
  nullableInteger: ['ten', 1.5, true, [], { n: 1 }, -1, 10_000_001],
  boolean: ['true', 1, 0, null, [], {}],
  array: ['x', 5, {}, true, null],
  object: ['EUR', 5, [], true],
};

/** The request fields, with their type and extra values that break their own limits. */
const REQUEST_FIELDS = {
  title: ['string', '', 'x'.repeat(201), '😀'.repeat(201)],
  need: ['string', '', 'y'.repeat(20_001)],
  requestingGroup: ['string', 'x', `group:default/${'g'.repeat(250)}`],
  businessSponsor: ['nullableString', 's'.repeat(201)],
  expectedUsers: ['nullableInteger'],
  wantedBy: [
    'nullableString',
    '2027-06-30T00:00:00Z',
    '2027-13-45',
    'tomorrow',
  ],
  budgetRange: [
    'object',
    {},
    { currency: 'euro' },
    { currency: 'EUR', min: -1 },
    { currency: 'EUR', max: 1e13 },
    { currency: 'EUR', extra: 1 },
  ],
  capabilities: ['array', [5], [''], Array(31).fill('c'), ['c'.repeat(101)]],
  integrations: ['array', [5], ['x'], [null]],
  namedReuseCandidates: ['array', [5], ['ab'], [{}]],
  dataClassification: ['enum'],
  handlesPersonalData: ['boolean'],
  hosting: ['enum'],
  signIn: ['enum'],
  dataLocation: ['enum'],
  vendorCertifications: [
    'array',
    [5],
    [''],
    ['x'.repeat(31)],
    Array(11).fill('soc2'),
  ],
  vendorCandidates: [
    'array',
    ['Acme'],
    [{}],
    [{ name: 'A', url: 'ftp://x' }],
    [{ name: 'A', quotedCost: { amount: 1 } }],
    [
      {
        name: 'A',
        quotedCost: { amount: 1, currency: 'EUR', period: 'hourly' },
      },
    ],
    [{ name: 'A', extra: true }],
  ],
  preferredPath: ['enum'],
};

/**
 * Every hostile case, for a draft `draft` (id and version) and a submitted request
 * `submitted` that the tests created beforehand.
 */
export function hostileCases({ draft, submitted }) {
  const cases = [];
  const add = (group, name, fields) => cases.push({ group, name, ...fields });

  const routes = {
    create: {
      who: 'jane.doe',
      method: 'POST',
      path: '/requests',
      valid: { title: 'Hostile', need: 'Hostile input.' },
    },
    update: {
      who: 'jane.doe',
      method: 'PATCH',
      path: `/requests/${draft.id}`,
      valid: { version: draft.version, title: 'Changed' },
    },
    transition: {
      who: 'lena.fischer',
      method: 'POST',
      path: `/requests/${submitted.id}/transitions`,
      valid: { action: 'defer', rationale: 'Later.' },
    },
    review: {
      who: 'priya.shah',
      method: 'POST',
      path: `/requests/${submitted.id}/reviews`,
      valid: { area: 'architecture', verdict: 'approve', comment: 'Fine.' },
    },
    comment: {
      who: 'jane.doe',
      method: 'POST',
      path: `/requests/${submitted.id}/comments`,
      valid: { body: 'Hello.' },
    },
    reuseCandidate: {
      who: 'priya.shah',
      method: 'POST',
      path: `/requests/${submitted.id}/reuse-candidates`,
      valid: {
        version: submitted.version,
        entityRef: 'component:default/esign-gateway',
        state: 'confirmed',
      },
    },
    costInputs: {
      who: 'priya.shah',
      method: 'PUT',
      path: `/requests/${submitted.id}/cost-inputs`,
      valid: { version: submitted.version, inputs: { users: 5 } },
    },
    securityAnswers: {
      who: 'priya.shah',
      method: 'PUT',
      path: `/requests/${submitted.id}/security-answers`,
      valid: {
        version: submitted.version,
        answers: { hosting: 'on-premises' },
      },
    },
    suggestions: {
      who: 'jane.doe',
      method: 'POST',
      path: '/reuse/suggestions',
      valid: { text: 'calendar' },
    },
  };
  const on = (route, fields) => ({
    who: routes[route].who,
    method: routes[route].method,
    path: routes[route].path,
    kind: 'invalid',
    ...fields,
  });
  const withField = (route, field, value) => ({
    body: { ...routes[route].valid, [field]: value },
  });
  const withRaw = (route, extra) =>
    `${JSON.stringify(routes[route].valid).slice(0, -1)},${extra}}`;

  // Malformed JSON, and bodies that are not JSON objects, on every route.
  const malformed = [
    ['unclosed object', '{'],
    ['trailing comma', '{"title": "x",}'],
    ['single quotes', "{'title': 'x'}"],
    ['unquoted key', '{title: "x"}'],
    ['unclosed array', '['],
    ['extra brace', '{"title":"x"}}'],
    ['truncated literal', 'nul'],
    ['a string', '"just a string"'],
    ['a number', '123'],
    ['null', 'null'],
    ['an array', '[]'],
    ['NaN', '{"title": NaN}'],
    ['comment', '{"title": "x" /* comment */}'],
    ['empty body', ''],
  ];
  for (const route of Object.keys(routes)) {
    for (const [name, raw] of malformed) {
      add('malformed JSON', `${route}: ${name}`, on(route, { raw }));
    }
    add(
      'malformed JSON',
      `${route}: JSON sent as text/plain`,
      on(route, {
        raw: JSON.stringify(routes[route].valid),
        contentType: 'text/plain',
      }),
    );
    add(
      'malformed JSON',
      `${route}: UTF-8 declared as UTF-16`,
      on(route, {
        raw: JSON.stringify(routes[route].valid),
        contentType: 'application/json; charset=utf-16',
      }),
    );
  }

  // Oversized bodies: above 100 kB, on every route.
  for (const route of Object.keys(routes)) {
    add(
      'oversized',
      `${route}: 150 kB unknown field`,
      on(route, { raw: withRaw(route, `"padding":"${'x'.repeat(150_000)}"`) }),
    );
  }
  add(
    'oversized',
    'create: 150 kB need',
    on('create', withField('create', 'need', 'n'.repeat(150_000))),
  );
  add(
    'oversized',
    'suggestions: 150 kB text',
    on('suggestions', withField('suggestions', 'text', 't'.repeat(150_000))),
  );
  add(
    'oversized',
    'comment: 150 kB body',
    on('comment', withField('comment', 'body', 'c'.repeat(150_000))),
  );
  add(
    'oversized',
    'create: 5 MB body',
    on('create', { raw: withRaw('create', `"x":"${'x'.repeat(5_000_000)}"`) }),
  );
  add(
    'oversized',
    'create: 10 000 capabilities',
    on('create', withField('create', 'capabilities', Array(10_000).fill('c'))),
  );

  // Wrong types for every field of a new request, and values past their limits.
  for (const [field, [type, ...beyond]] of Object.entries(REQUEST_FIELDS)) {
    for (const value of [...WRONG[type], ...beyond]) {
      add(
        'wrong type',
        `create: ${field} = ${JSON.stringify(value).slice(0, 40)}`,
        on('create', withField('create', field, value)),
      );
    }
  }
  for (const value of WRONG.boolean) {
    add(
      'wrong type',
      `create: submit = ${JSON.stringify(value)}`,
      on('create', withField('create', 'submit', value)),
    );
  }
  // ... and of an edit: two wrong values a field, and a wrong version.
  for (const [field, [type]] of Object.entries(REQUEST_FIELDS)) {
    for (const value of WRONG[type].slice(0, 2)) {
      add(
        'wrong type',
        `update: ${field} = ${JSON.stringify(value)}`,
        on('update', withField('update', field, value)),
      );
    }
  }
  for (const version of ['1', 1.5, 0, -1, null, true, [1]]) {
    add(
      'wrong type',
      `update: version = ${JSON.stringify(version)}`,
      on('update', withField('update', 'version', version)),
    );
  }
  add(
    'wrong type',
    'update: no version',
    on('update', { body: { title: 'x' } }),
  );
  add(
    'wrong type',
    'update: version only',
    on('update', { body: { version: draft.version } }),
  );
  const others = {
    transition: {
      action: [5, 'approve-all', null, ['defer'], ''],
      rationale: [5, {}, ['x'], 'r'.repeat(5001)],
      version: ['2', 0, 1.5],
      decision: ['build', { path: 'steal' }, { path: 'build', extra: 1 }, []],
    },
    review: {
      area: [5, 'hacking', null, ''],
      verdict: [true, 'yes', null],
      comment: [5, '', null, 'c'.repeat(10_001)],
    },
    comment: { body: [5, null, '', [], {}, 'b'.repeat(10_001)] },
    reuseCandidate: {
      version: ['x', 0, null],
      entityRef: [5, 'x', 'e'.repeat(256), null],
      state: ['accepted', true, null],
      note: [5, 'n'.repeat(5001)],
    },
    costInputs: {
      version: [null, '1', 0],
      inputs: ['x', [], null, 5],
    },
    securityAnswers: {
      version: [null, '1', 0],
      answers: ['x', [], null, {}, { hosting: 'cloud' }, { title: 'x' }],
      note: [5, 'n'.repeat(5001)],
    },
    suggestions: {
      text: [5, '', null, [], 't'.repeat(20_001)],
      capabilities: ['x', [5], [''], Array(31).fill('c')],
      limit: [0, 51, '5', 1.5, -1],
    },
  };
  for (const [route, fields] of Object.entries(others)) {
    for (const [field, values] of Object.entries(fields)) {
      for (const value of values) {
        add(
          'wrong type',
          `${route}: ${field} = ${JSON.stringify(value).slice(0, 40)}`,
          on(route, withField(route, field, value)),
        );
      }
    }
  }
  const costInputs = [
    { users: -1 },
    { users: 'many' },
    { users: 1.5 },
    { horizonYears: 0 },
    { horizonYears: 11 },
    { buy: 'x' },
    { buy: { licencePerUserMonth: -5 } },
    { buy: { licencePerUserMonth: '5' } },
    { build: { maintenanceShare: 2 } },
    { reuse: { unknown: 1 } },
    { build: { effortPersonWeeks: 1e13 } },
  ];
  for (const inputs of costInputs) {
    add(
      'wrong type',
      `costInputs: inputs = ${JSON.stringify(inputs)}`,
      on('costInputs', withField('costInputs', 'inputs', inputs)),
    );
  }
  add(
    'wrong type',
    'suggestions: blank text',
    on('suggestions', withField('suggestions', 'text', '   ')),
  );

  // Unknown fields: naming somebody else, setting what the server owns, prototype keys.
  for (const route of Object.keys(routes)) {
    for (const [field, value] of [
      ['requester', '"user:default/lena.fischer"'],
      ['id', '1'],
      ['status', '"approved"'],
      ['__proto__', '{"admin":true}'],
      ['constructor', '{"prototype":{"polluted":true}}'],
    ]) {
      add(
        'unknown field',
        `${route}: ${field}`,
        on(route, { raw: withRaw(route, `"${field}":${value}`) }),
      );
    }
  }

  // SQL-injection-shaped strings where the schema allows no such value...
  const sqlInvalid = [
    ['create', 'dataClassification', "public' OR '1'='1"],
    ['create', 'hosting', 'on-premises; DROP TABLE tech_requests;--'],
    ['create', 'preferredPath', "build' --"],
    ['create', 'expectedUsers', '1 OR 1=1'],
    ['create', 'handlesPersonalData', "true' OR 1=1"],
    ['create', 'requestingGroup', "group:default/legal' OR '1'='1"],
    ['update', 'version', '1 OR 1=1'],
    ['update', 'requestingGroup', "group:default/marketing' --"],
    [
      'update',
      'signIn',
      "company-account'; UPDATE tech_requests SET status='approved';--",
    ],
    [
      'transition',
      'action',
      "approve'; UPDATE tech_requests SET status='approved';--",
    ],
    ['transition', 'version', '2 OR 1=1'],
    ['review', 'area', "security' OR 1=1--"],
    ['reuseCandidate', 'state', "confirmed' --"],
    ['reuseCandidate', 'version', '2; DELETE FROM tech_requests'],
    ['costInputs', 'version', '1 OR 1=1'],
    ['securityAnswers', 'version', '1 OR 1=1'],
    ['suggestions', 'limit', '1; DROP TABLE tech_requests'],
  ];
  for (const [route, field, value] of sqlInvalid) {
    add(
      'SQL-shaped',
      `${route}: ${field} = ${value}`,
      on(route, withField(route, field, value)),
    );
  }
  // ... and where it allows any text: these may create a request.
  for (const value of SQL) {
    add('SQL-shaped', `create: title ${value}`, {
      ...on('create', { body: { title: value, need: value } }),
      kind: 'odd-create',
    });
  }
  add('SQL-shaped', 'create: SQL in lists and sponsor', {
    ...on('create', {
      body: {
        title: 'SQL in the lists',
        need: 'x',
        businessSponsor: SQL[1],
        capabilities: [SQL[0]],
        vendorCertifications: [SQL[2].slice(0, 30)],
        vendorCandidates: [{ name: SQL[3] }],
      },
    }),
    kind: 'odd-create',
  });

  // Paths: ids that are not ids, on every route that takes one.
  const idRoutes = [
    ['GET', '', undefined],
    ['PATCH', '', { version: 1, title: 'x' }],
    ['DELETE', '', undefined],
    ['GET', '/history', undefined],
    ['GET', '/reviews', undefined],
    ['GET', '/comments', undefined],
    ['POST', '/transitions', { action: 'withdraw' }],
    ['POST', '/reviews', routes.review.valid],
    ['POST', '/comments', routes.comment.valid],
    ['POST', '/reuse-candidates', routes.reuseCandidate.valid],
    ['PUT', '/cost-inputs', routes.costInputs.valid],
    ['PUT', '/security-answers', routes.securityAnswers.valid],
  ];
  const badIds = [
    '1%27%20OR%201=1',
    '-1',
    '9999999999999999999',
    'abc',
    '0',
    '1.5',
    '%00',
    '1;DROP%20TABLE%20tech_requests',
    '2147483648',
    '%2e%2e%2fhealth',
    'NaN',
    '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '%F0%9F%92%A3',
    '999999',
  ];
  for (const id of badIds) {
    for (const [method, suffix, body] of idRoutes) {
      add('path', `${method} /requests/${id}${suffix}`, {
        who: method === 'GET' || !suffix ? 'jane.doe' : 'priya.shah',
        method,
        path: `/requests/${id}${suffix}`,
        body,
        kind: 'invalid',
      });
    }
  }
  // Another notation for an existing id: read only.
  for (const id of [
    `0x${draft.id.toString(16)}`,
    `${draft.id}e0`,
    `+${draft.id}`,
    `0${draft.id}`,
    `${draft.id}.0`,
    `%20${draft.id}`,
  ]) {
    add('path', `GET /requests/${id}`, {
      who: 'jane.doe',
      method: 'GET',
      path: `/requests/${id}`,
      kind: 'lenient-read',
    });
  }

  // Query strings of the list.
  const cursorOf = value =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  const badQueries = [
    'limit=-1',
    'limit=0',
    'limit=101',
    'limit=1e9',
    'limit=abc',
    'limit=1.5',
    'limit=',
    'limit=10&limit=20',
    'offset=-1',
    'offset=1000001',
    'offset=abc',
    'sort=title;DROP',
    `sort=${encodeURIComponent('title; DROP TABLE tech_requests')}`,
    'sort=id',
    'sort=',
    'order=sideways',
    `order=${encodeURIComponent('asc --')}`,
    'status=hacked',
    `status=${encodeURIComponent("draft'--")}`,
    Array(10).fill('status=draft').join('&'),
    'cursor=garbage',
    `cursor=${encodeURIComponent("' OR 1=1--")}`,
    `cursor=${cursorOf({ v: 1 })}`,
    `cursor=${'c'.repeat(1001)}`,
    `cursor=${cursorOf({ v: 1, id: 1 })}&offset=5`,
    `q=${'q'.repeat(201)}`,
    'waitingForMe=maybe',
    'requester=x',
    `requester=${'r'.repeat(256)}`,
    'unknown=1',
    'q%5B%24ne%5D=x',
    `sort=${encodeURIComponent('<script>alert(1)</script>')}`,
  ];
  for (const query of badQueries) {
    add('query', `GET /requests?${query.slice(0, 60)}`, {
      who: 'jane.doe',
      method: 'GET',
      path: `/requests?${query}`,
      kind: 'invalid',
    });
  }
  for (const [path, query] of [
    ['/history', 'limit=0'],
    ['/comments', `x=${encodeURIComponent("' OR 1=1")}`],
  ]) {
    add('query', `GET /requests/${submitted.id}${path}?${query}`, {
      who: 'jane.doe',
      method: 'GET',
      path: `/requests/${submitted.id}${path}?${query}`,
      kind: 'invalid',
    });
  }
  // Valid but odd: found as text, never as SQL.
  const textMatches = q => (res, all) => {
    const wanted = all.filter(item =>
      `${item.title}\n${item.need}`.toLowerCase().includes(q.toLowerCase()),
    );
    const problems = [];
    if (res.body.totalCount !== wanted.length) {
      problems.push(
        `q=${q} found ${res.body.totalCount}, ${wanted.length} contain it`,
      );
    }
    for (const item of res.body.items) {
      if (
        !`${item.title}\n${item.need}`.toLowerCase().includes(q.toLowerCase())
      ) {
        problems.push(`q=${q} found ${item.id}, which does not contain it`);
      }
    }
    return problems;
  };
  const none = what => res =>
    res.body.totalCount === 0 ? [] : [`${what} found ${res.body.totalCount}`];
  for (const q of [
    '%',
    "'",
    '_',
    '!',
    "' OR '1'='1",
    "%' --",
    '<script>',
    '\\',
  ]) {
    add('query', `GET /requests?q=${q}`, {
      who: 'jane.doe',
      method: 'GET',
      path: `/requests?limit=100&q=${encodeURIComponent(q)}`,
      kind: 'odd-read',
      check: textMatches(q),
    });
  }
  add('query', 'GET /requests?requester=<SQL>', {
    who: 'jane.doe',
    method: 'GET',
    path: `/requests?requester=${encodeURIComponent("user:default/x' OR '1'='1")}`,
    kind: 'odd-read',
    check: none('requester with SQL'),
  });
  add('query', 'GET /requests?requestingGroup=<SQL>', {
    who: 'jane.doe',
    method: 'GET',
    path: `/requests?requestingGroup=${encodeURIComponent("group:default/legal' OR 1=1--")}`,
    kind: 'odd-read',
    check: none('requestingGroup with SQL'),
  });
  // The query parser drops prototype keys: the list is not filtered at all.
  add('query', 'GET /requests?__proto__[admin]=1', {
    who: 'jane.doe',
    method: 'GET',
    path: '/requests?__proto__%5Badmin%5D=1',
    kind: 'odd-read',
    check: (res, all) =>
      res.body.totalCount === all.length
        ? []
        : [`found ${res.body.totalCount} of ${all.length}`],
  });
  add('query', 'GET /requests?cursor=<SQL in a well-formed cursor>', {
    who: 'jane.doe',
    method: 'GET',
    path: `/requests?sort=title&cursor=${cursorOf({ v: "' OR 1=1 --", id: 1 })}`,
    kind: 'odd-read',
    check: () => [],
  });

  // Script payloads where they are not allowed (where they are, they are text: see the
  // browser test).
  const scriptInvalid = [
    ['create', 'dataClassification', SCRIPTS[0]],
    ['create', 'requestingGroup', `group:default/${SCRIPTS[1]}`],
    ['review', 'area', SCRIPTS[2]],
    ['transition', 'action', SCRIPTS[3]],
    ['suggestions', 'limit', SCRIPTS[0]],
    ['reuseCandidate', 'state', SCRIPTS[1]],
  ];
  for (const [route, field, value] of scriptInvalid) {
    add(
      'script',
      `${route}: ${field} = ${value}`,
      on(route, withField(route, field, value)),
    );
  }
  add(
    'script',
    'create: script as a field name',
    on('create', {
      raw: withRaw('create', `${JSON.stringify(SCRIPTS[0])}:1`),
    }),
  );
  for (const value of SCRIPTS) {
    add('script', `create: title ${value}`, {
      ...on('create', { body: { title: value, need: value } }),
      kind: 'odd-create',
    });
  }

  // Unicode oddities: where the schema allows no such value...
  const unicodeInvalid = [
    ['dataClassification', 'public\u0000'],
    ['dataClassification', 'publ\u0131c'],
    ['dataClassification', 'ＰＵＢＬＩＣ'],
    ['dataClassification', '\u202Epublic'],
    ['dataClassification', '\ud800'],
    ['hosting', 'on\u2011premises'],
    ['title', '😀'.repeat(201)],
    ['title', 'e\u0301'.repeat(101)],
    // Half of a UTF-16 pair cannot be stored as sent (it would become U+FFFD).
    ['title', 'a\ud800b'],
    ['need', '\udfff x'],
    ['businessSponsor', 'a\udc00\ud800b'],
  ];
  for (const [field, value] of unicodeInvalid) {
    add(
      'unicode',
      `create: ${field} = ${JSON.stringify(value).slice(0, 30)}`,
      on('create', withField('create', field, value)),
    );
  }
  for (const name of ['\u0000', 'title\u200B', '\ud800', 'ti\u202Etle']) {
    add(
      'unicode',
      `create: field named ${JSON.stringify(name)}`,
      on('create', { raw: withRaw('create', `${JSON.stringify(name)}:"x"`) }),
    );
  }
  // ... and where any text is allowed.
  const unicodeOdd = [
    ['NUL', 'a\u0000b', 'NUL in text'],
    ['NUL only', '\u0000'],
    ['RTL override', '\u202Eexe.gnp\u202C invoice'],
    ['zero-width', 'Zero\u200Bwidth\u200Djoiner\uFEFF'],
    ['combining marks', 'e\u0301'.repeat(60)],
    ['emoji', '😀'.repeat(150)],
    ['line separators', 'one\u2028two\u2029three'],
    ['mixed scripts', 'שלום مرحبا Hello 你好'],
    ['noncharacters', 'x\uFFFF\uFFFEy'],
  ];
  for (const [name, value] of unicodeOdd) {
    add('unicode', `create: ${name}`, {
      ...on('create', { body: { title: value, need: `${value} need` } }),
      kind: 'odd-create',
      known: value.includes('\u0000')
        ? 'a NUL (\\u0000) in text cannot be stored in PostgreSQL: the backend answers 500 instead of refusing it with 400'
        : undefined,
    });
  }
  add('unicode', 'create: raw NUL byte in the JSON text', {
    ...on('create', { raw: '{"title":"a\u0000b","need":"n"}' }),
  });

  // Deep nesting, under and over the size limit.
  const deep = [
    ['create', 'budgetRange', nested('[', ']', 20_000)],
    ['create', 'capabilities', nested('[', ']', 20_000)],
    ['create', 'unknown', nested('{"a":', '}', 10_000, '1')],
    [
      'create',
      'vendorCandidates',
      `[{"name":"a","quotedCost":{"amount":${nested('{"a":', '}', 5_000, '1')},"currency":"EUR","period":"monthly"}}]`,
    ],
    ['update', 'title', nested('[', ']', 20_000)],
    ['transition', 'decision', nested('{"path":', '}', 10_000, '"build"')],
    ['review', 'comment', nested('[', ']', 20_000)],
    ['costInputs', 'inputs', nested('{"buy":', '}', 10_000, '{}')],
    ['suggestions', 'capabilities', nested('[', ']', 20_000)],
    ['create', 'budgetRange', nested('[', ']', 45_000)],
    ['create', 'capabilities', nested('[', ']', 60_000)],
  ];
  for (const [route, field, json] of deep) {
    add(
      'deep nesting',
      `${route}: ${field} ${json.length} characters deep`,
      on(route, { raw: withRaw(route, `"${field}":${json}`) }),
    );
  }

  // Credentials that are not a person's.
  for (const [name, authorization] of [
    ['no credentials', undefined],
    ['garbage token', 'Bearer garbage'],
    ['SQL as token', "Bearer ' OR 1=1 --"],
    ['basic auth', `Basic ${Buffer.from('jane.doe:x').toString('base64')}`],
    [
      'unsigned token',
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyOmRlZmF1bHQvbGVuYS5maXNjaGVyIn0.',
    ],
  ]) {
    add('credentials', `create: ${name}`, {
      ...on('create', { body: routes.create.valid }),
      who: 'nobody',
      headers: authorization ? { Authorization: authorization } : {},
    });
  }

  return cases;
}
