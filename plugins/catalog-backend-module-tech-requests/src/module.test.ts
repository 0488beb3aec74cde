import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import techRequestsPlugin from '@tech-requests/plugin-tech-requests-backend';
import { mockUserInfoFactory } from '@tech-requests/plugin-tech-requests-node/testUtils';
import catalogModuleTechRequests from './index';

jest.setTimeout(60_000);

const JANE = 'user:default/jane.doe';
/** Confirms reuse candidates: with no review groups configured, anyone but the requester may. */
const PRIYA = 'user:default/priya.shah';

/** Everyone is in Legal, as sign-in would put it in the token; what is under test is the catalog. */
const userInfoFactory = mockUserInfoFactory(() => ['group:default/legal']);

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

describe('the catalog with the tech-requests module and backend', () => {
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTechRequests,
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
