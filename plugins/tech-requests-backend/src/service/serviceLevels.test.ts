import { Knex } from 'knex';
import request from 'supertest';
import { as, PEOPLE, startPluginBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'service levels through the API on %p',
  databaseId => {
    let server: any;
    let knex: Knex;
    let stop: () => Promise<void>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const backend = await startPluginBackend({
        knex,
        techRequests: { serviceLevels: { submitted: { workingDays: 2 } } },
      });
      server = backend.server;
      stop = () => backend.stop();
    });

    afterAll(async () => {
      await stop();
    });

    it('marks a request overdue once its stage outlasts the target, in the request and the list', async () => {
      const { body } = await request(server)
        .post('/api/tech-requests/requests')
        .set('Authorization', as(PEOPLE.jane))
        .send({ title: 'Triage me', need: 'Soon.', submit: true });
      const read = async () =>
        (
          await request(server)
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
      await knex('tech_requests')
        .where({ id: body.id })
        .update({ status_changed_at: twoWeeksAgo.toISOString() });
      expect((await read()).serviceLevel.overdue).toBe(true);
      const list = await request(server)
        .get('/api/tech-requests/requests?status=submitted&limit=100')
        .set('Authorization', as(PEOPLE.jane));
      expect(
        list.body.items.find((item: any) => item.id === body.id).serviceLevel
          .overdue,
      ).toBe(true);

      // Once in review, the submitted stage's clock no longer applies.
      await request(server)
        .post(`/api/tech-requests/requests/${body.id}/transitions`)
        .set('Authorization', as(PEOPLE.priya))
        .send({ action: 'start-review' });
      const inReview = await read();
      expect(inReview.serviceLevel).toBeUndefined();
      expect(inReview.statusChangedAt > twoWeeksAgo.toISOString()).toBe(true);
    });
  },
);
