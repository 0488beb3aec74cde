// Requests in the software catalog, seen through the running example backend: the example
// requests loaded on first start, a new request appearing as an entity within seconds with
// relations on both ends, and the catalog rebuilt by the full sync after its database is lost.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  call,
  makeDataDir,
  startPortal,
  tokenFor,
  waitFor,
} from './portal.mjs';

/** How many example requests the backend loads on first start (examples/seed). */
const EXAMPLE_REQUESTS = parse(
  fs.readFileSync(
    path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../examples/seed/requests.yaml',
    ),
    'utf8',
  ),
).length;

const entityPath = ref => {
  const [kind, rest] = ref.split(':');
  return `/api/catalog/entities/by-name/${kind}/${rest}`;
};

describe('the example portal and its catalog', { timeout: 600_000 }, () => {
  const dataDir = makeDataDir();
  let portal;
  let jane;

  const requestEntities = async () => {
    const res = await call(
      jane,
      'GET',
      '/api/catalog/entities?filter=kind=TechnologyRequest&fields=metadata.name,spec.status',
    );
    return res.body;
  };

  before(async () => {
    portal = await startPortal(dataDir);
    jane = await tokenFor('jane.doe');
  });

  after(async () => {
    await portal?.stop();
  });

  it('loads the example requests on first start, and mirrors all but drafts', async () => {
    // Maria filed the example draft: the permission policy shows drafts to their side only.
    const maria = await tokenFor('maria.garcia');
    await waitFor(
      async () =>
        (await call(maria, 'GET', '/requests')).body.totalCount >=
        EXAMPLE_REQUESTS,
      {
        timeoutMs: 60_000,
        what: 'the example requests',
      },
    );
    const { body } = await call(maria, 'GET', '/requests?limit=100');
    const statuses = new Set(body.items.map(item => item.status));
    for (const status of [
      'draft',
      'submitted',
      'in-review',
      'approved',
      'rejected',
      'deferred',
    ]) {
      assert.ok(statuses.has(status), `an example request is ${status}`);
    }
    const inCatalog = body.items.filter(item => item.status !== 'draft').length;
    await waitFor(async () => (await requestEntities()).length === inCatalog, {
      timeoutMs: 30_000,
      what: `${inCatalog} TechnologyRequest entities`,
    });
  });

  it('shows a submitted request in the catalog within 5 seconds, and confirmed candidates as relations within 5 more', async () => {
    const created = await call(jane, 'POST', '/requests', {
      title: 'Clause library for contract drafting',
      need: 'Lawyers want to reuse approved clauses when drafting contracts.',
      integrations: ['system:default/legal-document-management'],
      namedReuseCandidates: [
        'component:default/esign-gateway',
        'component:default/no-such-thing',
      ],
      submit: true,
    });
    assert.equal(created.status, 201);
    const ref = `technologyrequest:default/${created.body.entityName}`;
    const submittedAt = Date.now();
    await waitFor(
      async () => (await call(jane, 'GET', entityPath(ref))).status === 200,
      {
        timeoutMs: 5_000,
        what: `${ref} in the catalog`,
      },
    );
    assert.ok(Date.now() - submittedAt <= 5_000);

    const relationsOf = async () =>
      (await call(jane, 'GET', entityPath(ref))).body.relations
        .map(r => `${r.type} ${r.targetRef}`)
        .sort();
    // The entity carries the request's risk tier, from its assessment.
    const mirrored = (await call(jane, 'GET', entityPath(ref))).body;
    assert.equal(mirrored.spec.riskTier, created.body.assessment.risk.tier);

    // Named candidates become relations once a reviewer confirms them.
    assert.deepEqual(await relationsOf(), [
      'integratesWith system:default/legal-document-management',
      'ownedBy group:default/legal',
    ]);
    const priya = await tokenFor('priya.shah');
    let version = created.body.version;
    for (const entityRef of [
      'component:default/esign-gateway',
      'component:default/no-such-thing',
    ]) {
      const assessed = await call(
        priya,
        'POST',
        `/requests/${created.body.id}/reuse-candidates`,
        { version, entityRef, state: 'confirmed' },
      );
      assert.equal(assessed.status, 200, JSON.stringify(assessed.body));
      version = assessed.body.version;
    }
    const confirmedAt = Date.now();
    await waitFor(async () => (await relationsOf()).length === 4, {
      timeoutMs: 5_000,
      what: 'the confirmed candidates as relations',
    });
    assert.ok(Date.now() - confirmedAt <= 5_000);
    assert.deepEqual(await relationsOf(), [
      'hasReuseCandidate component:default/esign-gateway',
      'hasReuseCandidate component:default/no-such-thing',
      'integratesWith system:default/legal-document-management',
      'ownedBy group:default/legal',
    ]);
    const reverse = [
      ['group:default/legal', 'ownerOf'],
      ['component:default/esign-gateway', 'reuseCandidateOf'],
      ['system:default/legal-document-management', 'integrationOf'],
    ];
    for (const [other, type] of reverse) {
      await waitFor(
        async () =>
          (await call(jane, 'GET', entityPath(other))).body.relations.some(
            r => r.type === type && r.targetRef === ref,
          ),
        { timeoutMs: 10_000, what: `${type} ${ref} on ${other}` },
      );
    }
  });

  it('rebuilds every request entity after the catalog database is lost', async () => {
    const before = (await requestEntities()).map(e => e.metadata.name).sort();
    assert.ok(before.length > 0);
    await portal.stop();
    fs.rmSync(path.join(dataDir, 'catalog.sqlite'));
    portal = await startPortal(dataDir);
    jane = await tokenFor('jane.doe');
    await waitFor(
      async () => (await requestEntities()).length === before.length,
      {
        timeoutMs: 60_000,
        what: 'the full sync to rebuild the request entities',
      },
    );
    assert.deepEqual(
      (await requestEntities()).map(e => e.metadata.name).sort(),
      before,
    );
  });
});
