import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  RequestComment,
  RequestReview,
  ReuseCandidate,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import {
  anAssessment,
  aRequestView,
  BASE_URL,
  errorBody,
  ROUTING,
} from '../../__testUtils__/fixtures';
import {
  renderRequestPage,
  requestPageReads,
  requestPageState,
} from '../../__testUtils__/requestPage';
import { paste, User } from '../../__testUtils__/user';

const server = setupServer();
registerMswTestHooks(server);

const REQUESTER_ACTIONS: TechRequestView['allowedActions'] = [
  'edit',
  'withdraw',
  'comment',
];
const DECIDER_ACTIONS: TechRequestView['allowedActions'] = [
  'review',
  'assess-reuse',
  'approve',
  'reject',
  'defer',
  'comment',
];
const REVIEWER_ACTIONS: TechRequestView['allowedActions'] = [
  'review',
  'assess-reuse',
  'comment',
];

const twoHoursAgo = () => new Date(Date.now() - 2 * 3600 * 1000).toISOString();

/** Found by the engine when the request was submitted; nobody has looked at it yet. */
const GATEWAY: ReuseCandidate = {
  entityRef: 'component:default/esign-gateway',
  kind: 'Component',
  title: 'E-sign gateway',
  origin: 'engine',
  state: 'suggested',
  score: 0.82,
  reasons: ['offers e-signature', 'HR signs its contracts with it'],
};
/** Named by the requester and confirmed by a reviewer; the catalog gave it no title. */
const STAMPER: ReuseCandidate = {
  entityRef: 'component:default/pdf-stamper',
  kind: 'Component',
  origin: 'requester',
  state: 'confirmed',
  reasons: [],
  assessedBy: 'user:default/ivan.it',
  assessedAt: twoHoursAgo(),
  note: 'Stamps and signs PDFs',
};
/** Added by a reviewer, then dismissed. */
const OLD_DMS: ReuseCandidate = {
  entityRef: 'system:default/old-dms',
  kind: 'System',
  title: 'Old DMS',
  origin: 'reviewer',
  state: 'dismissed',
  reasons: [],
  assessedBy: 'user:default/ivan.it',
  assessedAt: twoHoursAgo(),
  note: 'Being retired',
};
const CANDIDATES = [GATEWAY, STAMPER, OLD_DMS];

/**
 * A backend holding request 42: answers its reads from `state` (which a test may change)
 * and records what is posted.
 */
function serveRequest(initial: Partial<TechRequestView> = {}) {
  const state = requestPageState(aRequestView(initial));
  const posted: {
    transitions: unknown[];
    reviews: unknown[];
    comments: unknown[];
    assessments: unknown[];
  } = {
    transitions: [],
    reviews: [],
    comments: [],
    assessments: [],
  };
  server.use(
    ...requestPageReads(state),
    rest.post(`${BASE_URL}/requests/42/transitions`, async (req, res, ctx) => {
      posted.transitions.push(await req.json());
      state.request = {
        ...state.request,
        status: 'approved',
        version: state.request.version + 1,
        allowedActions: ['comment'],
      };
      return res(ctx.json(state.request));
    }),
    rest.post(
      `${BASE_URL}/requests/42/reuse-candidates`,
      async (req, res, ctx) => {
        const body = await req.json();
        posted.assessments.push(body);
        const candidates = state.request.reuseSuggestions;
        const assessed = (candidate: ReuseCandidate): ReuseCandidate => ({
          ...candidate,
          state: body.state,
          note: body.note,
          assessedBy: 'user:default/ivan.it',
          assessedAt: new Date().toISOString(),
        });
        state.request = {
          ...state.request,
          reuseSuggestions: candidates.some(c => c.entityRef === body.entityRef)
            ? candidates.map(c =>
                c.entityRef === body.entityRef ? assessed(c) : c,
              )
            : [
                ...candidates,
                assessed({
                  entityRef: body.entityRef,
                  origin: 'reviewer',
                  state: body.state,
                  reasons: [],
                }),
              ],
          version: state.request.version + 1,
        };
        return res(ctx.json(state.request));
      },
    ),
    rest.post(`${BASE_URL}/requests/42/reviews`, async (req, res, ctx) => {
      const body = await req.json();
      posted.reviews.push(body);
      const review: RequestReview = {
        id: 8,
        requestId: 42,
        reviewer: 'user:default/ada.arch',
        createdAt: new Date().toISOString(),
        ...body,
      };
      state.reviews = [...state.reviews, review];
      return res(ctx.status(201), ctx.json(review));
    }),
    rest.post(`${BASE_URL}/requests/42/comments`, async (req, res, ctx) => {
      const body = await req.json();
      posted.comments.push(body);
      const comment: RequestComment = {
        id: 10,
        requestId: 42,
        author: 'user:default/jane.doe',
        createdAt: new Date().toISOString(),
        body: body.body,
      };
      state.comments = [...state.comments, comment];
      return res(ctx.status(201), ctx.json(comment));
    }),
  );
  return { state, posted };
}

const loaded = () =>
  screen.findByRole('heading', { name: 'Online contract signing' });
const button = (name: string) => screen.getByRole('button', { name });
/** A row of the facts table, by the title it shows. */
const fact = (title: string) =>
  screen.getByRole('row', { name: new RegExp(`^${title}`) });
/** A reuse candidate, by the name it is shown with. */
const candidate = (name: string) => screen.getByRole('article', { name });

/** Picks the entity a reuse approval names, from the dialog's choice of candidates. */
async function chooseReuseTarget(
  user: User,
  dialog: HTMLElement,
  name: string,
) {
  await user.click(
    within(dialog).getByRole('button', { name: /^Entity to reuse/ }),
  );
  await user.click(await screen.findByRole('option', { name }));
}

describe('RequestPage', () => {
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

  it('shows the need, the facts, the timeline, the reviews and the comments', async () => {
    serveRequest({ allowedActions: ['comment'] });
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
    expect(screen.getByText('in-review')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'See it in the catalog' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/technologyrequest/tr-42-online-contract-signing',
    );

    expect(
      within(fact('Requesting Group')).getByRole('link', { name: 'legal' }),
    ).toHaveAttribute('href', '/catalog/default/group/legal');
    expect(
      within(fact('Requester')).getByRole('link', { name: 'jane.doe' }),
    ).toBeInTheDocument();
    expect(fact('Business Sponsor')).toHaveTextContent('Head of Legal');
    expect(fact('Expected Users')).toHaveTextContent('40');
    expect(fact('Needed By')).toHaveTextContent('2031-03-01');
    expect(fact('Budget')).toHaveTextContent('20000 EUR');
    expect(fact('Capabilities')).toHaveTextContent('e-signature, reminders');
    expect(fact('Data Classification')).toHaveTextContent('confidential');
    expect(fact('Personal Data')).toHaveTextContent('yes');
    expect(fact('Preferred Path')).toHaveTextContent('buy');
    expect(
      within(fact('Works With')).getByRole('link', { name: 'crm' }),
    ).toHaveAttribute('href', '/catalog/default/system/crm');
    expect(fact('Vendors')).toHaveTextContent('DocuSign');
    // What the requester named is among the reuse candidates, not repeated in the facts.
    expect(
      screen.queryByRole('row', { name: /^Might Reuse/ }),
    ).not.toBeInTheDocument();
    const named = candidate('component:default/esign-gateway');
    expect(named).toHaveTextContent('named by the requester');
    expect(
      within(named).getByRole('link', {
        name: 'component:default/esign-gateway',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/esign-gateway');

    const timeline = within(
      screen.getByRole('list', { name: 'Timeline' }),
    ).getAllByRole('listitem');
    expect(timeline.map(item => item.textContent)).toEqual([
      'create by jane.doe3 days ago',
      'submit by jane.doe3 days ago',
      'start-review by ivan.it2 days ago — Checking what we already run',
    ]);

    const reviews = within(
      screen.getByRole('list', { name: 'Reviews' }),
    ).getAllByRole('listitem');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toHaveTextContent('security: concerns — sam.sec');
    expect(reviews[0]).toHaveTextContent('Needs SSO and an EU data centre');

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

    expect(fact('Who Runs It')).toHaveTextContent('by the vendor (SaaS)');
    expect(fact('Sign In')).toHaveTextContent('with their company account');
    expect(fact('Data Stored')).toHaveTextContent('in the EU');
    expect(fact('Vendor Certifications')).toHaveTextContent('SOC 2, BSI C5');
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
        'approved — reuse: The gateway already signs HR contracts',
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
    expect(
      screen.queryByRole('textbox', { name: /^Your review/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: 'Add a comment' }),
    ).toBeInTheDocument();
  });

  it('shows a decider the decisions and the review form, but not withdraw', async () => {
    serveRequest({
      allowedActions: DECIDER_ACTIONS,
      reviewableAreas: ['portfolio'],
    });
    await renderRequestPage();
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
    await renderRequestPage();
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
    expect(
      screen.queryByRole('textbox', { name: 'Add a comment' }),
    ).not.toBeInTheDocument();
  });

  it('withdraws at once, sending the version that was read', async () => {
    const { posted } = serveRequest({ allowedActions: REQUESTER_ACTIONS });
    const user = userEvent.setup();
    await renderRequestPage();
    await loaded();

    await user.click(button('Withdraw'));

    await waitFor(() =>
      expect(posted.transitions).toEqual([{ action: 'withdraw', version: 3 }]),
    );
    // The page reads the request again and shows where it is now.
    expect(await screen.findByText('approved')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Withdraw' }),
    ).not.toBeInTheDocument();
  });

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
    expect(await screen.findByText('approved')).toBeInTheDocument();
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
      await chooseReuseTarget(user, dialog, 'component:default/pdf-stamper');
      await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    }

    /** The page has read the request again: approved, so nothing is left to decide. */
    const reloaded = async () => {
      await waitFor(() =>
        expect(
          screen.queryAllByRole('button', { name: 'Defer', hidden: true }),
        ).toHaveLength(0),
      );
      expect(screen.getByText('approved')).toBeInTheDocument();
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

  describe('reuse candidates', () => {
    it('shows each candidate with its origin, state, score, reasons and assessment', async () => {
      serveRequest({
        allowedActions: ['comment'],
        reuseSuggestions: CANDIDATES,
      });
      await renderRequestPage();
      await loaded();

      expect(
        screen.getByRole('region', { name: 'Reuse candidates' }),
      ).toBeInTheDocument();
      const gateway = candidate('E-sign gateway');
      expect(
        within(gateway).getByRole('link', { name: 'E-sign gateway' }),
      ).toHaveAttribute('href', '/catalog/default/component/esign-gateway');
      expect(within(gateway).getByText('suggested')).toBeInTheDocument();
      expect(gateway).toHaveTextContent(
        'suggested by the engine · Component · score 0.82',
      );
      expect(within(gateway).getByText('Why it might fit (2)')).toBeVisible();
      expect(
        within(gateway).getByText('offers e-signature'),
      ).toBeInTheDocument();
      expect(
        within(gateway).getByText('HR signs its contracts with it'),
      ).toBeInTheDocument();

      // Without a title, the candidate is shown by its ref.
      const stamper = candidate('component:default/pdf-stamper');
      expect(within(stamper).getByText('confirmed')).toBeInTheDocument();
      expect(stamper).toHaveTextContent('named by the requester');
      expect(stamper).toHaveTextContent(
        'confirmed by ivan.it 2 hours ago — Stamps and signs PDFs',
      );

      const dms = candidate('Old DMS');
      expect(within(dms).getByText('dismissed')).toBeInTheDocument();
      expect(dms).toHaveTextContent('added by a reviewer');
      expect(dms).toHaveTextContent(
        'dismissed by ivan.it 2 hours ago — Being retired',
      );

      // Someone who may not assess reuse only reads.
      for (const name of ['Confirm', 'Dismiss', 'Add candidate']) {
        expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
      }
    });

    it('says plainly when nothing in the catalog matched', async () => {
      serveRequest({ reuseSuggestions: [], reuseCandidates: [] });
      await renderRequestPage();
      await loaded();

      expect(
        screen.getByText(
          'No reuse candidates: nothing in the catalog matched when this request was submitted.',
        ),
      ).toBeInTheDocument();
      expect(
        within(
          screen.getByRole('region', { name: 'Reuse candidates' }),
        ).queryByRole('article'),
      ).not.toBeInTheDocument();
    });

    it('confirms a candidate with a note, sending the version read, and shows it confirmed', async () => {
      const { posted, state } = serveRequest({
        allowedActions: REVIEWER_ACTIONS,
        reuseSuggestions: CANDIDATES,
      });
      const user = userEvent.setup();
      await renderRequestPage();
      await loaded();
      // Confirmed and dismissed candidates offer only the other verdict.
      expect(
        within(candidate('component:default/pdf-stamper')).queryByRole(
          'button',
          { name: 'Confirm' },
        ),
      ).not.toBeInTheDocument();
      expect(
        within(candidate('Old DMS')).queryByRole('button', { name: 'Dismiss' }),
      ).not.toBeInTheDocument();

      await user.click(
        within(candidate('E-sign gateway')).getByRole('button', {
          name: 'Confirm',
        }),
      );
      const dialog = screen.getByRole('dialog', {
        name: 'Confirm E-sign gateway',
      });
      await paste(
        user,
        within(dialog).getByRole('textbox', { name: /^Note/ }),
        'HR already signs with it',
      );
      expect(posted.assessments).toHaveLength(0);
      await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      expect(posted.assessments).toEqual([
        {
          version: 3,
          entityRef: 'component:default/esign-gateway',
          state: 'confirmed',
          note: 'HR already signs with it',
        },
      ]);
      await waitFor(() =>
        expect(
          within(candidate('E-sign gateway')).getByText('confirmed'),
        ).toBeInTheDocument(),
      );
      expect(candidate('E-sign gateway')).toHaveTextContent(
        'confirmed by ivan.it just now — HR already signs with it',
      );
      expect(state.request.version).toBe(4);

      // The next change is sent with the version the last one answered.
      await user.click(
        within(candidate('component:default/pdf-stamper')).getByRole('button', {
          name: 'Dismiss',
        }),
      );
      const dismiss = screen.getByRole('dialog', {
        name: 'Dismiss component:default/pdf-stamper',
      });
      await user.click(
        within(dismiss).getByRole('button', { name: 'Dismiss' }),
      );

      await waitFor(() => expect(posted.assessments).toHaveLength(2));
      expect(posted.assessments[1]).toEqual({
        version: 4,
        entityRef: 'component:default/pdf-stamper',
        state: 'dismissed',
      });
      await waitFor(() =>
        expect(
          within(candidate('component:default/pdf-stamper')).getByText(
            'dismissed',
          ),
        ).toBeInTheDocument(),
      );
    });

    it('cancels an assessment without sending anything', async () => {
      const { posted } = serveRequest({
        allowedActions: REVIEWER_ACTIONS,
        reuseSuggestions: CANDIDATES,
      });
      const user = userEvent.setup();
      await renderRequestPage();
      await loaded();

      await user.click(
        within(candidate('E-sign gateway')).getByRole('button', {
          name: 'Dismiss',
        }),
      );
      const dialog = screen.getByRole('dialog', {
        name: 'Dismiss E-sign gateway',
      });
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      expect(posted.assessments).toHaveLength(0);
      expect(
        within(candidate('E-sign gateway')).getByText('suggested'),
      ).toBeInTheDocument();
    });

    it('adds a candidate a reviewer names, as confirmed', async () => {
      const { posted } = serveRequest({
        allowedActions: REVIEWER_ACTIONS,
        reuseSuggestions: CANDIDATES,
      });
      const user = userEvent.setup();
      await renderRequestPage();
      await loaded();

      const add = button('Add candidate');
      expect(add).toBeDisabled();
      await paste(
        user,
        screen.getByRole('textbox', { name: /^Entity to add/ }),
        'component:default/contract-archive',
      );
      await paste(
        user,
        screen.getByRole('textbox', { name: /^Why it serves the need/ }),
        'Keeps the signed contracts',
      );
      await user.click(add);

      await waitFor(() =>
        expect(posted.assessments).toEqual([
          {
            version: 3,
            entityRef: 'component:default/contract-archive',
            state: 'confirmed',
            note: 'Keeps the signed contracts',
          },
        ]),
      );
      const added = await screen.findByRole('article', {
        name: 'component:default/contract-archive',
      });
      expect(within(added).getByText('confirmed')).toBeInTheDocument();
      expect(added).toHaveTextContent('added by a reviewer');
      expect(
        screen.getByRole('textbox', { name: /^Entity to add/ }),
      ).toHaveValue('');
    });

    it("shows the backend's explanation when the request changed meanwhile (409), keeping what was typed", async () => {
      const CONFLICT =
        'request 42 has changed since version 3 (now 4): reload it and try again';
      const { state } = serveRequest({
        allowedActions: REVIEWER_ACTIONS,
        reuseSuggestions: CANDIDATES,
      });
      server.use(
        rest.post(
          `${BASE_URL}/requests/42/reuse-candidates`,
          (_req, res, ctx) => {
            state.request = { ...state.request, version: 4 };
            return res(
              ctx.status(409),
              ctx.json(errorBody('ConflictError', CONFLICT, 409)),
            );
          },
        ),
      );
      const user = userEvent.setup();
      await renderRequestPage();
      await loaded();
      const readsBefore = state.reads;

      await paste(
        user,
        screen.getByRole('textbox', { name: /^Entity to add/ }),
        'component:default/contract-archive',
      );
      await user.click(button('Add candidate'));

      expect(await screen.findByRole('alert')).toHaveTextContent(CONFLICT);
      expect(
        screen.getByRole('textbox', { name: /^Entity to add/ }),
      ).toHaveValue('component:default/contract-archive');
      // The page reads the request again, so the next try sends the current version.
      await waitFor(() => expect(state.reads).toBeGreaterThan(readsBefore));
      expect(
        screen.queryByRole('article', {
          name: 'component:default/contract-archive',
        }),
      ).not.toBeInTheDocument();
    });
  });

  it('offers only the areas the viewer reviews, a missing one first, and names whose reviews are missing', async () => {
    serveRequest({
      allowedActions: DECIDER_ACTIONS,
      reviewableAreas: ['architecture', 'privacy'],
      assessment: anAssessment({ missingReviews: ['privacy'] }),
    });
    const user = userEvent.setup();
    await renderRequestPage();
    await loaded();

    expect(screen.getByRole('button', { name: /^Area/ })).toHaveTextContent(
      'privacy',
    );
    await user.click(screen.getByRole('button', { name: /^Area/ }));
    expect(
      (await screen.findAllByRole('option')).map(option => option.textContent),
    ).toEqual(['architecture', 'privacy']);
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

  it('offers no review form to a reviewer the routing gives no area of this request', async () => {
    serveRequest({
      allowedActions: ['review', 'comment'],
      reviewableAreas: [],
    });
    await renderRequestPage();
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
    await renderRequestPage();
    await loaded();

    const add = button('Add review');
    expect(add).toBeDisabled();
    await user.click(screen.getByRole('button', { name: /^Area/ }));
    await user.click(await screen.findByRole('option', { name: 'privacy' }));
    await user.click(screen.getByRole('button', { name: /^Verdict/ }));
    await user.click(await screen.findByRole('option', { name: 'reject' }));
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
    expect(
      await within(reviews).findByText('privacy: reject — ada.arch'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Your review/ })).toHaveValue(
      '',
    );
  });

  it('adds a comment', async () => {
    const { posted } = serveRequest({ allowedActions: REQUESTER_ACTIONS });
    const user = userEvent.setup();
    await renderRequestPage();
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
