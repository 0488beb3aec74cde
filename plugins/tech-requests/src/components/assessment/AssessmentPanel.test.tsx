import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import {
  anAssessment,
  BASE_URL,
  errorBody,
} from '../../__testUtils__/fixtures';
import {
  server,
  DECIDER_ACTIONS,
  serveRequest,
  renderRequestPageLoaded,
  region,
  costTable,
  rowsOf,
} from '../../__testUtils__/assessmentPanelKit';

describe('the assessment on the request page', () => {
  it('is not shown before there is one', async () => {
    serveRequest({ status: 'draft', assessment: undefined });
    await renderRequestPageLoaded();

    expect(
      screen.queryByRole('region', { name: 'Assessment' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('tab', { name: 'Fit, risk and cost' }),
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
    expect(findings[0]).toHaveTextContent(/^Warning/);
    expect(findings[0]).toHaveTextContent('CRM offers no API in the catalog');
    expect(
      within(findings[0]).getByRole('link', { name: 'crm' }),
    ).toHaveAttribute('href', '/catalog/default/system/crm');
    expect(findings[1]).toHaveTextContent(/^Note/);
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

    expect(within(region()).getByText('High risk')).toBeInTheDocument();
    expect(within(region()).getByText('7 points')).toBeInTheDocument();
    const findings = within(
      screen.getByRole('list', { name: 'Security findings' }),
    ).getAllByRole('listitem');
    expect(findings).toHaveLength(2);
    expect(findings[0]).toHaveTextContent('Confidential data: +3 points');
    // The answer it rests on, in words: the field's name is for the API.
    expect(findings[0]).toHaveTextContent('Based on the kind of information');
    expect(findings[0]).not.toHaveTextContent('dataClassification');
    expect(
      within(
        screen.getByRole('list', {
          name: 'Reviews required before a decision',
        }),
      )
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['Security review: done', 'Privacy review: missing']);
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

  it('turns the cost table on a phone, so the paths are its few columns', async () => {
    const wide = window.matchMedia;
    // A 390 px screen: every max-width query of the theme's small breakpoints matches.
    window.matchMedia = (query: string) =>
      ({
        matches: /max-width/.test(query),
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
    try {
      serveRequest();
      await renderRequestPageLoaded();

      expect(rowsOf(costTable())).toEqual([
        ['', 'Reusecheapest', 'Buy', 'Build'],
        ['Year 1', '€6,400', '€23,760', '€54,000'],
        ['Year 2', '€2,400', '€5,760', '€13,200'],
        ['Year 3', '€2,400', '€5,760', '€13,200'],
        ['Total', '€11,200', '€35,280', '€80,400'],
        ['Per user per month', '€7.78', '€24.50', '€55.83'],
      ]);
    } finally {
      window.matchMedia = wide;
    }
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

  describe('reviews a decision waits for', () => {
    const NOT_YET =
      'Not yet: mandatory reviews missing: security, privacy; a decision waits for them';

    it('names them beside the decisions, and holds approving and rejecting back until they are in', async () => {
      serveRequest({
        allowedActions: DECIDER_ACTIONS,
        assessment: anAssessment({ missingReviews: ['security', 'privacy'] }),
      });
      const user = userEvent.setup();
      await renderRequestPageLoaded();

      expect(screen.getByRole('status')).toHaveTextContent(
        'Still needed before a decision: security review (by security-office), privacy review (by privacy-office)',
      );
      expect(screen.getByRole('button', { name: 'Approve' })).toBeDisabled();
      expect(screen.getByRole('button', { name: 'Reject' })).toBeDisabled();
      expect(
        screen.getByText(
          'A decision waits for the security and privacy reviews.',
        ),
      ).toBeInTheDocument();

      // Deferring does not wait for reviews.
      await user.click(screen.getByRole('button', { name: 'Defer' }));
      const defer = screen.getByRole('dialog', { name: 'Defer this request' });
      expect(within(defer).queryByRole('status')).not.toBeInTheDocument();
    });

    it("shows the backend's refusal when a review went missing since the page was read", async () => {
      // The page saw every review in; an answer changed meanwhile and made one stale.
      serveRequest({
        allowedActions: DECIDER_ACTIONS,
        assessment: anAssessment({ missingReviews: [] }),
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
      ).toEqual(['Security review: done', 'Privacy review: done']);
    });
  });
});
