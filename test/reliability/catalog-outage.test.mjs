// The catalog unavailable for a while. A split deployment (split-backend.mjs): the catalog with
// the Tech Requests catalog module in one process (port 7028), Tech Requests with sign-in,
// permissions and notifications in another (port 7027), each finding the other through
// discovery. The catalog process is killed (SIGKILL to its process group); while it is gone,
// people file, edit, submit, review, comment on, decide and read requests through the Tech
// Requests API, which answers each as it would with the catalog up (2xx, or the 4xx the rules
// call for), never 5xx, never slowly. What cannot be done without the catalog (an assessment
// that reads the entities a request names, a reuse candidate the engine did not suggest)
// answers 503 at once and writes nothing. Then the catalog starts again on its data, and the
// catalog module's full sync brings every request of the outage into the catalog as a
// TechnologyRequest entity, in its current status, within a bounded time. Last, the catalog
// is frozen (SIGSTOP: it accepts connections and never answers, like a hung host): the same
// calls answer as quickly as before, or 503 within the backend's catalog timeout, never hang;
// once it runs again (SIGCONT) it catches up as well.
//
// Events do not cross the two processes here (no events backend; `events.useEventBus: never`),
// so the full sync (every 5 s in app-config.split-catalog.yaml) is how requests reach the
// catalog, before the outage as after it.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { LOW_RISK, ms, perDatabase, print, waitFor } from './harness.mjs';
import { OutageScenario, outcomes } from './outage-scenario.mjs';
import { answers, signIn } from './split-backend.mjs';

perDatabase(
  'the catalog unavailable for a while',
  { timeout: 600_000 },
  database => {
    const s = new OutageScenario(database);
    /** What the calls that need the catalog answered while it was down. */
    const needingCatalog = [];

    before(() => s.start());
    after(() => s.stop());

    it('brings a request into the catalog of the other process while both run', async () => {
      // The reuse index holds the catalog of the other process: start() waited for it.
      const created = await s.call(
        'tom.baker',
        'POST',
        '/requests',
        {
          title: `Before the outage ${s.run}`,
          need: 'Customer surveys after each event.',
          ...LOW_RISK,
          submit: true,
        },
        201,
      );
      const started = Date.now();
      await waitFor(
        async () =>
          (await s.technologyRequests('tom.baker')).get(created.entityName) ===
          'submitted',
        { timeoutMs: 60_000, what: 'the request to reach the catalog' },
      );
      s.touched.clear();
      print(
        `${database.id}: both sides up: a submitted request was a TechnologyRequest entity ${ms(Date.now() - started)} after it was filed`,
      );
    });

    it('answers people as before while the catalog is down (SIGKILL)', async () => {
      const notificationsLost = () =>
        s.techRequests.log().split('Could not send notifications').length - 1;
      const lostBefore = notificationsLost();
      await s.catalog.kill();
      assert.equal(
        await answers(s.catalog.baseUrl),
        false,
        'the catalog is down',
      );

      // Filed and submitted at once, reviewed, commented on, approved.
      const filed = await s.call(
        'tom.baker',
        'POST',
        '/requests',
        {
          title: `Event surveys ${s.run}`,
          need: 'Marketing wants a survey tool for attendees after each event.',
          ...LOW_RISK,
          submit: true,
        },
        201,
      );
      assert.equal(filed.status, 'submitted');
      assert.equal(filed.requestingGroup, 'group:default/marketing');
      assert.ok(
        filed.reuseSuggestions.length > 0,
        'suggestions from the index',
      );
      await s.transition('priya.shah', filed.id, 'start-review');
      await s.call(
        'priya.shah',
        'POST',
        `/requests/${filed.id}/reviews`,
        {
          area: 'architecture',
          verdict: 'approve',
          comment: 'Fine on our premises.',
        },
        201,
      );
      await s.call(
        'priya.shah',
        'POST',
        `/requests/${filed.id}/comments`,
        { body: 'Reviewed while the catalog was away.' },
        201,
      );
      const reviewed = await s.call(
        'priya.shah',
        'GET',
        `/requests/${filed.id}`,
        undefined,
        200,
      );
      await s.call(
        'priya.shah',
        'PUT',
        `/requests/${filed.id}/cost-inputs`,
        { version: reviewed.version, inputs: { users: 120 } },
        200,
      );
      const approved = await s.transition('lena.fischer', filed.id, 'approve', {
        rationale: 'Cheap and contained.',
        decision: { path: 'build' },
      });
      assert.equal(approved.status, 'approved');

      // A draft, edited, then submitted.
      const draft = await s.call(
        'maria.garcia',
        'POST',
        '/requests',
        {
          title: `Quote templates ${s.run}`,
          need: 'Sales wants shared templates for quotes.',
          ...LOW_RISK,
        },
        201,
      );
      assert.equal(draft.status, 'draft');
      const edited = await s.call(
        'maria.garcia',
        'PATCH',
        `/requests/${draft.id}`,
        { version: draft.version, expectedUsers: 25 },
        200,
      );
      const submitted = await s.transition('maria.garcia', draft.id, 'submit', {
        version: edited.version,
      });
      assert.equal(submitted.status, 'submitted');

      // A draft may name integrations: nothing reads them until it is submitted.
      const withIntegration = await s.call(
        'jane.doe',
        'POST',
        '/requests',
        {
          title: `Contract archive ${s.run}`,
          need: 'Legal wants signed contracts archived with the matter.',
          integrations: ['system:default/legal-document-management'],
        },
        201,
      );
      assert.equal(withIntegration.status, 'draft');

      // Reads.
      const list = await s.call(
        'lena.fischer',
        'GET',
        '/requests?sort=created&order=asc&limit=100',
        undefined,
        200,
      );
      assert.ok(list.items.some(item => item.id === filed.id));
      const read = await s.call(
        'tom.baker',
        'GET',
        `/requests/${filed.id}`,
        undefined,
        200,
      );
      assert.equal(read.status, 'approved');
      assert.ok(read.assessment, 'the assessment is there');
      const history = await s.call(
        'tom.baker',
        'GET',
        `/requests/${filed.id}/history`,
        undefined,
        200,
      );
      assert.deepEqual(
        history.items.map(entry => entry.action),
        [
          'create',
          'submit',
          'start-review',
          'review',
          'comment',
          'cost-inputs',
          'approve',
        ],
      );
      for (const part of ['reviews', 'comments']) {
        await s.call(
          'tom.baker',
          'GET',
          `/requests/${filed.id}/${part}`,
          undefined,
          200,
        );
      }
      await s.call('tom.baker', 'GET', '/review-routing', undefined, 200);
      const suggestions = await s.call(
        'jane.doe',
        'POST',
        '/reuse/suggestions',
        { text: 'Clients sign engagement letters online' },
        200,
      );
      assert.ok(suggestions.items.length > 0, 'suggestions from the index');

      // What the rules refuse is refused as before.
      await s.call(
        'maria.garcia',
        'PATCH',
        `/requests/${draft.id}`,
        { version: draft.version, title: 'stale' },
        409,
      );
      await s.call(
        'tom.baker',
        'POST',
        `/requests/${filed.id}/transitions`,
        { action: 'reject', rationale: 'not mine to decide' },
        403,
      );
      await s.call(
        'tom.baker',
        'POST',
        '/requests',
        { title: 't', need: 'n', requestingGroup: 'group:default/legal' },
        403,
      );

      // Signing in anew reads the catalog (Backstage's auth backend): it fails, quickly.
      const signInStarted = performance.now();
      const signInError = await signIn(s.techRequests.baseUrl, 'jane.doe').then(
        () => 'none',
        error => error.message,
      );
      print(
        `${database.id}: catalog down: files, edits, submissions, reviews, comments, cost inputs, a decision and reads answered as before; ` +
          `a new sign-in failed (${signInError}, ${ms(performance.now() - signInStarted)}); tokens issued before kept working; ` +
          `${notificationsLost() - lostBefore} notifications could not be sent`,
      );
    });

    it('submits and confirms with what it knows while the catalog is down, and refuses only adding an entity it cannot look up', async () => {
      needingCatalog.push(...(await s.callsNeedingCatalog('killed')));
      print(`${database.id}: catalog down: ${outcomes(needingCatalog)}`);
      const [submitted] = needingCatalog;
      const read = await s.client.send(
        s.tokens['jane.doe'],
        'GET',
        `/requests/${submitted.id}`,
      );
      const rules = read.body.assessment.fit.findings.map(
        finding => finding.ruleId,
      );
      assert.ok(
        rules.includes('catalog-unavailable') &&
          !rules.some(rule => rule.startsWith('integration-')),
        `the fit says the catalog could not be read, and judges no integration: ${rules}`,
      );
      assert.equal(needingCatalog[2].status, 503);
    });

    it('catches up once the catalog is back: every request of the outage becomes an entity', async () => {
      await s.restartCatalog();
      const back = Date.now();
      const caught = await s.caughtUp(back);
      assert.ok(caught.count >= 3, 'requests of the outage to look for');
      assert.ok(
        await signIn(s.techRequests.baseUrl, 'jane.doe'),
        'signs in again',
      );
      print(
        `${database.id}: the catalog restarted in ${ms(s.catalog.startupMs)}; ${caught.count} requests of the outage were entities in their current status ${ms(caught.ms)} after it was back`,
      );
    });

    it('neither hangs nor fails while the catalog is frozen (SIGSTOP), and catches up after', async () => {
      s.touched.clear();
      process.kill(-s.catalog.pid, 'SIGSTOP');
      let frozen;
      try {
        const filed = await s.call(
          'tom.baker',
          'POST',
          '/requests',
          {
            title: `Webinar surveys ${s.run}`,
            need: 'Marketing wants a survey after each webinar.',
            ...LOW_RISK,
            submit: true,
          },
          201,
        );
        await s.transition('priya.shah', filed.id, 'start-review');
        await s.call(
          'tom.baker',
          'GET',
          `/requests/${filed.id}`,
          undefined,
          200,
        );
        frozen = await s.callsNeedingCatalog('frozen');
      } finally {
        process.kill(-s.catalog.pid, 'SIGCONT');
      }
      const thawed = Date.now();
      print(`${database.id}: catalog frozen: ${outcomes(frozen)}`);
      const caught = await s.caughtUp(thawed);
      print(
        `${database.id}: ${caught.count} requests of the freeze were entities in their current status ${ms(caught.ms)} after the catalog ran again`,
      );
    });
  },
);
