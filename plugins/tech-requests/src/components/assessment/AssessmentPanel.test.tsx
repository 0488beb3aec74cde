import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CostInputs,
  RequestAssessment,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import {
  anAssessment,
  aRequestView,
  BASE_URL,
  errorBody,
} from '../../__testUtils__/fixtures';
import {
  renderRequestPage,
  requestPageReads,
  requestPageState,
} from '../../__testUtils__/requestPage';

const server = setupServer();
registerMswTestHooks(server);

const REVIEWER_ACTIONS: TechRequestView['allowedActions'] = [
  'review',
  'assess-reuse',
  'adjust-costs',
  'comment',
];
const DECIDER_ACTIONS: TechRequestView['allowedActions'] = [
  ...REVIEWER_ACTIONS,
  'approve',
  'reject',
  'defer',
];

/**
 * A backend holding request 42, assessed: answers its reads from `state` and records the
 * cost inputs put, answering them with `recomputed` as the new assessment.
 */
function serveRequest(
  initial: Partial<TechRequestView> = {},
  recomputed: RequestAssessment = anAssessment(),
) {
  const state = requestPageState(
    aRequestView({ assessment: anAssessment(), ...initial }),
  );
  const put: unknown[] = [];
  server.use(
    ...requestPageReads(state),
    rest.put(`${BASE_URL}/requests/42/cost-inputs`, async (req, res, ctx) => {
      const body = await req.json();
      put.push(body);
      state.request = {
        ...state.request,
        costInputs: body.inputs as CostInputs,
        assessment: recomputed,
        version: state.request.version + 1,
      };
      return res(ctx.json(state.request));
    }),
  );
  return { state, put };
}

async function renderRequestPageLoaded() {
  await renderRequestPage();
  await screen.findByRole('heading', { name: 'Online contract signing' });
}

const region = () => screen.getByRole('region', { name: 'Assessment' });
const costTable = () =>
  within(region()).getByRole('table', { name: 'Cost of each path' });
/** The table's rows as the texts of their cells, the header first. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map(row =>
      Array.from(row.querySelectorAll('th, td')).map(cell => cell.textContent),
    );
const costInput = (name: string) => screen.getByRole('spinbutton', { name });

describe('the assessment on the request page', () => {
  it('is not shown before there is one', async () => {
    serveRequest({ status: 'draft', assessment: undefined });
    await renderRequestPageLoaded();

    expect(
      screen.queryByRole('region', { name: 'Assessment' }),
    ).not.toBeInTheDocument();
  });

  it('shows the architecture fit with its findings and what they rest on', async () => {
    serveRequest();
    await renderRequestPageLoaded();

    expect(within(region()).getByText('65 / 100')).toBeInTheDocument();
    expect(
      within(region()).getByText('fits with concerns'),
    ).toBeInTheDocument();
    const findings = within(
      screen.getByRole('list', { name: 'Architecture findings' }),
    ).getAllByRole('listitem');
    // The more severe first.
    expect(findings[0]).toHaveTextContent(/^warning/);
    expect(findings[0]).toHaveTextContent(
      'CRM (system:default/crm) offers no API in the catalog',
    );
    expect(
      within(findings[0]).getByRole('link', { name: 'crm' }),
    ).toHaveAttribute('href', '/catalog/default/system/crm');
    expect(findings[1]).toHaveTextContent(/^info/);
    const configKey = within(findings[1]).getByText(
      'techRequests.standards.radar.entries[0]',
    );
    expect(configKey.tagName).toBe('CODE');
    expect(within(findings[1]).queryByRole('link')).not.toBeInTheDocument();
  });

  it('says so when no rule raises anything', async () => {
    serveRequest({
      assessment: anAssessment({ fit: { score: 100, findings: [] } }),
    });
    await renderRequestPageLoaded();

    expect(within(region()).getByText('100 / 100')).toBeInTheDocument();
    expect(within(region()).getByText('fits well')).toBeInTheDocument();
    expect(
      within(region()).getByText('No rule raises anything.'),
    ).toBeInTheDocument();
  });

  it('shows the security risk, its findings, and which mandatory reviews are done or missing', async () => {
    serveRequest();
    await renderRequestPageLoaded();

    expect(within(region()).getByText('high risk')).toBeInTheDocument();
    expect(within(region()).getByText('7 points')).toBeInTheDocument();
    const findings = within(
      screen.getByRole('list', { name: 'Security findings' }),
    ).getAllByRole('listitem');
    expect(findings).toHaveLength(2);
    expect(findings[0]).toHaveTextContent('Confidential data: +3 points');
    expect(within(findings[0]).getByText('dataClassification').tagName).toBe(
      'CODE',
    );
    expect(
      within(
        screen.getByRole('list', {
          name: 'Reviews required before a decision',
        }),
      )
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['security review: done', 'privacy review: missing']);
  });

  it('draws the cost of each path and tabulates it in the currency, marking the cheapest', async () => {
    serveRequest();
    await renderRequestPageLoaded();

    expect(
      within(region()).getByText('Over 3 years for 40 users, in EUR'),
    ).toBeInTheDocument();
    const chart = within(region()).getByRole('img', {
      name: 'Cost over 3 years: reuse €11,200, buy €35,280, build €80,400; reuse is the cheapest',
    });
    // One shaded segment per year in each bar, labelled with its amount.
    expect(chart.querySelectorAll('rect')).toHaveLength(9);
    expect(chart.querySelector('rect title')).toHaveTextContent(
      'Reuse, year 1: €6,400',
    );
    expect(
      within(screen.getByRole('list', { name: 'Years' }))
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['Year 1', 'Year 2', 'Year 3']);

    expect(rowsOf(costTable())).toEqual([
      ['Path', 'Year 1', 'Year 2', 'Year 3', 'Total', 'Per user per month'],
      ['Reusecheapest', '€6,400', '€2,400', '€2,400', '€11,200', '€7.78'],
      ['Buy', '€23,760', '€5,760', '€5,760', '€35,280', '€24.50'],
      ['Build', '€54,000', '€13,200', '€13,200', '€80,400', '€55.83'],
    ]);
    expect(
      within(region()).getByText('Reuse saves €24,080 over buying.'),
    ).toBeInTheDocument();

    const buyAssumptions = within(region()).getByText(
      'How the buy figures were reached (4)',
    );
    expect(buyAssumptions.closest('details')).not.toHaveAttribute('open');
    expect(
      within(buyAssumptions.closest('details')!).getByText(
        'Licence of 12 EUR per user and month, from the cost inputs',
      ),
    ).toBeInTheDocument();
  });

  it('says why a path is not costed', async () => {
    const assessment = anAssessment();
    serveRequest({
      assessment: {
        ...assessment,
        cost: {
          ...assessment.cost,
          paths: assessment.cost.paths.filter(p => p.path === 'build'),
          cheapest: 'build',
          reuseSavingOverBuy: undefined,
        },
      },
    });
    await renderRequestPageLoaded();

    expect(
      within(region()).getByText(
        'Reuse is not costed: it needs a confirmed reuse candidate.',
      ),
    ).toBeInTheDocument();
    expect(
      within(region()).getByText(/^Buy is not costed: it needs a price/),
    ).toBeInTheDocument();
    expect(rowsOf(costTable()).map(row => row[0])).toEqual([
      'Path',
      'Buildcheapest',
    ]);
    expect(
      within(region()).queryByText(/^Reuse saves/),
    ).not.toBeInTheDocument();
  });

  describe('cost inputs', () => {
    const ADJUSTED: CostInputs = {
      reuse: { onboardingDays: 5 },
      build: { maintenanceShare: 0.15 },
    };
    /** The assessment after 60 users at 15 EUR a month each. */
    function recomputed(): RequestAssessment {
      const before = anAssessment();
      return {
        ...before,
        version: 3,
        cost: {
          ...before.cost,
          users: 60,
          paths: before.cost.paths.map(p =>
            p.path === 'buy'
              ? {
                  ...p,
                  perYear: [28800, 10800, 10800],
                  total: 50400,
                  perUserPerMonth: 23.33,
                }
              : p,
          ),
          reuseSavingOverBuy: 39200,
        },
      };
    }

    it('lets a reviewer adjust them, sending the version read, and shows the new figures', async () => {
      const { put } = serveRequest(
        { allowedActions: REVIEWER_ACTIONS, costInputs: ADJUSTED },
        recomputed(),
      );
      const user = userEvent.setup();
      await renderRequestPageLoaded();

      // Prefilled with what was set; empty means the default.
      expect(costInput('Onboarding (person-days)')).toHaveValue(5);
      expect(costInput('Maintenance per year (%)')).toHaveValue(15);
      expect(costInput('Users')).toHaveValue(null);
      expect(costInput('Licence per user and month (EUR)')).toHaveAttribute(
        'min',
        '0',
      );

      await user.type(costInput('Users'), '60');
      await user.type(costInput('Licence per user and month (EUR)'), '15');
      await user.clear(costInput('Maintenance per year (%)'));
      await user.type(costInput('Maintenance per year (%)'), '20');
      await user.clear(costInput('Onboarding (person-days)'));
      expect(put).toHaveLength(0);
      await user.click(
        screen.getByRole('button', { name: 'Save cost inputs' }),
      );

      await waitFor(() =>
        expect(put).toEqual([
          {
            version: 3,
            inputs: {
              users: 60,
              buy: { licencePerUserMonth: 15 },
              build: { maintenanceShare: 0.2 },
            },
          },
        ]),
      );
      expect(
        await within(region()).findByText('Reuse saves €39,200 over buying.'),
      ).toBeInTheDocument();
      expect(rowsOf(costTable())[2]).toEqual([
        'Buy',
        '€28,800',
        '€10,800',
        '€10,800',
        '€50,400',
        '€23.33',
      ]);
      expect(
        within(region()).getByRole('img', {
          name: 'Cost over 3 years: reuse €11,200, buy €50,400, build €80,400; reuse is the cheapest',
        }),
      ).toBeInTheDocument();
      expect(
        within(region()).getByText('Over 3 years for 60 users, in EUR'),
      ).toBeInTheDocument();
      expect(
        screen.getByText('Saved: the figures above are recomputed.'),
      ).toBeInTheDocument();
      expect(costInput('Users')).toHaveValue(60);
    });

    it('does not send a value the model cannot take', async () => {
      const { put } = serveRequest({ allowedActions: REVIEWER_ACTIONS });
      const user = userEvent.setup();
      await renderRequestPageLoaded();

      await user.type(costInput('Horizon (years)'), '12');
      expect(screen.getByText('At most 10')).toBeInTheDocument();
      expect(
        screen.getByRole('button', { name: 'Save cost inputs' }),
      ).toBeDisabled();
      await user.clear(costInput('Horizon (years)'));
      await user.type(costInput('Horizon (years)'), '2.5');
      expect(screen.getByText('A whole number')).toBeInTheDocument();
      expect(put).toHaveLength(0);
    });

    it.each([
      [
        409,
        'ConflictError',
        'request 42 has changed since version 3 (now 4): reload it and try again',
      ],
      [
        400,
        'InputError',
        'inputs.buy.licencePerUserMonth must be at most 1000000000000',
      ],
    ])(
      "shows the backend's explanation of a %s, keeping what was typed",
      async (status, name, message) => {
        const { state } = serveRequest({ allowedActions: REVIEWER_ACTIONS });
        server.use(
          rest.put(`${BASE_URL}/requests/42/cost-inputs`, (_req, res, ctx) =>
            res(ctx.status(status), ctx.json(errorBody(name, message, status))),
          ),
        );
        const user = userEvent.setup();
        await renderRequestPageLoaded();
        const readsBefore = state.reads;

        await user.type(costInput('Licence per user and month (EUR)'), '15');
        await user.click(
          screen.getByRole('button', { name: 'Save cost inputs' }),
        );

        expect(await screen.findByRole('alert')).toHaveTextContent(message);
        expect(costInput('Licence per user and month (EUR)')).toHaveValue(15);
        // The page reads the request again, so the next try sends the current version.
        await waitFor(() => expect(state.reads).toBeGreaterThan(readsBefore));
        expect(
          screen.queryByText('Saved: the figures above are recomputed.'),
        ).not.toBeInTheDocument();
      },
    );

    it('shows the inputs someone set, read-only, to those who may not adjust them', async () => {
      serveRequest({
        allowedActions: ['comment'],
        costInputs: {
          users: 60,
          buy: { licencePerUserMonth: 12.5 },
          build: { maintenanceShare: 0.15 },
        },
      });
      await renderRequestPageLoaded();

      expect(
        within(screen.getByRole('list', { name: 'Cost inputs' }))
          .getAllByRole('listitem')
          .map(item => item.textContent),
      ).toEqual([
        'Users: 60',
        'Buy · Licence per user and month: €12.50',
        'Build · Maintenance per year (%): 15%',
      ]);
      expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Save cost inputs' }),
      ).not.toBeInTheDocument();
    });

    it('says when nobody adjusted them', async () => {
      serveRequest({ allowedActions: ['comment'] });
      await renderRequestPageLoaded();

      expect(
        screen.getByText(
          'Nobody has adjusted the cost inputs: the figures come from the request and the defaults.',
        ),
      ).toBeInTheDocument();
    });
  });

  describe('reviews a decision waits for', () => {
    const NOT_YET =
      'Not yet: mandatory reviews missing: security, privacy; a decision waits for them';

    it('names them beside the decisions and in the approve and reject dialogs, keeping the buttons', async () => {
      serveRequest({
        allowedActions: DECIDER_ACTIONS,
        assessment: anAssessment({ missingReviews: ['security', 'privacy'] }),
      });
      const user = userEvent.setup();
      await renderRequestPageLoaded();

      expect(screen.getByRole('status')).toHaveTextContent(
        'Still needed before a decision: security review (by security-office), privacy review (by privacy-office)',
      );
      expect(screen.getByRole('button', { name: 'Approve' })).toBeEnabled();
      expect(screen.getByRole('button', { name: 'Reject' })).toBeEnabled();

      for (const action of ['Approve', 'Reject']) {
        await user.click(screen.getByRole('button', { name: action }));
        const dialog = screen.getByRole('dialog', {
          name: `${action} this request`,
        });
        expect(within(dialog).getByRole('status')).toHaveTextContent(
          'Still needed before a decision: security review (by security-office), privacy review (by privacy-office)',
        );
        await user.click(
          within(dialog).getByRole('button', { name: 'Cancel' }),
        );
        await waitFor(() =>
          expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
        );
      }

      // Deferring does not wait for reviews.
      await user.click(screen.getByRole('button', { name: 'Defer' }));
      const defer = screen.getByRole('dialog', { name: 'Defer this request' });
      expect(within(defer).queryByRole('status')).not.toBeInTheDocument();
    });

    it("shows the backend's refusal when a decision is tried anyway", async () => {
      serveRequest({
        allowedActions: DECIDER_ACTIONS,
        assessment: anAssessment({ missingReviews: ['security', 'privacy'] }),
      });
      server.use(
        rest.post(`${BASE_URL}/requests/42/transitions`, (_req, res, ctx) =>
          res(
            ctx.status(409),
            ctx.json(errorBody('ConflictError', NOT_YET, 409)),
          ),
        ),
      );
      const user = userEvent.setup();
      await renderRequestPageLoaded();

      await user.click(screen.getByRole('button', { name: 'Reject' }));
      const dialog = screen.getByRole('dialog', {
        name: 'Reject this request',
      });
      await user.type(
        within(dialog).getByRole('textbox', { name: /^Rationale/ }),
        'No',
      );
      await user.click(within(dialog).getByRole('button', { name: 'Reject' }));

      expect(await screen.findByRole('alert')).toHaveTextContent(NOT_YET);
    });

    it('is not mentioned when every mandatory review is in', async () => {
      serveRequest({
        allowedActions: DECIDER_ACTIONS,
        assessment: anAssessment({ missingReviews: [] }),
      });
      await renderRequestPageLoaded();

      expect(screen.queryByRole('status')).not.toBeInTheDocument();
      expect(
        within(
          screen.getByRole('list', {
            name: 'Reviews required before a decision',
          }),
        )
          .getAllByRole('listitem')
          .map(item => item.textContent),
      ).toEqual(['security review: done', 'privacy review: done']);
    });
  });
});
