import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import { BASE_URL, HISTORY } from '../../__testUtils__/fixtures';
import { renderRequestPage } from '../../__testUtils__/requestPage';
import {
  REQUESTER_ACTIONS,
  DECIDER_ACTIONS,
  serveRequest,
  loaded,
  button,
  fact,
  candidate,
  server,
  openSection,
} from '../../__testUtils__/requestPageKit';

describe('RequestPage', () => {
  it('shows the first page of the timeline, and later entries when asked', async () => {
    serveRequest({ allowedActions: ['comment'] });
    const cursors: (string | null)[] = [];
    server.use(
      rest.get(`${BASE_URL}/requests/42/history`, (req, res, ctx) => {
        const cursor = req.url.searchParams.get('cursor');
        cursors.push(cursor);
        return res(
          ctx.json(
            cursor === 'after-2'
              ? { items: HISTORY.slice(2) }
              : { items: HISTORY.slice(0, 2), nextCursor: 'after-2' },
          ),
        );
      }),
    );
    const user = userEvent.setup();
    await renderRequestPage(undefined, { tab: 'history' });
    await loaded();

    const entries = () =>
      within(screen.getByRole('list', { name: 'Timeline' })).getAllByRole(
        'listitem',
      );
    expect(entries()).toHaveLength(2);
    await user.click(button('Show later entries'));
    await waitFor(() => expect(entries()).toHaveLength(3));
    expect(entries()[2]).toHaveTextContent('ivan.it started the review');
    expect(
      screen.queryByRole('button', { name: 'Show later entries' }),
    ).not.toBeInTheDocument();
    expect(cursors).toEqual([null, 'after-2']);
  });

  it("loads images in the need from the portal only, never from a stranger's host", async () => {
    serveRequest({
      allowedActions: ['comment'],
      need: [
        'Our form today:',
        '![Current form](/static/form.png)',
        '![Tracking pixel](https://tracker.example.net/p.gif?who=reader)',
        '![Inline](data:image/gif;base64,R0lGODlhAQABAAAAACw=)',
      ].join('\n\n'),
    });
    await renderRequestPage();
    await loaded();

    expect(screen.getByRole('img', { name: 'Current form' })).toHaveAttribute(
      'src',
      '/static/form.png',
    );
    for (const name of ['Tracking pixel', 'Inline']) {
      expect(screen.getByRole('img', { name })).not.toHaveAttribute(
        'src',
        expect.stringMatching(/./),
      );
    }
  });

  it('shows the need and the facts first, and the reuse candidates, timeline, reviews and comments each under its tab', async () => {
    serveRequest({ allowedActions: ['comment'] });
    const user = userEvent.setup();
    await renderRequestPage();

    await loaded();
    expect(
      screen.getByText(/Request 42 · filed 3 days ago/),
    ).toBeInTheDocument();
    // The need, rendered from markdown.
    expect(
      screen.getByText(/Legal prints, signs and scans/),
    ).toBeInTheDocument();
    expect(screen.getByText('40 contracts').tagName).toBe('STRONG');
    expect(screen.getByText('In review')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'See it in the catalog' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/technologyrequest/tr-42-online-contract-signing',
    );

    expect(
      within(fact('Requesting group')).getByRole('link', { name: 'legal' }),
    ).toHaveAttribute('href', '/catalog/default/group/legal');
    expect(
      within(fact('Requester')).getByRole('link', { name: 'jane.doe' }),
    ).toBeInTheDocument();
    expect(fact('Business sponsor')).toHaveTextContent('Head of Legal');
    expect(fact('Used by')).toHaveTextContent('about 40 people');
    expect(fact('Needed by')).toHaveTextContent('2031-03-01');
    expect(fact('Budget')).toHaveTextContent('at most €20,000 a year');
    expect(fact('Capabilities')).toHaveTextContent('e-signature, reminders');
    expect(fact('Kind of information')).toHaveTextContent('Confidential');
    expect(fact('Information about people')).toHaveTextContent('Yes');
    expect(fact('Preferred way')).toHaveTextContent('Buy a product');
    expect(
      within(fact('Works with')).getByRole('link', { name: 'crm' }),
    ).toHaveAttribute('href', '/catalog/default/system/crm');
    expect(fact('Vendors')).toHaveTextContent('DocuSign');
    // What the requester named is among the reuse candidates, not repeated in the facts.
    expect(
      screen.queryByText(/^Might reuse/, { selector: 'dt' }),
    ).not.toBeInTheDocument();
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'The need',
      'Reuse (1)',
      'Reviews (1)',
      'Comments (1)',
      'History',
    ]);
    // One section at a time: the timeline is not drawn while the need is shown.
    expect(
      screen.queryByRole('list', { name: 'Timeline' }),
    ).not.toBeInTheDocument();

    await openSection(user, 'Reuse');
    const named = candidate('esign-gateway');
    expect(named).toHaveTextContent('named by the requester');
    expect(
      within(named).getByRole('link', {
        name: 'esign-gateway',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/esign-gateway');

    await openSection(user, 'History');
    const timeline = within(
      screen.getByRole('list', { name: 'Timeline' }),
    ).getAllByRole('listitem');
    expect(timeline.map(item => item.textContent)).toEqual([
      'jane.doe created the request as a draft3 days ago',
      'jane.doe submitted the request3 days ago',
      'ivan.it started the review2 days ago — Checking what we already run',
    ]);

    await openSection(user, 'Reviews');
    const reviews = within(
      screen.getByRole('list', { name: 'Reviews' }),
    ).getAllByRole('listitem');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toHaveTextContent(
      'Security review: approved with concerns — sam.sec',
    );
    expect(reviews[0]).toHaveTextContent('Needs SSO and an EU data centre');

    await openSection(user, 'Comments');
    const comments = within(
      screen.getByRole('list', { name: 'Comments' }),
    ).getAllByRole('listitem');
    expect(comments).toHaveLength(1);
    expect(comments[0]).toHaveTextContent('Sales would use it too');
    expect(comments[0]).toHaveTextContent('bob, 10 hours ago');
  });

  it('shows the answers to the security questions among the facts', async () => {
    serveRequest({
      hosting: 'vendor-cloud',
      signIn: 'company-account',
      dataLocation: 'eu',
      vendorCertifications: ['soc2', 'bsi-c5'],
    });
    await renderRequestPage();
    await loaded();

    expect(fact('Who runs it')).toHaveTextContent('by the vendor (SaaS)');
    expect(fact('Sign in')).toHaveTextContent('with their company account');
    expect(fact('Data stored')).toHaveTextContent('in the EU');
    expect(fact('Vendor certifications')).toHaveTextContent('SOC 2, BSI C5');
  });

  it('shows a decision and the entity that serves the need', async () => {
    serveRequest({
      status: 'approved',
      decision: {
        outcome: 'approved',
        path: 'reuse',
        targetEntityRef: 'component:default/esign-gateway',
        rationale: 'The gateway already signs HR contracts',
        decidedBy: 'user:default/carl.cio',
        decidedAt: new Date().toISOString(),
      },
    });
    await renderRequestPage();
    await loaded();

    expect(
      screen.getByText(
        'Approved to reuse. The gateway already signs HR contracts',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Served by/)).toHaveTextContent(
      'Served by esign-gateway',
    );
    expect(
      within(screen.getByText(/^Served by/)).getByRole('link', {
        name: 'esign-gateway',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/esign-gateway');
  });

  it('shows a requester what they may do: withdraw and comment, but not decide or review', async () => {
    serveRequest({ allowedActions: REQUESTER_ACTIONS });
    const user = userEvent.setup();
    await renderRequestPage();
    await loaded();

    expect(button('Withdraw')).toBeInTheDocument();
    for (const name of [
      'Approve',
      'Reject',
      'Defer',
      'Start review',
      'Submit',
      'Mark completed',
    ]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    await openSection(user, 'Reviews');
    expect(
      screen.queryByRole('textbox', { name: /^Your review/ }),
    ).not.toBeInTheDocument();
    await openSection(user, 'Comments');
    expect(
      screen.getByRole('textbox', { name: 'Add a comment' }),
    ).toBeInTheDocument();
  });

  it('shows a decider the decisions and the review form, but not withdraw', async () => {
    serveRequest({
      allowedActions: DECIDER_ACTIONS,
      reviewableAreas: ['portfolio'],
    });
    await renderRequestPage(undefined, { tab: 'reviews' });
    await loaded();

    expect(button('Approve')).toBeInTheDocument();
    expect(button('Reject')).toBeInTheDocument();
    expect(button('Defer')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Withdraw' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: /^Your review/ }),
    ).toBeInTheDocument();
  });

  it('offers no action and no form to someone who may only read', async () => {
    serveRequest({ allowedActions: [] });
    const user = userEvent.setup();
    await renderRequestPage(undefined, { tab: 'reviews' });
    await loaded();

    for (const name of [
      'Approve',
      'Reject',
      'Defer',
      'Withdraw',
      'Comment',
      'Add review',
    ]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    await openSection(user, 'Comments');
    expect(
      screen.queryByRole('textbox', { name: 'Add a comment' }),
    ).not.toBeInTheDocument();
  });

  it('withdraws once the person confirms, sending the version that was read', async () => {
    const { posted } = serveRequest({ allowedActions: REQUESTER_ACTIONS });
    const user = userEvent.setup();
    await renderRequestPage();
    await loaded();

    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false);
    await user.click(button('Withdraw'));
    expect(confirm).toHaveBeenCalledWith(
      'Withdraw this request? Reviewers stop working on it, and it cannot be reopened.',
    );
    expect(posted.transitions).toEqual([]);

    confirm.mockReturnValueOnce(true);
    await user.click(button('Withdraw'));

    await waitFor(() =>
      expect(posted.transitions).toEqual([{ action: 'withdraw', version: 3 }]),
    );
    // The page reads the request again and shows where it is now.
    expect(await screen.findByText('Approved')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Withdraw' }),
    ).not.toBeInTheDocument();
  });
});
