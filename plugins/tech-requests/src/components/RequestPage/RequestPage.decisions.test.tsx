import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import {
  anAssessment,
  BASE_URL,
  errorBody,
} from '../../__testUtils__/fixtures';
import { renderRequestPage } from '../../__testUtils__/requestPage';
import { paste, User } from '../../__testUtils__/user';
import {
  server,
  DECIDER_ACTIONS,
  GATEWAY,
  STAMPER,
  OLD_DMS,
  CANDIDATES,
  serveRequest,
  loaded,
  button,
  chooseReuseTarget,
} from '../../__testUtils__/requestPageKit';

describe('RequestPage', () => {
  it('approves for reuse only with a rationale and a confirmed candidate to reuse', async () => {
    const { posted, state } = serveRequest({
      allowedActions: DECIDER_ACTIONS,
      reuseSuggestions: [
        { ...GATEWAY, state: 'confirmed' },
        { ...STAMPER, state: 'suggested' },
        OLD_DMS,
      ],
    });
    const user = userEvent.setup();
    await renderRequestPage();
    await loaded();
    const readsBefore = state.reads;

    await user.click(button('Approve'));

    const dialog = screen.getByRole('dialog', { name: 'Approve this request' });
    const confirm = within(dialog).getByRole('button', { name: 'Approve' });
    expect(within(dialog).getByRole('radio', { name: 'Reuse' })).toBeChecked();
    expect(confirm).toBeDisabled();

    await paste(
      user,
      within(dialog).getByRole('textbox', { name: /^Rationale/ }),
      'Gateway fits',
    );
    expect(confirm).toBeDisabled();
    await user.click(
      within(dialog).getByRole('button', { name: /^Entity to reuse/ }),
    );
    // Only what reviewers confirmed, by its title: not the suggested or dismissed ones.
    expect(
      (await screen.findAllByRole('option')).map(o => o.textContent),
    ).toEqual(['E-sign gateway']);
    await user.click(screen.getByRole('option', { name: 'E-sign gateway' }));
    expect(confirm).toBeEnabled();
    expect(posted.transitions).toHaveLength(0);

    await user.click(confirm);

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(posted.transitions).toEqual([
      {
        action: 'approve',
        rationale: 'Gateway fits',
        decision: {
          path: 'reuse',
          targetEntityRef: 'component:default/esign-gateway',
        },
        version: 3,
      },
    ]);
    expect(await screen.findByText('Approved')).toBeInTheDocument();
    expect(state.reads).toBeGreaterThan(readsBefore);
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
  });

  it('approves a purchase only with the vendor', async () => {
    const { posted } = serveRequest({ allowedActions: DECIDER_ACTIONS });
    const user = userEvent.setup();
    await renderRequestPage();
    await loaded();

    await user.click(button('Approve'));
    const dialog = screen.getByRole('dialog', { name: 'Approve this request' });
    await user.click(within(dialog).getByRole('radio', { name: 'Buy' }));
    expect(
      within(dialog).queryByRole('textbox', { name: /^Entity to reuse/ }),
    ).not.toBeInTheDocument();
    await paste(
      user,
      within(dialog).getByRole('textbox', { name: /^Rationale/ }),
      'Best offer',
    );
    const confirm = within(dialog).getByRole('button', { name: 'Approve' });
    expect(confirm).toBeDisabled();
    await paste(
      user,
      within(dialog).getByRole('textbox', { name: /^Vendor/ }),
      'DocuSign',
    );
    await user.click(confirm);

    await waitFor(() =>
      expect(posted.transitions).toEqual([
        {
          action: 'approve',
          rationale: 'Best offer',
          decision: { path: 'buy', vendor: 'DocuSign' },
          version: 3,
        },
      ]),
    );
  });

  it('rejects with a rationale and no decision path', async () => {
    const { posted } = serveRequest({ allowedActions: DECIDER_ACTIONS });
    const user = userEvent.setup();
    await renderRequestPage();
    await loaded();

    await user.click(button('Reject'));
    const dialog = screen.getByRole('dialog', { name: 'Reject this request' });
    expect(within(dialog).queryByRole('radiogroup')).not.toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Reject' });
    expect(confirm).toBeDisabled();
    await user.type(
      within(dialog).getByRole('textbox', { name: /^Rationale/ }),
      '   ',
    );
    expect(confirm).toBeDisabled();
    await paste(
      user,
      within(dialog).getByRole('textbox', { name: /^Rationale/ }),
      'Out of scope',
    );
    await user.click(confirm);

    await waitFor(() =>
      expect(posted.transitions).toEqual([
        { action: 'reject', rationale: '   Out of scope', version: 3 },
      ]),
    );
  });

  it('cancels a decision without sending anything', async () => {
    const { posted } = serveRequest({ allowedActions: DECIDER_ACTIONS });
    const user = userEvent.setup();
    await renderRequestPage();
    await loaded();

    await user.click(button('Defer'));
    const dialog = screen.getByRole('dialog', { name: 'Defer this request' });
    await paste(
      user,
      within(dialog).getByRole('textbox', { name: /^Rationale/ }),
      'Next year',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(posted.transitions).toHaveLength(0);
  });

  describe('when the request changed in the meantime (409)', () => {
    const CONFLICT =
      "'approve' is not possible while the request is approved. Allowed now: comment";

    /** Someone else approved first: the backend refuses and now answers with the new state. */
    function approvedElsewhere() {
      const served = serveRequest({
        allowedActions: DECIDER_ACTIONS,
        reuseSuggestions: CANDIDATES,
      });
      server.use(
        rest.post(`${BASE_URL}/requests/42/transitions`, (_req, res, ctx) => {
          served.state.request = {
            ...served.state.request,
            status: 'approved',
            version: 4,
            allowedActions: ['comment'],
          };
          return res(
            ctx.status(409),
            ctx.json(errorBody('ConflictError', CONFLICT, 409)),
          );
        }),
      );
      return served;
    }

    async function approve(user: User) {
      await renderRequestPage();
      await loaded();
      await user.click(button('Approve'));
      const dialog = screen.getByRole('dialog', {
        name: 'Approve this request',
      });
      await paste(
        user,
        within(dialog).getByRole('textbox', { name: /^Rationale/ }),
        'Fine',
      );
      await chooseReuseTarget(user, dialog, 'pdf-stamper');
      await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    }

    /** The page has read the request again: approved, so nothing is left to decide. */
    const reloaded = async () => {
      await waitFor(() =>
        expect(
          screen.queryAllByRole('button', { name: 'Defer', hidden: true }),
        ).toHaveLength(0),
      );
      expect(screen.getByText('Approved')).toBeInTheDocument();
    };

    it('puts an error on the page and shows the request as it is now', async () => {
      approvedElsewhere();
      const user = userEvent.setup();
      await approve(user);

      await reloaded();
      expect(screen.getByRole('alert', { hidden: true })).toBeInTheDocument();
    });

    it('lets the person see the refusal without closing the dialog', async () => {
      approvedElsewhere();
      const user = userEvent.setup();
      await approve(user);

      await reloaded();
      expect(screen.getByRole('alert')).toBeInTheDocument();
    });

    it("shows the backend's explanation of the refusal", async () => {
      approvedElsewhere();
      const user = userEvent.setup();
      await approve(user);

      // The refusal is on the page (behind the dialog, which stays open)…
      const alert = await screen.findByRole('alert', { hidden: true });
      // …and says what is allowed now.
      expect(alert).toHaveTextContent(CONFLICT);
    });
  });

  it('asks for a confirmed reuse candidate before approving for reuse', async () => {
    serveRequest({
      allowedActions: DECIDER_ACTIONS,
      reuseSuggestions: [GATEWAY, OLD_DMS],
    });
    const user = userEvent.setup();
    await renderRequestPage();
    await loaded();

    await user.click(button('Approve'));
    const dialog = screen.getByRole('dialog', { name: 'Approve this request' });
    await paste(
      user,
      within(dialog).getByRole('textbox', { name: /^Rationale/ }),
      'Gateway fits',
    );

    expect(
      within(dialog).getByText('Confirm a reuse candidate first'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: /^Entity to reuse/ }),
    ).toHaveAttribute('aria-disabled', 'true');
    expect(
      within(dialog).getByRole('button', { name: 'Approve' }),
    ).toBeDisabled();
    // The other paths do not depend on reuse candidates.
    await user.click(within(dialog).getByRole('radio', { name: 'Build' }));
    expect(
      within(dialog).getByRole('button', { name: 'Approve' }),
    ).toBeEnabled();
  });

  it('holds the decisions back, saying why, while a mandatory review is missing', async () => {
    serveRequest({
      allowedActions: DECIDER_ACTIONS,
      assessment: anAssessment({ missingReviews: ['privacy', 'security'] }),
    });
    await renderRequestPage();
    await loaded();

    expect(button('Approve')).toBeDisabled();
    expect(button('Reject')).toBeDisabled();
    // Deferring never waits for reviews.
    expect(button('Defer')).toBeEnabled();
    expect(
      screen.getByText(
        'A decision waits for the privacy and security reviews.',
      ),
    ).toBeInTheDocument();
  });

  it('offers one way to drop a draft: deleting it', async () => {
    serveRequest({
      status: 'draft',
      allowedActions: ['edit', 'delete', 'submit', 'withdraw', 'comment'],
    });
    await renderRequestPage();
    await loaded();

    expect(button('Delete draft')).toBeEnabled();
    expect(
      screen.queryByRole('button', { name: 'Withdraw' }),
    ).not.toBeInTheDocument();
  });
});
