import { screen } from '@testing-library/react';
import { RequestDecision } from '@tech-requests/plugin-tech-requests-common';
import { renderRequestPage } from '../../__testUtils__/requestPage';
import { loaded, serveRequest } from '../../__testUtils__/requestPageKit';

const decided = (decision: Partial<RequestDecision>) => ({
  status: 'approved' as const,
  decision: {
    outcome: 'approved' as const,
    rationale: 'Decided by the board.',
    decidedBy: 'user:default/lena.fischer',
    decidedAt: '2026-03-01T10:00:00.000Z',
    ...decision,
  },
});

describe('RequestPage once approved', () => {
  it('links an approved build to the configured template, filled in from the request', async () => {
    serveRequest(decided({ path: 'build' }));
    await renderRequestPage({
      techRequests: {
        delivery: { buildTemplate: 'template:default/new-website' },
      },
    });
    await loaded();
    const link = await screen.findByRole('link', {
      name: 'Start the build from its template',
    });
    const [address, query] = link.getAttribute('href')!.split('?');
    expect(address).toBe('/create/templates/default/new-website');
    expect(JSON.parse(new URLSearchParams(query).get('formData')!)).toEqual({
      name: 'online-contract-signing',
      owner: 'group:default/legal',
      description: expect.stringContaining('sign'),
      requestId: '42',
    });
  });

  it('offers no template when none is configured', async () => {
    serveRequest(decided({ path: 'build' }));
    await renderRequestPage();
    await loaded();
    expect(
      screen.queryByRole('link', { name: /template/ }),
    ).not.toBeInTheDocument();
  });

  it('names what an approved purchase bought as what serves the request', async () => {
    serveRequest(decided({ path: 'buy', vendor: 'DocuSign' }));
    await renderRequestPage({
      techRequests: {
        delivery: { buildTemplate: 'template:default/new-website' },
      },
    });
    await loaded();
    const servedBy = (await screen.findByText(/Served by/)).closest('p')!;
    expect(servedBy).toHaveTextContent('docusign-legal');
    expect(
      screen.queryByRole('link', { name: /template/ }),
    ).not.toBeInTheDocument();
  });
});
