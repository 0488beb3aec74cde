import { mockCredentials } from '@backstage/backend-test-utils';
import { apiTestContext, NEED } from '../__testUtils__/apiTestContext';
import { as, PEOPLE } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'what the API records and announces on %p',
  databaseId => {
    const { api, create, transition, patch, announced, auditEvents } =
      apiTestContext(databases, databaseId);

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
