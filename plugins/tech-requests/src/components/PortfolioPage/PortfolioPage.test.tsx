import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/test-utils';
import { PortfolioReport } from '@tech-requests/plugin-tech-requests-common';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, errorBody } from '../../__testUtils__/fixtures';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { PortfolioPage } from './PortfolioPage';

const server = setupServer();
registerMswTestHooks(server);

const LEGAL = 'group:default/legal';
const SALES = 'group:default/sales';
const none = {
  'under-1-week': 0,
  '1-to-4-weeks': 0,
  '1-to-3-months': 0,
  'over-3-months': 0,
};

const REPORT: PortfolioReport = {
  period: { from: '2026-01-01', to: '2026-12-09' },
  currency: 'EUR',
  generatedAt: '2026-12-09T12:00:00.000Z',
  demand: [
    { department: LEGAL, status: 'approved', requests: 2 },
    { department: LEGAL, status: 'submitted', requests: 1 },
    { department: SALES, status: 'rejected', requests: 1 },
  ],
  waiting: [
    {
      stage: 'submitted',
      requests: 2,
      ages: { ...none, 'under-1-week': 1, '1-to-4-weeks': 1 },
      targetWorkingDays: 2,
      overdue: 1,
      waitingSince: '2026-11-30T08:00:00.000Z',
    },
    {
      stage: 'in-review',
      requests: 0,
      ages: none,
      targetWorkingDays: 10,
      overdue: 0,
    },
    { stage: 'deferred', requests: 0, ages: none },
    { stage: 'approved', requests: 2, ages: { ...none, 'over-3-months': 2 } },
    { stage: 'in-delivery', requests: 0, ages: none },
  ],
  decisionMix: [
    {
      quarter: '2026-Q1',
      reuse: 0,
      buy: 1,
      build: 0,
      rejected: 0,
      deferred: 0,
    },
    {
      quarter: '2026-Q2',
      reuse: 1,
      buy: 0,
      build: 0,
      rejected: 1,
      deferred: 0,
    },
  ],
  timeToDecision: { decisions: 3, medianDays: 4, p90Days: 20 },
  topCapabilities: [{ capability: 'E-signature', requests: 3, departments: 2 }],
  sharedNeeds: [
    {
      capability: 'E-signature',
      departments: [LEGAL, SALES],
      requests: 3,
      undecided: 1,
    },
  ],
  delivery: {
    inScope: 12,
    uncovered: 3,
    uncoveredInProduction: 2,
    examples: [
      {
        entityRef: 'component:default/shadow-crm',
        title: 'Shadow CRM',
        lifecycle: 'production',
      },
    ],
  },
  money: [
    {
      department: LEGAL,
      quarter: '2026-Q1',
      approvals: 1,
      approvedCost: 22000,
      reuseApprovals: 0,
      reuseSaving: 0,
    },
    {
      department: LEGAL,
      quarter: '2026-Q2',
      approvals: 1,
      approvedCost: 2000,
      reuseApprovals: 1,
      reuseSaving: 19000,
    },
  ],
};

function servePortfolio(respond: () => PortfolioReport = () => REPORT) {
  const queries: URLSearchParams[] = [];
  server.use(
    rest.get(`${BASE_URL}/portfolio`, (req, res, ctx) => {
      queries.push(req.url.searchParams);
      return res(ctx.json(respond()));
    }),
  );
  return queries;
}

describe('PortfolioPage', () => {
  it('leads with the headline figures of the period', async () => {
    servePortfolio();
    await renderInLegacyApp(<PortfolioPage />);

    expect(await screen.findByText('Requests filed')).toBeInTheDocument();
    expect(screen.getByText('1 Jan 2026 to 9 Dec 2026')).toBeInTheDocument();
    expect(screen.getByText('1 past their target')).toBeInTheDocument();
    expect(screen.getByText('4 days')).toBeInTheDocument();
    expect(
      screen.getByText('Over 3 decisions; 9 in 10 took at most 20 days'),
    ).toBeInTheDocument();
    expect(screen.getByText('€24,000')).toBeInTheDocument();
    expect(screen.getByText('€19,000')).toBeInTheDocument();
  });

  it('shows the numbers behind a chart as a table, in business words', async () => {
    servePortfolio();
    await renderInLegacyApp(<PortfolioPage />);
    await screen.findByText('Requests filed');

    const [demandToggle] = screen.getAllByRole('button', {
      name: 'Show numbers',
    });
    await userEvent.click(demandToggle);
    const table = screen.getByRole('table', {
      name: 'Demand by department: numbers',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows.map(row => row.textContent)).toEqual([
      'DepartmentSubmittedApprovedRejectedTotal',
      'legal1203',
      'sales0011',
    ]);

    // The shared needs are a table from the start: departments to bring together.
    const shared = screen.getByRole('table', {
      name: 'Needs several departments share: numbers',
    });
    expect(shared).toHaveTextContent('E-signaturelegal, sales31');

    // Work the delivery gate covers that no approved request is behind.
    expect(
      screen.getByText(
        '3 of 12 catalog entities the delivery gate covers, 2 of them in production, have no approved request behind them',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', {
        name: 'Built outside the front door: numbers',
      }),
    ).toHaveTextContent('Shadow CRMproduction');
  });

  it('asks for the period and the department chosen', async () => {
    const queries = servePortfolio();
    await renderInLegacyApp(<PortfolioPage />);
    await screen.findByText('Requests filed');
    expect(queries[0].toString()).toBe('');

    await userEvent.click(screen.getByLabelText('Period'));
    await userEvent.click(screen.getByRole('option', { name: 'Last year' }));
    const lastYear = new Date().getUTCFullYear() - 1;
    await waitFor(() =>
      expect(queries[queries.length - 1].get('from')).toBe(`${lastYear}-01-01`),
    );
    expect(queries[queries.length - 1].get('to')).toBe(`${lastYear}-12-31`);

    await userEvent.click(screen.getByLabelText('Period'));
    await userEvent.click(
      screen.getByRole('option', { name: 'Dates of my choice' }),
    );
    // The dates start as the period shown.
    const from = screen.getByLabelText('From');
    expect(from).toHaveValue('2026-01-01');
    fireEvent.change(from, { target: { value: '2026-03-01' } });
    await waitFor(() =>
      expect(queries[queries.length - 1].get('from')).toBe('2026-03-01'),
    );
    expect(queries[queries.length - 1].get('to')).toBe('2026-12-09');
  });

  it('says nothing was counted rather than drawing empty charts', async () => {
    servePortfolio(() => ({
      ...REPORT,
      demand: [],
      decisionMix: [],
      timeToDecision: { decisions: 0 },
      topCapabilities: [],
      sharedNeeds: [],
      money: [],
    }));
    await renderInLegacyApp(<PortfolioPage />);
    expect(
      await screen.findByText('No requests were filed in this period.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No decisions in this period')).toBeInTheDocument();
    expect(
      screen.getByText(
        'No two departments asked for the same capability in this period.',
      ),
    ).toBeInTheDocument();
  });

  it('tells someone without access whom the page is for', async () => {
    server.use(
      rest.get(`${BASE_URL}/portfolio`, (_req, res, ctx) =>
        res(
          ctx.status(403),
          ctx.json(
            errorBody('NotAllowedError', 'The portfolio is for deciders', 403),
          ),
        ),
      ),
    );
    await renderInLegacyApp(<PortfolioPage />);
    expect(
      await screen.findByText(
        'The portfolio is for deciders and IT leadership',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Period')).not.toBeInTheDocument();
  });

  it('shows what went wrong when the backend fails', async () => {
    server.use(
      rest.get(`${BASE_URL}/portfolio`, (_req, res, ctx) =>
        res(
          ctx.status(500),
          ctx.json(errorBody('Error', 'database down', 500)),
        ),
      ),
    );
    await renderInLegacyApp(<PortfolioPage />);
    expect(
      (await screen.findAllByText(/database down/)).length,
    ).toBeGreaterThan(0);
  });
});
