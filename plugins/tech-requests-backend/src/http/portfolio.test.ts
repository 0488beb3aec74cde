import { mockCredentials } from '@backstage/backend-test-utils';
import { as, PEOPLE, pluginBackendOn } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the portfolio through the API on %p',
  databaseId => {
    const backend = pluginBackendOn(databases, databaseId);
    const api = backend.api;
    const portfolio = (query = '') =>
      api()
        .get(`/api/tech-requests/portfolio${query}`)
        .set('Authorization', as(PEOPLE.lena));
    const transition = (user: string, id: number, body: object) =>
      api()
        .post(`/api/tech-requests/requests/${id}/transitions`)
        .set('Authorization', as(user))
        .send(body);

    it('follows every write of a request: filing, review, decision, and a deleted draft', async () => {
      const before = (await portfolio()).body;
      const filedBy = (group: string) =>
        before.demand
          .filter((cell: any) => cell.department === group)
          .reduce((sum: number, cell: any) => sum + cell.requests, 0);

      const draft = await api()
        .post('/api/tech-requests/requests')
        .set('Authorization', as(PEOPLE.tom))
        .send({ title: 'Polls', need: 'Run polls.', capabilities: ['polls'] });
      const filed = await api()
        .post('/api/tech-requests/requests')
        .set('Authorization', as(PEOPLE.tom))
        .send({
          title: 'Webinars',
          need: 'Host webinars for customers.',
          capabilities: ['webinars'],
          submit: true,
        });
      expect(filed.status).toBe(201);

      const afterFiling = (await portfolio()).body;
      expect(afterFiling.demand).toContainEqual({
        department: 'group:default/marketing',
        status: 'submitted',
        requests: expect.any(Number),
      });
      const marketing = afterFiling.demand
        .filter((cell: any) => cell.department === 'group:default/marketing')
        .reduce((sum: number, cell: any) => sum + cell.requests, 0);
      // The draft is not demand.
      expect(marketing).toBe(filedBy('group:default/marketing') + 1);
      // Named as the reuse vocabulary names it.
      expect(afterFiling.topCapabilities).toContainEqual({
        capability: 'Event management and webinars',
        requests: 1,
        departments: 1,
      });

      await transition(PEOPLE.priya, filed.body.id, { action: 'start-review' });
      const approved = await transition(PEOPLE.lena, filed.body.id, {
        action: 'approve',
        rationale: 'Build it on the events platform.',
        decision: { path: 'build' },
      });
      expect(approved.status).toBe(200);

      const decided = (await portfolio()).body;
      const quarter = decided.decisionMix[decided.decisionMix.length - 1];
      expect(quarter.build).toBeGreaterThanOrEqual(1);
      expect(decided.timeToDecision.decisions).toBe(
        before.timeToDecision.decisions + 1,
      );
      const money = decided.money.find(
        (row: any) =>
          row.department === 'group:default/marketing' &&
          row.quarter === quarter.quarter,
      );
      expect(money.approvals).toBeGreaterThanOrEqual(1);
      expect(money.approvedCost).toBeGreaterThan(0);
      expect(
        decided.waiting.find((stage: any) => stage.stage === 'approved')
          .requests,
      ).toBe(
        before.waiting.find((stage: any) => stage.stage === 'approved')
          .requests + 1,
      );

      const deleted = await api()
        .delete(`/api/tech-requests/requests/${draft.body.id}`)
        .set('Authorization', as(PEOPLE.tom));
      expect(deleted.status).toBe(204);
      expect((await portfolio()).body.demand).toEqual(decided.demand);
    });

    it('names the parameter at fault', async () => {
      const cases: [string, string][] = [
        ['?from=yesterday', 'from'],
        ['?to=2026-02-30', 'to'],
        ['?from=2026-05-01&to=2026-04-01', 'from'],
        ['?department=user:default/jane.doe', 'department'],
        ['?period=2026', 'period'],
      ];
      for (const [query, field] of cases) {
        const res = await portfolio(query);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.error.message).toContain(field);
      }
    });

    it('turns away callers who are not signed in', async () => {
      const res = await api()
        .get('/api/tech-requests/portfolio')
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
    });
  },
);
