import { registerMswTestHooks } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ReuseSuggestion,
  ReuseSuggestionsQuery,
  ReuseSuggestionsResponse,
  SimilarRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { useState } from 'react';
import {
  aGatewaySuggestion,
  BASE_URL,
  errorBody,
} from '../../__testUtils__/fixtures';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { ReuseSuggestionsPanel } from './ReuseSuggestionsPanel';

const server = setupServer();
registerMswTestHooks(server);

const GATEWAY = aGatewaySuggestion({
  reasons: ['offers e-signature', 'HR signs its contracts with it'],
});

const FAX: ReuseSuggestion = {
  entityRef: 'component:default/fax-gateway',
  kind: 'Component',
  title: 'Fax gateway',
  owner: 'group:default/it-ops',
  lifecycle: 'deprecated',
  score: 0.41,
  reasons: ['sends signed documents'],
};

const HR_SIGNATURES: SimilarRequest = {
  id: 7,
  title: 'Digital signatures for HR',
  status: 'approved',
  requestingGroup: 'group:default/hr',
  score: 0.7,
  reasons: ['also asks for e-signature'],
};

function answer(
  items: ReuseSuggestion[],
  similarRequests: SimilarRequest[] = [],
): ReuseSuggestionsResponse {
  return {
    items,
    similarRequests,
    indexedEntities: 120,
    indexedAt: new Date().toISOString(),
  };
}

/** Answers suggestion calls with `respond` and records every query asked. */
function serveSuggestions(
  respond: (
    query: ReuseSuggestionsQuery,
  ) => ReuseSuggestionsResponse | Promise<ReuseSuggestionsResponse>,
) {
  const queries: ReuseSuggestionsQuery[] = [];
  server.use(
    rest.post(`${BASE_URL}/reuse/suggestions`, async (req, res, ctx) => {
      const query = await req.json();
      queries.push(query);
      return res(ctx.json(await respond(query)));
    }),
  );
  return queries;
}

/** A promise the test resolves when it wants, to hold a response back. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>(resolve => {
    open = resolve;
  });
  return { opened, open };
}

const pause = (ms: number) =>
  act(() => new Promise<void>(resolve => setTimeout(resolve, ms)));

/** Long enough for a debounced call to have been made, had it not been held back. */
const LESS_THAN_THE_DEBOUNCE = 300;

interface Typed {
  title: string;
  need: string;
  capabilities: string[];
}

/**
 * Renders the panel as the form does, fed with what is "typed"; `type` changes it at
 * once, faster than a person types, which makes the debounce observable.
 */
async function renderPanel(initial: Partial<Typed> = {}) {
  const form: { type?: (changes: Partial<Typed>) => void } = {};
  function Form() {
    const [typed, setTyped] = useState<Typed>({
      title: 'Contract signing',
      need: '',
      capabilities: [],
      ...initial,
    });
    const [added, setAdded] = useState<string[]>([]);
    form.type = changes => setTyped(t => ({ ...t, ...changes }));
    return (
      <ReuseSuggestionsPanel
        {...typed}
        added={added}
        onAdd={entityRef => setAdded(a => [...a, entityRef])}
      />
    );
  }
  await renderInLegacyApp(<Form />, { routeEntries: ['/tech-requests/new'] });
  return {
    type: (changes: Partial<Typed>) => act(() => form.type!(changes)),
  };
}

/** A suggestion's card, once the debounced call has answered. */
const card = (name: string) =>
  screen.findByRole('article', { name }, { timeout: 3000 });

describe('ReuseSuggestionsPanel', () => {
  it('waits until typing pauses, then asks once with title, need and capabilities', async () => {
    const queries = serveSuggestions(() => answer([GATEWAY]));
    const form = await renderPanel();

    form.type({ need: 'Legal signs contracts' });
    form.type({ need: 'Legal signs contracts on paper' });
    form.type({ capabilities: ['e-signature'] });
    await pause(LESS_THAN_THE_DEBOUNCE);
    expect(queries).toHaveLength(0);

    expect(await card('E-sign gateway')).toBeInTheDocument();
    await pause(LESS_THAN_THE_DEBOUNCE * 2);
    expect(queries).toEqual([
      {
        text: 'Contract signing\nLegal signs contracts on paper',
        capabilities: ['e-signature'],
        limit: 5,
      },
    ]);
  });

  it('asks nothing while the need is only a word or two', async () => {
    const queries = serveSuggestions(() => answer([GATEWAY]));
    const form = await renderPanel();

    form.type({ need: 'e-signature please' });
    await pause(LESS_THAN_THE_DEBOUNCE * 3);

    expect(queries).toHaveLength(0);
    expect(
      screen.getByText(/Describe your need in a few words/),
    ).toBeInTheDocument();
  });

  it('shows what already exists: linked cards with owner, lifecycle, match and reasons, and similar requests', async () => {
    const response = gate();
    serveSuggestions(async () => {
      await response.opened;
      return answer([GATEWAY, FAX], [HR_SIGNATURES]);
    });
    await renderPanel({ need: 'Legal signs contracts on paper' });

    expect(
      await screen.findByRole('progressbar', {
        name: 'Looking for what already exists',
      }),
    ).toBeInTheDocument();
    response.open();

    const gateway = await card('E-sign gateway');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(
      within(gateway).getByRole('link', { name: 'E-sign gateway' }),
    ).toHaveAttribute('href', '/catalog/default/component/esign-gateway');
    expect(gateway).toHaveTextContent('Component · owned by it');
    expect(within(gateway).getByText('production')).toBeInTheDocument();
    // The score is a word people understand; the number is there for those who hover.
    expect(within(gateway).getByText('strong match')).toHaveAttribute(
      'title',
      'Score 0.82 of 1',
    );
    expect(
      within(within(gateway).getByRole('list', { name: 'Why it might fit' }))
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['offers e-signature', 'HR signs its contracts with it']);
    expect(
      within(gateway).getByRole('button', { name: 'Suggest this for reuse' }),
    ).toBeEnabled();

    const fax = await card('Fax gateway');
    expect(within(fax).getByText('possible match')).toBeInTheDocument();
    expect(fax).toHaveTextContent('Component · owned by it-ops');
    // Deprecated entities are marked so nobody builds on them unawares.
    expect(
      within(fax).getByText('deprecated').closest('.MuiChip-root')?.className,
    ).toMatch(/deprecated/);

    const similar = within(
      screen.getByRole('list', { name: 'Others asked for something similar' }),
    ).getAllByRole('listitem');
    expect(similar).toHaveLength(1);
    expect(
      within(similar[0]).getByRole('link', {
        name: 'Digital signatures for HR',
      }),
    ).toHaveAttribute('href', '/tech-requests/7');
    expect(similar[0]).toHaveTextContent('asked by hr');
    expect(within(similar[0]).getByText('Approved')).toBeInTheDocument();
  });

  it('says plainly when nothing in the catalog fits', async () => {
    serveSuggestions(() => answer([]));
    await renderPanel({ need: 'Legal signs contracts on paper' });

    expect(
      await screen.findByText(
        'Nothing in the catalog fits this need yet — reviewers will look for reuse options too.',
        undefined,
        { timeout: 3000 },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(
      screen.queryByText('Others asked for something similar'),
    ).not.toBeInTheDocument();
  });

  it('keeps the answer to the latest need when an earlier answer arrives late', async () => {
    const firstAnswer = gate();
    const queries = serveSuggestions(async query => {
      if (query.text.includes('paper')) {
        await firstAnswer.opened;
        return answer([FAX]);
      }
      return answer([GATEWAY]);
    });
    const form = await renderPanel({ need: 'Legal signs contracts on paper' });
    await waitFor(() => expect(queries).toHaveLength(1), { timeout: 3000 });

    form.type({ need: 'Legal signs contracts online' });
    expect(await card('E-sign gateway')).toBeInTheDocument();
    expect(queries).toHaveLength(2);

    firstAnswer.open();
    await pause(LESS_THAN_THE_DEBOUNCE);
    expect(
      screen.queryByRole('article', { name: 'Fax gateway' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('article', { name: 'E-sign gateway' }),
    ).toBeInTheDocument();
  });

  it('marks a suggestion as added once it is suggested for reuse', async () => {
    serveSuggestions(() => answer([GATEWAY, FAX]));
    const user = userEvent.setup();
    await renderPanel({ need: 'Legal signs contracts on paper' });

    const gateway = await card('E-sign gateway');
    await user.click(
      within(gateway).getByRole('button', { name: 'Suggest this for reuse' }),
    );

    expect(
      within(gateway).getByRole('button', { name: 'Added' }),
    ).toBeDisabled();
    expect(
      within(await card('Fax gateway')).getByRole('button', {
        name: 'Suggest this for reuse',
      }),
    ).toBeEnabled();
  });

  it("shows the backend's message when suggestions fail", async () => {
    server.use(
      rest.post(`${BASE_URL}/reuse/suggestions`, (_req, res, ctx) =>
        res(
          ctx.status(503),
          ctx.json(
            errorBody(
              'ServiceUnavailableError',
              'the catalog index is still being built',
              503,
            ),
          ),
        ),
      ),
    );
    await renderPanel({ need: 'Legal signs contracts on paper' });

    expect(
      await screen.findByRole('alert', undefined, { timeout: 3000 }),
    ).toHaveTextContent(
      'Suggestions are not available right now: the catalog index is still being built',
    );
  });
});
