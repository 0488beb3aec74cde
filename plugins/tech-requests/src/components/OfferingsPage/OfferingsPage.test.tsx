import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  Offering,
  OfferingsPage as OfferingsPageData,
} from '@tech-requests/plugin-tech-requests-common';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, errorBody } from '../../__testUtils__/fixtures';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { OfferingsPage } from './OfferingsPage';

const server = setupServer();
registerMswTestHooks(server);

const offering = (overrides: Partial<Offering> = {}): Offering => ({
  entityRef: 'component:default/esign-gateway',
  kind: 'Component',
  type: 'service',
  title: 'E-signature gateway',
  description: 'Customers sign contracts online.',
  owner: 'group:default/it',
  capabilities: [{ id: 'e-signature', label: 'E-signature' }],
  usedBy: ['group:default/legal', 'group:default/sales'],
  howToGet: { url: 'https://wiki.example.com/esign', text: 'Onboarding guide' },
  costPerUserMonth: 4.5,
  lifecycle: 'production',
  deprecated: false,
  ...overrides,
});

const BOOKING = offering({
  entityRef: 'component:default/room-booking',
  title: 'Room and desk booking',
  description: 'Book rooms and desks.',
  capabilities: [{ id: 'room-booking', label: 'Room booking' }],
  usedBy: [],
  howToGet: { text: 'Ask the workplace team' },
  costPerUserMonth: undefined,
});

const page = (
  items: Offering[],
  extra: Partial<OfferingsPageData> = {},
): OfferingsPageData => ({
  items,
  totalCount: items.length,
  facets: {
    capabilities: [
      { value: 'e-signature', label: 'E-signature', count: 1 },
      { value: 'room-booking', label: 'Room booking', count: 1 },
    ],
    departments: [],
  },
  currency: 'EUR',
  indexedAt: '2026-12-01T10:00:00.000Z',
  ...extra,
});

/** Answers offerings calls with `respond` and records the query of each call. */
function serveOfferings(
  respond: (query: URLSearchParams) => OfferingsPageData,
) {
  const queries: URLSearchParams[] = [];
  server.use(
    rest.get(`${BASE_URL}/offerings`, (req, res, ctx) => {
      queries.push(req.url.searchParams);
      return res(ctx.json(respond(req.url.searchParams)));
    }),
  );
  return queries;
}

describe('OfferingsPage', () => {
  it('shows what IT offers, grouped by what it does, with who uses it, its cost and the way to ask for it', async () => {
    serveOfferings(() => page([offering(), BOOKING]));
    await renderInLegacyApp(<OfferingsPage />);

    expect(
      await screen.findByRole('heading', { name: 'E-signature' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Room booking' }),
    ).toBeInTheDocument();
    const [esign, booking] = screen.getAllByTestId('offering');
    expect(esign).toHaveTextContent('Used by 2 teams: legal, sales');
    expect(esign).toHaveTextContent('€4.50 per person and month');
    expect(
      within(esign).getByRole('link', { name: /Onboarding guide/ }),
    ).toHaveAttribute('href', 'https://wiki.example.com/esign');
    expect(
      within(esign).getByRole('button', { name: 'I want this' }),
    ).toHaveAttribute(
      'href',
      '/tech-requests/new?offering=component%3Adefault%2Fesign-gateway',
    );
    expect(booking).toHaveTextContent('No other team uses it yet');
    expect(booking).toHaveTextContent('How to get it: Ask the workplace team');
    expect(booking).not.toHaveTextContent('Cost');
    expect(screen.getByText('2 services')).toBeInTheDocument();
  });

  it('asks the backend for what is typed and chosen', async () => {
    const queries = serveOfferings(() => page([offering()]));
    await renderInLegacyApp(<OfferingsPage />);
    await screen.findAllByTestId('offering');

    await userEvent.type(
      screen.getByLabelText(/What do you need/),
      'sign contracts',
    );
    await waitFor(() =>
      expect(queries[queries.length - 1].get('q')).toBe('sign contracts'),
    );

    await userEvent.click(screen.getByLabelText('What it does'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Room booking (1)' }),
    );
    await waitFor(() =>
      expect(queries[queries.length - 1].get('capability')).toBe(
        'room-booking',
      ),
    );

    await userEvent.click(screen.getByLabelText('Include retiring services'));
    await waitFor(() =>
      expect(queries[queries.length - 1].get('includeDeprecated')).toBe('true'),
    );
  });

  it('shows more on request, after what it shows', async () => {
    const queries = serveOfferings(query =>
      query.get('cursor') === '1'
        ? page([BOOKING], { totalCount: 2 })
        : page([offering()], { totalCount: 2, nextCursor: '1' }),
    );
    await renderInLegacyApp(<OfferingsPage />);
    expect(await screen.findByText('2 services, 1 shown')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));

    expect(
      await screen.findByRole('heading', { name: 'Room booking' }),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('offering')).toHaveLength(2);
    expect(queries.map(query => query.get('cursor'))).toEqual([null, '1']);
    expect(
      screen.queryByRole('button', { name: 'Show more' }),
    ).not.toBeInTheDocument();
  });

  it('marks services being retired and does not offer them', async () => {
    serveOfferings(() =>
      page([offering({ deprecated: true, lifecycle: 'deprecated' })]),
    );
    await renderInLegacyApp(<OfferingsPage />);
    const [card] = await screen.findAllByTestId('offering');
    expect(card).toHaveTextContent('Being retired');
    expect(
      within(card).queryByRole('button', { name: 'I want this' }),
    ).not.toBeInTheDocument();
  });

  it('says when the list is still being put together, and when nothing matches', async () => {
    serveOfferings(query =>
      page([], {
        indexedAt: query.get('q')
          ? '2026-12-01T10:00:00.000Z'
          : new Date(0).toISOString(),
      }),
    );
    await renderInLegacyApp(<OfferingsPage />);
    expect(
      await screen.findByText('IT is reading the catalog'),
    ).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(/What do you need/), 'drones');
    expect(
      await screen.findByText('Nothing on offer matches'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Ask IT for something new' }),
    ).toHaveAttribute('href', '/tech-requests/new');
  });

  it('shows what went wrong when the backend fails', async () => {
    server.use(
      rest.get(`${BASE_URL}/offerings`, (_req, res, ctx) =>
        res(
          ctx.status(500),
          ctx.json(errorBody('Error', 'database down', 500)),
        ),
      ),
    );
    await renderInLegacyApp(<OfferingsPage />);
    expect(
      (await screen.findAllByText(/database down/)).length,
    ).toBeGreaterThan(0);
  });
});
