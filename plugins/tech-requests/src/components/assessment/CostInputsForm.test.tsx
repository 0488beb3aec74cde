import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CostInputs,
  RequestAssessment,
} from '@tech-requests/plugin-tech-requests-common';
import { rest } from 'msw';
import {
  anAssessment,
  BASE_URL,
  errorBody,
} from '../../__testUtils__/fixtures';
import {
  server,
  REVIEWER_ACTIONS,
  serveRequest,
  renderRequestPageLoaded,
  region,
  costTable,
  rowsOf,
  costInput,
} from '../../__testUtils__/assessmentPanelKit';

describe('the assessment on the request page', () => {
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
});
