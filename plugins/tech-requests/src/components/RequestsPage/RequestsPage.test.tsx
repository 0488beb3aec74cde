import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/test-utils';
import { RequestPage as RequestListPage } from '@tech-requests/plugin-tech-requests-common';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { aRequest, BASE_URL, errorBody } from '../../__testUtils__/fixtures';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { RequestsPage } from './RequestsPage';

const server = setupServer();
registerMswTestHooks(server);

/** Answers list calls with `respond` and records the query of each call. */
function serveList(
  respond: (
    query: URLSearchParams,
  ) => RequestListPage | Promise<RequestListPage>,
) {
  const queries: URLSearchParams[] = [];
  server.use(
    rest.get(`${BASE_URL}/requests`, async (req, res, ctx) => {
      queries.push(req.url.searchParams);
      return res(ctx.json(await respond(req.url.searchParams)));
    }),
  );
  return queries;
}

const page = (
  items: RequestListPage['items'],
  totalCount = items.length,
): RequestListPage => ({
  items,
  totalCount,
});

const twoRequests = page([
  aRequest(),
  aRequest({
    id: 43,
    title: 'Video meetings for the board',
    status: 'draft',
    requestingGroup: 'group:default/board-office',
    requester: 'user:default/max.board',
  }),
]);

const lastQuery = (queries: URLSearchParams[]) => queries[queries.length - 1];

/** The Status filter (the table's column header is a button named "Status" too). */
const statusFilter = () =>
  screen
    .getAllByRole('button', { name: 'Status' })
    .find(button => button.getAttribute('aria-haspopup') === 'listbox')!;

describe('RequestsPage', () => {
  it('shows a progress indicator while loading, then one row per request', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>(resolve => {
      answer = resolve;
    });
    const queries = serveList(async () => {
      await answered;
      return twoRequests;
    });

    await renderInLegacyApp(<RequestsPage />);

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Online contract signing' }),
    ).not.toBeInTheDocument();
    answer();

    const row = await screen.findByRole('row', {
      name: /Online contract signing/,
    });
    expect(
      within(row).getByRole('link', { name: 'Online contract signing' }),
    ).toHaveAttribute('href', '/tech-requests/42');
    expect(within(row).getByText('In review')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'legal' })).toHaveAttribute(
      'href',
      '/catalog/default/group/legal',
    );
    expect(within(row).getByRole('link', { name: 'jane.doe' })).toHaveAttribute(
      'href',
      '/catalog/default/user/jane.doe',
    );
    expect(within(row).getByText('3 days ago')).toBeInTheDocument();
    expect(within(row).getByText('5 hours ago')).toBeInTheDocument();

    const other = screen.getByRole('row', {
      name: /Video meetings for the board/,
    });
    expect(
      within(other).getByRole('link', { name: 'Video meetings for the board' }),
    ).toHaveAttribute('href', '/tech-requests/43');
    expect(within(other).getByText('Draft')).toBeInTheDocument();
    expect(
      within(other).getByRole('link', { name: 'board-office' }),
    ).toBeInTheDocument();
    expect(
      within(other).getByRole('link', { name: 'max.board' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    // The first page, newest change first, with no filter.
    expect(queries).toHaveLength(1);
    expect(Object.fromEntries(queries[0])).toEqual({
      sort: 'updated',
      order: 'desc',
      limit: '20',
    });
  });

  it('marks requests past the service-level target of their stage', async () => {
    serveList(() =>
      page([
        {
          ...aRequest({ title: 'Late one' }),
          serviceLevel: {
            stage: 'submitted',
            since: '2026-01-05T09:00:00.000Z',
            dueAt: '2026-01-07T09:00:00.000Z',
            overdue: true,
          },
        },
        {
          ...aRequest({ id: 44, title: 'On time' }),
          serviceLevel: {
            stage: 'submitted',
            since: '2026-01-05T09:00:00.000Z',
            dueAt: '2099-01-07T09:00:00.000Z',
            overdue: false,
          },
        },
      ]),
    );

    await renderInLegacyApp(<RequestsPage />);

    const late = (await screen.findByText('Late one')).closest('tr')!;
    expect(within(late).getByText('overdue')).toBeInTheDocument();
    const onTime = screen.getByText('On time').closest('tr')!;
    expect(within(onTime).queryByText('overdue')).not.toBeInTheDocument();
  });

  it('explains the plugin and offers to file a request when there are no requests at all', async () => {
    serveList(() => page([], 0));

    await renderInLegacyApp(<RequestsPage />);

    expect(
      await screen.findByText('No technology requests yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Need a new tool, a SaaS subscription or an application\? File a request/,
      ),
    ).toBeInTheDocument();
    const buttons = screen.getAllByRole('button', { name: 'New request' });
    // One in the header, one in the empty state.
    expect(buttons).toHaveLength(2);
    for (const button of buttons) {
      expect(button).toHaveAttribute('href', '/tech-requests/new');
    }
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(
      screen.queryByText(/No request matches these filters/),
    ).not.toBeInTheDocument();
  });

  it('says that nothing matches when filters give no request, instead of the first-use explanation', async () => {
    serveList(query => (query.get('q') ? page([], 0) : twoRequests));
    const user = userEvent.setup();

    await renderInLegacyApp(<RequestsPage />);
    await screen.findByRole('link', { name: 'Online contract signing' });

    await user.type(
      screen.getByRole('textbox', { name: 'Search title and need' }),
      'xyz',
    );

    // The search waits for typing to pause, then asks the backend: allow a busy machine time.
    expect(
      await screen.findByText(
        'No request matches these filters.',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No technology requests yet'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Online contract signing' }),
    ).not.toBeInTheDocument();
    // The search box keeps what was typed so the person can change it.
    expect(
      screen.getByRole('textbox', { name: 'Search title and need' }),
    ).toHaveValue('xyz');
  });

  it('shows an error panel when the backend fails', async () => {
    server.use(
      rest.get(`${BASE_URL}/requests`, (_req, res, ctx) =>
        res(
          ctx.status(500),
          ctx.json(errorBody('Error', 'The database is not reachable', 500)),
        ),
      ),
    );
    const user = userEvent.setup();

    await renderInLegacyApp(<RequestsPage />);

    const panel = await screen.findByRole('alert');
    expect(panel).toHaveTextContent(
      'Request failed with 500 Internal Server Error',
    );
    await user.click(within(panel).getByText(/Request failed with 500/));
    expect(
      within(panel).getByText('The database is not reachable'),
    ).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('sends the search text as `q` once typing pauses', async () => {
    const queries = serveList(() => twoRequests);
    const user = userEvent.setup();

    await renderInLegacyApp(<RequestsPage />);
    await screen.findByRole('link', { name: 'Online contract signing' });
    await user.type(
      screen.getByRole('textbox', { name: 'Search title and need' }),
      'sign',
    );

    await waitFor(() => expect(lastQuery(queries).get('q')).toBe('sign'));
    // One call for the page, one for the whole word: none for "s", "si" and "sig".
    expect(queries.map(query => query.get('q'))).toEqual([null, 'sign']);
  });

  it('offers the statuses in words, and sends each chosen one as its own `status` parameter', async () => {
    const queries = serveList(() => twoRequests);
    const user = userEvent.setup();

    await renderInLegacyApp(<RequestsPage />);
    await screen.findByRole('link', { name: 'Online contract signing' });

    await user.click(statusFilter());
    const listbox = await screen.findByRole('listbox');
    await user.click(
      within(listbox).getByRole('option', { name: 'Submitted' }),
    );
    await user.click(
      within(listbox).getByRole('option', { name: 'In review' }),
    );

    await waitFor(() =>
      expect(lastQuery(queries).getAll('status')).toEqual([
        'submitted',
        'in-review',
      ]),
    );
    expect(lastQuery(queries).toString()).toContain(
      'status=submitted&status=in-review',
    );
    await user.keyboard('{Escape}');
    expect(statusFilter()).toHaveTextContent('Submitted, In review');
  });

  it('asks only for the signed-in user\'s requests with "Only mine"', async () => {
    const queries = serveList(() => twoRequests);
    const user = userEvent.setup();

    await renderInLegacyApp(<RequestsPage />);
    await screen.findByRole('link', { name: 'Online contract signing' });
    expect(queries[0].has('requester')).toBe(false);

    await user.click(screen.getByRole('checkbox', { name: 'Only mine' }));

    await waitFor(() =>
      expect(lastQuery(queries).get('requester')).toBe('user:default/jane.doe'),
    );
  });

  it('asks for one requesting group, picked from the catalog, and for what waits for me', async () => {
    const queries = serveList(() => twoRequests);
    const user = userEvent.setup();
    const legal = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'legal', namespace: 'default', title: 'Legal' },
      spec: { type: 'department', children: [] },
    };

    await renderInLegacyApp(<RequestsPage />, { entities: [legal] });
    await screen.findByRole('link', { name: 'Online contract signing' });

    await user.click(screen.getByRole('textbox', { name: 'Requesting group' }));
    await user.click(await screen.findByRole('option', { name: 'Legal' }));
    await waitFor(() =>
      expect(lastQuery(queries).get('requestingGroup')).toBe(
        'group:default/legal',
      ),
    );

    await user.click(screen.getByRole('checkbox', { name: 'Waiting for me' }));
    await waitFor(() =>
      expect(lastQuery(queries).get('waitingForMe')).toBe('true'),
    );
  });

  it('says that nothing matches when a requesting group has no request, instead of the first-use explanation', async () => {
    serveList(query =>
      query.get('requestingGroup') ? page([], 0) : twoRequests,
    );
    const user = userEvent.setup();
    const legal = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'legal', namespace: 'default', title: 'Legal' },
      spec: { type: 'department', children: [] },
    };

    await renderInLegacyApp(<RequestsPage />, { entities: [legal] });
    await screen.findByRole('link', { name: 'Online contract signing' });
    await user.click(screen.getByRole('textbox', { name: 'Requesting group' }));
    await user.click(await screen.findByRole('option', { name: 'Legal' }));

    expect(
      await screen.findByText('No request matches these filters.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No technology requests yet'),
    ).not.toBeInTheDocument();
  });

  it('pages on the server with `offset`', async () => {
    const all = Array.from({ length: 25 }, (_, index) =>
      aRequest({ id: index + 1, title: `Request number ${index + 1}` }),
    );
    const queries = serveList(query => {
      const offset = Number(query.get('offset') ?? 0);
      const limit = Number(query.get('limit'));
      return page(all.slice(offset, offset + limit), all.length);
    });
    const user = userEvent.setup();

    await renderInLegacyApp(<RequestsPage />);
    await screen.findByRole('link', { name: 'Request number 1' });
    expect(
      screen.queryByRole('link', { name: 'Request number 21' }),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /next page/i }));

    expect(
      await screen.findByRole('link', { name: 'Request number 21' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Request number 1' }),
    ).not.toBeInTheDocument();
    expect(lastQuery(queries).get('offset')).toBe('20');
    expect(lastQuery(queries).get('limit')).toBe('20');
  });

  it('sorts on the server when a column header is clicked', async () => {
    const queries = serveList(() => twoRequests);
    const user = userEvent.setup();

    await renderInLegacyApp(<RequestsPage />);
    await screen.findByRole('link', { name: 'Online contract signing' });

    await user.click(
      within(screen.getByRole('columnheader', { name: 'Title' })).getByText(
        'Title',
      ),
    );

    await waitFor(() => expect(lastQuery(queries).get('sort')).toBe('title'));
    expect(lastQuery(queries).get('order')).toBe('asc');
  });
});
