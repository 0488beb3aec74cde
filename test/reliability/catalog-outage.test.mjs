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
import {
  Client,
  freshStorage,
  LOW_RISK,
  ms,
  perDatabase,
  print,
  waitFor,
} from './harness.mjs';
import {
  answers,
  restartedBySourceChange,
  signIn,
  startSide,
} from './split-backend.mjs';

/** Signs in as soon as the catalog knows the person. */
async function signInOnceKnown(baseUrl, person) {
  let token;
  await waitFor(
    async () => {
      token = await signIn(baseUrl, person);
      return true;
    },
    { timeoutMs: 120_000, what: `the catalog to know ${person}` },
  );
  return token;
}

/** Longest a call that does not need the catalog may take while it is away. */
const QUICK_MS = 5_000;
/** Longest any call may take: the backend gives up on the catalog after 10 s. */
const BOUNDED_MS = 15_000;
/** How long the catalog may take to show every request once it is back. */
const CATCH_UP_WITHIN_MS = 120_000;

perDatabase(
  'the catalog unavailable for a while',
  { timeout: 600_000 },
  database => {
    const people = [
      'jane.doe',
      'tom.baker',
      'maria.garcia',
      'priya.shah',
      'lena.fischer',
    ];
    let storage;
    let techRequests;
    let catalog;
    let tokens;
    let client;
    const run = Date.now().toString(36);
    /** The requests filed or changed while the catalog was away, with who may read each. */
    const touched = new Map();
    /** What the calls that need the catalog answered while it was down. */
    const needingCatalog = [];

    /** The TechnologyRequest entities in the catalog, by name, with their status. */
    async function technologyRequests(token) {
      const res = await new Client(1, BOUNDED_MS, catalog.baseUrl).send(
        token,
        'GET',
        '/api/catalog/entities?filter=kind=TechnologyRequest&fields=metadata.name,spec.status',
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return new Map(res.body.map(e => [e.metadata.name, e.spec.status]));
    }

    /**
     * Sends as a person, checks the status, and remembers the request answered (when the
     * answer is one) as touched. Answers the body.
     */
    async function call(person, method, urlPath, body, expected) {
      const res = await client.send(tokens[person], method, urlPath, { body });
      const what = `${person} ${method} ${urlPath}`;
      assert.equal(
        res.status,
        expected,
        `${what}: ${JSON.stringify(res.body)}`,
      );
      assert.ok(res.ms < QUICK_MS, `${what} took ${ms(res.ms)}`);
      if (res.status < 300 && res.body?.entityName !== undefined) {
        touched.set(res.body.id, res.body.requester.split('/')[1]);
      }
      return res.body;
    }

    const transition = (person, id, action, extra = {}) =>
      call(
        person,
        'POST',
        `/requests/${id}/transitions`,
        { action, ...extra },
        200,
      );

    /** The request as its requester reads it: status, version, history length. */
    async function state(id, person) {
      const read = await client.send(tokens[person], 'GET', `/requests/${id}`);
      const history = await client.send(
        tokens[person],
        'GET',
        `/requests/${id}/history`,
      );
      return {
        status: read.body.status,
        version: read.body.version,
        steps: history.body.items.length,
      };
    }

    /**
     * A call that reads the catalog: answered within BOUNDED_MS, done (2xx) when `mustWork`,
     * otherwise done or refused with 503 and nothing written. `body` is made from the request's
     * state before the call. Answers the status and time, for the report.
     */
    async function needsCatalog(
      label,
      mustWork,
      person,
      id,
      owner,
      method,
      urlPath,
      body,
    ) {
      const earlier = await state(id, owner);
      const res = await client.send(tokens[person], method, urlPath, {
        body: body(earlier),
      });
      const afterwards = await state(id, owner);
      const outcome = {
        label,
        id,
        status: res.status,
        ms: res.ms,
        message: res.body?.error?.message,
      };
      assert.ok(
        res.status < 300 || (!mustWork && res.status === 503),
        `${label}: ${res.status} ${JSON.stringify(res.body)}`,
      );
      assert.ok(res.ms < BOUNDED_MS, `${label} took ${ms(res.ms)}`);
      assert.ok(
        res.status < 300 ||
          (afterwards.status === earlier.status &&
            afterwards.version === earlier.version &&
            afterwards.steps === earlier.steps),
        `${label}: refused, yet the request changed from ${JSON.stringify(earlier)} to ${JSON.stringify(afterwards)}`,
      );
      if (res.status < 300) {
        touched.set(id, owner);
      }
      return outcome;
    }

    /** The calls that need the catalog, on a draft of Jane's and a request in review. */
    async function callsNeedingCatalog(tag) {
      const draft = await call(
        'jane.doe',
        'POST',
        '/requests',
        {
          title: `Signed engagement letters ${tag} ${run}`,
          need: 'Legal wants clients to sign engagement letters online.',
          integrations: ['system:default/legal-document-management'],
          ...LOW_RISK,
        },
        201,
      );
      const quotes = await call(
        'maria.garcia',
        'POST',
        '/requests',
        {
          title: `Quotes as PDF ${tag} ${run}`,
          need: 'Sales wants to build price quotes from the price list and send them as PDF.',
          ...LOW_RISK,
          submit: true,
        },
        201,
      );
      const suggested = quotes.reuseSuggestions[0]?.entityRef;
      assert.ok(suggested, 'a reuse suggestion from the index');
      return [
        // Assessed without the catalog's facts, and again once it is back.
        await needsCatalog(
          'submitting a draft that names an integration',
          true,
          'jane.doe',
          draft.id,
          'jane.doe',
          'POST',
          `/requests/${draft.id}/transitions`,
          ({ version }) => ({ action: 'submit', version }),
        ),
        await needsCatalog(
          `confirming the suggested reuse candidate ${suggested}`,
          true,
          'priya.shah',
          quotes.id,
          'maria.garcia',
          'POST',
          `/requests/${quotes.id}/reuse-candidates`,
          ({ version }) => ({
            version,
            entityRef: suggested,
            state: 'confirmed',
          }),
        ),
        // Only the catalog can say the entity exists: refused until it can.
        await needsCatalog(
          'adding a reuse candidate the engine did not suggest',
          false,
          'priya.shah',
          quotes.id,
          'maria.garcia',
          'POST',
          `/requests/${quotes.id}/reuse-candidates`,
          ({ version }) => ({
            version,
            entityRef: 'component:default/document-service',
            state: 'confirmed',
          }),
        ),
      ];
    }

    /** Waits until the catalog shows every touched request that is not a draft, as stored. */
    async function caughtUp(since) {
      const expected = new Map();
      for (const [id, person] of touched) {
        const res = await client.send(tokens[person], 'GET', `/requests/${id}`);
        assert.equal(res.status, 200);
        if (res.body.status !== 'draft') {
          expected.set(res.body.entityName, res.body.status);
        }
      }
      await waitFor(
        async () => {
          const shown = await technologyRequests(tokens['lena.fischer']);
          return [...expected].every(
            ([name, status]) => shown.get(name) === status,
          );
        },
        {
          timeoutMs: CATCH_UP_WITHIN_MS,
          what: `the catalog to show ${[...expected].map(([name, status]) => `${name} (${status})`).join(', ')}`,
        },
      );
      return { count: expected.size, ms: Date.now() - since };
    }

    const outcomes = list =>
      list.map(o => `${o.label}: ${o.status} in ${ms(o.ms)}`).join('; ');

    before(async () => {
      storage = await freshStorage(database, 'outage');
      [techRequests, catalog] = await Promise.all([
        startSide('tech-requests', storage),
        startSide('catalog', storage),
      ]);
      tokens = {};
      for (const person of people) {
        tokens[person] = await signInOnceKnown(techRequests.baseUrl, person);
      }
      client = new Client(500, BOUNDED_MS + 5_000, techRequests.baseUrl);
      print(
        `${database.id}: tech-requests side up in ${ms(techRequests.startupMs)}, catalog side in ${ms(catalog.startupMs)}, on ${storage.describe}`,
      );
    });

    after(async () => {
      await techRequests?.stop();
      await catalog?.stop();
      for (const side of [techRequests, catalog]) {
        if (side && restartedBySourceChange(side)) {
          print(
            `${database.id}: WARNING: the ${side.side} side restarted during these tests because a source file changed (${side.logFile}); their results are not to be trusted`,
          );
        }
      }
      await storage?.drop();
    });

    it('brings a request into the catalog of the other process while both run', async () => {
      // The reuse index is built from the catalog across the processes.
      await waitFor(
        async () =>
          (
            await client.send(
              tokens['tom.baker'],
              'POST',
              '/reuse/suggestions',
              { body: { text: 'online survey for customers' } },
            )
          ).status === 200,
        { timeoutMs: 60_000, what: 'the reuse index to be built' },
      );
      const created = await call(
        'tom.baker',
        'POST',
        '/requests',
        {
          title: `Before the outage ${run}`,
          need: 'Customer surveys after each event.',
          ...LOW_RISK,
          submit: true,
        },
        201,
      );
      const started = Date.now();
      await waitFor(
        async () =>
          (await technologyRequests(tokens['tom.baker'])).get(
            created.entityName,
          ) === 'submitted',
        { timeoutMs: 60_000, what: 'the request to reach the catalog' },
      );
      touched.clear();
      print(
        `${database.id}: both sides up: a submitted request was a TechnologyRequest entity ${ms(Date.now() - started)} after it was filed`,
      );
    });

    it('answers people as before while the catalog is down (SIGKILL)', async () => {
      const notificationsLost = () =>
        techRequests.log().split('Could not send notifications').length - 1;
      const lostBefore = notificationsLost();
      await catalog.kill();
      assert.equal(
        await answers(catalog.baseUrl),
        false,
        'the catalog is down',
      );

      // Filed and submitted at once, reviewed, commented on, approved.
      const filed = await call(
        'tom.baker',
        'POST',
        '/requests',
        {
          title: `Event surveys ${run}`,
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
      await transition('priya.shah', filed.id, 'start-review');
      await call(
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
      await call(
        'priya.shah',
        'POST',
        `/requests/${filed.id}/comments`,
        { body: 'Reviewed while the catalog was away.' },
        201,
      );
      const reviewed = await call(
        'priya.shah',
        'GET',
        `/requests/${filed.id}`,
        undefined,
        200,
      );
      await call(
        'priya.shah',
        'PUT',
        `/requests/${filed.id}/cost-inputs`,
        { version: reviewed.version, inputs: { users: 120 } },
        200,
      );
      const approved = await transition('lena.fischer', filed.id, 'approve', {
        rationale: 'Cheap and contained.',
        decision: { path: 'build' },
      });
      assert.equal(approved.status, 'approved');

      // A draft, edited, then submitted.
      const draft = await call(
        'maria.garcia',
        'POST',
        '/requests',
        {
          title: `Quote templates ${run}`,
          need: 'Sales wants shared templates for quotes.',
          ...LOW_RISK,
        },
        201,
      );
      assert.equal(draft.status, 'draft');
      const edited = await call(
        'maria.garcia',
        'PATCH',
        `/requests/${draft.id}`,
        { version: draft.version, expectedUsers: 25 },
        200,
      );
      const submitted = await transition('maria.garcia', draft.id, 'submit', {
        version: edited.version,
      });
      assert.equal(submitted.status, 'submitted');

      // A draft may name integrations: nothing reads them until it is submitted.
      const withIntegration = await call(
        'jane.doe',
        'POST',
        '/requests',
        {
          title: `Contract archive ${run}`,
          need: 'Legal wants signed contracts archived with the matter.',
          integrations: ['system:default/legal-document-management'],
        },
        201,
      );
      assert.equal(withIntegration.status, 'draft');

      // Reads.
      const list = await call(
        'lena.fischer',
        'GET',
        '/requests?sort=created&order=asc&limit=100',
        undefined,
        200,
      );
      assert.ok(list.items.some(item => item.id === filed.id));
      const read = await call(
        'tom.baker',
        'GET',
        `/requests/${filed.id}`,
        undefined,
        200,
      );
      assert.equal(read.status, 'approved');
      assert.ok(read.assessment, 'the assessment is there');
      const history = await call(
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
        await call(
          'tom.baker',
          'GET',
          `/requests/${filed.id}/${part}`,
          undefined,
          200,
        );
      }
      await call('tom.baker', 'GET', '/review-routing', undefined, 200);
      const suggestions = await call(
        'jane.doe',
        'POST',
        '/reuse/suggestions',
        { text: 'Clients sign engagement letters online' },
        200,
      );
      assert.ok(suggestions.items.length > 0, 'suggestions from the index');

      // What the rules refuse is refused as before.
      await call(
        'maria.garcia',
        'PATCH',
        `/requests/${draft.id}`,
        { version: draft.version, title: 'stale' },
        409,
      );
      await call(
        'tom.baker',
        'POST',
        `/requests/${filed.id}/transitions`,
        { action: 'reject', rationale: 'not mine to decide' },
        403,
      );
      await call(
        'tom.baker',
        'POST',
        '/requests',
        { title: 't', need: 'n', requestingGroup: 'group:default/legal' },
        403,
      );

      // Signing in anew reads the catalog (Backstage's auth backend): it fails, quickly.
      const signInStarted = performance.now();
      const signInError = await signIn(techRequests.baseUrl, 'jane.doe').then(
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
      needingCatalog.push(...(await callsNeedingCatalog('killed')));
      print(`${database.id}: catalog down: ${outcomes(needingCatalog)}`);
      const [submitted] = needingCatalog;
      const read = await client.send(
        tokens['jane.doe'],
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
      catalog = await startSide('catalog', storage);
      const back = Date.now();
      const caught = await caughtUp(back);
      assert.ok(caught.count >= 3, 'requests of the outage to look for');
      assert.ok(
        await signIn(techRequests.baseUrl, 'jane.doe'),
        'signs in again',
      );
      print(
        `${database.id}: the catalog restarted in ${ms(catalog.startupMs)}; ${caught.count} requests of the outage were entities in their current status ${ms(caught.ms)} after it was back`,
      );
    });

    it('neither hangs nor fails while the catalog is frozen (SIGSTOP), and catches up after', async () => {
      touched.clear();
      process.kill(-catalog.pid, 'SIGSTOP');
      let frozen;
      try {
        const filed = await call(
          'tom.baker',
          'POST',
          '/requests',
          {
            title: `Webinar surveys ${run}`,
            need: 'Marketing wants a survey after each webinar.',
            ...LOW_RISK,
            submit: true,
          },
          201,
        );
        await transition('priya.shah', filed.id, 'start-review');
        await call('tom.baker', 'GET', `/requests/${filed.id}`, undefined, 200);
        frozen = await callsNeedingCatalog('frozen');
      } finally {
        process.kill(-catalog.pid, 'SIGCONT');
      }
      const thawed = Date.now();
      print(`${database.id}: catalog frozen: ${outcomes(frozen)}`);
      const caught = await caughtUp(thawed);
      print(
        `${database.id}: ${caught.count} requests of the freeze were entities in their current status ${ms(caught.ms)} after the catalog ran again`,
      );
    });
  },
);
