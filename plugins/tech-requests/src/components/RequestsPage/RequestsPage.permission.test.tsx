import { screen } from '@testing-library/react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL } from '../../__testUtils__/fixtures';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { RequestsPage } from './RequestsPage';

// A file of its own: the permission hook caches answers for the life of the test module.
const server = setupServer();
registerMswTestHooks(server);

describe('RequestsPage under a policy that refuses filing requests', () => {
  it('offers no way to file a request', async () => {
    server.use(
      rest.get(`${BASE_URL}/requests`, (_req, res, ctx) =>
        res(ctx.json({ items: [], totalCount: 0 })),
      ),
    );

    await renderInLegacyApp(<RequestsPage />, { permission: 'deny' });

    expect(
      await screen.findByText('No technology requests yet'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'New request' }),
    ).not.toBeInTheDocument();
  });
});
