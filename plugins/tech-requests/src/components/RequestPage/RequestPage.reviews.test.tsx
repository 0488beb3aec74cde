import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import {
  anAssessment,
  BASE_URL,
  errorBody,
  ROUTING,
} from '../../__testUtils__/fixtures';
import { renderRequestPage } from '../../__testUtils__/requestPage';
import { paste } from '../../__testUtils__/user';
import {
  server,
  REQUESTER_ACTIONS,
  DECIDER_ACTIONS,
  serveRequest,
  loaded,
  button,
} from '../../__testUtils__/requestPageKit';

describe('RequestPage', () => {
  it('offers only the areas the viewer reviews, a missing one first, and names whose reviews are missing', async () => {
    serveRequest({
      allowedActions: DECIDER_ACTIONS,
      reviewableAreas: ['architecture', 'privacy'],
      assessment: anAssessment({ missingReviews: ['privacy'] }),
    });
    const user = userEvent.setup();
    await renderRequestPage(undefined, { tab: 'reviews' });
    await loaded();

    expect(screen.getByRole('button', { name: /^Area/ })).toHaveTextContent(
      'Privacy',
    );
    await user.click(screen.getByRole('button', { name: /^Area/ }));
    expect(
      (await screen.findAllByRole('option')).map(option => option.textContent),
    ).toEqual(['Architecture', 'Privacy']);
    await user.keyboard('{Escape}');
    const notice = await screen.findByRole('status', {
      name: 'Reviews still needed',
    });
    expect(notice).toHaveTextContent(
      'Still needed before a decision: privacy review (by privacy-office)',
    );
    expect(
      within(notice).getByRole('link', { name: 'privacy-office' }),
    ).toHaveAttribute('href', '/catalog/default/group/privacy-office');
  });

  it('says which reviews saw an earlier version, what changed, and which were replaced', async () => {
    const { state } = serveRequest({
      allowedActions: DECIDER_ACTIONS,
      reviewableAreas: ['security'],
      assessment: anAssessment({
        missingReviews: ['security'],
        staleReviews: [
          {
            area: 'security',
            reviewers: ['user:default/sam.sec'],
            changed: ['hosting', 'dataLocation'],
          },
        ],
      }),
    });
    state.reviews = [
      {
        id: 5,
        requestId: 42,
        reviewer: 'user:default/ada.arch',
        area: 'architecture',
        verdict: 'concerns',
        comment: 'First look',
        createdAt: new Date().toISOString(),
        changedSince: [],
        supersededBy: 9,
      },
      {
        id: 7,
        requestId: 42,
        reviewer: 'user:default/sam.sec',
        area: 'security',
        verdict: 'approve',
        comment: 'Fine on premises',
        createdAt: new Date().toISOString(),
        requestVersion: 2,
        changedSince: [
          { answer: 'hosting', before: 'on-premises', after: 'vendor-cloud' },
          { answer: 'dataLocation', before: 'eu', after: 'us' },
        ],
      },
    ];
    await renderRequestPage(undefined, { tab: 'reviews' });
    await loaded();

    const list = screen.getByRole('list', { name: 'Reviews' });
    expect(
      await within(list).findByText(
        'Reviewed an earlier version (version 2); changed since: hosting: on-premises → vendor-cloud; data location: eu → us. It no longer counts as the security review.',
      ),
    ).toBeInTheDocument();
    expect(
      within(list).getByText(
        'Replaced by a later review of the same reviewer.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('status', { name: 'Reviews still needed' }),
    ).toHaveTextContent(
      'Still needed before a decision: security review again, as the one given was of an earlier version',
    );
  });

  it('offers no review form to a reviewer the routing gives no area of this request', async () => {
    serveRequest({
      allowedActions: ['review', 'comment'],
      reviewableAreas: [],
    });
    await renderRequestPage(undefined, { tab: 'reviews' });
    await loaded();

    expect(
      screen.queryByRole('textbox', { name: /^Your review/ }),
    ).not.toBeInTheDocument();
  });

  it('adds a review with its area, verdict and text', async () => {
    const { posted } = serveRequest({
      allowedActions: DECIDER_ACTIONS,
      reviewableAreas: ['architecture', 'security', 'privacy'],
    });
    const user = userEvent.setup();
    await renderRequestPage(undefined, { tab: 'reviews' });
    await loaded();

    const add = button('Add review');
    expect(add).toBeDisabled();
    await user.click(screen.getByRole('button', { name: /^Area/ }));
    await user.click(await screen.findByRole('option', { name: 'Privacy' }));
    await user.click(screen.getByRole('button', { name: /^Verdict/ }));
    await user.click(await screen.findByRole('option', { name: 'Reject' }));
    await paste(
      user,
      screen.getByRole('textbox', { name: /^Your review/ }),
      'Health data abroad',
    );
    expect(add).toBeEnabled();
    await user.click(add);

    await waitFor(() =>
      expect(posted.reviews).toEqual([
        { area: 'privacy', verdict: 'reject', comment: 'Health data abroad' },
      ]),
    );
    const reviews = screen.getByRole('list', { name: 'Reviews' });
    await waitFor(() =>
      expect(reviews).toHaveTextContent('Privacy review: rejected — ada.arch'),
    );
    expect(screen.getByRole('textbox', { name: /^Your review/ })).toHaveValue(
      '',
    );
  });

  it('adds a comment', async () => {
    const { posted } = serveRequest({ allowedActions: REQUESTER_ACTIONS });
    const user = userEvent.setup();
    await renderRequestPage(undefined, { tab: 'comments' });
    await loaded();

    expect(button('Comment')).toBeDisabled();
    await paste(
      user,
      screen.getByRole('textbox', { name: 'Add a comment' }),
      'Any news?',
    );
    await user.click(button('Comment'));

    await waitFor(() =>
      expect(posted.comments).toEqual([{ body: 'Any news?' }]),
    );
    const comments = screen.getByRole('list', { name: 'Comments' });
    expect(await within(comments).findByText('Any news?')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Add a comment' })).toHaveValue(
      '',
    );
  });

  it('shows an error panel for a request that does not exist', async () => {
    server.use(
      rest.get(`${BASE_URL}/requests/42*`, (_req, res, ctx) =>
        res(
          ctx.status(404),
          ctx.json(errorBody('NotFoundError', 'no request 42', 404)),
        ),
      ),
      rest.get(`${BASE_URL}/review-routing`, (_req, res, ctx) =>
        res(ctx.json(ROUTING)),
      ),
    );
    const user = userEvent.setup();
    await renderRequestPage();

    const panel = await screen.findByRole('alert');
    expect(panel).toHaveTextContent('Request failed with 404 Not Found');
    await user.click(within(panel).getByText(/Request failed with 404/));
    expect(within(panel).getByText('no request 42')).toBeVisible();
    expect(
      screen.getByRole('heading', { name: 'Technology request' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Comment' }),
    ).not.toBeInTheDocument();
  });
});
