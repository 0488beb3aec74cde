import { as, PEOPLE, pluginBackendOn } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'service levels through the API on %p',
  databaseId => {
    const backend = pluginBackendOn(databases, databaseId, {
      techRequests: { serviceLevels: { submitted: { workingDays: 2 } } },
    });

    it('marks a request overdue once its stage outlasts the target, in the request and the list', async () => {
      const { body } = await backend
        .api()
        .post('/api/tech-requests/requests')
        .set('Authorization', as(PEOPLE.jane))
        .send({ title: 'Triage me', need: 'Soon.', submit: true });
      const read = async () =>
        (
          await backend
            .api()
            .get(`/api/tech-requests/requests/${body.id}`)
            .set('Authorization', as(PEOPLE.jane))
        ).body;

      const fresh = await read();
      expect(fresh.statusChangedAt).toBe(fresh.submittedAt);
      expect(fresh.serviceLevel).toMatchObject({
        stage: 'submitted',
        since: fresh.submittedAt,
        overdue: false,
      });

      // Submitted two weeks ago: the two working days of triage are long over.
      const twoWeeksAgo = new Date(Date.now() - 14 * 24 * 3600 * 1000);
      await backend
        .knex()('tech_requests')
        .where({ id: body.id })
        .update({ status_changed_at: twoWeeksAgo.toISOString() });
      expect((await read()).serviceLevel.overdue).toBe(true);
      const list = await backend
        .api()
        .get('/api/tech-requests/requests?status=submitted&limit=100')
        .set('Authorization', as(PEOPLE.jane));
      expect(
        list.body.items.find((item: any) => item.id === body.id).serviceLevel
          .overdue,
      ).toBe(true);

      // Once in review, the submitted stage's clock no longer applies.
      await backend
        .api()
        .post(`/api/tech-requests/requests/${body.id}/transitions`)
        .set('Authorization', as(PEOPLE.priya))
        .send({ action: 'start-review' });
      const inReview = await read();
      expect(inReview.serviceLevel).toBeUndefined();
      expect(inReview.statusChangedAt > twoWeeksAgo.toISOString()).toBe(true);
    });
  },
);
