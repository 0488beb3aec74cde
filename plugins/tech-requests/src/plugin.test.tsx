import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { techRequestsApiRef, TechRequestsApi } from './api/TechRequestsApi';
import {
  EntityTechRequestContent,
  EntityTechRequestsCard,
  TechRequestsPage,
  techRequestsPlugin,
} from './plugin';
import {
  aRequest,
  aRequestEntity,
  aRequestView,
  ROUTING,
  BACKEND_URL,
  BASE_URL,
} from './__testUtils__/fixtures';
import { renderInLegacyApp } from './__testUtils__/render';

const server = setupServer();
registerMswTestHooks(server);

/** The plugin's pages and cards are loaded lazily, which takes a while the first time. */
const LAZY = { timeout: 15_000 };

/**
 * The page where an app mounts it. Apps use FlatRoutes, which mounts `/tech-requests` and
 * matches everything below it; here the test app mounts the root route at `/tech-requests`
 * and this route matches everything below it.
 */
const MountedPage = () => <TechRequestsPage />;

const requestEntity = aRequestEntity('tr-42-online-contract-signing', {
  title: 'Online contract signing',
  status: 'approved',
  id: '42',
  description: 'Legal wants electronic signatures.',
});

describe('the Tech Requests plugin (legacy frontend system)', () => {
  it('is the tech-requests plugin', () => {
    expect(techRequestsPlugin.getId()).toBe('tech-requests');
  });

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
    const factory = [...techRequestsPlugin.getApis()].find(
      f => f.api.id === techRequestsApiRef.id,
    );
    expect(factory).toBeDefined();

    const api = factory!.factory({
      discoveryApi: mockApis.discovery({ baseUrl: BACKEND_URL }),
      fetchApi: new MockFetchApi({
        injectIdentityAuth: { token: 'jane-token' },
      }),
    }) as TechRequestsApi;

    await expect(api.listRequests({ q: 'sign', limit: 5 })).resolves.toEqual(
      listed,
    );
    expect(called).toEqual({
      url: `${BASE_URL}/requests?q=sign&limit=5`,
      authorization: 'Bearer jane-token',
    });
  });

  it('renders its pages where the app mounts TechRequestsPage', async () => {
    server.use(
      rest.get(`${BASE_URL}/requests`, (_req, res, ctx) =>
        res(ctx.json({ items: [aRequest()], totalCount: 1 })),
      ),
      rest.get(`${BASE_URL}/requests/42`, (_req, res, ctx) =>
        res(ctx.json(aRequestView({ allowedActions: ['comment'] }))),
      ),
      rest.get(`${BASE_URL}/requests/42/:list`, (_req, res, ctx) =>
        res(ctx.json({ items: [] })),
      ),
      rest.get(`${BASE_URL}/review-routing`, (_req, res, ctx) =>
        res(ctx.json(ROUTING)),
      ),
    );
    const user = userEvent.setup();
    await renderInLegacyApp(
      <Routes>
        <Route path="/tech-requests/*" element={<MountedPage />} />
      </Routes>,
      { routeEntries: ['/tech-requests'] },
    );

    expect(
      await screen.findByRole('heading', { name: 'Technology requests' }, LAZY),
    ).toBeInTheDocument();
    const title = await screen.findByRole('link', {
      name: 'Online contract signing',
    });
    expect(
      screen.getAllByRole('button', { name: 'New request' })[0],
    ).toHaveAttribute('href', '/tech-requests/new');

    await user.click(title);

    expect(
      await screen.findByRole('heading', { name: 'Online contract signing' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/Legal prints, signs and scans/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: /^Comments/ }));
    expect(
      screen.getByRole('textbox', { name: 'Add a comment' }),
    ).toBeInTheDocument();
  });

  it('renders the form under /new', async () => {
    await renderInLegacyApp(
      <Routes>
        <Route path="/tech-requests/*" element={<MountedPage />} />
      </Routes>,
      { routeEntries: ['/tech-requests/new'] },
    );

    expect(
      await screen.findByRole(
        'heading',
        { name: 'New technology request' },
        LAZY,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Title/ })).toBeInTheDocument();
  });

  it('provides the entity card', async () => {
    const gateway: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'esign-gateway', namespace: 'default' },
      relations: [
        {
          type: 'fulfills',
          targetRef: 'technologyrequest:default/tr-42-online-contract-signing',
        },
      ],
    };
    await renderInLegacyApp(
      <EntityProvider entity={gateway}>
        <EntityTechRequestsCard />
      </EntityProvider>,
      { entities: [requestEntity] },
    );

    const list = await screen.findByRole(
      'list',
      { name: 'Technology requests' },
      LAZY,
    );
    expect(
      within(list).getByRole('link', { name: 'Online contract signing' }),
    ).toHaveAttribute('href', '/tech-requests/42');
    expect(list).toHaveTextContent('serves it');
  });

  it('provides the content for TechnologyRequest pages', async () => {
    await renderInLegacyApp(
      <EntityProvider entity={requestEntity}>
        <EntityTechRequestContent />
      </EntityProvider>,
    );

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
  });
});
