import { apiTestContext, NEED } from '../__testUtils__/apiTestContext';
import { as, PEOPLE } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'editing and deleting requests through the API on %p',
  databaseId => {
    const { api, create, transition, patch, history, knex } = apiTestContext(
      databases,
      databaseId,
    );

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
          audience: 'staff',
        });
        const res = await patch(PEOPLE.jane, body.id, {
          version: 1,
          wantedBy: null,
          budgetRange: null,
          businessSponsor: null,
          audience: null,
        });
        expect(res.status).toBe(200);
        expect(res.body).not.toHaveProperty('wantedBy');
        expect(res.body).not.toHaveProperty('budgetRange');
        expect(res.body).not.toHaveProperty('audience');
        const read = await api()
          .get(`/api/tech-requests/requests/${body.id}`)
          .set('Authorization', as(PEOPLE.jane));
        expect(read.body).not.toHaveProperty('wantedBy');
        expect((await history(body.id)).pop()!.changes).toEqual({
          wantedBy: { before: '2027-01-31', after: null },
          budgetRange: { before: { max: 900, currency: 'EUR' }, after: null },
          audience: { before: 'staff', after: null },
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
        const kept = await knex()('tech_request_history')
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
  },
);
