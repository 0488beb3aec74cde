import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { Knex } from 'knex';
import {
  as,
  MEMBERSHIPS,
  PEOPLE,
  pluginBackendOn,
} from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { RequestStore } from '../database/RequestStore';
import { decideTechRequestPermission } from './groupPolicy';
import { techRequestRules } from './rules';

jest.setTimeout(60_000);

/**
 * The permission framework as the plugin meets it, with the example policy: decisions from
 * `decideTechRequestPermission`, conditional ones applied to the stored request the way the
 * permission backend applies them through the plugin's rules. (The test backend's mock auth
 * cannot make the on-behalf-of tokens the real permission backend insists on.)
 */
function policyPermissions(knex: Knex) {
  const store = new RequestStore(knex);
  const applies = createConditionAuthorizer(Object.values(techRequestRules));
  const decide = (permission: any, credentials: any): PolicyDecision => {
    const ref = credentials.principal.userEntityRef as string | undefined;
    const user = ref && {
      identity: {
        type: 'user' as const,
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(MEMBERSHIPS[ref] ?? [])],
      },
      info: {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(MEMBERSHIPS[ref] ?? [])],
      },
      token: 'token',
      credentials,
    };
    return (
      decideTechRequestPermission({ permission }, user as any, {
        reviewerGroups: ['group:default/architecture-board'],
        deciderGroups: ['group:default/portfolio-board'],
        portfolioReaderGroups: ['group:default/sales'],
      }) ?? { result: AuthorizeResult.ALLOW }
    );
  };
  const service: PermissionsService = {
    async authorizeConditional(queries, { credentials }) {
      return queries.map(({ permission }) =>
        decide(permission, credentials),
      ) as any;
    },
    async authorize(queries, { credentials }) {
      return Promise.all(
        queries.map(async query => {
          const decision = decide(query.permission, credentials);
          if (decision.result !== AuthorizeResult.CONDITIONAL) {
            return decision;
          }
          const resourceRef = isResourcePermission(query.permission)
            ? (query as any).resourceRef
            : undefined;
          const resource =
            resourceRef && (await store.getRequest(Number(resourceRef)));
          return {
            result: applies(decision, resource)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          };
        }),
      ) as any;
    },
  };
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => service,
  });
}

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the API under a permission policy on %p',
  databaseId => {
    const backend = pluginBackendOn(databases, databaseId, knex => ({
      extraFeatures: [policyPermissions(knex)],
    }));

    const api = backend.api;
    const create = (user: string, body: object) =>
      api()
        .post('/api/tech-requests/requests')
        .set('Authorization', as(user))
        .send({ title: 'A need', need: 'Described.', ...body });
    const list = async (user: string) =>
      (
        await api()
          .get('/api/tech-requests/requests?limit=100')
          .set('Authorization', as(user))
      ).body;
    const history = async (id: number) =>
      (
        await api()
          .get(`/api/tech-requests/requests/${id}/history`)
          .set('Authorization', as(PEOPLE.jane))
      ).body.items;

    it('shows the portfolio to those who review or decide and to its reader groups only', async () => {
      const portfolio = (user: string) =>
        api()
          .get('/api/tech-requests/portfolio')
          .set('Authorization', as(user));
      for (const reader of [PEOPLE.lena, PEOPLE.priya, PEOPLE.multi]) {
        expect({ reader, status: (await portfolio(reader)).status }).toEqual({
          reader,
          status: 200,
        });
      }
      const refused = await portfolio(PEOPLE.tom);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain(
        'tech-requests.portfolio.read',
      );
    });

    it("tells the gate's caller who may not read a request that there is none", async () => {
      const draft = (await create(PEOPLE.jane, { title: 'Gated draft' })).body;
      const toms = await api()
        .get(`/api/tech-requests/gate?requestId=${draft.id}`)
        .set('Authorization', as(PEOPLE.tom));
      expect(toms.status).toBe(200);
      expect(toms.body).toMatchObject({ allowed: false, verdict: 'refused' });
      expect(toms.body.reason).toMatch(
        new RegExp(`^There is no request ${draft.id} that you may read`),
      );
      expect(toms.body.request).toBeUndefined();
    });

    it('lists drafts only to their requesting side, and everything submitted to all', async () => {
      const draft = (await create(PEOPLE.jane, { title: 'Legal draft' })).body;
      const submitted = (
        await create(PEOPLE.jane, { title: 'Legal submitted', submit: true })
      ).body;
      const ids = (body: any) => body.items.map((item: any) => item.id);

      const janes = await list(PEOPLE.jane);
      expect(ids(janes)).toEqual(
        expect.arrayContaining([draft.id, submitted.id]),
      );
      const johns = await list(PEOPLE.john); // legal too
      expect(ids(johns)).toContain(draft.id);
      const toms = await list(PEOPLE.tom); // marketing
      expect(ids(toms)).toContain(submitted.id);
      expect(ids(toms)).not.toContain(draft.id);
      expect(toms.totalCount).toBe(toms.items.length);
      const priyas = await list(PEOPLE.priya); // reviewer
      expect(ids(priyas)).not.toContain(draft.id);

      const read = await api()
        .get(`/api/tech-requests/requests/${draft.id}`)
        .set('Authorization', as(PEOPLE.tom));
      expect(read.status).toBe(404);
      const historyOfDraft = await api()
        .get(`/api/tech-requests/requests/${draft.id}/history`)
        .set('Authorization', as(PEOPLE.tom));
      expect(historyOfDraft.status).toBe(404);
    });

    it('lets each person do what the policy and the workflow both allow, and records refusals', async () => {
      const { body } = await create(PEOPLE.jane, { submit: true });
      const actionsOf = async (user: string) =>
        (
          await api()
            .get(`/api/tech-requests/requests/${body.id}`)
            .set('Authorization', as(user))
        ).body.allowedActions;
      expect(await actionsOf(PEOPLE.tom)).toEqual(['comment']);
      expect(await actionsOf(PEOPLE.priya)).toEqual([
        'start-review',
        'review',
        'assess-reuse',
        'adjust-costs',
        'correct-answers',
        'comment',
      ]);
      expect(await actionsOf(PEOPLE.john)).toEqual(['edit', 'comment']);

      // Tom is outside the requesting group: the policy refuses before the workflow.
      const edit = await api()
        .patch(`/api/tech-requests/requests/${body.id}`)
        .set('Authorization', as(PEOPLE.tom))
        .send({ version: body.version, title: 'Taken over' });
      expect(edit.status).toBe(403);
      expect(edit.body.error.message).toContain(
        'permission tech-requests.request.update',
      );
      const review = await api()
        .post(`/api/tech-requests/requests/${body.id}/transitions`)
        .set('Authorization', as(PEOPLE.tom))
        .send({ action: 'start-review' });
      expect(review.status).toBe(403);

      const entries = await history(body.id);
      expect(
        entries
          .filter((entry: any) => entry.action === 'denied')
          .map((entry: any) => [entry.actor, entry.note.split(':')[0]]),
      ).toEqual([
        [PEOPLE.tom, 'edit'],
        [PEOPLE.tom, 'start-review'],
      ]);
      const read = await api()
        .get(`/api/tech-requests/requests/${body.id}`)
        .set('Authorization', as(PEOPLE.jane));
      expect(read.body.title).toBe('A need');
      expect(read.body.version).toBe(body.version);
    });

    it('shows only the similar requests a person may read', async () => {
      const draft = (
        await create(PEOPLE.jane, {
          title: 'Sign contracts online',
          need: 'Clients should sign engagement letters online.',
        })
      ).body;
      const suggestions = await api()
        .post('/api/tech-requests/reuse/suggestions')
        .set('Authorization', as(PEOPLE.tom))
        .send({ text: 'Sign contracts online' });
      expect(suggestions.status).toBe(200);
      expect(
        suggestions.body.similarRequests.map((similar: any) => similar.id),
      ).not.toContain(draft.id);
    });
  },
);
