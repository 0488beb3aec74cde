import { mockServices } from '@backstage/backend-test-utils';
import { TechRequest } from '@tech-requests/plugin-tech-requests-common';
import {
  aTechRequest,
  CHECKED_SECURITY_ANSWERS,
} from '@tech-requests/plugin-tech-requests-common/testUtils';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { NewRequestRow, RequestStore } from './RequestStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** A draft as it is written: the common fixture without its id. */
function aRequest(overrides: Partial<NewRequestRow> = {}): NewRequestRow {
  const { id: _id, ...row } = aTechRequest(overrides);
  return row;
}

describe.each(databases.eachSupportedId())('RequestStore on %p', databaseId => {
  let knex: Knex;
  let store: RequestStore;

  async function insert(request: NewRequestRow): Promise<number> {
    return store.transaction(tx => store.insertRequest(tx, request));
  }

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    store = await RequestStore.create(mockServices.database({ knex }));
  });

  it('runs its migrations again without harm', async () => {
    const id = await insert(aRequest());
    const again = await RequestStore.create(mockServices.database({ knex }));
    expect((await again.getRequest(id))?.title).toBe('Online contract signing');
  });

  it('skips migrations when told to', async () => {
    const fresh = await databases.init(databaseId);
    await RequestStore.create(
      mockServices.database({ knex: fresh, migrations: { skip: true } }),
    );
    expect(await fresh.schema.hasTable('tech_requests')).toBe(false);
  });

  it('stores and reads back every kind of field unchanged', async () => {
    const full = aRequest({
      title: 'Signature électronique ✍️ "quoted" \'single\'',
      need: `# Need\n\n${'Long markdown text. '.repeat(900)}`,
      businessSponsor: 'Ana Ruiz',
      expectedUsers: 1250,
      wantedBy: '2027-03-31',
      budgetRange: { min: 1000.5, max: 25000, currency: 'EUR' },
      capabilities: ['e-signature', 'audit trail'],
      integrations: ['system:default/crm', 'api:default/document-store'],
      namedReuseCandidates: ['component:default/esign-gateway'],
      dataClassification: 'confidential',
      ...CHECKED_SECURITY_ANSWERS,
      vendorCandidates: [
        {
          name: 'DocuSign',
          url: 'https://www.docusign.com',
          quotedCost: {
            amount: 25,
            currency: 'EUR',
            period: 'per-user-monthly',
          },
        },
      ],
      preferredPath: 'buy',
      status: 'approved',
      decision: {
        outcome: 'approved',
        path: 'reuse',
        targetEntityRef: 'component:default/esign-gateway',
        rationale: 'Sales already runs it.',
        decidedBy: 'user:default/lena.fischer',
        decidedAt: '2026-01-02T10:00:00.000Z',
      },
      submittedAt: '2026-01-01T10:00:00.000Z',
      version: 7,
      entityName: 'tr-1-signature-electronique',
    });
    const id = await insert(full);
    const read = await store.getRequest(id);
    expect(read).toEqual<TechRequest>({ id, ...full });
    expect(typeof read?.handlesPersonalData).toBe('boolean');
  });

  it('omits optional fields that were never set', async () => {
    const id = await insert(aRequest());
    const read = await store.getRequest(id);
    expect(read).not.toHaveProperty('decision');
    expect(read).not.toHaveProperty('budgetRange');
    expect(read).not.toHaveProperty('expectedUsers');
    expect(read?.handlesPersonalData).toBe(false);
  });

  it('answers undefined for an unknown id', async () => {
    expect(await store.getRequest(4242)).toBeUndefined();
  });

  it('updates only from the expected version, and moves to the next one', async () => {
    const id = await insert(aRequest());
    const first = await store.transaction(tx =>
      store.updateRequest(tx, id, 1, { title: 'First' }),
    );
    const stale = await store.transaction(tx =>
      store.updateRequest(tx, id, 1, { title: 'Second' }),
    );
    expect([first, stale]).toEqual([true, false]);
    expect(await store.getRequest(id)).toMatchObject({
      title: 'First',
      version: 2,
    });
  });

  it('lets exactly one of two concurrent updates from the same version win', async () => {
    const id = await insert(aRequest());
    const results = await Promise.all(
      ['Left', 'Right'].map(title =>
        store.transaction(tx => store.updateRequest(tx, id, 1, { title })),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const read = await store.getRequest(id);
    expect(read?.version).toBe(2);
    expect(read?.title).toBe(results[0] ? 'Left' : 'Right');
  });

  it('writes nothing of a transaction that fails', async () => {
    await expect(
      store.transaction(async tx => {
        const id = await store.insertRequest(tx, aRequest());
        await store.insertHistory(tx, {
          requestId: id,
          actor: 'user:default/jane.doe',
          action: 'create',
          at: '2026-01-01T09:00:00.000Z',
          changes: {},
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await knex('tech_requests').count({ n: '*' })).toEqual([
      { n: expect.anything() },
    ]);
    const [{ n }] = await knex('tech_requests').count({ n: '*' });
    const [{ h }] = await knex('tech_request_history').count({ h: '*' });
    expect([Number(n), Number(h)]).toEqual([0, 0]);
  });

  describe('listing', () => {
    const titles = ['Delta', 'alpha', 'Charlie', 'Bravo', 'echo'];

    beforeEach(async () => {
      for (const [index, title] of titles.entries()) {
        await insert(
          aRequest({
            title,
            need:
              index === 2
                ? 'We need 100%_coverage of SIGNING'
                : `Need number ${index}`,
            status: index % 2 ? 'submitted' : 'draft',
            requestingGroup:
              index < 3 ? 'group:default/legal' : 'group:default/sales',
            requester:
              index === 4
                ? 'user:default/maria.garcia'
                : 'user:default/jane.doe',
            createdAt: `2026-01-0${index + 1}T09:00:00.000Z`,
            updatedAt: `2026-02-0${5 - index}T09:00:00.000Z`,
          }),
        );
      }
    });

    const titlesOf = (page: { items: TechRequest[] }) =>
      page.items.map(i => i.title);

    it('lists newest first by default, with the total count', async () => {
      const page = await store.listRequests({});
      expect(titlesOf(page)).toEqual([...titles].reverse());
      expect(page.totalCount).toBe(5);
      expect(page.nextCursor).toBeUndefined();
    });

    it('filters by statuses, group and requester', async () => {
      expect(
        titlesOf(await store.listRequests({ status: ['submitted'] })),
      ).toEqual(['Bravo', 'alpha']);
      expect(
        (await store.listRequests({ status: ['submitted', 'draft'] }))
          .totalCount,
      ).toBe(5);
      expect(
        titlesOf(
          await store.listRequests({ requestingGroup: 'group:default/sales' }),
        ),
      ).toEqual(['echo', 'Bravo']);
      expect(
        titlesOf(
          await store.listRequests({ requester: 'user:default/maria.garcia' }),
        ),
      ).toEqual(['echo']);
      expect(
        (
          await store.listRequests({
            status: ['draft'],
            requestingGroup: 'group:default/legal',
          })
        ).totalCount,
      ).toBe(2);
    });

    it('finds text in title or need, ignoring case, with wildcards taken literally', async () => {
      expect(titlesOf(await store.listRequests({ q: 'signing' }))).toEqual([
        'Charlie',
      ]);
      expect(titlesOf(await store.listRequests({ q: 'ALPHA' }))).toEqual([
        'alpha',
      ]);
      expect(titlesOf(await store.listRequests({ q: '100%_c' }))).toEqual([
        'Charlie',
      ]);
      expect((await store.listRequests({ q: '%' })).totalCount).toBe(1);
      expect((await store.listRequests({ q: '_' })).totalCount).toBe(1);
      expect(
        (await store.listRequests({ q: "'; DROP TABLE tech_requests; --" }))
          .totalCount,
      ).toBe(0);
      expect((await store.listRequests({})).totalCount).toBe(5);
    });

    it('sorts by title and by last change, both ways', async () => {
      const lower = (list: string[]) => list.map(t => t.toLowerCase());
      expect(
        lower(
          titlesOf(await store.listRequests({ sort: 'title', order: 'asc' })),
        ),
      ).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
      expect(
        titlesOf(await store.listRequests({ sort: 'updated', order: 'asc' })),
      ).toEqual([...titles].reverse());
      expect(
        titlesOf(await store.listRequests({ sort: 'created', order: 'asc' })),
      ).toEqual(titles);
    });

    it('pages with offset and limit, counting every match', async () => {
      const page = await store.listRequests({
        sort: 'created',
        order: 'asc',
        limit: 2,
        offset: 2,
      });
      expect(titlesOf(page)).toEqual(['Charlie', 'Bravo']);
      expect(page.totalCount).toBe(5);
    });

    it.each([
      ['created', 'asc'],
      ['created', 'desc'],
      ['updated', 'asc'],
      ['updated', 'desc'],
      ['title', 'asc'],
      ['title', 'desc'],
    ] as const)(
      'pages with cursors by %s %s, each request once',
      async (sort, order) => {
        const all = titlesOf(
          await store.listRequests({ sort, order, limit: 100 }),
        );
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listRequests({
            sort,
            order,
            limit: 2,
            cursor,
          });
          expect(page.totalCount).toBe(5);
          seen.push(...titlesOf(page));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen).toEqual(all);
      },
    );

    it('keeps a cursor in place when requests are added meanwhile', async () => {
      const first = await store.listRequests({
        sort: 'created',
        order: 'asc',
        limit: 2,
      });
      await insert(aRequest({ title: 'Foxtrot' }));
      const second = await store.listRequests({
        sort: 'created',
        order: 'asc',
        limit: 2,
        cursor: first.nextCursor,
      });
      expect(titlesOf(second)).toEqual(['Charlie', 'Bravo']);
    });

    it('breaks ties of equal sort values by id', async () => {
      await insert(
        aRequest({ title: 'Same', updatedAt: '2026-03-01T00:00:00.000Z' }),
      );
      await insert(
        aRequest({ title: 'Same', updatedAt: '2026-03-01T00:00:00.000Z' }),
      );
      await insert(
        aRequest({ title: 'Same', updatedAt: '2026-03-01T00:00:00.000Z' }),
      );
      const ids: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listRequests({
          q: 'Need number',
          sort: 'updated',
          limit: 1,
          cursor,
        });
        ids.push(...page.items.map(i => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('refuses a cursor it did not make', async () => {
      await expect(
        store.listRequests({ cursor: 'not-a-cursor' }),
      ).rejects.toThrow(/cursor is not a cursor this API returned/);
    });
  });

  it('keeps history, reviews and comments per request, oldest first', async () => {
    const id = await insert(aRequest());
    const other = await insert(aRequest());
    await store.transaction(async tx => {
      await store.insertHistory(tx, {
        requestId: id,
        actor: 'user:default/jane.doe',
        action: 'create',
        at: '2026-01-01T09:00:00.000Z',
        changes: { title: { before: null, after: 'Online contract signing' } },
      });
      await store.insertHistory(tx, {
        requestId: id,
        actor: 'user:default/jane.doe',
        action: 'submit',
        at: '2026-01-01T09:05:00.000Z',
        changes: { status: { before: 'draft', after: 'submitted' } },
        note: 'Please hurry',
      });
      await store.insertReview(tx, {
        requestId: id,
        reviewer: 'user:default/priya.shah',
        area: 'architecture',
        verdict: 'concerns',
        comment: 'Use the gateway',
        createdAt: '2026-01-02T09:00:00.000Z',
      });
      await store.insertComment(tx, {
        requestId: id,
        author: 'user:default/sam.okafor',
        body: 'Which data?',
        createdAt: '2026-01-02T09:30:00.000Z',
      });
    });

    const history = await store.listHistory(id, { limit: 10 });
    expect(history.more).toBe(false);
    expect(history.items.map(h => [h.action, h.changes, h.note])).toEqual([
      [
        'create',
        { title: { before: null, after: 'Online contract signing' } },
        undefined,
      ],
      [
        'submit',
        { status: { before: 'draft', after: 'submitted' } },
        'Please hurry',
      ],
    ]);
    expect(await store.listReviews(id)).toEqual([
      expect.objectContaining({
        requestId: id,
        area: 'architecture',
        verdict: 'concerns',
      }),
    ]);
    expect((await store.listComments(id)).map(c => c.body)).toEqual([
      'Which data?',
    ]);
    expect(await store.listHistory(other, { limit: 10 })).toEqual({
      items: [],
      more: false,
    });
    const first = await store.listHistory(id, { limit: 1 });
    expect(first.more).toBe(true);
    expect(
      await store.listHistory(id, { limit: 1, afterId: first.items[0].id }),
    ).toEqual({ items: [history.items[1]], more: false });
    expect(await store.listReviews(other)).toEqual([]);
  });
});
