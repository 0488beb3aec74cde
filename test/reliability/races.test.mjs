// Races: the same request decided twice at once, and edited twice at once from the same
// version. Exactly one of the concurrent writes wins; the others answer 409; the history
// records exactly one decision or edit; and what is stored is all of the winner's write.
//
// Only lena.fischer (portfolio-board) decides in the example configuration, so the
// concurrent deciders are Lena twice: two different decisions at once (approve and reject,
// reject and defer, all three), and the same approval twice, with and without the version.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  Client,
  exampleBackendFor,
  LOW_RISK,
  perDatabase,
  print,
} from './harness.mjs';

const DECISIONS = ['approve', 'reject', 'defer'];
const OUTCOME = { approve: 'approved', reject: 'rejected', defer: 'deferred' };

const transitionBody = (action, version) => ({
  action,
  rationale: `Race: ${action}`,
  ...(action === 'approve' && { decision: { path: 'build' } }),
  ...(version !== undefined && { version }),
});

perDatabase(
  'concurrent decisions and edits',
  { timeout: 300_000 },
  database => {
    const people = ['jane.doe', 'priya.shah', 'lena.fischer'];
    const example = exampleBackendFor(database, 'races', people);

    /** A low-risk request of Jane's, in review by Priya: ready for Lena to decide. */
    async function readyToDecide(client, title) {
      const created = await client.send(
        example.tokens['jane.doe'],
        'POST',
        '/requests',
        {
          body: {
            title,
            need: 'A team wiki for public how-to pages.',
            ...LOW_RISK,
            submit: true,
          },
        },
      );
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;
      const started = await client.send(
        example.tokens['priya.shah'],
        'POST',
        `/requests/${id}/transitions`,
        { body: { action: 'start-review' } },
      );
      assert.equal(started.status, 200, JSON.stringify(started.body));
      const seen = await client.send(
        example.tokens['lena.fischer'],
        'GET',
        `/requests/${id}`,
      );
      assert.equal(seen.body.assessment.risk.tier, 'low');
      assert.deepEqual(seen.body.assessment.missingReviews, []);
      for (const action of DECISIONS) {
        assert.ok(seen.body.allowedActions.includes(action), action);
      }
      return { id, version: seen.body.version };
    }

    it(
      'lets exactly one of several concurrent decisions win',
      { timeout: 120_000 },
      async () => {
        const rounds = [
          { actions: ['approve', 'reject'], withVersion: true },
          { actions: ['reject', 'approve'], withVersion: true },
          { actions: ['approve', 'approve'], withVersion: true },
          { actions: ['approve', 'approve'], withVersion: false },
          { actions: ['approve', 'reject'], withVersion: false },
          { actions: ['reject', 'defer'], withVersion: true },
          { actions: ['approve', 'reject', 'defer'], withVersion: true },
          {
            actions: ['defer', 'defer', 'approve', 'reject'],
            withVersion: false,
          },
        ];
        const client = new Client(rounds.length * 12);
        const wins = {};
        const refusals = {
          'stale version': 0,
          'status no longer allows it': 0,
        };
        for (const [n, round] of rounds.entries()) {
          const { id, version } = await readyToDecide(
            client,
            `Decision race ${n}`,
          );
          const answers = await Promise.all(
            round.actions.map(action =>
              client.send(
                example.tokens['lena.fischer'],
                'POST',
                `/requests/${id}/transitions`,
                {
                  body: transitionBody(
                    action,
                    round.withVersion ? version : undefined,
                  ),
                },
              ),
            ),
          );
          const what = `round ${n} (${round.actions.join(' vs ')}${round.withVersion ? ', same version' : ', no version'})`;
          const winners = answers.filter(answer => answer.status === 200);
          assert.equal(
            winners.length,
            1,
            `${what}: ${answers.map(a => `${a.status} ${JSON.stringify(a.body.error?.message ?? a.body.status)}`).join(' | ')}`,
          );
          const winnerIndex = answers.findIndex(
            answer => answer.status === 200,
          );
          const winner = round.actions[winnerIndex];
          wins[winner] = (wins[winner] ?? 0) + 1;
          for (const [i, answer] of answers.entries()) {
            if (i !== winnerIndex) {
              assert.equal(
                answer.status,
                409,
                `${what}: ${JSON.stringify(answer.body)}`,
              );
              if (/has changed since version/.test(answer.body.error.message)) {
                refusals['stale version'] += 1;
              } else {
                assert.match(
                  answer.body.error.message,
                  /is not possible while/,
                );
                refusals['status no longer allows it'] += 1;
              }
            }
          }
          assert.equal(winners[0].body.status, OUTCOME[winner]);

          const history = await client.send(
            example.tokens['jane.doe'],
            'GET',
            `/requests/${id}/history`,
          );
          const decisions = history.body.items.filter(entry =>
            DECISIONS.includes(entry.action),
          );
          assert.deepEqual(
            decisions.map(entry => entry.action),
            [winner],
            `${what}: exactly one decision on record`,
          );
          const stored = await client.send(
            example.tokens['jane.doe'],
            'GET',
            `/requests/${id}`,
          );
          assert.equal(stored.body.status, OUTCOME[winner]);
          assert.equal(stored.body.decision.outcome, OUTCOME[winner]);
          assert.equal(stored.body.decision.rationale, `Race: ${winner}`);
          assert.equal(stored.body.version, version + 1);
        }
        print(
          `${database.id}: ${rounds.length} decision races: one winner each (${Object.entries(
            wins,
          )
            .map(([action, count]) => `${action} ${count}`)
            .join(', ')}); refused with 409: ${Object.entries(refusals)
            .map(([why, count]) => `${why} ${count}`)
            .join(', ')}; ${client.used} requests`,
        );
      },
    );

    it(
      'keeps exactly one of several concurrent edits from the same version, whole',
      { timeout: 120_000 },
      async () => {
        const client = new Client(80);
        const jane = example.tokens['jane.doe'];
        let edits = 0;
        let conflicts = 0;
        for (const submit of [false, true]) {
          const created = await client.send(jane, 'POST', '/requests', {
            body: {
              title: 'Edit race',
              need: 'Before the race.',
              ...LOW_RISK,
              submit,
            },
          });
          assert.equal(created.status, 201);
          const id = created.body.id;
          let version = created.body.version;
          for (const writers of [2, 2, 2, 5]) {
            const bodies = Array.from({ length: writers }, (_, j) => ({
              version,
              title: `Edit v${version} by writer ${j}`,
              need: `Need written by writer ${j} at v${version}.`,
              expectedUsers: 1000 * version + j,
            }));
            const answers = await Promise.all(
              bodies.map(body =>
                client.send(jane, 'PATCH', `/requests/${id}`, { body }),
              ),
            );
            const what = `${submit ? 'submitted' : 'draft'} request ${id}, ${writers} writers at v${version}`;
            const statuses = answers.map(answer => answer.status).sort();
            assert.deepEqual(
              statuses,
              [200, ...Array(writers - 1).fill(409)],
              `${what}: ${answers.map(a => JSON.stringify(a.body.error?.message ?? a.body.title)).join(' | ')}`,
            );
            const winnerIndex = answers.findIndex(
              answer => answer.status === 200,
            );
            for (const [i, answer] of answers.entries()) {
              if (i !== winnerIndex) {
                assert.equal(answer.body.error.currentVersion, version + 1);
              }
            }
            const winner = bodies[winnerIndex];
            const stored = await client.send(jane, 'GET', `/requests/${id}`);
            assert.equal(stored.body.version, version + 1);
            assert.deepEqual(
              {
                title: stored.body.title,
                need: stored.body.need,
                expectedUsers: stored.body.expectedUsers,
              },
              {
                title: winner.title,
                need: winner.need,
                expectedUsers: winner.expectedUsers,
              },
              `${what}: the stored fields are all the winner's`,
            );
            edits += 1;
            conflicts += writers - 1;
            version += 1;
          }
          const history = await client.send(
            jane,
            'GET',
            `/requests/${id}/history`,
          );
          const recorded = history.body.items.filter(
            entry => entry.action === 'edit',
          );
          assert.equal(recorded.length, 4, 'one edit on record per race');
          // Each recorded edit goes from the previous winner to the next: no lost update.
          for (const [i, entry] of recorded.entries()) {
            if (i > 0) {
              assert.equal(
                entry.changes.title.before,
                recorded[i - 1].changes.title.after,
              );
            }
          }
        }
        print(
          `${database.id}: 8 edit races: ${edits} edits kept whole, ${conflicts} concurrent edits refused with 409; ${client.used} requests`,
        );
      },
    );
  },
);
