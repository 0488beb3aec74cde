import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { apiTestContext, NEED } from '../__testUtils__/apiTestContext';
import { as, PEOPLE } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'reading and listing requests through the API on %p',
  databaseId => {
    const { api, create } = apiTestContext(databases, databaseId);

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
          'correct-answers',
          'comment',
        ]);
        expect(await actionsOf(PEOPLE.lena)).toEqual([
          'start-review',
          'review',
          'assess-reuse',
          'adjust-costs',
          'correct-answers',
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
  },
);
