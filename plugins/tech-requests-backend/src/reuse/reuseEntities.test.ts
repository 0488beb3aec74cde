import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { describeEntity, ReuseEntity, toReuseEntities } from './reuseEntities';

function component(
  name: string,
  spec: JsonObject = {},
  relations: [string, string][] = [],
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...metadata },
    spec,
    relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
  };
}

const byName = (entities: ReuseEntity[], name: string) =>
  entities.find(entity => entity.name === name)!;

describe('toReuseEntities', () => {
  it.each([
    [
      'the ownedBy relation over spec.owner',
      component('a', { owner: 'legal' }, [['ownedBy', 'group:default/sales']]),
      'group:default/sales',
    ],
    [
      'spec.owner as a group',
      component('a', { owner: 'legal' }),
      'group:default/legal',
    ],
    [
      'spec.owner as a full ref',
      component('a', { owner: 'user:default/jane' }),
      'user:default/jane',
    ],
    ['nothing', component('a'), undefined],
    [
      'nothing but a spec.owner of the wrong type',
      component('a', { owner: 7 }),
      undefined,
    ],
  ])('takes the owner from %s', (_case, entity, owner) => {
    expect(toReuseEntities([entity])[0].owner).toBe(owner);
  });

  describe('dependent groups', () => {
    const entities = [
      component('esign', { owner: 'legal' }, [
        ['dependencyOf', 'component:default/portal'],
        ['apiConsumedBy', 'component:default/crm'],
        ['dependencyOf', 'component:default/legal-tool'],
        ['dependencyOf', 'component:default/second-portal'],
        ['dependencyOf', 'component:default/unknown'],
        ['dependsOn', 'component:default/billing'],
        ['ownedBy', 'group:default/legal'],
      ]),
      component('portal', { owner: 'web' }),
      component('second-portal', { owner: 'web' }),
      component('crm', { owner: 'group:default/sales' }),
      component('legal-tool', { owner: 'legal' }),
      component('billing', { owner: 'finance' }),
    ];

    it('are the owners of the entities that depend on or consume it, except its own', () => {
      expect(
        byName(toReuseEntities(entities), 'esign').dependentGroups,
      ).toEqual(['group:default/sales', 'group:default/web']);
    });

    it('are the groups that reuse it through an approved request, except its owner', () => {
      const reused = component('esign', { owner: 'legal' }, [
        ['reusedBy', 'group:default/hr'],
        ['reusedBy', 'group:default/legal'],
        ['reuseCandidateOf', 'technologyrequest:default/tr-1-sign'],
        ['dependencyOf', 'component:default/portal'],
      ]);
      expect(toReuseEntities([reused, entities[1]])[0].dependentGroups).toEqual(
        ['group:default/hr', 'group:default/web'],
      );
    });

    it('are not the owners of the entities it depends on', () => {
      expect(
        byName(toReuseEntities(entities), 'billing').dependentGroups,
      ).toEqual([]);
    });

    it('come from the owners given, when given', () => {
      const owners = new Map([
        ['component:default/unknown', 'group:default/ops'],
        ['component:default/legal-tool', 'group:default/legal'],
      ]);
      expect(toReuseEntities([entities[0]], owners)[0].dependentGroups).toEqual(
        ['group:default/ops'],
      );
    });
  });

  it('counts the requests an entity fulfils', () => {
    const entity = component('esign', {}, [
      ['fulfills', 'technologyrequest:default/request-1'],
      ['fulfills', 'technologyrequest:default/request-2'],
      ['dependencyOf', 'component:default/portal'],
    ]);
    expect(toReuseEntities([entity])[0].fulfilledRequests).toBe(2);
    expect(toReuseEntities([component('none')])[0].fulfilledRequests).toBe(0);
  });

  it('reads what the entity says of itself', () => {
    const entity: Entity = {
      ...component(
        'esign-gateway',
        { type: 'service', lifecycle: 'production', owner: 'legal' },
        [],
        {
          namespace: 'legal',
          title: 'E-signature gateway',
          description: 'Wraps DocuSign.',
          tags: ['signing', 'docusign'],
          links: [
            { url: 'https://docs.example.com/esign', title: 'Docs' },
            { url: 'https://esign.example.com' },
          ],
          annotations: { 'tech-requests.io/cost-per-user-month': '4.50' },
          etag: 'abc123',
        },
      ),
      kind: 'API',
    };
    expect(toReuseEntities([entity])).toEqual([
      {
        entityRef: 'api:legal/esign-gateway',
        kind: 'API',
        name: 'esign-gateway',
        title: 'E-signature gateway',
        description: 'Wraps DocuSign.',
        tags: ['signing', 'docusign'],
        type: 'service',
        links: [
          'Docs',
          'https://docs.example.com/esign',
          'https://esign.example.com',
        ],
        firstLink: { url: 'https://docs.example.com/esign', title: 'Docs' },
        annotations: { 'tech-requests.io/cost-per-user-month': '4.50' },
        owner: 'group:default/legal',
        lifecycle: 'production',
        dependentGroups: [],
        fulfilledRequests: 0,
        etag: 'abc123',
      },
    ]);
  });

  it('leaves blank or missing fields out', () => {
    const [entity] = toReuseEntities([
      component('bare', { type: '  ', lifecycle: 3 }, [], {
        title: ' ',
        description: '',
      }),
    ]);
    expect(entity).toEqual({
      entityRef: 'component:default/bare',
      kind: 'Component',
      name: 'bare',
      title: undefined,
      description: undefined,
      tags: [],
      type: undefined,
      links: [],
      annotations: {},
      owner: undefined,
      lifecycle: undefined,
      dependentGroups: [],
      fulfilledRequests: 0,
      etag: undefined,
    });
  });
});

describe('describeEntity', () => {
  it('gives the index the entity words, its name split and links without scheme', () => {
    const [entity] = toReuseEntities([
      component('esign_gateway-v2.api', { type: 'service' }, [], {
        title: 'E-signature gateway',
        description: 'Wraps DocuSign.',
        tags: ['signing', 'pdf'],
        links: [{ url: 'https://docs.example.com/esign', title: 'Docs' }],
      }),
    ]);
    expect(describeEntity(entity)).toEqual({
      fields: {
        name: 'esign gateway v2 api',
        title: 'E-signature gateway',
        description: 'Wraps DocuSign.',
        tags: 'signing pdf',
        type: 'service',
        links: 'Docs docs.example.com/esign',
      },
    });
  });
});
