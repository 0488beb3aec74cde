import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { TechRequest } from '@tech-requests/plugin-tech-requests-common';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { aRequest, BASE_URL, errorBody } from '../../__testUtils__/fixtures';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { TechRequestPicker } from './TechRequestPicker';

const server = setupServer();
registerMswTestHooks(server);

const decidedTo = (path: 'build' | 'buy' | 'reuse') => ({
  outcome: 'approved' as const,
  path,
  rationale: 'Decided',
  decidedBy: 'user:default/lena.fischer',
  decidedAt: '2026-11-30T10:00:00.000Z',
});

const SLOTS = aRequest({
  id: 8,
  title: 'Customers choose their own delivery slot',
  status: 'approved',
  requestingGroup: 'group:default/operations',
  decision: decidedTo('build'),
});
const PORTAL = aRequest({
  id: 11,
  title: 'Supplier portal',
  status: 'in-delivery',
  requestingGroup: 'group:default/finance',
  decision: decidedTo('build'),
});
const BOUGHT = aRequest({
  id: 4,
  title: 'Prospecting tool',
  status: 'approved',
  decision: decidedTo('buy'),
});

/** Serves the list, answering `q` by title, and keeps what each call asked for. */
function serveList(requests: TechRequest[]) {
  const asked: URLSearchParams[] = [];
  server.use(
    rest.get(`${BASE_URL}/requests`, (req, res, ctx) => {
      asked.push(req.url.searchParams);
      const q = req.url.searchParams.get('q')?.toLowerCase() ?? '';
      const items = requests.filter(r => r.title.toLowerCase().includes(q));
      return res(ctx.json({ items, totalCount: items.length }));
    }),
    rest.get(`${BASE_URL}/requests/:id`, (req, res, ctx) => {
      const found = requests.find(r => r.id === Number(req.params.id));
      return found
        ? res(ctx.json({ ...found, allowedActions: [], reviewableAreas: [] }))
        : res(ctx.status(404));
    }),
  );
  return asked;
}

async function renderPicker(formData?: number) {
  const onChange = jest.fn();
  const props = {
    formData,
    onChange,
    required: true,
    rawErrors: [],
    schema: { title: 'Approved request', type: 'number' },
    uiSchema: {},
    idSchema: { $id: 'root_requestId' },
  } as unknown as FieldExtensionComponentProps<number>;
  await renderInLegacyApp(<TechRequestPicker {...props} />);
  return { onChange };
}

describe('TechRequestPicker', () => {
  it('offers the requests approved to build or being built, and gives the template the chosen id', async () => {
    const asked = serveList([SLOTS, PORTAL, BOUGHT]);
    const { onChange } = await renderPicker();

    await userEvent.click(
      screen.getByRole('textbox', { name: /Approved request/ }),
    );
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      '#8 Customers choose their own delivery slotApproved to build · asked by operations',
      '#11 Supplier portalBeing built · asked by finance',
    ]);
    expect(asked[0].getAll('status')).toEqual(['approved', 'in-delivery']);

    await userEvent.click(options[1]);
    expect(onChange).toHaveBeenLastCalledWith(11);
  });

  it('narrows the list by what is typed', async () => {
    const asked = serveList([SLOTS, PORTAL]);
    await renderPicker();
    await userEvent.type(
      screen.getByRole('textbox', { name: /Approved request/ }),
      'slot',
    );
    await waitFor(() =>
      expect(asked.map(params => params.get('q'))).toContain('slot'),
    );
    await waitFor(() =>
      expect(screen.getAllByRole('option').map(o => o.textContent)).toEqual([
        expect.stringContaining('#8 Customers choose their own delivery slot'),
      ]),
    );
  });

  it('shows the request already chosen', async () => {
    serveList([SLOTS]);
    await renderPicker(8);
    await waitFor(() =>
      expect(
        screen.getByRole('textbox', { name: /Approved request/ }),
      ).toHaveValue('#8 Customers choose their own delivery slot'),
    );
  });

  it('says where to file a request when none is approved to build', async () => {
    serveList([BOUGHT]);
    await renderPicker();
    expect(
      await screen.findByText(/No request is approved to build yet/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'File a request' }),
    ).toHaveAttribute('href', '/tech-requests/new');
  });

  it('says so when the requests cannot be read', async () => {
    server.use(
      rest.get(`${BASE_URL}/requests`, (_req, res, ctx) =>
        res(
          ctx.status(503),
          ctx.json(
            errorBody('ServiceUnavailableError', 'Down for a moment', 503),
          ),
        ),
      ),
    );
    await renderPicker();
    expect(
      await screen.findByText(/Requests could not be read/),
    ).toBeInTheDocument();
  });
});
