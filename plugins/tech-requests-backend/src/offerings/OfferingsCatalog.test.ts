import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { offeringSettingsFromConfig } from '../config/offerings';
import { toReuseEntities } from '../reuse/reuseEntities';
import { Vocabulary } from '../reuse/Vocabulary';
import { OfferingsCatalog } from './OfferingsCatalog';

const REUSE_KINDS = ['Component', 'System', 'API', 'Resource'];
const vocabulary = Vocabulary.withDefaults();

function entity(
  kind: string,
  name: string,
  {
    spec = {},
    relations = [],
    ...metadata
  }: Partial<Entity['metadata']> & {
    spec?: Record<string, unknown>;
    relations?: Entity['relations'];
  } = {},
): Entity {
  const owner = String(spec.owner ?? 'group:default/it');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', ...metadata },
    spec: { owner, lifecycle: 'production', ...spec },
    relations: [{ type: 'ownedBy', targetRef: owner }, ...(relations ?? [])],
  };
}

const CATALOG = [
  entity('Component', 'esign-gateway', {
    title: 'E-signature gateway',
    description: 'Customers sign contracts online through DocuSign.',
    spec: { type: 'service' },
    annotations: {
      'tech-requests.io/cost-per-user-month': '4.50',
      'tech-requests.io/how-to-get': 'Ask the platform team in #esign',
    },
    relations: [
      { type: 'reusedBy', targetRef: 'group:default/legal' },
      { type: 'dependencyOf', targetRef: 'component:default/crm' },
    ],
  }),
  entity('Component', 'crm', {
    title: 'Customer relationship management',
    description:
      'Accounts, contacts, opportunities and contracts awaiting signatures, for the sales team.',
    spec: { type: 'website', owner: 'group:default/sales' },
    links: [{ url: 'https://crm.example.com/join', title: 'Request access' }],
    tags: ['internal'],
  }),
  entity('Component', 'pdf-lib', {
    title: 'PDF library',
    spec: { type: 'library' },
  }),
  entity('Resource', 'orders-db', {
    title: 'Orders database',
    spec: { type: 'database' },
  }),
  entity('Component', 'fax-gateway', {
    title: 'Fax gateway',
    spec: { type: 'service', lifecycle: 'deprecated' },
  }),
  entity('Component', 'internal-tool', {
    title: 'Internal tool',
    spec: { type: 'service' },
    annotations: { 'tech-requests.io/offering': 'false' },
  }),
  entity('Group', 'legal'),
];

function catalogWith(config: object = {}, entities: Entity[] = CATALOG) {
  const offerings = new OfferingsCatalog({
    vocabulary,
    settings: offeringSettingsFromConfig(
      new ConfigReader({ techRequests: { offerings: config } }),
      REUSE_KINDS,
    ),
    currency: 'CHF',
  });
  offerings.replaceEntities(toReuseEntities(entities));
  return offerings;
}

const refsOf = (page: { items: { entityRef: string }[] }) =>
  page.items.map(item => item.entityRef);

describe('OfferingsCatalog', () => {
  it('leaves out infrastructure, deprecated entities and those marked as no offering', () => {
    const page = catalogWith().page({});
    expect(refsOf(page).sort()).toEqual([
      'component:default/crm',
      'component:default/esign-gateway',
    ]);
    expect(refsOf(catalogWith().page({ includeDeprecated: true }))).toContain(
      'component:default/fax-gateway',
    );
  });

  it('says who uses an offering, how to get it and what it costs', () => {
    const [gateway] = catalogWith().page({ q: 'docusign' }).items;
    expect(gateway).toMatchObject({
      title: 'E-signature gateway',
      owner: 'group:default/it',
      // Sales through the CRM that depends on it; legal through an approved reuse.
      usedBy: ['group:default/legal', 'group:default/sales'],
      howToGet: { text: 'Ask the platform team in #esign' },
      costPerUserMonth: 4.5,
    });
    expect(gateway.capabilities[0].id).toBe('e-signature');
    const [crm] = catalogWith().page({ q: 'crm' }).items;
    expect(crm.howToGet).toEqual({
      url: 'https://crm.example.com/join',
      text: 'Request access',
    });
    expect(crm.costPerUserMonth).toBeUndefined();
  });

  it('filters by department: the groups that own or use an offering', () => {
    const offerings = catalogWith();
    expect(
      refsOf(offerings.page({ department: 'group:default/legal' })),
    ).toEqual(['component:default/esign-gateway']);
    expect(
      refsOf(offerings.page({ department: 'group:default/sales' })).sort(),
    ).toEqual(['component:default/crm', 'component:default/esign-gateway']);
    expect(offerings.page({}).facets.departments).toEqual(
      [
        { value: 'group:default/it', label: 'it', count: 1 },
        { value: 'group:default/sales', label: 'sales', count: 2 },
        { value: 'group:default/legal', label: 'legal', count: 1 },
      ].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    );
  });

  it('takes kinds, types and marks from the configuration', () => {
    expect(refsOf(catalogWith({ excludeTypes: [] }).page({})).sort()).toEqual([
      'component:default/crm',
      'component:default/esign-gateway',
      'component:default/pdf-lib',
      'resource:default/orders-db',
    ]);
    expect(refsOf(catalogWith({ types: ['website'] }).page({}))).toEqual([
      'component:default/crm',
    ]);
    expect(refsOf(catalogWith({ kinds: ['Resource'] }).page({}))).toEqual([]);
    expect(
      refsOf(
        catalogWith({
          include: { annotation: 'tech-requests.io/how-to-get' },
        }).page({}),
      ),
    ).toEqual(['component:default/esign-gateway']);
    expect(
      refsOf(catalogWith({ exclude: { tag: 'internal' } }).page({})),
    ).toEqual(['component:default/esign-gateway']);
  });

  it('refuses offering kinds the reuse index does not hold, naming the key', () => {
    expect(() =>
      offeringSettingsFromConfig(
        new ConfigReader({
          techRequests: { offerings: { kinds: ['Domain'] } },
        }),
        REUSE_KINDS,
      ),
    ).toThrow(/techRequests\.offerings\.kinds: Domain/);
  });

  it('puts the capabilities a search speaks of first', () => {
    const offerings = catalogWith({}, [
      ...CATALOG,
      entity('Component', 'client-portal', {
        title: 'Client onboarding portal',
        description: 'New clients sign their contracts and upload documents.',
        spec: { type: 'website' },
      }),
    ]);
    const [portal] = offerings.page({ q: 'client portal' }).items;
    expect(portal.capabilities[0].label).toBe(
      'Client onboarding and implementation',
    );
    // Grouped alphabetically, client onboarding comes before e-signature; "sign contracts"
    // speaks of e-signature (and contracts), not of onboarding.
    expect(refsOf(offerings.page({ q: 'sign contracts' }))).toEqual([
      'component:default/esign-gateway',
      'component:default/client-portal',
      'component:default/crm',
    ]);
  });

  it('pages through the selection in a stable order and refuses a foreign cursor', () => {
    const offerings = catalogWith({ excludeTypes: [] });
    const first = offerings.page({ limit: 3 });
    expect(first.totalCount).toBe(4);
    const second = offerings.page({ limit: 3, cursor: first.nextCursor });
    expect([...refsOf(first), ...refsOf(second)].sort()).toEqual(
      refsOf(offerings.page({ limit: 10 })).sort(),
    );
    expect(second.nextCursor).toBeUndefined();
    expect(() => offerings.page({ cursor: '-1' })).toThrow(/cursor/);
    expect(offerings.page({}).currency).toBe('CHF');
  });
});
