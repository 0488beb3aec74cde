import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockServices } from '@backstage/backend-test-utils';
import { CATALOG, reader } from '../__testUtils__/catalogFacts';
import { catalogFactsReader } from './entityFacts';

describe('catalogFactsReader', () => {
  it.each([
    ['an API', 'api:default/esign-api', true],
    ['a component providing an API', 'component:default/esign', true],
    ['a system with an API part', 'system:default/erp', true],
    ['a system with only component parts', 'system:default/crm', false],
    ['a component consuming an API', 'component:default/mailer', false],
    ['a component without relations', 'component:default/credit', false],
    ['a resource', 'resource:default/bucket', false],
  ])('says whether %s offers an API', async (_, ref, offersApi) => {
    const facts = await reader()([ref]);
    expect(facts.get(ref)?.offersApi).toBe(offersApi);
  });

  it('carries kind, title and lifecycle, and leaves out what is not set', async () => {
    const facts = await reader()([
      'component:default/esign',
      'resource:default/bucket',
    ]);
    expect(facts.get('component:default/esign')).toEqual({
      entityRef: 'component:default/esign',
      kind: 'Component',
      title: 'E-sign gateway',
      lifecycle: 'production',
      offersApi: true,
      costPerUserMonth: 4.5,
    });
    expect(facts.get('resource:default/bucket')).toEqual({
      entityRef: 'resource:default/bucket',
      kind: 'Resource',
      offersApi: false,
    });
  });

  it.each([
    ['component:default/esign', 4.5],
    ['component:default/free', 0],
    ['component:default/mailer', undefined],
    ['component:default/credit', undefined],
    ['resource:default/bucket', undefined],
  ])('reads the charge-back of %s as %p', async (ref, expected) => {
    const facts = (await reader()([ref])).get(ref);
    expect(facts).toBeDefined();
    expect(facts?.costPerUserMonth).toBe(expected);
    expect('costPerUserMonth' in facts!).toBe(expected !== undefined);
  });

  it('leaves refs the catalog does not know out of the map', async () => {
    const facts = await reader()([
      'component:default/esign',
      'component:default/gone',
      'system:default/erp',
    ]);
    expect([...facts.keys()].sort()).toEqual([
      'component:default/esign',
      'system:default/erp',
    ]);
  });

  it('does not ask the catalog for no refs', async () => {
    const catalog = catalogServiceMock({ entities: CATALOG });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const facts = await catalogFactsReader(catalog, mockServices.auth())([]);
    expect(facts.size).toBe(0);
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('answers 503 when the catalog cannot be reached', async () => {
    const catalog = catalogServiceMock({ entities: CATALOG });
    jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockRejectedValue(new Error('connect ECONNREFUSED'));
    await expect(
      catalogFactsReader(
        catalog,
        mockServices.auth(),
      )(['component:default/esign']),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
  });

  it("asks the catalog with the plugin's own credentials", async () => {
    const catalog = catalogServiceMock({ entities: CATALOG });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    await catalogFactsReader(
      catalog,
      mockServices.auth(),
    )(['component:default/esign']);
    expect(getEntitiesByRefs).toHaveBeenCalledWith(
      expect.objectContaining({ entityRefs: ['component:default/esign'] }),
      { credentials: expect.anything() },
    );
  });
});
