import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import { BASE_URL, errorBody } from '../../__testUtils__/fixtures';
import { renderRequestPage } from '../../__testUtils__/requestPage';
import { paste, User } from '../../__testUtils__/user';
import {
  server,
  REVIEWER_ACTIONS,
  CANDIDATES,
  serveRequest,
  loaded,
  button,
  candidate,
} from '../../__testUtils__/requestPageKit';

/** In the catalog, and not yet among the request's candidates. */
const CONTRACT_ARCHIVE = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'contract-archive',
    namespace: 'default',
    title: 'Contract archive',
    description: 'Keeps signed contracts for ten years',
  },
  spec: {
    type: 'service',
    owner: 'group:default/legal',
    lifecycle: 'production',
  },
};

/** Picks an entity from the catalog by typing part of what it is. */
async function pickCandidate(user: User, typed: string, option: string) {
  await user.type(
    screen.getByRole('textbox', { name: /^What else could serve it/ }),
    typed,
  );
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('RequestPage', () => {
  describe('reuse candidates', () => {
    it('shows each candidate with its origin, state, reasons and assessment, in words a requester reads', async () => {
      serveRequest({
        allowedActions: ['comment'],
        reuseSuggestions: CANDIDATES,
      });
      await renderRequestPage(undefined, { tab: 'reuse' });
      await loaded();

      expect(
        screen.getByRole('region', { name: 'Reuse candidates' }),
      ).toBeInTheDocument();
      const gateway = candidate('E-sign gateway');
      expect(
        within(gateway).getByRole('link', { name: 'E-sign gateway' }),
      ).toHaveAttribute('href', '/catalog/default/component/esign-gateway');
      expect(within(gateway).getByText('Suggested')).toBeInTheDocument();
      // Catalog kinds and match scores are for reviewers.
      expect(gateway).toHaveTextContent('found in the catalog automatically');
      expect(gateway).not.toHaveTextContent(/Component|0\.82/);
      expect(within(gateway).getByText('Why it might fit (2)')).toBeVisible();
      expect(
        within(gateway).getByText('offers e-signature'),
      ).toBeInTheDocument();
      expect(
        within(gateway).getByText('HR signs its contracts with it'),
      ).toBeInTheDocument();

      // Without a title, the candidate is shown by the name in its ref.
      const stamper = candidate('pdf-stamper');
      expect(within(stamper).getByText('Confirmed')).toBeInTheDocument();
      expect(stamper).toHaveTextContent('named by the requester');
      expect(stamper).toHaveTextContent(
        'Confirmed by ivan.it 2 hours ago — Stamps and signs PDFs',
      );

      const dms = candidate('Old DMS');
      expect(within(dms).getByText('Dismissed')).toBeInTheDocument();
      expect(dms).toHaveTextContent('added by a reviewer');
      expect(dms).toHaveTextContent(
        'Dismissed by ivan.it 2 hours ago — Being retired',
      );

      // Someone who may not assess reuse only reads.
      for (const name of ['Confirm', 'Dismiss', 'Add candidate']) {
        expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
      }
    });

    it('says plainly when nothing in the catalog matched', async () => {
      serveRequest({ reuseSuggestions: [], namedReuseCandidates: [] });
      await renderRequestPage(undefined, { tab: 'reuse' });
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
      await renderRequestPage(undefined, { tab: 'reuse' });
      await loaded();
      expect(candidate('E-sign gateway')).toHaveTextContent(
        'found in the catalog automatically · Component · match 0.82',
      );
      // Confirmed and dismissed candidates offer only the other verdict.
      expect(
        within(candidate('pdf-stamper')).queryByRole('button', {
          name: 'Confirm',
        }),
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
          within(candidate('E-sign gateway')).getByText('Confirmed'),
        ).toBeInTheDocument(),
      );
      expect(candidate('E-sign gateway')).toHaveTextContent(
        'Confirmed by ivan.it just now — HR already signs with it',
      );
      expect(state.request.version).toBe(4);

      // The next change is sent with the version the last one answered.
      await user.click(
        within(candidate('pdf-stamper')).getByRole('button', {
          name: 'Dismiss',
        }),
      );
      const dismiss = screen.getByRole('dialog', {
        name: 'Dismiss pdf-stamper',
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
          within(candidate('pdf-stamper')).getByText('Dismissed'),
        ).toBeInTheDocument(),
      );
    });

    it('cancels an assessment without sending anything', async () => {
      const { posted } = serveRequest({
        allowedActions: REVIEWER_ACTIONS,
        reuseSuggestions: CANDIDATES,
      });
      const user = userEvent.setup();
      await renderRequestPage(undefined, { tab: 'reuse' });
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
        within(candidate('E-sign gateway')).getByText('Suggested'),
      ).toBeInTheDocument();
    });

    it('adds a candidate a reviewer names, as confirmed', async () => {
      const { posted } = serveRequest({
        allowedActions: REVIEWER_ACTIONS,
        reuseSuggestions: CANDIDATES,
      });
      const user = userEvent.setup();
      await renderRequestPage(undefined, {
        tab: 'reuse',
        entities: [CONTRACT_ARCHIVE],
      });
      await loaded();

      const add = button('Add candidate');
      expect(add).toBeDisabled();
      // Found by what it does, not by its ref.
      await pickCandidate(
        user,
        'signed contracts',
        'Contract archive (Component)',
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
        name: 'contract-archive',
      });
      expect(within(added).getByText('Confirmed')).toBeInTheDocument();
      expect(added).toHaveTextContent('added by a reviewer');
      expect(
        screen.getByRole('textbox', { name: /^What else could serve it/ }),
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
      await renderRequestPage(undefined, {
        tab: 'reuse',
        entities: [CONTRACT_ARCHIVE],
      });
      await loaded();
      const readsBefore = state.reads;

      await pickCandidate(user, 'archive', 'Contract archive (Component)');
      await user.click(button('Add candidate'));

      expect(await screen.findByRole('alert')).toHaveTextContent(CONFLICT);
      expect(
        screen.getByRole('textbox', { name: /^What else could serve it/ }),
      ).toHaveValue('Contract archive (Component)');
      // The page reads the request again, so the next try sends the current version.
      await waitFor(() => expect(state.reads).toBeGreaterThan(readsBefore));
      expect(
        screen.queryByRole('article', {
          name: 'contract-archive',
        }),
      ).not.toBeInTheDocument();
    });
  });
});
