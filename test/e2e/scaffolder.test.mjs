// The example software template against the running example backend, as a developer runs it
// from the portal's Create page: the gate step, the skeleton, the link step, and what the
// request records.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import {
  approveToBuild,
  call,
  fileSubmitted,
  makeDataDir,
  startPortal,
  tokenFor,
  waitFor,
} from './portal.mjs';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const TEMPLATE_DIR = path.join(
  root,
  'examples/catalog/templates/tech-requests-service',
);
const TEMPLATE_REF = 'template:default/tech-requests-service';

/** Runs the example template as a person; answers the finished task and its log. */
async function scaffold(token, values) {
  const created = await call(token, 'POST', '/api/scaffolder/v2/tasks', {
    templateRef: TEMPLATE_REF,
    values,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  let task;
  await waitFor(
    async () => {
      const { body } = await call(
        token,
        'GET',
        `/api/scaffolder/v2/tasks/${created.body.id}`,
      );
      task = body;
      return ['completed', 'failed'].includes(body.status);
    },
    { timeoutMs: 60_000, what: `scaffolder task ${created.body.id}` },
  );
  const events = await call(
    token,
    'GET',
    `/api/scaffolder/v2/tasks/${created.body.id}/events`,
  );
  return {
    id: created.body.id,
    status: task.status,
    log: events.body.map(event => event.body.message ?? '').join('\n'),
    output: events.body.find(event => event.type === 'completion')?.body.output,
  };
}

/** The example template's skeleton, as the dry-run endpoint takes it. */
function skeletonContents() {
  const files = [];
  const walk = dir => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else if (entry.name !== 'template.yaml') {
        files.push({
          path: path.relative(TEMPLATE_DIR, file),
          base64Content: fs.readFileSync(file).toString('base64'),
        });
      }
    }
  };
  walk(TEMPLATE_DIR);
  return files;
}

describe(
  'the example template, with the delivery gate',
  { timeout: 600_000 },
  () => {
    const dataDir = makeDataDir();
    let portal;
    const tokens = {};
    const people = ['jane.doe', 'priya.shah', 'lena.fischer', 'dev.patel'];
    let approved;
    let open;
    const service = name => ({
      name,
      description: 'Patients book their own appointments',
      owner: 'group:default/operations',
    });

    before(async () => {
      portal = await startPortal(dataDir, people);
      for (const name of people) {
        tokens[name] = await tokenFor(name);
      }
      approved = await fileSubmitted(
        tokens['jane.doe'],
        'Clinic appointment booking',
      );
      open = await fileSubmitted(tokens['jane.doe'], 'Clinic queue display');
      await approveToBuild(
        { reviewer: tokens['priya.shah'], decider: tokens['lena.fischer'] },
        approved.id,
      );
      // The template comes from the example catalog, read at start-up.
      await waitFor(
        async () =>
          (
            await call(
              tokens['dev.patel'],
              'GET',
              '/api/scaffolder/v2/templates/default/template/tech-requests-service/parameter-schema',
            )
          ).status === 200,
        {
          timeoutMs: 120_000,
          what: 'the catalog to have the example template',
        },
      );
    });

    after(async () => {
      await portal?.stop();
    });

    it('writes the annotation in a dry run, recording nothing on the request', async () => {
      const template = parse(
        fs.readFileSync(path.join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
      );
      const dryRun = await call(
        tokens['dev.patel'],
        'POST',
        '/api/scaffolder/v2/dry-run',
        {
          template,
          values: { requestId: approved.id, ...service('clinic-booking') },
          secrets: {},
          directoryContents: skeletonContents(),
        },
      );
      assert.equal(dryRun.status, 200, JSON.stringify(dryRun.body));
      const catalogInfo = dryRun.body.directoryContents.find(
        file => file.path === 'catalog-info.yaml',
      );
      const entity = parse(
        Buffer.from(catalogInfo.base64Content, 'base64').toString('utf8'),
      );
      assert.equal(entity.metadata.name, 'clinic-booking');
      assert.equal(
        entity.metadata.annotations['tech-requests.io/request-id'],
        String(approved.id),
      );
      const comments = await call(
        tokens['jane.doe'],
        'GET',
        `/requests/${approved.id}/comments`,
      );
      assert.deepEqual(comments.body.items, []);
    });

    it('moves the request to in-delivery when a reviewer scaffolds, and comments when a developer does', async () => {
      const byReviewer = await scaffold(tokens['priya.shah'], {
        requestId: approved.id,
        ...service('clinic-booking'),
      });
      assert.equal(byReviewer.status, 'completed', byReviewer.log);
      assert.match(
        byReviewer.log,
        new RegExp(
          `component:default/clinic-booking names request ${approved.id}, which records that delivery started \\(in-delivery\\)`,
        ),
      );
      const moved = await call(
        tokens['jane.doe'],
        'GET',
        `/requests/${approved.id}`,
      );
      assert.equal(moved.body.status, 'in-delivery');

      const byDeveloper = await scaffold(tokens['dev.patel'], {
        requestId: approved.id,
        ...service('clinic-booking-admin'),
      });
      assert.equal(byDeveloper.status, 'completed', byDeveloper.log);
      assert.deepEqual(byDeveloper.output.links, [
        {
          title: 'The request',
          url: `http://localhost:3017/tech-requests/${approved.id}`,
        },
      ]);
      const comments = await call(
        tokens['jane.doe'],
        'GET',
        `/requests/${approved.id}/comments`,
      );
      assert.deepEqual(
        comments.body.items.map(comment => [comment.author, comment.body]),
        [
          [
            'user:default/dev.patel',
            `Delivery started: component:default/clinic-booking-admin was created from ${TEMPLATE_REF} (scaffolder task ${byDeveloper.id})`,
          ],
        ],
      );
    });

    it("fails the task with the gate's reason, recording nothing, when no approved request covers the work", async () => {
      const refused = await scaffold(tokens['dev.patel'], {
        requestId: open.id,
        ...service('clinic-queue'),
      });
      assert.equal(refused.status, 'failed');
      assert.match(
        refused.log,
        new RegExp(
          `Request ${open.id} \\("Clinic queue display"\\) is submitted: waiting for a reviewer to pick it up`,
        ),
      );
      // The skeleton and link steps never ran.
      assert.doesNotMatch(refused.log, /Beginning step Lay out the service/);
      const request = await call(
        tokens['jane.doe'],
        'GET',
        `/requests/${open.id}`,
      );
      assert.equal(request.body.status, 'submitted');
      const comments = await call(
        tokens['jane.doe'],
        'GET',
        `/requests/${open.id}/comments`,
      );
      assert.deepEqual(comments.body.items, []);

      const unknown = await scaffold(tokens['dev.patel'], {
        requestId: 987654,
        ...service('clinic-nothing'),
      });
      assert.equal(unknown.status, 'failed');
      assert.match(
        unknown.log,
        /There is no request 987654 that you may read: file one at http:\/\/localhost:3017\/tech-requests\/new/,
      );
    });

    it('refuses a request id that is not one before any step runs, naming the field', async () => {
      const created = await call(
        tokens['dev.patel'],
        'POST',
        '/api/scaffolder/v2/tasks',
        {
          templateRef: TEMPLATE_REF,
          values: { requestId: 'twelve', ...service('clinic-bad') },
        },
      );
      assert.equal(created.status, 400);
      assert.match(JSON.stringify(created.body), /requestId/);
    });
  },
);
