import { Entity } from '@backstage/catalog-model';
import {
  RequestComment,
  RequestReview,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { JsonObject } from '@backstage/types';
import { rest } from 'msw';
import { Route, Routes } from 'react-router-dom';
import { RequestPage } from '../components/RequestPage/RequestPage';
import { BASE_URL, COMMENTS, HISTORY, REVIEWS, ROUTING } from './fixtures';
import { renderInLegacyApp } from './render';

/** What the backend of request 42 holds; tests change it to change what the page reads. */
export interface RequestPageState {
  request: TechRequestView;
  reviews: RequestReview[];
  comments: RequestComment[];
  /** How often the request was read: reloads after a change show here. */
  reads: number;
}

/** Request 42 as a test's backend starts out holding it. */
export function requestPageState(request: TechRequestView): RequestPageState {
  return {
    request,
    reviews: [...REVIEWS],
    comments: [...COMMENTS],
    reads: 0,
  };
}

/** Handlers answering every read of request 42's page from `state`. */
export function requestPageReads(state: RequestPageState) {
  return [
    rest.get(`${BASE_URL}/requests/42`, (_req, res, ctx) => {
      state.reads += 1;
      return res(ctx.json(state.request));
    }),
    rest.get(`${BASE_URL}/requests/42/history`, (_req, res, ctx) =>
      res(ctx.json({ items: HISTORY })),
    ),
    rest.get(`${BASE_URL}/requests/42/reviews`, (_req, res, ctx) =>
      res(ctx.json({ items: state.reviews })),
    ),
    rest.get(`${BASE_URL}/requests/42/comments`, (_req, res, ctx) =>
      res(ctx.json({ items: state.comments })),
    ),
    rest.get(`${BASE_URL}/review-routing`, (_req, res, ctx) =>
      res(ctx.json(ROUTING)),
    ),
  ];
}

/**
 * Renders the page of request 42, as the app routes to it, under the app's `config`; `tab`
 * opens one of its detail sections, as a link with `?tab=` does; the catalog holds `entities`.
 */
export function renderRequestPage(
  config?: JsonObject,
  options: { tab?: string; entities?: Entity[] } = {},
) {
  const query = options.tab ? `?tab=${options.tab}` : '';
  return renderInLegacyApp(
    <Routes>
      <Route path="/tech-requests/:id" element={<RequestPage />} />
    </Routes>,
    {
      routeEntries: [`/tech-requests/42${query}`],
      config,
      entities: options.entities,
    },
  );
}
