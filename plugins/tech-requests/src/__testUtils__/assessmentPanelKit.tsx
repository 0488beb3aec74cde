import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  CostInputs,
  RequestAssessment,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { anAssessment, aRequestView, BASE_URL } from './fixtures';
import {
  renderRequestPage,
  requestPageReads,
  requestPageState,
} from './requestPage';

export const server = setupServer();
registerMswTestHooks(server);

export const REVIEWER_ACTIONS: TechRequestView['allowedActions'] = [
  'review',
  'assess-reuse',
  'adjust-costs',
  'comment',
];
export const DECIDER_ACTIONS: TechRequestView['allowedActions'] = [
  ...REVIEWER_ACTIONS,
  'approve',
  'reject',
  'defer',
];

/**
 * A backend holding request 42, assessed: answers its reads from `state` and records the
 * cost inputs put, answering them with `recomputed` as the new assessment.
 */
export function serveRequest(
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

export async function renderRequestPageLoaded() {
  await renderRequestPage(undefined, { tab: 'assessment' });
  await screen.findByRole('heading', { name: 'Online contract signing' });
}

export const region = () => screen.getByRole('region', { name: 'Assessment' });
export const costTable = () =>
  within(region()).getByRole('table', { name: 'Cost of each path' });
/** The table's rows as the texts of their cells, the header first. */
export const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map(row =>
      Array.from(row.querySelectorAll('th, td')).map(cell => cell.textContent),
    );
export const costInput = (name: string) =>
  screen.getByRole('spinbutton', { name });
