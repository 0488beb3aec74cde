import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { GateAnswer } from '@tech-requests/plugin-tech-requests-common';
import { screen, within } from '@testing-library/react';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import {
  aGatewayEntity,
  aRequestEntity,
  BASE_URL,
} from '../../__testUtils__/fixtures';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { EntityRequestsCard } from './EntityRequestsCard';

const gateway = aGatewayEntity([
  { type: 'ownedBy', targetRef: 'group:default/it' },
  {
    type: 'reuseCandidateOf',
    targetRef: 'technologyrequest:default/tr-42-online-contract-signing',
  },
  {
    type: 'integrationOf',
    targetRef: 'technologyrequest:default/tr-43-video-meetings',
  },
  {
    type: 'fulfills',
    targetRef: 'technologyrequest:default/tr-42-online-contract-signing',
  },
  // Not a request, and a request the catalog does not hold (any more).
  { type: 'reuseCandidateOf', targetRef: 'component:default/other' },
  {
    type: 'integrationOf',
    targetRef: 'technologyrequest:default/tr-99-gone',
  },
]);

const catalog = [
  aRequestEntity('tr-42-online-contract-signing', {
    title: 'Online contract signing',
    status: 'approved',
    id: '42',
  }),
  // Without a title nor the request-id annotation.
  aRequestEntity('tr-43-video-meetings', { status: 'in-review' }),
];

const server = setupServer();
registerMswTestHooks(server);

/** The gate's answer for every entity; by default it asks no request of them. */
function serveGate(answer: Partial<GateAnswer> = {}) {
  const asked: string[] = [];
  server.use(
    rest.get(`${BASE_URL}/gate`, (req, res, ctx) => {
      asked.push(req.url.searchParams.get('entityRef') ?? '');
      return res(
        ctx.json({
          allowed: true,
          verdict: 'not-required',
          reason: 'needs no request',
          mode: 'enforce',
          ...answer,
        }),
      );
    }),
  );
  return asked;
}

beforeEach(() => serveGate());

function renderCard(entity: Entity, entities: Entity[] = catalog) {
  return renderInLegacyApp(
    <EntityProvider entity={entity}>
      <EntityRequestsCard />
    </EntityProvider>,
    { entities },
  );
}

describe('EntityRequestsCard', () => {
  it('lists the requests that name the entity, with their status and role, linking to each', async () => {
    await renderCard(gateway);

    const list = await screen.findByRole('list', {
      name: 'Technology requests',
    });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);

    expect(
      within(items[0]).getByRole('link', { name: 'Online contract signing' }),
    ).toHaveAttribute('href', '/tech-requests/42');
    expect(items[0]).toHaveTextContent('could be reused, serves it');
    expect(within(items[0]).getByText('Approved')).toBeInTheDocument();

    // A request entity without its id is named, but not linked.
    expect(
      within(items[1]).getByText('tr-43-video-meetings'),
    ).toBeInTheDocument();
    expect(within(items[1]).queryByRole('link')).not.toBeInTheDocument();
    expect(items[1]).toHaveTextContent('must integrate');
    expect(within(items[1]).getByText('In review')).toBeInTheDocument();

    expect(screen.queryByText(/tr-99/)).not.toBeInTheDocument();
  });

  it('names the teams that reuse the entity through approved requests', async () => {
    await renderCard(
      aGatewayEntity([
        { type: 'ownedBy', targetRef: 'group:default/it' },
        { type: 'reusedBy', targetRef: 'group:default/legal' },
        { type: 'reusedBy', targetRef: 'group:default/hr' },
      ]),
      [],
    );
    const line = await screen.findByText(/Reused by 2 teams/);
    expect(line).toHaveTextContent(
      'Reused by 2 teams through approved requests: legal, hr',
    );
    expect(within(line).getByRole('link', { name: 'legal' })).toHaveAttribute(
      'href',
      '/catalog/default/group/legal',
    );
  });

  it('says so when no request names the entity', async () => {
    const catalogApi = catalogApiMock.mock();
    await renderInLegacyApp(
      <EntityProvider
        entity={{
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'System',
          metadata: { name: 'crm' },
          relations: [{ type: 'ownedBy', targetRef: 'group:default/sales' }],
        }}
      >
        <EntityRequestsCard />
      </EntityProvider>,
      { catalogApi },
    );

    expect(
      await screen.findByText('No technology request names this system.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Technology requests' }),
    ).not.toBeInTheDocument();
    // Nothing to look up.
    expect(catalogApi.getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('shows an error when the catalog cannot be read', async () => {
    await renderInLegacyApp(
      <EntityProvider entity={gateway}>
        <EntityRequestsCard />
      </EntityProvider>,
      {
        catalogApi: catalogApiMock.mock({
          getEntitiesByRefs: jest
            .fn()
            .mockRejectedValue(new Error('The catalog is not reachable')),
        }),
      },
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The catalog is not reachable',
    );
    expect(
      screen.queryByRole('list', { name: 'Technology requests' }),
    ).not.toBeInTheDocument();
  });

  it('warns when no approved request is behind the entity, with the way to file one', async () => {
    const asked = serveGate({
      allowed: false,
      verdict: 'refused',
      reason:
        'No request names component:default/esign-gateway: file one at https://portal.example.com/tech-requests/new',
    });
    await renderCard(gateway);

    expect(
      await screen.findByText('No approved request is behind this'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^No request names component:default\/esign-gateway/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'File a request' }),
    ).toHaveAttribute('href', '/tech-requests/new');
    expect(asked).toEqual(['component:default/esign-gateway']);
  });

  it('names the request it was built under', async () => {
    serveGate({
      allowed: true,
      verdict: 'covered',
      reason: 'Request 42 ("Online contract signing") was approved to build',
      request: {
        id: 42,
        title: 'Online contract signing',
        status: 'approved',
        url: 'https://portal.example.com/tech-requests/42',
      },
    });
    await renderCard(gateway);
    expect(
      await screen.findByRole('link', {
        name: 'request 42: Online contract signing',
      }),
    ).toHaveAttribute('href', '/tech-requests/42');
    expect(
      screen.queryByText('No approved request is behind this'),
    ).not.toBeInTheDocument();
  });
});
