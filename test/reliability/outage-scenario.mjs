// What catalog-outage.test.mjs does to the split deployment and checks on every call: the two
// sides, the people signed in, the calls made as them (each bounded in time), the requests an
// outage touched, and whether the catalog shows them all once it is back.
import assert from 'node:assert/strict';
import {
  Client,
  freshStorage,
  LOW_RISK,
  ms,
  print,
  waitFor,
} from './harness.mjs';
import {
  restartedBySourceChange,
  signIn,
  startSide,
} from './split-backend.mjs';

/** Longest a call that does not need the catalog may take while it is away. */
export const QUICK_MS = 5_000;
/** Longest any call may take: the backend gives up on the catalog after 10 s. */
export const BOUNDED_MS = 15_000;
/** How long the catalog may take to show every request once it is back. */
const CATCH_UP_WITHIN_MS = 120_000;

const PEOPLE = [
  'jane.doe',
  'tom.baker',
  'maria.garcia',
  'priya.shah',
  'lena.fischer',
];

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

/** One line per outcome of `needsCatalog`, for the report. */
export const outcomes = list =>
  list.map(o => `${o.label}: ${o.status} in ${ms(o.ms)}`).join('; ');

export class OutageScenario {
  constructor(database) {
    this.database = database;
    /** Makes titles unique to this run. */
    this.run = Date.now().toString(36);
    /** The requests filed or changed while the catalog was away, with who may read each. */
    this.touched = new Map();
  }

  /** Starts both sides on fresh storage and signs everyone in. */
  async start() {
    this.storage = await freshStorage(this.database, 'outage');
    [this.techRequests, this.catalog] = await Promise.all([
      startSide('tech-requests', this.storage),
      startSide('catalog', this.storage),
    ]);
    this.tokens = {};
    for (const person of PEOPLE) {
      this.tokens[person] = await signInOnceKnown(
        this.techRequests.baseUrl,
        person,
      );
    }
    this.client = new Client(
      500,
      BOUNDED_MS + 5_000,
      this.techRequests.baseUrl,
    );
    // "As before" means with the reuse index built from the catalog while it was up: the
    // first build may find the catalog side still loading, and a later one fills it.
    await waitFor(
      async () =>
        (
          await this.client.send(
            this.tokens['tom.baker'],
            'POST',
            '/reuse/suggestions',
            { body: { text: 'a survey tool for attendees after each event' } },
          )
        ).body?.items?.length > 0,
      { timeoutMs: 120_000, what: 'the reuse index of the example catalog' },
    );
    print(
      `${this.database.id}: tech-requests side up in ${ms(this.techRequests.startupMs)}, catalog side in ${ms(this.catalog.startupMs)}, on ${this.storage.describe}`,
    );
  }

  async restartCatalog() {
    this.catalog = await startSide('catalog', this.storage);
  }

  async stop() {
    await this.techRequests?.stop();
    await this.catalog?.stop();
    for (const side of [this.techRequests, this.catalog]) {
      if (side && restartedBySourceChange(side)) {
        print(
          `${this.database.id}: WARNING: the ${side.side} side restarted during these tests because a source file changed (${side.logFile}); their results are not to be trusted`,
        );
      }
    }
    await this.storage?.drop();
  }

  /** The TechnologyRequest entities in the catalog, by name, with their status. */
  async technologyRequests(person) {
    const res = await new Client(1, BOUNDED_MS, this.catalog.baseUrl).send(
      this.tokens[person],
      'GET',
      '/api/catalog/entities?filter=kind=TechnologyRequest&fields=metadata.name,spec.status',
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return new Map(res.body.map(e => [e.metadata.name, e.spec.status]));
  }

  /**
   * Sends as a person, checks the status and that it came within QUICK_MS, and remembers the
   * request answered (when the answer is one) as touched. Answers the body.
   */
  async call(person, method, urlPath, body, expected) {
    const res = await this.client.send(this.tokens[person], method, urlPath, {
      body,
    });
    const what = `${person} ${method} ${urlPath}`;
    assert.equal(res.status, expected, `${what}: ${JSON.stringify(res.body)}`);
    assert.ok(res.ms < QUICK_MS, `${what} took ${ms(res.ms)}`);
    if (res.status < 300 && res.body?.entityName !== undefined) {
      this.touched.set(res.body.id, res.body.requester.split('/')[1]);
    }
    return res.body;
  }

  transition(person, id, action, extra = {}) {
    return this.call(
      person,
      'POST',
      `/requests/${id}/transitions`,
      { action, ...extra },
      200,
    );
  }

  /** The request as its requester reads it: status, version, history length. */
  async state(id, person) {
    const token = this.tokens[person];
    const read = await this.client.send(token, 'GET', `/requests/${id}`);
    const history = await this.client.send(
      token,
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
  async needsCatalog({ label, mustWork, person, id, owner, urlPath, body }) {
    const earlier = await this.state(id, owner);
    const res = await this.client.send(this.tokens[person], 'POST', urlPath, {
      body: body(earlier),
    });
    const afterwards = await this.state(id, owner);
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
      this.touched.set(id, owner);
    }
    return {
      label,
      id,
      status: res.status,
      ms: res.ms,
      message: res.body?.error?.message,
    };
  }

  /** The calls that need the catalog, on a draft of Jane's and a request in review. */
  async callsNeedingCatalog(tag) {
    const draft = await this.call(
      'jane.doe',
      'POST',
      '/requests',
      {
        title: `Signed engagement letters ${tag} ${this.run}`,
        need: 'Legal wants clients to sign engagement letters online.',
        integrations: ['system:default/legal-document-management'],
        ...LOW_RISK,
      },
      201,
    );
    const quotes = await this.call(
      'maria.garcia',
      'POST',
      '/requests',
      {
        title: `Quotes as PDF ${tag} ${this.run}`,
        need: 'Sales wants to build price quotes from the price list and send them as PDF.',
        ...LOW_RISK,
        submit: true,
      },
      201,
    );
    const suggested = quotes.reuseSuggestions[0]?.entityRef;
    assert.ok(suggested, 'a reuse suggestion from the index');
    const onQuotes = {
      person: 'priya.shah',
      id: quotes.id,
      owner: 'maria.garcia',
      urlPath: `/requests/${quotes.id}/reuse-candidates`,
    };
    return [
      // Assessed without the catalog's facts, and again once it is back.
      await this.needsCatalog({
        label: 'submitting a draft that names an integration',
        mustWork: true,
        person: 'jane.doe',
        id: draft.id,
        owner: 'jane.doe',
        urlPath: `/requests/${draft.id}/transitions`,
        body: ({ version }) => ({ action: 'submit', version }),
      }),
      await this.needsCatalog({
        ...onQuotes,
        label: `confirming the suggested reuse candidate ${suggested}`,
        mustWork: true,
        body: ({ version }) => ({
          version,
          entityRef: suggested,
          state: 'confirmed',
        }),
      }),
      // Only the catalog can say the entity exists: refused until it can.
      await this.needsCatalog({
        ...onQuotes,
        label: 'adding a reuse candidate the engine did not suggest',
        mustWork: false,
        body: ({ version }) => ({
          version,
          entityRef: 'component:default/document-service',
          state: 'confirmed',
        }),
      }),
    ];
  }

  /** Waits until the catalog shows every touched request that is not a draft, as stored. */
  async caughtUp(since) {
    const expected = new Map();
    for (const [id, person] of this.touched) {
      const res = await this.client.send(
        this.tokens[person],
        'GET',
        `/requests/${id}`,
      );
      assert.equal(res.status, 200);
      if (res.body.status !== 'draft') {
        expected.set(res.body.entityName, res.body.status);
      }
    }
    await waitFor(
      async () => {
        const shown = await this.technologyRequests('lena.fischer');
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
}
