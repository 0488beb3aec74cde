import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import request from 'supertest';
import { createBackendModule } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import techRequestsPlugin from '@tech-requests/plugin-tech-requests-backend';
import { mockUserInfoFactory } from '@tech-requests/plugin-tech-requests-node/testUtils';
import catalogModuleTechRequests from './index';

jest.setTimeout(60_000);

const JANE = 'user:default/jane.doe';
/**
 * Confirms reuse candidates: with no review groups configured, anyone outside
 * the requesting group may (reviewers stay off their own group's requests).
 */
const PRIYA = 'user:default/priya.shah';

/** Jane is in Legal and Priya in IT, as sign-in would put it in the token; what is under test is the catalog. */
const userInfoFactory = mockUserInfoFactory(ref =>
  ref === PRIYA ? ['group:default/it'] : ['group:default/legal'],
);

async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

/** The organisation's own entities, registered while the test runs (as its repositories would). */
const organisationEntities = (() => {
  let connection: EntityProviderConnection | undefined;
  const provider: EntityProvider = {
    getProviderName: () => 'organisation',
    connect: async c => {
      connection = c;
    },
  };
  return {
    module: createBackendModule({
      pluginId: 'catalog',
      moduleId: 'organisation-entities',
      register(env) {
        env.registerInit({
          deps: { catalog: catalogProcessingExtensionPoint },
          async init({ catalog }) {
            catalog.addEntityProvider(provider);
          },
        });
      },
    }),
    add: (entity: Entity) =>
      connection!.applyMutation({
        type: 'delta',
        added: [
          {
            entity: {
              ...entity,
              metadata: {
                ...entity.metadata,
                annotations: {
                  ...entity.metadata.annotations,
                  'backstage.io/managed-by-location':
                    'url:https://git.example.com/catalog-info.yaml',
                  'backstage.io/managed-by-origin-location':
                    'url:https://git.example.com/catalog-info.yaml',
                },
              },
            },
            locationKey: 'organisation',
          },
        ],
        removed: [],
      }),
  };
})();

describe('the catalog with the tech-requests module and backend', () => {
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTechRequests,
        organisationEntities.module,
        techRequestsPlugin,
        userInfoFactory,
        // The real events service: the mock one does not carry events between plugins.
        eventsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [
                {
                  allow: [
                    'Group',
                    'User',
                    'System',
                    'Component',
                    'Resource',
                    'TechnologyRequest',
                  ],
                },
              ],
              locations: [
                {
                  type: 'file',
                  target: path.join(__dirname, '__fixtures__/catalog.yaml'),
                },
              ],
              providers: {
                techRequests: {
                  schedule: {
                    frequency: { minutes: 60 },
                    timeout: { minutes: 1 },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop();
  });

  const asJane = mockCredentials.user.header(JANE);
  const api = (method: 'get' | 'post' | 'patch', url: string) =>
    request(server)[method](url).set('Authorization', asJane);

  /** The entity once the catalog has it and `ready` holds, as the catalog API answers it. */
  const entity = (ref: string, ready: (e: Entity) => boolean = () => true) =>
    eventually(async () => {
      const [kind, rest] = ref.split(':');
      const res = await api(
        'get',
        `/api/catalog/entities/by-name/${kind}/${rest}`,
      );
      return res.status === 200 && ready(res.body)
        ? (res.body as Entity)
        : undefined;
    }, ref);

  const relationsTo = (e: Entity, prefix: string) =>
    (e.relations ?? [])
      .filter(r => r.targetRef.startsWith(prefix))
      .map(r => `${r.type} ${r.targetRef}`)
      .sort();

  it('mirrors a submitted request as an entity, with relations on both ends, and follows its changes', async () => {
    await entity('component:default/esign-gateway');
    const created = await api('post', '/api/tech-requests/requests').send({
      title: 'Online contract signing',
      need: 'Clients should sign engagement letters online.',
      integrations: ['system:default/crm'],
      namedReuseCandidates: [
        'component:default/esign-gateway',
        'component:default/not-in-catalog',
      ],
      submit: true,
    });
    expect(created.status).toBe(201);
    const ref = `technologyrequest:default/${created.body.entityName}`;

    const submitted = await entity(ref);
    expect(submitted.spec).toMatchObject({
      status: 'submitted',
      owner: 'group:default/legal',
      requester: JANE,
    });
    // Named candidates wait for a reviewer: they are no relation yet.
    expect(relationsTo(submitted, '')).toEqual([
      'integratesWith system:default/crm',
      'ownedBy group:default/legal',
    ]);
    let version = created.body.version;
    for (const candidate of [
      'component:default/esign-gateway',
      'component:default/not-in-catalog',
    ]) {
      const confirmed = await request(server)
        .post(`/api/tech-requests/requests/${created.body.id}/reuse-candidates`)
        .set('Authorization', mockCredentials.user.header(PRIYA))
        .send({ version, entityRef: candidate, state: 'confirmed' });
      expect(confirmed.status).toBe(200);
      version = confirmed.body.version;
    }
    const mirrored = await entity(
      ref,
      e => relationsTo(e, 'component').length === 2,
    );
    expect(relationsTo(mirrored, '')).toEqual([
      'hasReuseCandidate component:default/esign-gateway',
      'hasReuseCandidate component:default/not-in-catalog',
      'integratesWith system:default/crm',
      'ownedBy group:default/legal',
    ]);
    const group = await entity(
      'group:default/legal',
      e => relationsTo(e, 'technologyrequest').length > 0,
    );
    expect(relationsTo(group, 'technologyrequest')).toEqual([`ownerOf ${ref}`]);
    const component = await entity(
      'component:default/esign-gateway',
      e => relationsTo(e, 'technologyrequest').length > 0,
    );
    expect(relationsTo(component, 'technologyrequest')).toEqual([
      `reuseCandidateOf ${ref}`,
    ]);

    const edited = await api(
      'patch',
      `/api/tech-requests/requests/${created.body.id}`,
    ).send({
      version,
      integrations: ['system:default/erp'],
    });
    expect(edited.status).toBe(200);
    const followed = await entity(ref, e =>
      relationsTo(e, 'system').includes('integratesWith system:default/erp'),
    );
    expect(relationsTo(followed, 'system')).toEqual([
      'integratesWith system:default/erp',
    ]);

    const withdrawn = await api(
      'post',
      `/api/tech-requests/requests/${created.body.id}/transitions`,
    ).send({ action: 'withdraw' });
    expect(withdrawn.status).toBe(200);
    const closed = await entity(ref, e => e.spec?.status === 'withdrawn');
    expect(closed.metadata.title).toBe('Online contract signing');
  });

  describe('learning from decisions', () => {
    const asPriya = mockCredentials.user.header(PRIYA);
    /** Files a request as Jane and approves it as Priya with `decision`; answers the approved request. */
    async function approved(
      need: string,
      decision: { path: string; vendor?: string; targetEntityRef?: string },
    ) {
      const reused = decision.targetEntityRef;
      const created = await api('post', '/api/tech-requests/requests').send({
        title: need,
        need,
        capabilities: ['e-signature'],
        // Low risk: no security review is mandatory before the decision.
        dataClassification: 'public',
        hosting: 'on-premises',
        signIn: 'company-account',
        dataLocation: 'eu',
        namedReuseCandidates: reused ? [reused] : [],
        submit: true,
      });
      expect(created.status).toBe(201);
      const transition = (body: object) =>
        request(server)
          .post(`/api/tech-requests/requests/${created.body.id}/transitions`)
          .set('Authorization', asPriya)
          .send(body);
      const review = await transition({ action: 'start-review' });
      expect(review.status).toBe(200);
      if (reused) {
        const confirmed = await request(server)
          .post(
            `/api/tech-requests/requests/${created.body.id}/reuse-candidates`,
          )
          .set('Authorization', asPriya)
          .send({
            version: review.body.version,
            entityRef: reused,
            state: 'confirmed',
          });
        expect(confirmed.status).toBe(200);
      }
      const approval = await transition({
        action: 'approve',
        rationale: 'Decided in the review meeting.',
        decision,
      });
      expect(approval.body.error?.message).toBeUndefined();
      expect(approval.status).toBe(200);
      return approval.body;
    }

    /** Like `entity`, within `ms`: what a decision changes reaches the catalog within seconds. */
    const within = <T>(ms: number, probe: Promise<T>) =>
      Promise.race([
        probe,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms),
        ),
      ]);

    it('turns an approved purchase into a Resource that the next request with the same need is pointed to first', async () => {
      const need =
        'Notarised witness statements for property deeds, countersigned remotely';
      const decided = await approved(need, {
        path: 'buy',
        vendor: 'WitnessSeal',
      });
      const ref = 'resource:default/witnessseal-legal';
      const product = await within(
        5_000,
        entity(ref, e => relationsTo(e, 'technologyrequest').length > 0),
      );
      expect(product.spec).toMatchObject({
        type: 'saas-subscription',
        owner: 'group:default/legal',
        vendor: 'WitnessSeal',
      });
      expect(relationsTo(product, 'technologyrequest')).toEqual([
        `fulfills technologyrequest:default/${decided.entityName}`,
      ]);
      const first = await within(
        5_000,
        eventually(async () => {
          const res = await api(
            'post',
            '/api/tech-requests/reuse/suggestions',
          ).send({ text: need });
          return res.body.items?.[0]?.entityRef === ref
            ? res.body.items[0]
            : undefined;
        }, 'the bought product among the suggestions'),
      );
      expect(first.entityRef).toBe(ref);
    });

    it('steps the bought Resource aside for the subscription the organisation registers under its name', async () => {
      const decided = await approved(
        'Signed minutes of partner meetings, stored for ten years',
        { path: 'buy', vendor: 'Minutely' },
      );
      const ref = 'resource:default/minutely-legal';
      await within(
        5_000,
        entity(ref, e => e.spec?.vendor === 'Minutely'),
      );
      // Procurement registers the real subscription, knowing nothing of the request.
      await organisationEntities.add({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'minutely-legal',
          description: 'Minutely Business, contract 2026-114, renewed yearly.',
        },
        spec: { type: 'saas-subscription', owner: 'legal' },
      });
      const registered = await entity(
        ref,
        e => e.metadata.description?.startsWith('Minutely Business') ?? false,
      );
      expect(
        registered.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toBe('url:https://git.example.com/catalog-info.yaml');
      // Delivery starts: the provider emits its Resource again, and the organisation's stays.
      const delivering = await request(server)
        .post(`/api/tech-requests/requests/${decided.id}/transitions`)
        .set('Authorization', asPriya)
        .send({ action: 'start-delivery' });
      expect(delivering.status).toBe(200);
      await entity(
        `technologyrequest:default/${decided.entityName}`,
        e => e.spec?.status === 'in-delivery',
      );
      const after = await entity(ref);
      expect(after.metadata.description).toBe(
        'Minutely Business, contract 2026-114, renewed yearly.',
      );
      expect(relationsTo(after, 'technologyrequest')).toEqual([
        `fulfills technologyrequest:default/${decided.entityName}`,
      ]);
    });

    it('links a component registered later with the request-id annotation as what fulfils an approved build', async () => {
      const decided = await approved('A booking page for our legal clinic', {
        path: 'build',
      });
      // The team registers what it built, with the request's id on it.
      await organisationEntities.add({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'clinic-booking',
          annotations: { 'tech-requests.io/request-id': String(decided.id) },
        },
        spec: { type: 'website', lifecycle: 'experimental', owner: 'legal' },
      });
      await entity('component:default/clinic-booking');
      // Delivery starts: the request's entity now names what was built.
      const delivering = await request(server)
        .post(`/api/tech-requests/requests/${decided.id}/transitions`)
        .set('Authorization', asPriya)
        .send({ action: 'start-delivery' });
      expect(delivering.status).toBe(200);
      const ref = `technologyrequest:default/${decided.entityName}`;
      const fulfilled = await entity(
        ref,
        e => relationsTo(e, 'component').length > 0,
      );
      expect(fulfilled.spec?.fulfilledBy).toBe(
        'component:default/clinic-booking',
      );
      const component = await entity(
        'component:default/clinic-booking',
        e => relationsTo(e, 'technologyrequest').length > 0,
      );
      expect(relationsTo(component, 'technologyrequest')).toEqual([
        `fulfills ${ref}`,
      ]);
    });

    it('counts the requesting group among the users of what an approved reuse chose', async () => {
      await approved('Clients book a first consultation online', {
        path: 'reuse',
        targetEntityRef: 'component:default/appointment-booker',
      });
      const reused = await within(
        5_000,
        entity('component:default/appointment-booker', e =>
          relationsTo(e, 'group').includes('reusedBy group:default/legal'),
        ),
      );
      expect(relationsTo(reused, 'group')).toEqual([
        'ownedBy group:default/it',
        'reusedBy group:default/legal',
      ]);
      const group = await entity('group:default/legal', e =>
        relationsTo(e, 'component').includes(
          'reuses component:default/appointment-booker',
        ),
      );
      expect(
        relationsTo(group, 'component').filter(r => r.startsWith('reuses')),
      ).toEqual(['reuses component:default/appointment-booker']);
    });
  });

  it('keeps drafts out of the catalog', async () => {
    const draft = await api('post', '/api/tech-requests/requests').send({
      title: 'Secret plan',
      need: 'Not ready to share.',
    });
    expect(draft.status).toBe(201);
    const submitted = await api('post', '/api/tech-requests/requests').send({
      title: 'Shared plan',
      need: 'Ready.',
      submit: true,
    });
    await entity(`technologyrequest:default/${submitted.body.entityName}`);
    const list = await api(
      'get',
      '/api/catalog/entities?filter=kind=TechnologyRequest&fields=metadata.title',
    );
    expect(list.body.map((e: Entity) => e.metadata.title)).not.toContain(
      'Secret plan',
    );
  });
});
