import { screen, within } from '@testing-library/react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { aRequest, BASE_URL } from '../../__testUtils__/fixtures';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { HomeCard } from './HomeCards';

const server = setupServer();
registerMswTestHooks(server);

/** Answers list calls with `items` and records each query. */
function serveRequests(
  items: ReturnType<typeof aRequest>[],
  totalCount = items.length,
) {
  const queries: URLSearchParams[] = [];
  server.use(
    rest.get(`${BASE_URL}/requests`, (req, res, ctx) => {
      queries.push(req.url.searchParams);
      return res(ctx.json({ items, totalCount }));
    }),
  );
  return queries;
}

describe('the home page cards', () => {
  it('lists what waits for the signed-in person, most recently changed first, with where each stands', async () => {
    const queries = serveRequests(
      [
        aRequest(),
        aRequest({ id: 43, title: 'Pulse surveys', status: 'submitted' }),
      ],
      7,
    );
    await renderInLegacyApp(<HomeCard show="waiting-for-me" />);

    const list = await screen.findByRole('list', { name: 'Waiting for me' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      expect.stringMatching(/^Online contract signingchanged .*In review$/),
      expect.stringMatching(/^Pulse surveyschanged .*Submitted$/),
    ]);
    expect(
      within(items[1]).getByRole('link', { name: 'Pulse surveys' }),
    ).toHaveAttribute('href', '/tech-requests/43');
    expect(Object.fromEntries(queries[0])).toEqual({
      waitingForMe: 'true',
      sort: 'updated',
      order: 'desc',
      limit: '5',
    });
    expect(screen.getByRole('link', { name: /All requests/ })).toHaveAttribute(
      'href',
      '/tech-requests',
    );
  });

  it("lists the person's own requests, and says so when there are none", async () => {
    const queries = serveRequests([]);
    await renderInLegacyApp(<HomeCard show="mine" />, {
      userEntityRef: 'user:default/tom.baker',
    });

    expect(
      await screen.findByText('You have filed no request yet.'),
    ).toBeInTheDocument();
    expect(queries[0].get('requester')).toBe('user:default/tom.baker');
  });

  it('lists what IT offers, each by what it does', async () => {
    server.use(
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
              },
            ],
            totalCount: 1,
            facets: { capabilities: [], departments: [] },
            currency: 'EUR',
          }),
        ),
      ),
    );
    await renderInLegacyApp(<HomeCard show="offerings" />);

    const list = await screen.findByRole('list', { name: 'What IT offers' });
    expect(list).toHaveTextContent('E-signature gatewayE-signature');
    expect(
      within(list).getByRole('link', { name: 'E-signature gateway' }),
    ).toHaveAttribute('href', '/offerings');
  });
});
