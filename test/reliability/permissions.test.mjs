// Permissions: every role against every endpoint of the tech-requests API, on the running
// example backend. POLICY below states, for each endpoint and each role, what the example
// organisation's policy answers: decideTechRequestPermission of the backend (the example
// backend's permission policy delegates to it), the workflow's rules of the common package
// (a refusal of the person answers 403 too), and the review areas of app-config.yaml
// (techRequests.workflow.reviewAreas: a review in an area is given by that area's groups).
//
// Each request is put in a status where the action is possible, so that only who asks decides
// the answer: a status that does not allow the action would answer 409. All cells are checked
// before the test fails, once, listing every cell that answered otherwise.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  Client,
  exampleBackendFor,
  LOW_RISK,
  ms,
  perDatabase,
  print,
  waitFor,
} from './harness.mjs';
import {
  CATALOG_ENTITY,
  ENDPOINTS,
  MEANING,
  policy,
  ROLES,
  STEPS,
} from './permission-matrix.mjs';

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel(items, limit, work) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (queue.length) {
        await work(queue.shift());
      }
    }),
  );
}

/**
 * The outcome of an answer, as POLICY writes it; for a list (`listedId`), whether it holds
 * that request.
 */
function outcomeOf(res, listedId) {
  if (res.status < 200 || res.status >= 300) {
    return String(res.status);
  }
  if (listedId === undefined) {
    return 'ok';
  }
  return res.body.items.some(item => item.id === listedId) ? 'ok' : '404';
}

const count = (values, keys) =>
  keys.map(key => `${key} ${values.filter(v => v === key).length}`).join(', ');

perDatabase('permission matrix', { timeout: 480_000 }, database => {
  const people = [
    ...new Set([
      'tom.baker',
      ...Object.values(ROLES).flatMap(role => [
        ...(role.person ? [role.person] : []),
        role.filer,
      ]),
    ]),
  ];
  const example = exampleBackendFor(database, 'perm', people);

  it(
    'answers every role on every endpoint as the policy says',
    { timeout: 300_000 },
    async () => {
      const client = new Client(1200);
      const send = (person, method, urlPath, body) =>
        client.send(person && example.tokens[person], method, urlPath, {
          body,
        });

      // The reuse index answers 503 until it is first built, and a reviewer can only add a
      // reuse candidate the catalog holds.
      const waiting = new Client(400);
      const jane = example.tokens['jane.doe'];
      await waitFor(
        async () =>
          (
            await waiting.send(jane, 'POST', '/reuse/suggestions', {
              body: { text: 'calendar' },
            })
          ).status === 200 &&
          (
            await waiting.send(
              jane,
              'GET',
              `/api/catalog/entities/by-name/${CATALOG_ENTITY.replace(':', '/')}`,
            )
          ).status === 200,
        { timeoutMs: 90_000, what: `the reuse index and ${CATALOG_ENTITY}` },
      );

      const started = performance.now();
      let filed = 0;
      /** A low-risk request of `filer`'s, brought to `status`. */
      const fileRequest = async (filer, status, title) => {
        filed += 1;
        const created = await send(filer, 'POST', '/requests', {
          title: `Matrix: ${title}`,
          need: 'A shared calendar for the team.',
          ...LOW_RISK,
          submit: status !== 'draft',
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const id = created.body.id;
        let current = created.body;
        for (const [actor, body] of STEPS[status]) {
          const moved = await send(
            actor,
            'POST',
            `/requests/${id}/transitions`,
            body,
          );
          assert.equal(
            moved.status,
            200,
            `${body.action} on ${id}: ${JSON.stringify(moved.body)}`,
          );
          current = moved.body;
        }
        assert.equal(current.status, status, `request ${id}`);
        return id;
      };

      const statuses = [
        ...new Set(
          Object.values(ENDPOINTS).flatMap(spec =>
            spec.on && !spec.fresh ? [spec.on] : [],
          ),
        ),
      ];
      const filers = [...new Set(Object.values(ROLES).map(role => role.filer))];
      const shared = {};
      for (const filer of filers) {
        shared[filer] = {};
        for (const status of statuses) {
          shared[filer][status] = await fileRequest(
            filer,
            status,
            `${status}, shared`,
          );
        }
      }
      const fresh = new Map();
      const freshCells = policy.endpoints
        .filter(endpoint => ENDPOINTS[endpoint].fresh)
        .flatMap(endpoint => policy.roles.map(role => ({ endpoint, role })));
      await inParallel(freshCells, 6, async ({ endpoint, role }) => {
        fresh.set(
          `${endpoint} by ${role}`,
          await fileRequest(
            ROLES[role].filer,
            ENDPOINTS[endpoint].on,
            `${endpoint} by the ${role}`,
          ),
        );
      });
      const setupMs = performance.now() - started;

      const expectedOutcomes = [];
      const answeredOutcomes = [];
      const mismatches = [];
      for (const endpoint of policy.endpoints) {
        const spec = ENDPOINTS[endpoint];
        for (const role of policy.roles) {
          const { person, token, filer } = ROLES[role];
          const id =
            spec.on &&
            (spec.fresh
              ? fresh.get(`${endpoint} by ${role}`)
              : shared[filer][spec.on]);
          const version = spec.versioned
            ? (await send(filer, 'GET', `/requests/${id}`)).body.version
            : undefined;
          const { method, path, body } = spec.call({ id, version, role });
          const res = await client.send(
            token ?? (person && example.tokens[person]),
            method,
            path,
            { body },
          );
          const answered = outcomeOf(res, spec.listed ? id : undefined);
          const expected = policy.expected[role][endpoint];
          expectedOutcomes.push(expected);
          answeredOutcomes.push(answered);
          if (answered !== expected) {
            const why =
              res.body?.error?.message ??
              (spec.listed ? `${res.status}, the draft not listed` : '');
            mismatches.push(
              `${role} (${person ?? (token ? 'a static token' : 'no token')}) × ${endpoint}: expected ${expected} (${MEANING[expected]}), got ${answered}${answered === 'ok' ? ` (${res.status})` : ''}${why ? `: ${why}` : ''}`,
            );
          }
        }
      }
      const outcomes = ['ok', '403', '404', '401'];
      print(
        `${database.id}: permission matrix: ${expectedOutcomes.length} cells (${policy.roles.length} roles × ${policy.endpoints.length} endpoints) ` +
          `in ${ms(performance.now() - started)} (${ms(setupMs)} of it filing ${filed} requests); ${client.used} HTTP requests`,
        `${database.id}: expected ${count(expectedOutcomes, outcomes)}`,
        `${database.id}: answered ${count(answeredOutcomes, [
          ...new Set([...outcomes, ...answeredOutcomes]),
        ])}; ${mismatches.length} cells differ from the policy`,
      );
      assert.deepEqual(
        mismatches,
        [],
        `${mismatches.length} of ${expectedOutcomes.length} cells differ from the policy:\n${mismatches.join('\n')}`,
      );
    },
  );
});
