import { apiTestContext } from '../__testUtils__/apiTestContext';
import { as, PEOPLE } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

/** Runs `count` calls, `atOnce` at a time, and gives their answers in order. */
async function inWaves<T>(
  count: number,
  atOnce: number,
  call: (index: number) => Promise<T>,
): Promise<T[]> {
  const answers: T[] = [];
  for (let start = 0; start < count; start += atOnce) {
    const wave = Array.from(
      { length: Math.min(atOnce, count - start) },
      (_, offset) => call(start + offset),
    );
    answers.push(...(await Promise.all(wave)));
  }
  return answers;
}

describe.each(databases.eachSupportedId())(
  'refusals and deletes through the API on %p',
  databaseId => {
    const {
      api,
      create,
      transition,
      patch,
      history,
      inReview,
      auditEvents,
      knex,
    } = apiTestContext(databases, databaseId);

    it('enters 500 refused approvals of one person in the history once, and audits every one', async () => {
      const id = await inReview();
      const auditedBefore = auditEvents.length;
      const answers = await inWaves(500, 25, () =>
        transition(PEOPLE.tom, id, {
          action: 'approve',
          rationale: 'Looks fine to me',
          decision: { path: 'build' },
        }),
      );
      expect(new Set(answers.map(res => res.status))).toEqual(new Set([403]));
      // Another person's refusal, and another action of the same person, are entries of their own.
      const reject = { action: 'reject', rationale: 'No' };
      expect((await transition(PEOPLE.john, id, reject)).status).toBe(403);
      expect((await transition(PEOPLE.tom, id, reject)).status).toBe(403);

      const denied = (await history(id)).filter(
        entry => entry.action === 'denied',
      );
      expect(
        denied.map(entry => [entry.actor, entry.note?.split(':')[0]]),
      ).toEqual([
        [PEOPLE.tom, 'approve'],
        [PEOPLE.john, 'reject'],
        [PEOPLE.tom, 'reject'],
      ]);
      const failed = auditEvents
        .slice(auditedBefore)
        .filter(event => event.outcome === 'fail');
      expect(failed).toHaveLength(502);
    });

    it('pages the history with limit and cursor, oldest first, each entry once', async () => {
      const { body } = await create(PEOPLE.jane);
      let version = body.version;
      for (let i = 1; i <= 6; i++) {
        const res = await patch(PEOPLE.jane, body.id, {
          version,
          title: `Contract signing, take ${i}`,
        });
        version = res.body.version;
      }
      const everything = await history(body.id);
      expect(everything).toHaveLength(7);

      const seen: number[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await api()
          .get(`/api/tech-requests/requests/${body.id}/history`)
          .query({ limit: 3, ...(cursor && { cursor }) })
          .set('Authorization', as(PEOPLE.jane));
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...res.body.items.map((entry: { id: number }) => entry.id));
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(everything.map(entry => entry.id));

      for (const [query, field] of [
        [{ limit: 0 }, 'limit'],
        [{ limit: 501 }, 'limit'],
        [{ cursor: 'not-ours' }, 'cursor'],
      ] as const) {
        const res = await api()
          .get(`/api/tech-requests/requests/${body.id}/history`)
          .query(query)
          .set('Authorization', as(PEOPLE.jane));
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(field);
      }
    });

    it('answers writes that race a delete with 404 or success, never 403, and records nothing after the delete', async () => {
      for (let round = 0; round < 6; round++) {
        const { body } = await create(PEOPLE.jane);
        const writes = Array.from({ length: 8 }, (_, i) =>
          i % 2
            ? patch(PEOPLE.jane, body.id, {
                version: body.version,
                title: `Edited ${i}`,
              })
            : api()
                .post(`/api/tech-requests/requests/${body.id}/comments`)
                .set('Authorization', as(PEOPLE.jane))
                .send({ body: `Comment ${i}` }),
        );
        const deleted = api()
          .delete(`/api/tech-requests/requests/${body.id}`)
          .set('Authorization', as(PEOPLE.jane));
        const answers = await Promise.all([deleted, ...writes]);
        for (const res of answers.slice(1)) {
          // A write that lost to the delete is a 404, or a 409 when an edit won first.
          expect([200, 201, 404, 409]).toContain(res.status);
        }
        // Read from the table: a deleted request's history is not served.
        const entries = (
          await knex()('tech_request_history')
            .where({ request_id: body.id })
            .orderBy('id')
        ).map(row => row.action);
        const deleteAt = entries.indexOf('delete');
        const afterDelete = deleteAt < 0 ? [] : entries.slice(deleteAt + 1);
        expect(afterDelete).toEqual([]);
        expect(entries).not.toContain('denied');
      }
    });
  },
);
