import { aRequest } from '../__testUtils__/aRequest';
import { ReuseEntity } from '../reuse/reuseEntities';
import { CoverageCensus } from './CoverageCensus';

const entity = (
  name: string,
  fields: Partial<ReuseEntity> = {},
  requestId?: string,
): ReuseEntity => ({
  entityRef: `component:default/${name}`,
  kind: 'Component',
  name,
  title: name,
  tags: [],
  type: 'service',
  links: [],
  annotations: requestId ? { 'tech-requests.io/request-id': requestId } : {},
  owner: 'group:default/legal',
  lifecycle: 'production',
  dependentGroups: [],
  fulfilledRequests: 0,
  ...fields,
});

const approvedTo = (id: number, path: 'build' | 'reuse') =>
  aRequest({
    id,
    status: 'approved',
    decision: {
      outcome: 'approved',
      path,
      rationale: 'Agreed.',
      decidedBy: 'user:default/lena.fischer',
      decidedAt: '2026-11-01T00:00:00.000Z',
    },
  });

describe('CoverageCensus', () => {
  const census = new CoverageCensus(
    {
      covered: [{ kind: 'Component', types: ['service'] }],
      exempt: { systems: ['system:default/legacy'], owners: [] },
    },
    async ids =>
      [approvedTo(1, 'build'), approvedTo(2, 'reuse')].filter(r =>
        ids.includes(r.id),
      ),
  );
  census.replaceEntities([
    entity('booking', {}, '1'), // covered
    entity('second-signing', {}, '2'), // approved to reuse: no new build
    entity('shadow-crm'), // no request
    entity('ghost', { lifecycle: 'experimental' }, '999'), // no such request
    entity('legacy-report', { system: 'system:default/legacy' }), // exempt
    entity('docs', { type: 'documentation' }), // not covered
    entity('api-thing', { kind: 'API', type: 'openapi' }), // not covered
    entity('sales-tool', { owner: 'group:default/sales' }), // sales' own
  ]);

  it('counts the covered work that no approved request to build or buy is behind', async () => {
    expect(await census.count()).toEqual({
      inScope: 5,
      uncovered: 4,
      uncoveredInProduction: 3,
      examples: [
        {
          entityRef: 'component:default/sales-tool',
          title: 'sales-tool',
          lifecycle: 'production',
        },
        {
          entityRef: 'component:default/second-signing',
          title: 'second-signing',
          lifecycle: 'production',
        },
        {
          entityRef: 'component:default/shadow-crm',
          title: 'shadow-crm',
          lifecycle: 'production',
        },
        {
          entityRef: 'component:default/ghost',
          title: 'ghost',
          lifecycle: 'experimental',
        },
      ],
    });
  });

  it("counts one owner's entities", async () => {
    const sales = await census.count('group:default/sales');
    expect(sales).toMatchObject({ inScope: 1, uncovered: 1 });
  });
});
