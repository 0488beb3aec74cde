import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  HistoryEntry,
  TechRequestChangedEvent,
} from '@tech-requests/plugin-tech-requests-common';
import { as, eventCollector, PEOPLE, pluginBackendOn } from './backend';

/** The smallest request: a title and a need. */
export const NEED = {
  title: 'Online contract signing',
  need: 'Legal wants clients to sign engagement letters online.',
};

/**
 * The plugin on one test database, for the API tests of the enclosing describe block: calls
 * as any example person, the events it announced and the auditor events it recorded.
 */
export function apiTestContext(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
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
  return {
    api,
    knex: backend.knex,
    create,
    transition,
    patch,
    history,
    assess,
    suggest,
    inReview,
    announced,
    auditEvents,
  };
}
