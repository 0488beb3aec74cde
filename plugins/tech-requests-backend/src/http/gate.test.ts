import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { as, PEOPLE, pluginBackendOn } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** Request ids are given out in order on a fresh database: these name the first two. */
const BUILT = 1;
const REUSED = 2;

function component(
  name: string,
  spec: Record<string, unknown>,
  requestId?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(requestId && {
        annotations: { 'tech-requests.io/request-id': requestId },
      }),
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/legal',
      ...spec,
    },
  };
}

const ENTITIES: Entity[] = [
  component('clinic-booking', {}, String(BUILT)),
  component('second-booking', {}, String(REUSED)),
  component('shadow-it', {}),
  component('ghost', {}, '9999'),
  component('odd', {}, 'forty-two'),
  component('legacy-report', { system: 'legacy' }),
  component('platform-tool', { owner: 'platform-team' }),
  component('docs-site', { type: 'documentation' }),
];

const GATE = {
  covered: [{ kind: 'Component', types: ['service', 'website'] }],
  exempt: { systems: ['legacy'], owners: ['group:default/platform-team'] },
};

describe.each(databases.eachSupportedId())(
  'the delivery gate on %p',
  databaseId => {
    const backend = pluginBackendOn(databases, databaseId, {
      techRequests: { gate: GATE },
      config: { app: { baseUrl: 'https://portal.example.com' } },
      catalog: ENTITIES,
    });
    const api = backend.api;
    const gate = (query: string, header = as(PEOPLE.jane)) =>
      api()
        .get(`/api/tech-requests/gate?${query}`)
        .set('Authorization', header);
    const transition = (user: string, id: number, body: object) =>
      api()
        .post(`/api/tech-requests/requests/${id}/transitions`)
        .set('Authorization', as(user))
        .send(body);

    beforeAll(async () => {
      // BUILT: approved to build. REUSED: approved to reuse the e-signature gateway.
      for (const reuse of [false, true]) {
        const filed = await api()
          .post('/api/tech-requests/requests')
          .set('Authorization', as(PEOPLE.jane))
          .send({
            title: reuse ? 'Sign letters' : 'Clinic booking',
            need: reuse ? 'Clients sign letters online.' : 'Book the clinic.',
            namedReuseCandidates: reuse
              ? ['component:default/esign-gateway']
              : [],
            submit: true,
          });
        const review = await transition(PEOPLE.priya, filed.body.id, {
          action: 'start-review',
        });
        if (reuse) {
          await api()
            .post(
              `/api/tech-requests/requests/${filed.body.id}/reuse-candidates`,
            )
            .set('Authorization', as(PEOPLE.priya))
            .send({
              version: review.body.version,
              entityRef: 'component:default/esign-gateway',
              state: 'confirmed',
            });
        }
        const approved = await transition(PEOPLE.lena, filed.body.id, {
          action: 'approve',
          rationale: 'Agreed.',
          decision: reuse
            ? {
                path: 'reuse',
                targetEntityRef: 'component:default/esign-gateway',
              }
            : { path: 'build' },
        });
        if (approved.status !== 200) {
          throw new Error(`The fixture was not approved: ${approved.text}`);
        }
      }
    });

    it('covers work of a request approved to build, by its id and by the entity naming it', async () => {
      const byId = await gate(`requestId=${BUILT}`);
      expect(byId.status).toBe(200);
      expect(byId.body).toMatchObject({
        allowed: true,
        verdict: 'covered',
        mode: 'enforce',
        request: {
          id: BUILT,
          status: 'approved',
          url: `https://portal.example.com/tech-requests/${BUILT}`,
          decision: { outcome: 'approved', path: 'build' },
        },
      });
      expect(byId.body.reason).toMatch(/was approved to build on \d{4}-/);

      const byEntity = await gate('entityRef=component:clinic-booking');
      expect(byEntity.body).toMatchObject({
        allowed: true,
        verdict: 'covered',
        entityRef: 'component:default/clinic-booking',
        request: { id: BUILT },
      });
    });

    it('refuses a new build where the decision was to reuse, naming what to use', async () => {
      const res = await gate('entityRef=component:default/second-booking');
      expect(res.body).toMatchObject({
        allowed: false,
        verdict: 'refused',
        reuse: 'component:default/esign-gateway',
      });
      expect(res.body.reason).toContain(
        'was approved to reuse component:default/esign-gateway',
      );
    });

    it('refuses what no request covers, saying where to file one', async () => {
      const cases: [string, RegExp][] = [
        [
          'entityRef=component:default/shadow-it',
          /^No request names component:default\/shadow-it: file one at https:\/\/portal\.example\.com\/tech-requests\/new/,
        ],
        [
          'entityRef=component:default/ghost',
          /^There is no request 9999 that you may read/,
        ],
        [
          'entityRef=component:default/odd',
          /names 'forty-two' in its tech-requests.io\/request-id annotation, which is not a request id/,
        ],
        [
          'entityRef=component:default/nowhere',
          /^component:default\/nowhere is not in the catalog/,
        ],
        ['requestId=424242', /^There is no request 424242/],
      ];
      for (const [query, reason] of cases) {
        const res = await gate(query);
        expect({
          query,
          status: res.status,
          allowed: res.body.allowed,
        }).toEqual({ query, status: 200, allowed: false });
        expect(res.body.reason).toMatch(reason);
      }
      const shadow = await gate('entityRef=component:default/shadow-it');
      expect(shadow.body.fileRequestUrl).toBe(
        'https://portal.example.com/tech-requests/new',
      );
    });

    it('says what an open request waits for', async () => {
      const draft = await api()
        .post('/api/tech-requests/requests')
        .set('Authorization', as(PEOPLE.jane))
        .send({ title: 'Draft', need: 'Not yet.' });
      const res = await gate(`requestId=${draft.body.id}`);
      expect(res.body).toMatchObject({ allowed: false, verdict: 'refused' });
      expect(res.body.reason).toBe(
        `Request ${draft.body.id} ("Draft") is a draft: submit it, and start once it is approved`,
      );
    });

    it('lets exempt and uncovered kinds of work through, saying why', async () => {
      const legacy = await gate('entityRef=component:default/legacy-report');
      expect(legacy.body).toMatchObject({ allowed: true, verdict: 'exempt' });
      expect(legacy.body.reason).toContain('system:default/legacy is exempt');
      const platform = await gate('entityRef=component:default/platform-tool');
      expect(platform.body).toMatchObject({ allowed: true, verdict: 'exempt' });
      const docs = await gate('entityRef=component:default/docs-site');
      expect(docs.body).toMatchObject({
        allowed: true,
        verdict: 'not-required',
      });
      expect(docs.body.reason).toContain('Component of type documentation');
      // A kind the gate does not cover needs no request, in the catalog or not.
      const resource = await gate('entityRef=resource:default/not-registered');
      expect(resource.body).toMatchObject({
        allowed: true,
        verdict: 'not-required',
        entityRef: 'resource:default/not-registered',
      });
    });

    it('answers a pipeline with a service token', async () => {
      const res = await gate(
        `requestId=${BUILT}`,
        mockCredentials.service.header(),
      );
      expect(res.body).toMatchObject({ allowed: true, verdict: 'covered' });
      const none = await api()
        .get(`/api/tech-requests/gate?requestId=${BUILT}`)
        .set('Authorization', mockCredentials.none.header());
      expect(none.status).toBe(401);
    });

    it('names the parameter at fault', async () => {
      const cases: [string, string][] = [
        ['', 'requestId'],
        [`requestId=${BUILT}&entityRef=component:default/odd`, 'entityRef'],
        ['requestId=abc', 'requestId'],
        ['requestId=0', 'requestId'],
        ['requestId=2147483648', 'requestId'],
        ['entityRef=not a ref', 'entityRef'],
        ['component=x', 'component'],
      ];
      for (const [query, field] of cases) {
        const res = await gate(query);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.error.message).toContain(field);
      }
    });
  },
);

describe('the delivery gate in warn-only mode', () => {
  const backend = pluginBackendOn(databases, 'SQLITE_3', {
    techRequests: { gate: { mode: 'warn' } },
    catalog: ENTITIES,
  });

  it('lets uncovered work through with the reason it would be refused', async () => {
    const res = await backend
      .api()
      .get('/api/tech-requests/gate?entityRef=component:default/shadow-it')
      .set('Authorization', as(PEOPLE.jane));
    expect(res.body).toMatchObject({
      allowed: true,
      verdict: 'refused',
      mode: 'warn',
    });
    expect(res.body.reason).toMatch(
      /^No request names component:default\/shadow-it/,
    );
  });
});
