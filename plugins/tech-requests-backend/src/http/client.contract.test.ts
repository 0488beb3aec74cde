import { TechRequestsClient } from '@tech-requests/plugin-tech-requests-common';
import { as, PEOPLE, pluginBackendOn } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { spec } from '../schema/openapi.generated';

jest.setTimeout(60_000);

/**
 * The common package's client is the contract's other side: every operation of openapi.yaml
 * that a portal or a script calls has one client method, and what the client sends passes the
 * router's validation against the same document.
 */

/** Operations the client leaves to others: probes and the document itself. */
const NOT_FOR_THE_CLIENT = ['GET /health'];

const operationsInSpec = Object.entries(spec.paths)
  .flatMap(([path, item]) =>
    Object.keys(item).map(method => `${method.toUpperCase()} ${path}`),
  )
  .filter(operation => !NOT_FOR_THE_CLIENT.includes(operation));

/** The spec's operation a call went to, such as `PATCH /requests/{id}`. */
function operationOf(method: string, url: string, baseUrl: string): string {
  const path = new URL(url).pathname.slice(new URL(baseUrl).pathname.length);
  const template = Object.keys(spec.paths).find(candidate =>
    new RegExp(`^${candidate.replace(/\{[^/]+\}/g, '[^/]+')}$`).test(path),
  );
  return `${method} ${template ?? path}`;
}

const databases = createTestDatabases();

describe('the common client against the API', () => {
  const backend = pluginBackendOn(databases, 'SQLITE_3');
  const called = new Set<string>();

  /** A client signed in as `user` that notes which operation each call reached. */
  const clientOf = (user: string) =>
    new TechRequestsClient({
      baseUrl: backend.baseUrl(),
      headers: { Authorization: as(user) },
      fetch: async (input, init) => {
        called.add(
          operationOf(init?.method ?? 'GET', String(input), backend.baseUrl()),
        );
        return fetch(input, init);
      },
    });

  it('reaches every operation with bodies the router accepts', async () => {
    const jane = clientOf(PEOPLE.jane);
    const priya = clientOf(PEOPLE.priya);

    const draft = await jane.createRequest({
      title: 'Scratch',
      need: 'Deleted again.',
    });
    await jane.deleteRequest(draft.id);

    const filed = await jane.createRequest({
      title: 'Online contract signing',
      need: 'Legal wants clients to sign engagement letters online.',
    });
    const edited = await jane.updateRequest(filed.id, {
      version: filed.version,
      expectedUsers: 40,
    });
    await jane.transition(filed.id, {
      action: 'submit',
      version: edited.version,
    });
    const inReview = await priya.transition(filed.id, {
      action: 'start-review',
    });

    const page = await priya.listRequests({
      status: ['in-review'],
      sort: 'updated',
      limit: 5,
    });
    expect(page.items.map(item => item.id)).toEqual([filed.id]);

    const assessed = await priya.assessReuseCandidate(filed.id, {
      version: inReview.version,
      entityRef: 'component:default/esign-gateway',
      state: 'confirmed',
      note: 'The gateway signs contracts today.',
    });
    const costed = await priya.setCostInputs(filed.id, {
      version: assessed.version,
      inputs: { users: 40, horizonYears: 3 },
    });
    expect(costed.assessment?.cost).toBeDefined();
    const corrected = await priya.correctSecurityAnswers(filed.id, {
      version: costed.version,
      answers: { hosting: 'vendor-cloud' },
      note: 'The vendor runs it: it is a SaaS.',
    });
    expect(corrected.hosting).toBe('vendor-cloud');

    await priya.addReview(filed.id, {
      area: 'architecture',
      verdict: 'approve',
      comment: 'Fits the integration platform.',
    });
    await jane.addComment(filed.id, 'Thanks, waiting for the decision.');
    expect(await jane.listReviews(filed.id)).toHaveLength(1);
    expect(await jane.listComments(filed.id)).toHaveLength(1);
    expect((await jane.getRequest(filed.id)).version).toBe(corrected.version);
    expect((await jane.getHistory(filed.id)).length).toBeGreaterThan(3);
    expect((await jane.getReviewRouting()).areas).toBeDefined();

    const suggestions = await eventually(() =>
      jane.suggestReuse({ text: 'Clients sign contracts online' }),
    );
    expect(suggestions.items.length).toBeGreaterThan(0);
    // The suggestions answered: the index, and the offerings with it, have read the catalog.
    const offerings = await jane.listOfferings({
      q: 'sign',
      includeDeprecated: false,
      limit: 5,
    });
    expect(offerings.items.map(item => item.entityRef)).toEqual([
      'component:default/esign-gateway',
    ]);

    // Lena decides: she reads the portfolio, which counts the request filed above.
    const portfolio = await clientOf(PEOPLE.lena).getPortfolio({
      department: 'legal',
    });
    expect(portfolio.department).toBe('group:default/legal');
    expect(portfolio.demand.length).toBeGreaterThan(0);

    // A pipeline asks the gate about the request; it is not approved yet.
    const gated = await jane.checkGate({ requestId: filed.id });
    expect(gated).toMatchObject({ allowed: false, verdict: 'refused' });

    expect([...called].sort()).toEqual([...operationsInSpec].sort());
  });
});

/** Retries while the reuse index is still being built after start-up (503). */
async function eventually<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error: any) {
      if (error?.response?.status !== 503 || attempt > 50) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
}
