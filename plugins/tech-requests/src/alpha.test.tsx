import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  registerMswTestHooks,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import techRequestsPlugin from './alpha';
import { techRequestsApiRef } from './api/TechRequestsApi';
import {
  aGatewayEntity,
  aRequest,
  aRequestEntity,
  aRequestView,
  ROUTING,
  BACKEND_URL,
  BASE_URL,
} from './__testUtils__/fixtures';

const server = setupServer();
registerMswTestHooks(server);

/** The plugin's pages and cards are loaded lazily, which takes a while the first time. */
const LAZY = { timeout: 15_000 };

const identity = mockApis.identity({
  userEntityRef: 'user:default/jane.doe',
  token: 'jane-token',
});

const gateway = aGatewayEntity([
  {
    type: 'reuseCandidateOf',
    targetRef: 'technologyrequest:default/tr-42-online-contract-signing',
  },
]);

const requestEntity = aRequestEntity('tr-42-online-contract-signing', {
  title: 'Online contract signing',
  status: 'approved',
  id: '42',
  description: 'Legal wants electronic signatures.',
});

describe('the Tech Requests plugin (new frontend system)', () => {
  it("provides its API, reaching the discovered backend with the user's token", async () => {
    const listed = { items: [aRequest()], totalCount: 1 };
    let called: { url: string; authorization: string | null } | undefined;
    server.use(
      rest.get(`${BASE_URL}/requests`, (req, res, ctx) => {
        called = {
          url: req.url.toString(),
          authorization: req.headers.get('authorization'),
        };
        return res(ctx.json(listed));
      }),
    );
    const tester = createExtensionTester(
      techRequestsPlugin.getExtension('api:tech-requests'),
    );
    const factory = tester.get(ApiBlueprint.dataRefs.factory);
    expect(factory.api.id).toBe(techRequestsApiRef.id);

    const api = factory.factory({
      discoveryApi: mockApis.discovery({ baseUrl: BACKEND_URL }),
      fetchApi: mockApis.fetch({ injectIdentityAuth: { token: 'jane-token' } }),
    }) as typeof techRequestsApiRef.T;

    await expect(api.listRequests({ status: ['draft'] })).resolves.toEqual(
      listed,
    );
    expect(called).toEqual({
      url: `${BASE_URL}/requests?status=draft`,
      authorization: 'Bearer jane-token',
    });
  });

  it('mounts its page at /tech-requests and shows the list there', async () => {
    server.use(
      rest.get(`${BASE_URL}/requests`, (_req, res, ctx) =>
        res(ctx.json({ items: [aRequest()], totalCount: 1 })),
      ),
    );
    expect(
      createExtensionTester(
        techRequestsPlugin.getExtension('page:tech-requests'),
      ).get(coreExtensionData.routePath),
    ).toBe('/tech-requests');

    renderTestApp({
      features: [techRequestsPlugin],
      initialRouteEntries: ['/tech-requests'],
      apis: [identity],
      // The list links people and groups to their catalog pages.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    expect(
      await screen.findByRole('heading', { name: 'Technology requests' }, LAZY),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Online contract signing' }),
    ).toHaveAttribute('href', '/tech-requests/42');
  });

  it('leads from the list to the form, and back through the sidebar to a request', async () => {
    server.use(
      rest.get(`${BASE_URL}/requests`, (_req, res, ctx) =>
        res(ctx.json({ items: [aRequest()], totalCount: 1 })),
      ),
      rest.get(`${BASE_URL}/requests/42`, (_req, res, ctx) =>
        res(ctx.json(aRequestView())),
      ),
      rest.get(`${BASE_URL}/review-routing`, (_req, res, ctx) =>
        res(ctx.json(ROUTING)),
      ),
      rest.get(`${BASE_URL}/requests/42/:list`, (_req, res, ctx) =>
        res(ctx.json({ items: [] })),
      ),
    );
    const user = userEvent.setup();
    renderTestApp({
      features: [techRequestsPlugin],
      initialRouteEntries: ['/tech-requests'],
      apis: [identity],
      // The list links people and groups to their catalog pages.
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    await screen.findByRole('link', { name: 'Online contract signing' }, LAZY);
    await user.click(screen.getAllByRole('button', { name: 'New request' })[0]);
    expect(
      await screen.findByRole('heading', { name: 'New technology request' }),
    ).toBeInTheDocument();

    const sidebar = screen.getByRole('navigation', { name: 'sidebar nav' });
    await user.click(
      within(sidebar).getByRole('link', { name: 'Tech Requests' }),
    );
    await user.click(
      await screen.findByRole('link', { name: 'Online contract signing' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Online contract signing' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/Legal prints, signs and scans/),
    ).toBeInTheDocument();
  });

  it('puts What IT offers in the sidebar, and leads from an offering to a request for it', async () => {
    server.use(
      rest.get(`${BASE_URL}/requests`, (_req, res, ctx) =>
        res(ctx.json({ items: [], totalCount: 0 })),
      ),
      rest.get(`${BASE_URL}/offerings`, (_req, res, ctx) =>
        res(
          ctx.json({
            items: [
              {
                entityRef: 'component:default/esign-gateway',
                kind: 'Component',
                title: 'E-signature gateway',
                capabilities: [{ id: 'e-signature', label: 'E-signature' }],
                usedBy: [],
                deprecated: false,
              },
            ],
            totalCount: 1,
            facets: { capabilities: [], departments: [] },
            currency: 'EUR',
            indexedAt: '2026-12-01T10:00:00.000Z',
          }),
        ),
      ),
    );
    expect(
      createExtensionTester(
        techRequestsPlugin.getExtension('page:tech-requests/offerings'),
      ).get(coreExtensionData.routePath),
    ).toBe('/offerings');
    const user = userEvent.setup();
    renderTestApp({
      features: [techRequestsPlugin],
      initialRouteEntries: ['/tech-requests'],
      apis: [identity],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    const sidebar = await screen.findByRole(
      'navigation',
      { name: 'sidebar nav' },
      LAZY,
    );
    await user.click(
      within(sidebar).getByRole('link', { name: 'What IT offers' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'E-signature' }, LAZY),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'I want this' }));
    expect(
      await screen.findByText(/You are asking to use/, undefined, LAZY),
    ).toBeInTheDocument();
  });

  it('shows its card on component pages, listing the requests that name the component', async () => {
    renderTestApp({
      features: [techRequestsPlugin],
      extensions: [createTestEntityPage({ entity: gateway })],
      apis: [identity, catalogApiMock({ entities: [requestEntity] })],
    });

    const list = await screen.findByRole(
      'list',
      { name: 'Technology requests' },
      LAZY,
    );
    expect(
      within(list).getByRole('link', { name: 'Online contract signing' }),
    ).toHaveAttribute('href', '/tech-requests/42');
    expect(within(list).getByText('Approved')).toBeInTheDocument();
    // The request content is for TechnologyRequest pages only.
    expect(
      screen.queryByRole('link', {
        name: 'Open the request, its reviews and its history',
      }),
    ).not.toBeInTheDocument();
  });

  it('shows neither card nor content on pages of other kinds', async () => {
    renderTestApp({
      features: [techRequestsPlugin],
      extensions: [
        createTestEntityPage({
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'legal' },
          },
        }),
      ],
      apis: [identity, catalogApiMock()],
    });

    expect(
      await screen.findByTestId('empty-entity-page', undefined, LAZY),
    ).toBeInTheDocument();
    expect(screen.queryByText('Technology requests')).not.toBeInTheDocument();
  });

  it('shows the request content on TechnologyRequest pages, linking to the request', async () => {
    renderTestApp({
      features: [techRequestsPlugin],
      extensions: [createTestEntityPage({ entity: requestEntity })],
      apis: [identity, catalogApiMock({ entities: [requestEntity] })],
    });

    expect(
      await screen.findByRole(
        'link',
        { name: 'Open the request, its reviews and its history' },
        LAZY,
      ),
    ).toHaveAttribute('href', '/tech-requests/42');
    expect(
      screen.getByText('Legal wants electronic signatures.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Technology requests' }),
    ).not.toBeInTheDocument();
  });
});
