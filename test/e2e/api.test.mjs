// The README's walkthrough against the running example backend: sign in as example people,
// file, edit, submit, review and approve a request, read its history, see bad input refused,
// and find everything again after a restart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  API,
  BASE_URL,
  call,
  makeDataDir,
  startPortal,
  tokenFor,
} from './portal.mjs';

describe('the example backend', { timeout: 600_000 }, () => {
  const dataDir = makeDataDir();
  let portal;
  const tokens = {};
  let requestId;

  const people = [
    'jane.doe',
    'priya.shah',
    'lena.fischer',
    'tom.baker',
    'sam.okafor',
    'elena.rossi',
  ];

  before(async () => {
    portal = await startPortal(dataDir, people);
    for (const name of people) {
      tokens[name] = await tokenFor(name);
    }
  });

  after(async () => {
    await portal?.stop();
  });

  it('answers its health check without credentials', async () => {
    const res = await fetch(`${API}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('refuses callers without a token', async () => {
    const res = await fetch(`${API}/requests`);
    assert.equal(res.status, 401);
  });

  it('signs in only the user entity the header names exactly, and answers 401 otherwise', async () => {
    for (const name of ['nobody.here', 'LENA.FISCHER', 'lena fischer', '']) {
      const res = await fetch(`${BASE_URL}/api/auth/oauth2Proxy/refresh`, {
        headers: { 'x-forwarded-user': name },
      });
      assert.equal(
        res.status,
        401,
        `x-forwarded-user: ${JSON.stringify(name)}`,
      );
      const body = await res.json();
      assert.equal(body.error.name, 'AuthenticationError');
    }
  });

  it('takes a request from draft to approved, acting as each person', async () => {
    const jane = tokens['jane.doe'];
    const created = await call(jane, 'POST', '/requests', {
      title: 'Online contract signing',
      need: 'Clients should sign engagement letters online.',
      capabilities: ['e-signature'],
      dataClassification: 'confidential',
      handlesPersonalData: true,
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.requester, 'user:default/jane.doe');
    assert.equal(
      created.body.requestingGroup,
      'group:default/legal',
      'group from the catalog',
    );
    requestId = created.body.id;

    const listed = await call(
      jane,
      'GET',
      '/requests?status=draft&sort=updated&limit=10',
    );
    assert.equal(listed.status, 200);
    assert.ok(listed.body.items.some(item => item.id === requestId));

    const edited = await call(jane, 'PATCH', `/requests/${requestId}`, {
      version: 1,
      expectedUsers: 40,
      wantedBy: '2027-06-30',
    });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.version, 2);

    const stale = await call(jane, 'PATCH', `/requests/${requestId}`, {
      version: 1,
      title: 'x',
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.currentVersion, 2);

    const transition = async (person, body) => {
      const res = await call(
        tokens[person],
        'POST',
        `/requests/${requestId}/transitions`,
        body,
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.status;
    };
    assert.equal(
      await transition('jane.doe', { action: 'submit' }),
      'submitted',
    );
    assert.equal(
      await transition('priya.shah', { action: 'start-review' }),
      'in-review',
    );
    const priya = tokens['priya.shah'];
    const review = await call(priya, 'POST', `/requests/${requestId}/reviews`, {
      area: 'architecture',
      verdict: 'approve',
      comment: 'Fits: reuse the e-signature gateway.',
    });
    assert.equal(review.status, 201);
    const current = await call(priya, 'GET', `/requests/${requestId}`);
    const confirmed = await call(
      priya,
      'POST',
      `/requests/${requestId}/reuse-candidates`,
      {
        version: current.body.version,
        entityRef: 'component:default/esign-gateway',
        state: 'confirmed',
      },
    );
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));

    // Confidential personal data with unknown hosting: the risk makes reviews mandatory.
    const { assessment } = confirmed.body;
    assert.equal(assessment.risk.tier, 'critical');
    assert.deepEqual(assessment.missingReviews, ['security', 'privacy']);
    assert.ok(assessment.fit.score >= 0 && assessment.fit.score <= 100);
    assert.ok(assessment.cost.paths.some(path => path.path === 'reuse'));
    const early = await call(
      tokens['lena.fischer'],
      'POST',
      `/requests/${requestId}/transitions`,
      {
        action: 'approve',
        rationale: 'Sales already runs it.',
        decision: { path: 'build' },
      },
    );
    assert.equal(early.status, 409);
    assert.match(
      early.body.error.message,
      /mandatory reviews missing: security, privacy/,
    );
    // Review routing: privacy reviews come from the privacy office, not from security.
    const misrouted = await call(
      tokens['sam.okafor'],
      'POST',
      `/requests/${requestId}/reviews`,
      { area: 'privacy', verdict: 'approve', comment: 'Looks fine.' },
    );
    assert.equal(misrouted.status, 403);
    assert.equal(
      misrouted.body.error.message,
      'Not allowed: privacy reviews are given by group:default/privacy-office',
    );
    for (const [person, area] of [
      ['sam.okafor', 'security'],
      ['elena.rossi', 'privacy'],
    ]) {
      const added = await call(
        tokens[person],
        'POST',
        `/requests/${requestId}/reviews`,
        { area, verdict: 'approve', comment: `${area}: fine for this use.` },
      );
      assert.equal(added.status, 201);
    }
    assert.equal(
      await transition('lena.fischer', {
        action: 'approve',
        rationale: 'Sales already runs it.',
        decision: {
          path: 'reuse',
          targetEntityRef: 'component:default/esign-gateway',
        },
      }),
      'approved',
    );

    const history = await call(jane, 'GET', `/requests/${requestId}/history`);
    assert.deepEqual(
      history.body.items.map(entry => [entry.action, entry.actor]),
      [
        ['create', 'user:default/jane.doe'],
        ['edit', 'user:default/jane.doe'],
        ['submit', 'user:default/jane.doe'],
        ['start-review', 'user:default/priya.shah'],
        ['review', 'user:default/priya.shah'],
        ['assess-reuse', 'user:default/priya.shah'],
        ['denied', 'user:default/sam.okafor'],
        ['review', 'user:default/sam.okafor'],
        ['review', 'user:default/elena.rossi'],
        ['approve', 'user:default/lena.fischer'],
      ],
    );
  });

  it('refuses what the rules do not allow, saying why', async () => {
    const jane = tokens['jane.doe'];
    const cases = [
      [
        jane,
        'POST',
        '/requests',
        { title: 5, need: 'x', requester: 'user:default/tom.baker' },
        400,
        /Unknown field: requester.*title must be string/,
      ],
      [
        jane,
        'POST',
        '/requests',
        { title: 't', need: 'n', integrations: ['crm'] },
        400,
        /integrations\[0\] must be an entity ref/,
      ],
      [
        jane,
        'GET',
        '/requests/999999',
        undefined,
        404,
        /No request with id 999999/,
      ],
      [
        tokens['lena.fischer'],
        'POST',
        `/requests/${requestId}/transitions`,
        { action: 'reject', rationale: 'no' },
        409,
        /Allowed now: start-delivery, comment/,
      ],
      [
        tokens['tom.baker'],
        'POST',
        '/requests',
        { title: 't', need: 'n', requestingGroup: 'group:default/legal' },
        403,
        /not a member of group:default\/legal/,
      ],
    ];
    for (const [token, method, urlPath, body, status, message] of cases) {
      const res = await call(token, method, urlPath, body);
      assert.equal(
        res.status,
        status,
        `${method} ${urlPath}: ${JSON.stringify(res.body)}`,
      );
      assert.match(res.body.error.message, message);
    }
  });

  it('keeps every request across a restart', async () => {
    await portal.stop();
    portal = await startPortal(dataDir);
    const jane = await tokenFor('jane.doe');
    const read = await call(jane, 'GET', `/requests/${requestId}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.status, 'approved');
    assert.equal(
      read.body.decision.targetEntityRef,
      'component:default/esign-gateway',
    );
  });
});
