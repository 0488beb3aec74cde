import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  HistoryEntry,
  TechRequestChangedEvent,
} from '@tech-requests/plugin-tech-requests-common';
import request from 'supertest';
import {
  as,
  eventCollector,
  PEOPLE,
  pluginBackendOn,
} from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const NEED = {
  title: 'Online contract signing',
  need: 'Legal wants clients to sign engagement letters online.',
};

describe.each(databases.eachSupportedId())(
  'the tech-requests API on %p',
  databaseId => {
    const auditEvents: { eventId: string; outcome: string }[] = [];
    const announced: TechRequestChangedEvent[] = [];
    const auditor = mockServices.auditor.mock({
      createEvent: jest.fn(async ({ eventId }) => ({
        success: jest.fn(async () => {
          auditEvents.push({ eventId, outcome: 'success' });
        }),
        fail: jest.fn(async () => {
          auditEvents.push({ eventId, outcome: 'fail' });
        }),
      })),
    });
    const backend = pluginBackendOn(databases, databaseId, {
      extraFeatures: [auditor.factory, eventCollector(announced)],
    });

    const api = backend.api;
    const create = (user: string, body: object = NEED) =>
      api()
        .post('/api/tech-requests/requests')
        .set('Authorization', as(user))
        .send(body);
    const transition = (user: string, id: number, body: object) =>
      api()
        .post(`/api/tech-requests/requests/${id}/transitions`)
        .set('Authorization', as(user))
        .send(body);
    const patch = (user: string, id: number, body: object) =>
      api()
        .patch(`/api/tech-requests/requests/${id}`)
        .set('Authorization', as(user))
        .send(body);
    const history = async (id: number): Promise<HistoryEntry[]> =>
      (
        await api()
          .get(`/api/tech-requests/requests/${id}/history`)
          .set('Authorization', as(PEOPLE.jane))
      ).body.items;

    /** A reviewer's verdict on a candidate, on the request's current version. */
    const assess = async (user: string, id: number, body: object) => {
      const current = await api()
        .get(`/api/tech-requests/requests/${id}`)
        .set('Authorization', as(user));
      return api()
        .post(`/api/tech-requests/requests/${id}/reuse-candidates`)
        .set('Authorization', as(user))
        .send({ version: current.body.version, ...body });
    };

    /** Suggestions, once the index has been built from the catalog after start-up. */
    const suggest = async (body: object) => {
      for (let attempt = 0; ; attempt++) {
        const res = await api()
          .post('/api/tech-requests/reuse/suggestions')
          .set('Authorization', as(PEOPLE.jane))
          .send(body);
        if (res.status !== 503 || attempt > 50) {
          return res;
        }
        await new Promise(resolve => setTimeout(resolve, 200));
      }
    };

    /** A request of Jane's brought to `in-review` by Priya. */
    async function inReview(): Promise<number> {
      const { body } = await create(PEOPLE.jane, { ...NEED, submit: true });
      const started = await transition(PEOPLE.priya, body.id, {
        action: 'start-review',
      });
      expect(started.status).toBe(200);
      return body.id;
    }

    describe('health', () => {
      it('answers without credentials', async () => {
        const res = await api().get('/api/tech-requests/health');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ status: 'ok' });
      });

      it('asks for credentials everywhere else', async () => {
        const res = await api()
          .get('/api/tech-requests/requests')
          .set('Authorization', mockCredentials.none.header());
        expect(res.status).toBe(401);
      });
    });

    describe('creating', () => {
      it('files a draft as the signed-in user, with defaults', async () => {
        const res = await create(PEOPLE.jane);
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          ...NEED,
          requester: PEOPLE.jane,
          requestingGroup: 'group:default/legal',
          status: 'draft',
          version: 1,
          dataClassification: 'internal',
          handlesPersonalData: false,
          preferredPath: 'unsure',
          capabilities: [],
          integrations: [],
          vendorCandidates: [],
          allowedActions: ['edit', 'delete', 'submit', 'withdraw', 'comment'],
        });
        expect(res.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        const entries = await history(res.body.id);
        expect(entries.map(e => [e.action, e.actor])).toEqual([
          ['create', PEOPLE.jane],
        ]);
        expect(entries[0].changes.title).toEqual({
          before: null,
          after: NEED.title,
        });
      });

      it('submits at once when asked, recording both steps', async () => {
        const res = await create(PEOPLE.jane, { ...NEED, submit: true });
        expect(res.status).toBe(201);
        expect(res.body.status).toBe('submitted');
        expect(res.body.submittedAt).toBe(res.body.createdAt);
        const entries = await history(res.body.id);
        expect(entries.map(e => e.action)).toEqual(['create', 'submit']);
        expect(entries[1].changes.status).toEqual({
          before: 'draft',
          after: 'submitted',
        });
      });

      it('stores every field it is given, with entity refs in full form', async () => {
        const full = {
          ...NEED,
          requestingGroup: 'group:legal',
          businessSponsor: 'Ana Ruiz, General Counsel',
          expectedUsers: 40,
          wantedBy: '2027-06-30',
          budgetRange: { min: 5000, max: 20000, currency: 'EUR' },
          capabilities: ['e-signature'],
          integrations: ['system:crm', 'api:default/document-store'],
          dataClassification: 'confidential',
          handlesPersonalData: true,
          vendorCandidates: [
            {
              name: 'DocuSign',
              url: 'https://www.docusign.com',
              quotedCost: {
                amount: 30,
                currency: 'EUR',
                period: 'per-user-monthly',
              },
            },
          ],
          preferredPath: 'buy',
        };
        const res = await create(PEOPLE.jane, full);
        expect(res.status).toBe(201);
        const read = await api()
          .get(`/api/tech-requests/requests/${res.body.id}`)
          .set('Authorization', as(PEOPLE.jane));
        expect(read.body).toMatchObject({
          ...full,
          requestingGroup: 'group:default/legal',
          integrations: ['system:default/crm', 'api:default/document-store'],
        });
      });

      it('takes the requester from credentials, never from the body', async () => {
        const res = await create(PEOPLE.jane, {
          ...NEED,
          requester: PEOPLE.lena,
        });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('Unknown field: requester');
      });

      it.each([
        [{ need: 'x' }, "must have required property 'title'"],
        [{ ...NEED, title: 5 }, 'title must be string'],
        [
          { ...NEED, title: 'x'.repeat(201) },
          'title must NOT have more than 200 characters',
        ],
        [{ ...NEED, title: '   ' }, 'title must not be blank'],
        [{ ...NEED, expectedUsers: 'many' }, 'expectedUsers must be integer'],
        [{ ...NEED, expectedUsers: -1 }, 'expectedUsers must be >= 0'],
        [
          { ...NEED, dataClassification: 'secret' },
          'dataClassification must be equal to one of the allowed values',
        ],
        [
          { ...NEED, wantedBy: '2027-02-30' },
          'wantedBy must be a date in YYYY-MM-DD form',
        ],
        [
          { ...NEED, integrations: ['crm'] },
          'integrations[0] must be an entity ref',
        ],
        [
          { ...NEED, requestingGroup: 'user:default/jane.doe' },
          'requestingGroup must be a group entity ref',
        ],
        [
          { ...NEED, budgetRange: { min: 10, max: 5, currency: 'EUR' } },
          'budgetRange.min must not be greater',
        ],
        [
          { ...NEED, budgetRange: { max: 5, currency: 'euros' } },
          'currency must match pattern',
        ],
        [
          {
            ...NEED,
            vendorCandidates: [
              { name: 'X', url: ['javascript', 'alert(1)'].join(':') },
            ],
          },
          'url must match pattern',
        ],
        [
          { ...NEED, vendorCandidates: [{ name: 'X', price: 3 }] },
          'Unknown field: vendorCandidates[0].price',
        ],
        [
          { ...NEED, handlesPersonalData: 'yes' },
          'handlesPersonalData must be boolean',
        ],
        [
          { ...NEED, capabilities: 'e-signature' },
          'capabilities must be array',
        ],
      ])(
        'refuses %j with a 400 that names the field',
        async (body, message) => {
          const res = await create(PEOPLE.jane, body);
          expect(res.status).toBe(400);
          expect(res.body.error.name).toBe('InputError');
          expect(res.body.error.message).toContain(message);
        },
      );

      it('refuses malformed JSON with a 400', async () => {
        const res = await api()
          .post('/api/tech-requests/requests')
          .set('Authorization', as(PEOPLE.jane))
          .set('Content-Type', 'application/json')
          .send('{"title": ');
        expect(res.status).toBe(400);
      });

      it('refuses a body over 100 kB with a 413, and reads one just under it', async () => {
        const tooLarge = await create(PEOPLE.jane, {
          ...NEED,
          need: 'n'.repeat(110_000),
        });
        expect(tooLarge.status).toBe(413);
        expect(tooLarge.body.error).toEqual({
          name: 'PayloadTooLargeError',
          message: 'The body is larger than 100kb',
        });
        // Still read and refused by its field: a 20,000-character need is the limit.
        const long = await create(PEOPLE.jane, {
          ...NEED,
          need: 'n'.repeat(90_000),
        });
        expect(long.status).toBe(400);
        expect(long.body.error.message).toContain('need');
      });

      it('asks which group when the user belongs to several', async () => {
        const res = await create(PEOPLE.multi);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('requestingGroup is required');
        const chosen = await create(PEOPLE.multi, {
          ...NEED,
          requestingGroup: 'group:default/sales',
        });
        expect(chosen.status).toBe(201);
        expect(chosen.body.requestingGroup).toBe('group:default/sales');
      });

      it('refuses to file for a group the user does not belong to, and writes nothing', async () => {
        const before = await api()
          .get('/api/tech-requests/requests')
          .set('Authorization', as(PEOPLE.tom));
        const res = await create(PEOPLE.tom, {
          ...NEED,
          requestingGroup: 'group:default/legal',
        });
        expect(res.status).toBe(403);
        const after = await api()
          .get('/api/tech-requests/requests')
          .set('Authorization', as(PEOPLE.tom));
        expect(after.body.totalCount).toBe(before.body.totalCount);
      });
    });

    describe('reading', () => {
      it('answers 404 for an unknown id and 400 for a malformed one', async () => {
        const missing = await api()
          .get('/api/tech-requests/requests/999999')
          .set('Authorization', as(PEOPLE.jane));
        expect(missing.status).toBe(404);
        expect(missing.body.error.name).toBe('NotFoundError');
        const malformed = await api()
          .get('/api/tech-requests/requests/abc')
          .set('Authorization', as(PEOPLE.jane));
        expect(malformed.status).toBe(400);
        for (const sub of ['history', 'reviews', 'comments']) {
          const res = await api()
            .get(`/api/tech-requests/requests/999999/${sub}`)
            .set('Authorization', as(PEOPLE.jane));
          expect(res.status).toBe(404);
        }
      });

      it.each(['0x1', '1e0', '+1', '01', '1.0', '-1', '2147483648'])(
        'reads ids in decimal notation only, refusing %s with a 400',
        async id => {
          const res = await api()
            .get(`/api/tech-requests/requests/${encodeURIComponent(id)}`)
            .set('Authorization', as(PEOPLE.jane));
          expect(res.status).toBe(400);
        },
      );

      it('refuses NUL characters in text with a 400 naming where', async () => {
        const res = await create(PEOPLE.jane, {
          title: 'Nul\u0000byte',
          need: 'x',
        });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(
          'body.title must not contain NUL characters',
        );
      });

      it.each([
        ['a lone high surrogate', 'a\ud800b'],
        ['a lone low surrogate', '\udfff x'],
        ['a reversed pair', 'a\udc00\ud800b'],
      ])(
        'refuses %s in text with a 400, and keeps whole pairs',
        async (_name, need) => {
          const res = await create(PEOPLE.jane, { title: 'Odd text', need });
          expect(res.status).toBe(400);
          expect(res.body.error.message).toBe(
            'body.need must not contain unpaired surrogates (half of a UTF-16 pair)',
          );
          const emoji = await create(PEOPLE.jane, {
            title: 'Emoji 😀',
            need: 'a\ud83d\ude00b',
          });
          expect(emoji.status).toBe(201);
          expect(emoji.body.need).toBe('a😀b');
        },
      );

      it('names unknown fields even when they look like object internals', async () => {
        const res = await api()
          .post('/api/tech-requests/requests')
          .set('Authorization', as(PEOPLE.jane))
          .set('Content-Type', 'application/json')
          .send('{"title":"t","need":"n","constructor":1}');
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('Unknown field: constructor');
      });

      it('shows each person the actions they may take', async () => {
        const { body } = await create(PEOPLE.jane, { ...NEED, submit: true });
        const actionsOf = async (user: string) =>
          (
            await api()
              .get(`/api/tech-requests/requests/${body.id}`)
              .set('Authorization', as(user))
          ).body.allowedActions;
        expect(await actionsOf(PEOPLE.jane)).toEqual([
          'edit',
          'withdraw',
          'comment',
        ]);
        expect(await actionsOf(PEOPLE.john)).toEqual(['edit', 'comment']);
        expect(await actionsOf(PEOPLE.priya)).toEqual([
          'start-review',
          'review',
          'assess-reuse',
          'adjust-costs',
          'comment',
        ]);
        expect(await actionsOf(PEOPLE.lena)).toEqual([
          'start-review',
          'review',
          'assess-reuse',
          'adjust-costs',
          'reject',
          'defer',
          'comment',
        ]);
        expect(await actionsOf(PEOPLE.tom)).toEqual(['comment']);
      });
    });

    describe('listing', () => {
      const marker = `list-${databaseId}`;
      beforeAll(async () => {
        for (const [index, title] of ['Gamma', 'alpha', 'Beta'].entries()) {
          const res = await create(index === 2 ? PEOPLE.multi : PEOPLE.jane, {
            title: `${title} ${marker}`,
            need: `Need ${index}`,
            submit: index !== 1,
            ...(index === 2 && { requestingGroup: 'group:default/sales' }),
          });
          if (res.status !== 201) {
            throw new Error(`could not create the list fixtures: ${res.text}`);
          }
        }
      });

      const list = (query: string) =>
        api()
          .get(`/api/tech-requests/requests?q=${marker}&${query}`)
          .set('Authorization', as(PEOPLE.lena));
      const titles = (res: request.Response) =>
        res.status === 200
          ? res.body.items.map((item: any) => item.title.split(' ')[0])
          : res.body.error;

      it('filters by status, group and requester', async () => {
        expect(titles(await list('status=submitted'))).toEqual([
          'Beta',
          'Gamma',
        ]);
        expect(titles(await list('status=submitted&status=draft'))).toEqual([
          'Beta',
          'alpha',
          'Gamma',
        ]);
        expect(
          titles(await list('requestingGroup=group:default/sales')),
        ).toEqual(['Beta']);
        expect(titles(await list(`requester=${PEOPLE.jane}`))).toEqual([
          'alpha',
          'Gamma',
        ]);
      });

      it('lists what waits for the signed-in person', async () => {
        const waitingFor = (user: string) =>
          api()
            .get(
              `/api/tech-requests/requests?q=${marker}&waitingForMe=true&sort=title&order=asc`,
            )
            .set('Authorization', as(user));
        expect(titles(await waitingFor(PEOPLE.jane))).toEqual(['alpha']);
        expect(titles(await waitingFor(PEOPLE.priya))).toEqual([
          'Beta',
          'Gamma',
        ]);
        expect(titles(await waitingFor(PEOPLE.tom))).toEqual([]);
        const service = await api()
          .get('/api/tech-requests/requests?waitingForMe=true')
          .set('Authorization', mockCredentials.service.header());
        expect(service.status).toBe(400);
        expect(service.body.error.message).toContain(
          'waitingForMe needs a signed-in user',
        );
      });

      it('sorts and pages, with a total count', async () => {
        expect(titles(await list('sort=title&order=asc'))).toEqual([
          'alpha',
          'Beta',
          'Gamma',
        ]);
        const first = await list('sort=title&order=asc&limit=2');
        expect(first.body.totalCount).toBe(3);
        expect(titles(first)).toEqual(['alpha', 'Beta']);
        const second = await list(
          `sort=title&order=asc&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
        );
        expect(titles(second)).toEqual(['Gamma']);
        expect(second.body.nextCursor).toBeUndefined();
        expect(
          titles(await list('sort=title&order=asc&limit=2&offset=2')),
        ).toEqual(['Gamma']);
      });

      it.each([
        ['limit=0', 'limit must be >= 1'],
        ['limit=101', 'limit must be <= 100'],
        ['limit=ten', 'limit must be integer'],
        ['sort=price', 'sort must be equal to one of the allowed values'],
        ['status=lost', 'status/0 must be equal to one of the allowed values'],
        ['offset=-1', 'offset must be >= 0'],
        ['colour=red', "Unknown query parameter 'colour'"],
        ['offset=1&cursor=abc', 'offset and cursor cannot be used together'],
        ['cursor=abc', 'cursor is not a cursor this API returned'],
      ])('refuses %s with a 400', async (query, message) => {
        const res = await list(query);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
      });
    });

    describe('editing', () => {
      it('changes the fields given, records before and after, and moves the version on', async () => {
        const { body } = await create(PEOPLE.jane);
        const res = await patch(PEOPLE.john, body.id, {
          version: 1,
          title: 'Sign contracts online',
          expectedUsers: 12,
        });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          title: 'Sign contracts online',
          expectedUsers: 12,
          version: 2,
        });
        const edit = (await history(body.id)).pop()!;
        expect(edit.action).toBe('edit');
        expect(edit.actor).toBe(PEOPLE.john);
        expect(edit.changes).toEqual({
          title: { before: NEED.title, after: 'Sign contracts online' },
          expectedUsers: { before: null, after: 12 },
        });
      });

      it('clears optional fields sent as null', async () => {
        const { body } = await create(PEOPLE.jane, {
          ...NEED,
          wantedBy: '2027-01-31',
          budgetRange: { max: 900, currency: 'EUR' },
        });
        const res = await patch(PEOPLE.jane, body.id, {
          version: 1,
          wantedBy: null,
          budgetRange: null,
          businessSponsor: null,
        });
        expect(res.status).toBe(200);
        expect(res.body).not.toHaveProperty('wantedBy');
        expect(res.body).not.toHaveProperty('budgetRange');
        const read = await api()
          .get(`/api/tech-requests/requests/${body.id}`)
          .set('Authorization', as(PEOPLE.jane));
        expect(read.body).not.toHaveProperty('wantedBy');
        expect((await history(body.id)).pop()!.changes).toEqual({
          wantedBy: { before: '2027-01-31', after: null },
          budgetRange: { before: { max: 900, currency: 'EUR' }, after: null },
        });
      });

      it('leaves the request alone when nothing changes', async () => {
        const { body } = await create(PEOPLE.jane);
        const res = await patch(PEOPLE.jane, body.id, {
          version: 1,
          title: NEED.title,
        });
        expect(res.status).toBe(200);
        expect(res.body.version).toBe(1);
        expect((await history(body.id)).map(e => e.action)).toEqual(['create']);
      });

      it('answers 409 with the current version to a stale edit', async () => {
        const { body } = await create(PEOPLE.jane);
        await patch(PEOPLE.jane, body.id, {
          version: 1,
          title: 'Changed once',
        });
        const res = await patch(PEOPLE.jane, body.id, {
          version: 1,
          title: 'Changed twice',
        });
        expect(res.status).toBe(409);
        expect(res.body.error.name).toBe('ConflictError');
        expect(res.body.error.message).toContain('the current version is 2');
        expect(res.body.error.currentVersion).toBe(2);
      });

      it('lets exactly one of two concurrent edits win, losing nothing silently', async () => {
        const { body } = await create(PEOPLE.jane);
        const results = await Promise.all([
          patch(PEOPLE.jane, body.id, { version: 1, title: 'Jane was here' }),
          patch(PEOPLE.john, body.id, { version: 1, title: 'John was here' }),
        ]);
        expect(results.map(r => r.status).sort()).toEqual([200, 409]);
        const winner = results.find(r => r.status === 200)!;
        const read = await api()
          .get(`/api/tech-requests/requests/${body.id}`)
          .set('Authorization', as(PEOPLE.jane));
        expect(read.body.title).toBe(winner.body.title);
        expect(read.body.version).toBe(2);
        expect(
          (await history(body.id)).filter(e => e.action === 'edit'),
        ).toHaveLength(1);
      });

      it('is for the requesting side only, and only before review starts', async () => {
        const { body } = await create(PEOPLE.jane, { ...NEED, submit: true });
        const outsider = await patch(PEOPLE.tom, body.id, {
          version: 2,
          title: 'Mine now',
        });
        expect(outsider.status).toBe(403);
        expect(outsider.body.error.message).toContain(
          'only the requester or a member of the requesting group',
        );
        await transition(PEOPLE.priya, body.id, { action: 'start-review' });
        const late = await patch(PEOPLE.jane, body.id, {
          version: 3,
          title: 'Too late',
        });
        expect(late.status).toBe(409);
        expect(late.body.error.message).toContain(
          'Allowed now: withdraw, comment',
        );
        expect(late.body.error.allowedActions).toEqual(['withdraw', 'comment']);
      });

      it.each([
        [{ title: 'No version' }, "must have required property 'version'"],
        [{ version: 1 }, 'must NOT have fewer than 2 properties'],
        [{ version: 1, status: 'approved' }, 'Unknown field: status'],
        [
          { version: 1, requester: 'user:default/tom.baker' },
          'Unknown field: requester',
        ],
        [{ version: 'one', title: 'x' }, 'version must be integer'],
      ])('refuses %j with a 400', async (body, message) => {
        const created = await create(PEOPLE.jane);
        const res = await patch(PEOPLE.jane, created.body.id, body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
      });

      it('answers 404 for an unknown request', async () => {
        const res = await patch(PEOPLE.jane, 999999, {
          version: 1,
          title: 'x',
        });
        expect(res.status).toBe(404);
      });
    });

    describe('the workflow', () => {
      it('takes a request from draft to completed, recording each step', async () => {
        const { body } = await create(PEOPLE.jane);
        const steps: [string, object, string][] = [
          [PEOPLE.jane, { action: 'submit' }, 'submitted'],
          [PEOPLE.priya, { action: 'start-review' }, 'in-review'],
          ['confirm', {}, 'in-review'],
          [
            PEOPLE.lena,
            {
              action: 'approve',
              rationale: 'Sales already runs an e-signature gateway.',
              decision: {
                path: 'reuse',
                targetEntityRef: 'component:esign-gateway',
              },
            },
            'approved',
          ],
          [PEOPLE.priya, { action: 'start-delivery' }, 'in-delivery'],
          [
            PEOPLE.lena,
            { action: 'complete', rationale: 'Live for Legal.' },
            'completed',
          ],
        ];
        for (const [user, step, status] of steps) {
          // A reuse approval names a candidate reviewers confirmed.
          const res =
            user === 'confirm'
              ? await assess(PEOPLE.priya, body.id, {
                  entityRef: 'component:default/esign-gateway',
                  state: 'confirmed',
                })
              : await transition(user, body.id, step);
          expect(res.status).toBe(200);
          expect(res.body.status).toBe(status);
        }
        const read = await api()
          .get(`/api/tech-requests/requests/${body.id}`)
          .set('Authorization', as(PEOPLE.jane));
        expect(read.body.decision).toMatchObject({
          outcome: 'approved',
          path: 'reuse',
          targetEntityRef: 'component:default/esign-gateway',
          rationale: 'Sales already runs an e-signature gateway.',
          decidedBy: PEOPLE.lena,
        });
        expect(read.body.version).toBe(7);
        const entries = await history(body.id);
        expect(entries.map(e => [e.action, e.actor])).toEqual([
          ['create', PEOPLE.jane],
          ['submit', PEOPLE.jane],
          ['start-review', PEOPLE.priya],
          ['assess-reuse', PEOPLE.priya],
          ['approve', PEOPLE.lena],
          ['start-delivery', PEOPLE.priya],
          ['complete', PEOPLE.lena],
        ]);
        expect(entries[4].note).toBe(
          'Sales already runs an e-signature gateway.',
        );
        expect(entries[4].changes.status).toEqual({
          before: 'in-review',
          after: 'approved',
        });
      });

      it('answers 409 naming the actions allowed now to an action the status forbids', async () => {
        const { body } = await create(PEOPLE.jane, { ...NEED, submit: true });
        const res = await transition(PEOPLE.lena, body.id, {
          action: 'approve',
          rationale: 'Fine',
          decision: { path: 'build' },
        });
        expect(res.status).toBe(409);
        expect(res.body.error.message).toBe(
          "'approve' is not possible while the request is submitted. Allowed now: start-review, review, assess-reuse, adjust-costs, reject, defer, comment",
        );
      });

      it('answers 403 to a person who may not act', async () => {
        const id = await inReview();
        const own = await transition(PEOPLE.jane, id, {
          action: 'approve',
          rationale: 'I like it',
          decision: { path: 'build' },
        });
        expect(own.status).toBe(403);
        const reviewer = await transition(PEOPLE.priya, id, {
          action: 'approve',
          rationale: 'ok',
          decision: { path: 'build' },
        });
        expect(reviewer.status).toBe(403);
        expect(reviewer.body.error.message).toContain(
          'only a decider may do this',
        );
        const withdraw = await transition(PEOPLE.john, id, {
          action: 'withdraw',
        });
        expect(withdraw.status).toBe(403);
        expect(withdraw.body.error.message).toContain(
          'only the requester may do this',
        );
      });

      it.each([
        [{ action: 'approve', decision: { path: 'build' } }, 'rationale'],
        [
          { action: 'approve', rationale: '  ', decision: { path: 'build' } },
          'rationale',
        ],
        [{ action: 'approve', rationale: 'ok' }, 'decision.path'],
        [
          { action: 'approve', rationale: 'ok', decision: { path: 'reuse' } },
          'decision.targetEntityRef',
        ],
        [
          { action: 'approve', rationale: 'ok', decision: { path: 'buy' } },
          'decision.vendor',
        ],
        [
          {
            action: 'approve',
            rationale: 'ok',
            decision: { path: 'reuse', targetEntityRef: 'esign' },
          },
          'decision.targetEntityRef must be an entity ref',
        ],
        [{ action: 'reject' }, 'rationale'],
        [
          { action: 'defer', rationale: 'later', decision: { path: 'build' } },
          'decision is only taken by approve',
        ],
        [
          { action: 'promote' },
          'action must be equal to one of the allowed values',
        ],
        [{}, "must have required property 'action'"],
        [{ action: 'approve', rationale: 7 }, 'rationale must be string'],
      ])(
        'refuses %j with a 400 naming %s, changing nothing',
        async (body, field) => {
          const id = await inReview();
          const res = await transition(PEOPLE.lena, id, body);
          expect(res.status).toBe(400);
          expect(res.body.error.message).toContain(field);
          const read = await api()
            .get(`/api/tech-requests/requests/${id}`)
            .set('Authorization', as(PEOPLE.lena));
          expect(read.body.status).toBe('in-review');
        },
      );

      it('approves buy and build with what each needs', async () => {
        const buy = await transition(PEOPLE.lena, await inReview(), {
          action: 'approve',
          rationale: 'Nothing in house does this.',
          decision: { path: 'buy', vendor: 'DocuSign' },
        });
        expect(buy.status).toBe(200);
        expect(buy.body.decision).toMatchObject({
          path: 'buy',
          vendor: 'DocuSign',
        });
        const build = await transition(PEOPLE.lena, await inReview(), {
          action: 'approve',
          rationale: 'Core to our business.',
          decision: { path: 'build' },
        });
        expect(build.body.decision).toMatchObject({
          outcome: 'approved',
          path: 'build',
        });
      });

      it('rejects and defers with a rationale; a deferred request can be edited and resubmitted', async () => {
        const rejected = await transition(PEOPLE.lena, await inReview(), {
          action: 'reject',
          rationale: 'Out of scope.',
        });
        expect(rejected.body).toMatchObject({
          status: 'rejected',
          decision: { outcome: 'rejected', rationale: 'Out of scope.' },
        });
        const id = await inReview();
        const deferred = await transition(PEOPLE.lena, id, {
          action: 'defer',
          rationale: 'Next budget year.',
        });
        expect(deferred.body.status).toBe('deferred');
        const edited = await patch(PEOPLE.jane, id, {
          version: deferred.body.version,
          wantedBy: '2028-01-31',
        });
        expect(edited.status).toBe(200);
        const resubmitted = await transition(PEOPLE.jane, id, {
          action: 'submit',
        });
        expect(resubmitted.body.status).toBe('submitted');
      });

      it('lets the requester withdraw while open, and not after a decision', async () => {
        const { body } = await create(PEOPLE.jane, { ...NEED, submit: true });
        const withdrawn = await transition(PEOPLE.jane, body.id, {
          action: 'withdraw',
        });
        expect(withdrawn.body.status).toBe('withdrawn');
        const id = await inReview();
        await transition(PEOPLE.lena, id, {
          action: 'reject',
          rationale: 'No.',
        });
        const late = await transition(PEOPLE.jane, id, { action: 'withdraw' });
        expect(late.status).toBe(409);
        expect(late.body.error.message).toContain('Allowed now: comment');
      });

      it('answers 409 to a transition on a stale version', async () => {
        const id = await inReview();
        const res = await transition(PEOPLE.lena, id, {
          action: 'reject',
          rationale: 'No',
          version: 1,
        });
        expect(res.status).toBe(409);
        expect(res.body.error.currentVersion).toBe(3);
      });

      it('lets exactly one of two simultaneous decisions land', async () => {
        const id = await inReview();
        const results = await Promise.all([
          transition(PEOPLE.lena, id, {
            action: 'approve',
            rationale: 'Yes',
            decision: { path: 'build' },
          }),
          transition(PEOPLE.lena, id, { action: 'reject', rationale: 'No' }),
        ]);
        expect(results.map(r => r.status).sort()).toEqual([200, 409]);
        const decisions = (await history(id)).filter(e =>
          ['approve', 'reject'].includes(e.action),
        );
        expect(decisions).toHaveLength(1);
        const read = await api()
          .get(`/api/tech-requests/requests/${id}`)
          .set('Authorization', as(PEOPLE.jane));
        expect(read.body.status).toBe(
          results.find(r => r.status === 200)!.body.status,
        );
      });
    });

    describe('reviews and comments', () => {
      it('takes reviews from reviewers and lists them', async () => {
        const id = await inReview();
        const res = await api()
          .post(`/api/tech-requests/requests/${id}/reviews`)
          .set('Authorization', as(PEOPLE.priya))
          .send({
            area: 'architecture',
            verdict: 'concerns',
            comment: 'Use the gateway.',
          });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          requestId: id,
          reviewer: PEOPLE.priya,
          area: 'architecture',
          verdict: 'concerns',
        });
        const list = await api()
          .get(`/api/tech-requests/requests/${id}/reviews`)
          .set('Authorization', as(PEOPLE.jane));
        expect(list.body.items).toEqual([res.body]);
        const entry = (await history(id)).pop()!;
        expect(entry).toMatchObject({
          action: 'review',
          actor: PEOPLE.priya,
          note: 'Use the gateway.',
          changes: {
            'review.architecture': { before: null, after: 'concerns' },
          },
        });
      });

      it('refuses reviews from the requesting side, of drafts, and with bad fields', async () => {
        const id = await inReview();
        const post = (user: string, body: object, target = id) =>
          api()
            .post(`/api/tech-requests/requests/${target}/reviews`)
            .set('Authorization', as(user))
            .send(body);
        const review = {
          area: 'security',
          verdict: 'approve',
          comment: 'Fine.',
        };
        expect((await post(PEOPLE.tom, review)).status).toBe(403);
        expect((await post(PEOPLE.jane, review)).status).toBe(403);
        const draft = await create(PEOPLE.jane);
        expect((await post(PEOPLE.priya, review, draft.body.id)).status).toBe(
          409,
        );
        const badVerdict = await post(PEOPLE.priya, {
          ...review,
          verdict: 'maybe',
        });
        expect(badVerdict.status).toBe(400);
        expect(badVerdict.body.error.message).toContain('verdict');
        const blank = await post(PEOPLE.priya, { ...review, comment: ' ' });
        expect(blank.status).toBe(400);
        expect(blank.body.error.message).toContain('comment must not be blank');
      });

      it('takes comments from anyone signed in', async () => {
        const { body } = await create(PEOPLE.jane);
        const res = await api()
          .post(`/api/tech-requests/requests/${body.id}/comments`)
          .set('Authorization', as(PEOPLE.tom))
          .send({ body: 'Marketing needs this too!' });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          author: PEOPLE.tom,
          body: 'Marketing needs this too!',
        });
        const list = await api()
          .get(`/api/tech-requests/requests/${body.id}/comments`)
          .set('Authorization', as(PEOPLE.jane));
        expect(list.body.items.map((c: any) => c.body)).toEqual([
          'Marketing needs this too!',
        ]);
        const empty = await api()
          .post(`/api/tech-requests/requests/${body.id}/comments`)
          .set('Authorization', as(PEOPLE.tom))
          .send({ body: '' });
        expect(empty.status).toBe(400);
      });
    });

    describe('deleting', () => {
      const remove = (user: string, id: number) =>
        api()
          .delete(`/api/tech-requests/requests/${id}`)
          .set('Authorization', as(user));

      it('deletes a draft from every read, keeping its history on record', async () => {
        const { body } = await create(PEOPLE.jane);
        await api()
          .post(`/api/tech-requests/requests/${body.id}/comments`)
          .set('Authorization', as(PEOPLE.tom))
          .send({ body: 'Nice idea' });
        const res = await remove(PEOPLE.john, body.id);
        expect(res.status).toBe(204);
        const read = await api()
          .get(`/api/tech-requests/requests/${body.id}`)
          .set('Authorization', as(PEOPLE.jane));
        expect(read.status).toBe(404);
        const comments = await api()
          .get(`/api/tech-requests/requests/${body.id}/comments`)
          .set('Authorization', as(PEOPLE.jane));
        expect(comments.status).toBe(404);
        const listed = await api()
          .get(`/api/tech-requests/requests?requester=${PEOPLE.jane}&limit=100`)
          .set('Authorization', as(PEOPLE.jane));
        expect(listed.body.items.map((item: any) => item.id)).not.toContain(
          body.id,
        );
        // Append-only: the history still holds the draft's life, its deletion last.
        const kept = await backend
          .knex()('tech_request_history')
          .where({ request_id: body.id })
          .orderBy('id');
        expect(kept.map(entry => [entry.action, entry.actor])).toEqual([
          ['create', PEOPLE.jane],
          ['comment', PEOPLE.tom],
          ['delete', PEOPLE.john],
        ]);
        const again = await remove(PEOPLE.john, body.id);
        expect(again.status).toBe(404);
      });

      it('keeps submitted requests on record, and drafts from outsiders', async () => {
        const submitted = await create(PEOPLE.jane, { ...NEED, submit: true });
        const late = await remove(PEOPLE.jane, submitted.body.id);
        expect(late.status).toBe(409);
        expect(late.body.error.message).toContain(
          "'delete' is not possible while the request is submitted",
        );
        const draft = await create(PEOPLE.jane);
        expect((await remove(PEOPLE.tom, draft.body.id)).status).toBe(403);
        expect((await remove(PEOPLE.jane, 999999)).status).toBe(404);
      });
    });

    describe('reuse', () => {
      const SIGNING = { text: 'We want customers to sign contracts online' };

      it('suggests what already serves a need, with reasons', async () => {
        const res = await suggest(SIGNING);
        expect(res.status).toBe(200);
        expect(res.body.indexedEntities).toBe(4);
        expect(new Date(res.body.indexedAt).getTime()).not.toBeNaN();
        const refs = res.body.items.map((item: any) => item.entityRef);
        expect(refs[0]).toBe('component:default/esign-gateway');
        expect(refs).not.toContain('component:default/kafka-orders');
        expect(res.body.items[0]).toMatchObject({
          kind: 'Component',
          title: 'E-signature gateway',
          owner: 'group:default/platform',
          lifecycle: 'production',
        });
        expect(res.body.items[0].score).toBeGreaterThanOrEqual(0.3);
        expect(res.body.items[0].score).toBeLessThanOrEqual(1);
        expect(res.body.items[0].reasons.join(' ')).toContain('E-signature');
      });

      it('puts deprecated entities last, with a warning, whatever their score', async () => {
        const res = await suggest({
          text: 'Contract signatures with Adobe Sign or DocuSign',
        });
        const items = res.body.items;
        expect(items.map((item: any) => item.entityRef)).toEqual([
          'component:default/esign-gateway',
          'component:default/legacy-sign',
        ]);
        expect(items[1].reasons.join(' ')).toContain('Warning: deprecated');
      });

      it('says plainly when nothing fits, and honours the limit', async () => {
        const none = await suggest({
          text: 'Plan drone flights over the warehouse roofs',
        });
        expect(none.status).toBe(200);
        expect(none.body.items).toEqual([]);
        const one = await suggest({ ...SIGNING, limit: 1 });
        expect(one.body.items).toHaveLength(1);
      });

      it.each([
        [{}, "must have required property 'text'"],
        [{ text: '' }, 'text must NOT have fewer than 1 characters'],
        [{ text: '  \n\t ' }, 'text must not be blank'],
        [{ text: 'x'.repeat(20001) }, 'text must NOT have more than 20000'],
        [{ text: 'sign', limit: 0 }, 'limit must be >= 1'],
        [{ text: 'sign', limit: 10000 }, 'limit must be <= 50'],
        [{ text: 'sign', limit: 'ten' }, 'limit must be integer'],
        [
          { text: 'sign', capabilities: 'e-signature' },
          'capabilities must be array',
        ],
        [{ text: 7 }, 'text must be string'],
        [{ text: 'sign', threshold: 0.1 }, 'Unknown field: threshold'],
      ])('refuses %j with a 400 naming %s', async (body, message) => {
        const res = await suggest(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
      });

      it.each([
        ['emoji only', '🚀🚀🚀'],
        ['another script', '電子署名で契約を結びたい'],
        ['SQL-shaped text', "'; DROP TABLE tech_requests; --"],
        ['20 000 characters', 'sign contracts online '.repeat(900)],
      ])('answers %s sensibly', async (_name, text) => {
        const res = await suggest({ text });
        expect(res.status).toBe(200);
        expect(Array.isArray(res.body.items)).toBe(true);
      });

      it('keeps a snapshot at submission, which reviewers confirm, dismiss and add to', async () => {
        await suggest(SIGNING);
        const { body } = await create(PEOPLE.jane, {
          title: 'Sign contracts online',
          need: SIGNING.text,
          reuseCandidates: ['component:video-meetings'],
          submit: true,
        });
        expect(body.reuseSuggestions).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              entityRef: 'component:default/esign-gateway',
              origin: 'engine',
              state: 'suggested',
            }),
            expect.objectContaining({
              entityRef: 'component:default/video-meetings',
              origin: 'requester',
              state: 'suggested',
            }),
          ]),
        );
        expect(
          body.reuseSuggestions.find(
            (c: any) => c.entityRef === 'component:default/esign-gateway',
          ).reasons.length,
        ).toBeGreaterThan(0);

        const confirmed = await assess(PEOPLE.priya, body.id, {
          entityRef: 'component:default/esign-gateway',
          state: 'confirmed',
          note: 'Sales signs with it already',
        });
        expect(confirmed.status).toBe(200);
        expect(
          confirmed.body.reuseSuggestions.find(
            (c: any) => c.entityRef === 'component:default/esign-gateway',
          ),
        ).toMatchObject({
          state: 'confirmed',
          assessedBy: PEOPLE.priya,
          note: 'Sales signs with it already',
        });
        const dismissed = await assess(PEOPLE.priya, body.id, {
          entityRef: 'component:video-meetings',
          state: 'dismissed',
        });
        expect(
          dismissed.body.reuseSuggestions.find(
            (c: any) => c.entityRef === 'component:default/video-meetings',
          ).state,
        ).toBe('dismissed');
        const added = await assess(PEOPLE.priya, body.id, {
          entityRef: 'component:default/kafka-orders',
          state: 'confirmed',
        });
        expect(
          added.body.reuseSuggestions.find(
            (c: any) => c.entityRef === 'component:default/kafka-orders',
          ),
        ).toMatchObject({
          origin: 'reviewer',
          kind: 'Component',
          title: 'Order events',
        });
        const entries = await history(body.id);
        expect(entries.filter(e => e.action === 'assess-reuse')).toHaveLength(
          3,
        );
        expect(entries[entries.length - 1].changes).toEqual({
          'reuseCandidate component:default/kafka-orders': {
            before: null,
            after: 'confirmed',
          },
        });
      });

      it('refuses assessments from the requesting side, on stale versions, and of unknown entities', async () => {
        const { body } = await create(PEOPLE.jane, { ...NEED, submit: true });
        const own = await assess(PEOPLE.jane, body.id, {
          entityRef: 'component:default/esign-gateway',
          state: 'confirmed',
        });
        expect(own.status).toBe(403);
        const stale = await api()
          .post(`/api/tech-requests/requests/${body.id}/reuse-candidates`)
          .set('Authorization', as(PEOPLE.priya))
          .send({
            version: body.version - 1,
            entityRef: 'component:default/esign-gateway',
            state: 'confirmed',
          });
        expect(stale.status).toBe(409);
        const unknown = await assess(PEOPLE.priya, body.id, {
          entityRef: 'component:default/no-such-thing',
          state: 'confirmed',
        });
        expect(unknown.status).toBe(400);
        expect(unknown.body.error.message).toContain('entityRef');
        const badState = await assess(PEOPLE.priya, body.id, {
          entityRef: 'component:default/esign-gateway',
          state: 'maybe',
        });
        expect(badState.status).toBe(400);
        expect(badState.body.error.message).toContain('state');
        const read = await api()
          .get(`/api/tech-requests/requests/${body.id}`)
          .set('Authorization', as(PEOPLE.jane));
        expect(read.body.version).toBe(body.version);
      });

      it('approves reuse only of a confirmed candidate', async () => {
        const id = await inReview();
        const unconfirmed = await transition(PEOPLE.lena, id, {
          action: 'approve',
          rationale: 'Reuse it',
          decision: {
            path: 'reuse',
            targetEntityRef: 'component:default/kafka-orders',
          },
        });
        expect(unconfirmed.status).toBe(400);
        expect(unconfirmed.body.error.message).toContain(
          'decision.targetEntityRef must be a confirmed reuse candidate',
        );
        await assess(PEOPLE.priya, id, {
          entityRef: 'component:default/kafka-orders',
          state: 'confirmed',
        });
        const approved = await transition(PEOPLE.lena, id, {
          action: 'approve',
          rationale: 'Reuse it',
          decision: {
            path: 'reuse',
            targetEntityRef: 'component:default/kafka-orders',
          },
        });
        expect(approved.status).toBe(200);
      });

      it('shows earlier requests that asked for the same', async () => {
        const { body } = await create(PEOPLE.tom, {
          title: 'Customers should sign quotes online',
          need: 'Marketing wants customers to sign quotes and contracts online.',
          submit: true,
        });
        const res = await suggest(SIGNING);
        expect(res.body.similarRequests).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              id: body.id,
              status: 'submitted',
              requestingGroup: 'group:default/marketing',
            }),
          ]),
        );
      });
    });

    describe('for services', () => {
      it('lets services read, with no actions of their own', async () => {
        const { body } = await create(PEOPLE.jane, { ...NEED, submit: true });
        const service = mockCredentials.service.header();
        const list = await api()
          .get('/api/tech-requests/requests')
          .set('Authorization', service);
        expect(list.status).toBe(200);
        const read = await api()
          .get(`/api/tech-requests/requests/${body.id}`)
          .set('Authorization', service);
        expect(read.status).toBe(200);
        expect(read.body.allowedActions).toEqual([]);
      });

      it('does not let services write', async () => {
        const res = await api()
          .post('/api/tech-requests/requests')
          .set('Authorization', mockCredentials.service.header())
          .send(NEED);
        expect(res.status).toBe(403);
      });
    });

    describe('the catalog entity name', () => {
      it('is fixed at first submission and survives title edits', async () => {
        const { body } = await create(PEOPLE.jane, {
          ...NEED,
          title: 'Café ☕ booking!',
        });
        expect(body).not.toHaveProperty('entityName');
        const submitted = await transition(PEOPLE.jane, body.id, {
          action: 'submit',
        });
        expect(submitted.body.entityName).toBe(`tr-${body.id}-cafe-booking`);
        const edited = await patch(PEOPLE.jane, body.id, {
          version: submitted.body.version,
          title: 'Desk booking',
        });
        expect(edited.body.entityName).toBe(`tr-${body.id}-cafe-booking`);
        const direct = await create(PEOPLE.jane, { ...NEED, submit: true });
        expect(direct.body.entityName).toBe(
          `tr-${direct.body.id}-online-contract-signing`,
        );
      });
    });

    it('announces every change on the events service', async () => {
      const { body } = await create(PEOPLE.jane);
      await patch(PEOPLE.jane, body.id, { version: 1, title: 'Sign online' });
      await transition(PEOPLE.jane, body.id, { action: 'submit' });
      await api()
        .post(`/api/tech-requests/requests/${body.id}/comments`)
        .set('Authorization', as(PEOPLE.tom))
        .send({ body: 'Same for us' });
      await patch(PEOPLE.jane, body.id, {
        version: 1,
        title: 'stale, so not announced',
      });
      const ofThis = announced.filter(event => event.requestId === body.id);
      expect(ofThis.map(e => [e.action, e.actor, e.status, e.version])).toEqual(
        [
          ['create', PEOPLE.jane, 'draft', 1],
          ['edit', PEOPLE.jane, 'draft', 2],
          ['submit', PEOPLE.jane, 'submitted', 3],
          ['comment', PEOPLE.tom, 'submitted', 3],
        ],
      );
      const draft = await create(PEOPLE.jane);
      await api()
        .delete(`/api/tech-requests/requests/${draft.body.id}`)
        .set('Authorization', as(PEOPLE.jane));
      expect(
        announced.filter(e => e.requestId === draft.body.id).map(e => e.action),
      ).toEqual(['create', 'delete']);
    });

    it('records an auditor event for every write, failed ones included', async () => {
      auditEvents.length = 0;
      const { body } = await create(PEOPLE.jane);
      await patch(PEOPLE.jane, body.id, { version: 99, title: 'stale' });
      await transition(PEOPLE.jane, body.id, { action: 'submit' });
      expect(auditEvents).toEqual([
        { eventId: 'request-create', outcome: 'success' },
        { eventId: 'request-update', outcome: 'fail' },
        { eventId: 'request-transition', outcome: 'success' },
      ]);
    });
  },
);
