import { mockCredentials } from '@backstage/backend-test-utils';
import { as, PEOPLE, pluginBackendOn } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

// Offerings are read from the reuse index in memory, never from the database: one database is
// enough here.
const databases = createTestDatabases();

describe('what IT offers through the API', () => {
  const backend = pluginBackendOn(databases, 'SQLITE_3');

  /** The offerings page for `query`, once the index has read the catalog after start-up. */
  const offerings = async (query: string, user = PEOPLE.jane) => {
    for (let attempt = 0; ; attempt++) {
      const res = await backend
        .api()
        .get(`/api/tech-requests/offerings${query}`)
        .set('Authorization', as(user));
      const notReadYet = res.body.indexedAt === new Date(0).toISOString();
      if (res.status !== 200 || !notReadYet || attempt > 50) {
        return res;
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  };

  it('lists what the catalog runs, grouped by capability, deprecated ones left out', async () => {
    const res = await offerings('');
    expect(res.status).toBe(200);
    const refs = res.body.items.map((item: any) => item.entityRef);
    expect(refs).toContain('component:default/esign-gateway');
    expect(refs).not.toContain('component:default/legacy-sign');
    expect(res.body.totalCount).toBe(3);
    expect(res.body.currency).toBe('EUR');
    const gateway = res.body.items.find(
      (item: any) => item.entityRef === 'component:default/esign-gateway',
    );
    expect(gateway).toMatchObject({
      kind: 'Component',
      type: 'service',
      title: 'E-signature gateway',
      owner: 'group:default/platform',
      usedBy: [],
      deprecated: false,
    });
    expect(gateway.capabilities[0]).toEqual({
      id: 'e-signature',
      label: 'E-signature',
    });
    // Grouped: items come in the order of their first capability's label.
    const firstLabels = res.body.items
      .map((item: any) => item.capabilities[0]?.label)
      .filter(Boolean);
    expect(firstLabels).toEqual([...firstLabels].sort());
  });

  it('shows deprecated offerings when asked', async () => {
    const res = await offerings('?includeDeprecated=true&q=sign');
    expect(res.body.items.map((item: any) => item.entityRef).sort()).toEqual([
      'component:default/esign-gateway',
      'component:default/legacy-sign',
    ]);
    expect(res.body.items.find((item: any) => item.deprecated)?.lifecycle).toBe(
      'deprecated',
    );
  });

  it('finds offerings by words, by the start of a word, and by capability', async () => {
    // As a browser's URLSearchParams writes it: a space as "+".
    const twoWords = await offerings('?q=signing+envelope');
    expect(twoWords.status).toBe(200);
    expect(twoWords.body.items.map((item: any) => item.entityRef)).toEqual([
      'component:default/esign-gateway',
    ]);
    const byDepartment = await offerings(
      '?department=group:default/platform&capability=e-signature',
    );
    expect(byDepartment.body.totalCount).toBe(1);
    const byWord = await offerings('?q=signing');
    expect(byWord.body.items.map((item: any) => item.entityRef)).toEqual([
      'component:default/esign-gateway',
    ]);
    const byStart = await offerings('?q=zoo');
    expect(byStart.body.items.map((item: any) => item.entityRef)).toEqual([
      'component:default/video-meetings',
    ]);
    const byCapability = await offerings('?capability=e-signature');
    expect(byCapability.body.totalCount).toBe(1);
    expect(byCapability.body.facets.capabilities).toContainEqual({
      value: 'e-signature',
      label: 'E-signature',
      count: 1,
    });
    const nothing = await offerings('?q=drone');
    expect(nothing.status).toBe(200);
    expect(nothing.body).toMatchObject({ items: [], totalCount: 0 });
  });

  it('pages, with every offering once', async () => {
    const first = await offerings('?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBeDefined();
    const second = await offerings(`?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeUndefined();
    const all = [...first.body.items, ...second.body.items].map(
      (item: any) => item.entityRef,
    );
    expect(new Set(all).size).toBe(3);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?includeDeprecated=perhaps', 'includeDeprecated'],
    ['?cursor=abc', 'cursor'],
    ['?colour=blue', 'colour'],
  ])('refuses %s with 400 naming the parameter', async (query, name) => {
    const res = await backend
      .api()
      .get(`/api/tech-requests/offerings${query}`)
      .set('Authorization', as(PEOPLE.jane));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(name);
  });

  it('files a request for an offering with it as a confirmed candidate', async () => {
    await offerings('');
    const file = (body: object) =>
      backend
        .api()
        .post('/api/tech-requests/requests')
        .set('Authorization', as(PEOPLE.jane))
        .send({
          title: 'Use the e-signature gateway',
          need: 'Legal wants clients to sign engagement letters online.',
          submit: true,
          ...body,
        });
    const candidate = (res: any, entityRef: string) =>
      res.body.reuseSuggestions.find((c: any) => c.entityRef === entityRef);

    const forOffering = await file({
      preferredPath: 'reuse',
      namedReuseCandidates: [
        'component:default/esign-gateway',
        'component:default/legacy-sign',
      ],
    });
    expect(forOffering.status).toBe(201);
    expect(
      candidate(forOffering, 'component:default/esign-gateway'),
    ).toMatchObject({
      origin: 'requester',
      state: 'confirmed',
      title: 'E-signature gateway',
    });
    // Deprecated: not on offer, so the reviewers decide.
    expect(candidate(forOffering, 'component:default/legacy-sign').state).toBe(
      'suggested',
    );

    const toBuy = await file({
      preferredPath: 'buy',
      namedReuseCandidates: ['component:default/esign-gateway'],
    });
    expect(candidate(toBuy, 'component:default/esign-gateway').state).toBe(
      'suggested',
    );
  });

  it('answers 401 without credentials', async () => {
    const res = await backend
      .api()
      .get('/api/tech-requests/offerings')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
