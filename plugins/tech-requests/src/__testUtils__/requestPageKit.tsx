import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  RequestComment,
  RequestReview,
  ReuseCandidate,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { aRequestView, BASE_URL } from './fixtures';
import { requestPageReads, requestPageState } from './requestPage';
import { User } from './user';

export const server = setupServer();
registerMswTestHooks(server);

export const REQUESTER_ACTIONS: TechRequestView['allowedActions'] = [
  'edit',
  'withdraw',
  'comment',
];
export const DECIDER_ACTIONS: TechRequestView['allowedActions'] = [
  'review',
  'assess-reuse',
  'approve',
  'reject',
  'defer',
  'comment',
];
export const REVIEWER_ACTIONS: TechRequestView['allowedActions'] = [
  'review',
  'assess-reuse',
  'comment',
];

export const twoHoursAgo = () =>
  new Date(Date.now() - 2 * 3600 * 1000).toISOString();

/** Found by the engine when the request was submitted; nobody has looked at it yet. */
export const GATEWAY: ReuseCandidate = {
  entityRef: 'component:default/esign-gateway',
  kind: 'Component',
  title: 'E-sign gateway',
  origin: 'engine',
  state: 'suggested',
  score: 0.82,
  reasons: ['offers e-signature', 'HR signs its contracts with it'],
};
/** Named by the requester and confirmed by a reviewer; the catalog gave it no title. */
export const STAMPER: ReuseCandidate = {
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
export const OLD_DMS: ReuseCandidate = {
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
export const CANDIDATES = [GATEWAY, STAMPER, OLD_DMS];

/**
 * A backend holding request 42: answers its reads from `state` (which a test may change)
 * and records what is posted.
 */
export function serveRequest(initial: Partial<TechRequestView> = {}) {
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
        requestVersion: state.request.version,
        changedSince: [],
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

export const loaded = () =>
  screen.findByRole('heading', { name: 'Online contract signing' });
export const button = (name: string) => screen.getByRole('button', { name });
/** A row of the facts table, by the title it shows. */
export const fact = (title: string) =>
  screen.getByText(title, { selector: 'dl[aria-label="Facts"] > dt' })
    .nextElementSibling as HTMLElement;
/** A reuse candidate, by the name it is shown with. */
export const candidate = (name: string) =>
  screen.getByRole('article', { name });

/** Picks the entity a reuse approval names, from the dialog's choice of candidates. */
export async function chooseReuseTarget(
  user: User,
  dialog: HTMLElement,
  name: string,
) {
  await user.click(
    within(dialog).getByRole('button', { name: /^Entity to reuse/ }),
  );
  await user.click(await screen.findByRole('option', { name }));
}

/** Opens one of the request's detail sections by its tab's label (a count may follow it). */
export async function openSection(user: User, label: string) {
  await user.click(screen.getByRole('tab', { name: new RegExp(`^${label}`) }));
}
