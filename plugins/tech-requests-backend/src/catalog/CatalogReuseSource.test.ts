import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { reuseIndexRefresher } from '../reuse/refresher';
import { CatalogReuseSource } from './CatalogReuseSource';

function entity(
  kind: string,
  name: string,
  etag: string,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', etag, ...extra },
    spec: { owner: 'legal', lifecycle: 'production', type: 'service' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/legal' }],
  };
}

const CATALOG = [
  entity('Component', 'esign', 'e1', {
    title: 'E-signature gateway',
    description: 'Wraps DocuSign.',
  }),
  entity('API', 'esign-api', 'a1'),
  entity('Group', 'legal', 'g1'),
];

function source(entities: Entity[], kinds = ['Component', 'API']) {
  return new CatalogReuseSource(
    catalogServiceMock({ entities }),
    mockServices.auth(),
    kinds,
  );
}

const withEtag = (entities: Entity[], name: string, etag: string) =>
  entities.map(e =>
    e.metadata.name === name ? { ...e, metadata: { ...e.metadata, etag } } : e,
  );

describe('CatalogReuseSource', () => {
  it('gives the same fingerprint for the same catalog, in any order', async () => {
    const fingerprint = await source(CATALOG).fingerprint();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await source(CATALOG).fingerprint()).toBe(fingerprint);
    expect(await source([...CATALOG].reverse()).fingerprint()).toBe(
      fingerprint,
    );
  });

  it.each([
    ['an indexed entity changes', withEtag(CATALOG, 'esign', 'e2')],
    ['an indexed entity goes', CATALOG.slice(1)],
    [
      'an indexed entity appears',
      [...CATALOG, entity('Component', 'crm', 'c1')],
    ],
  ])('changes the fingerprint when %s', async (_case, changed) => {
    expect(await source(changed).fingerprint()).not.toBe(
      await source(CATALOG).fingerprint(),
    );
  });

  it('ignores kinds it does not index', async () => {
    const fingerprint = await source(CATALOG).fingerprint();
    expect(await source(withEtag(CATALOG, 'legal', 'g2')).fingerprint()).toBe(
      fingerprint,
    );
    expect(
      await source([
        ...CATALOG,
        entity('System', 'billing', 's1'),
      ]).fingerprint(),
    ).toBe(fingerprint);
    expect(await source(CATALOG, ['Component']).fingerprint()).not.toBe(
      fingerprint,
    );
  });

  it('reads the indexed kinds as reuse entities', async () => {
    const entities = await source(CATALOG).readAll();
    expect(entities.map(e => e.entityRef).sort()).toEqual([
      'api:default/esign-api',
      'component:default/esign',
    ]);
    expect(entities.find(e => e.name === 'esign')).toEqual(
      expect.objectContaining({
        kind: 'Component',
        title: 'E-signature gateway',
        description: 'Wraps DocuSign.',
        owner: 'group:default/legal',
        lifecycle: 'production',
        type: 'service',
        etag: 'e1',
      }),
    );
    expect(
      (await source(CATALOG, ['Component']).readAll()).map(e => e.name),
    ).toEqual(['esign']);
  });

  it('describes an entity by its kind and title, else its name', async () => {
    const catalog = source(CATALOG);
    expect(await catalog.describe('component:default/esign')).toEqual({
      kind: 'Component',
      title: 'E-signature gateway',
    });
    expect(await catalog.describe('api:default/esign-api')).toEqual({
      kind: 'API',
      title: 'esign-api',
    });
    expect(await catalog.describe('component:default/missing')).toBeUndefined();
  });

  it('answers 503 when the catalog cannot be reached to describe an entity', async () => {
    const catalog = catalogServiceMock({ entities: CATALOG });
    jest
      .spyOn(catalog, 'getEntityByRef')
      .mockRejectedValue(new Error('connect ECONNREFUSED'));
    await expect(
      new CatalogReuseSource(catalog, mockServices.auth(), [
        'Component',
      ]).describe('component:default/esign'),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
  });
});

describe('reuseIndexRefresher', () => {
  const setUp = (catalog: CatalogReuseSource) => {
    const engine = { replaceEntities: jest.fn(async () => {}) };
    const refresh = reuseIndexRefresher(
      catalog,
      [engine],
      mockServices.logger.mock(),
    );
    return { engine, refresh };
  };

  it('rebuilds only when the catalog changed', async () => {
    const { engine, refresh } = setUp(source(CATALOG));
    await refresh();
    await refresh();
    expect(engine.replaceEntities).toHaveBeenCalledTimes(1);
    expect(
      (engine.replaceEntities.mock.calls[0] as any[])[0]
        .map((e: { name: string }) => e.name)
        .sort(),
    ).toEqual(['esign', 'esign-api']);
  });

  it('rebuilds when the fingerprint changes between runs', async () => {
    const catalog = source(CATALOG);
    const fingerprint = jest
      .spyOn(catalog, 'fingerprint')
      .mockResolvedValueOnce('first')
      .mockResolvedValueOnce('first')
      .mockResolvedValueOnce('second');
    const { engine, refresh } = setUp(catalog);
    await refresh();
    await refresh();
    await refresh();
    expect(fingerprint).toHaveBeenCalledTimes(3);
    expect(engine.replaceEntities).toHaveBeenCalledTimes(2);
  });

  it('tries again on the next run when a rebuild fails', async () => {
    const { engine, refresh } = setUp(source(CATALOG));
    engine.replaceEntities.mockRejectedValueOnce(new Error('out of memory'));
    await expect(refresh()).rejects.toThrow('out of memory');
    await refresh();
    await refresh();
    expect(engine.replaceEntities).toHaveBeenCalledTimes(2);
  });
});
