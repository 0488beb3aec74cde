import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TechRequestView } from '@tech-requests/plugin-tech-requests-common';
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
} from '../../__testUtils__/assessmentPanelKit';
import { answer } from '../../__testUtils__/requestFormKit';
import { paste } from '../../__testUtils__/user';

const CORRECTING: TechRequestView['allowedActions'] = [
  ...REVIEWER_ACTIONS,
  'correct-answers',
];

/** Answers corrections as the backend would: the answers changed and the risk recomputed. */
function serveCorrections(state: { request: TechRequestView }) {
  const sent: unknown[] = [];
  server.use(
    rest.put(
      `${BASE_URL}/requests/42/security-answers`,
      async (req, res, ctx) => {
        const body = await req.json();
        sent.push(body);
        state.request = {
          ...state.request,
          ...body.answers,
          assessment: anAssessment({
            risk: {
              tier: 'medium',
              points: 3,
              findings: [],
              mandatoryReviews: ['security'],
            },
          }),
          version: state.request.version + 1,
        };
        return res(ctx.json(state.request));
      },
    ),
  );
  return sent;
}

describe('correcting the answers on data and security', () => {
  it('sends only the answers a reviewer changed, with why, and shows the recomputed risk', async () => {
    const { state } = serveRequest({
      allowedActions: CORRECTING,
      hosting: 'unknown',
      signIn: 'unknown',
    });
    const sent = serveCorrections(state);
    const user = userEvent.setup();
    await renderRequestPageLoaded();

    expect(screen.getByText('High risk')).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Correct the answers' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Correct the answers on data and security',
    });
    const save = within(dialog).getByRole('button', {
      name: 'Save corrected answers',
    });
    // Nothing corrected yet, nothing to save.
    expect(save).toBeDisabled();
    await answer(user, 'Who will run it?', 'By the vendor (SaaS)');
    await answer(
      user,
      'How will people sign in?',
      'With their company account',
    );
    await paste(
      user,
      within(dialog).getByRole('textbox', { name: /^Why/ }),
      'The vendor confirmed SSO.',
    );
    await user.click(save);

    await waitFor(() =>
      expect(sent).toEqual([
        {
          version: 3,
          answers: { hosting: 'vendor-cloud', signIn: 'company-account' },
          note: 'The vendor confirmed SSO.',
        },
      ]),
    );
    expect(await screen.findByText('Medium risk')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it("keeps the dialog open with the backend's reason when the request changed meanwhile", async () => {
    const { state } = serveRequest({ allowedActions: CORRECTING });
    const CONFLICT =
      'request 42 has changed since version 3 (now 4): reload it and try again';
    server.use(
      rest.put(`${BASE_URL}/requests/42/security-answers`, (_req, res, ctx) => {
        state.request = { ...state.request, version: 4 };
        return res(
          ctx.status(409),
          ctx.json(errorBody('ConflictError', CONFLICT, 409)),
        );
      }),
    );
    const user = userEvent.setup();
    await renderRequestPageLoaded();

    await user.click(
      screen.getByRole('button', { name: 'Correct the answers' }),
    );
    await answer(user, 'Where will the data be stored?', 'In the EU');
    await user.click(
      screen.getByRole('button', { name: 'Save corrected answers' }),
    );

    expect(
      await screen.findByText(`The answers were not corrected: ${CONFLICT}`),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('is offered only to those who may correct the answers', async () => {
    serveRequest({ allowedActions: REVIEWER_ACTIONS });
    await renderRequestPageLoaded();

    expect(screen.getByText('High risk')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Correct the answers' }),
    ).not.toBeInTheDocument();
  });
});
