import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { aRequestEntity } from '../../__testUtils__/fixtures';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { RequestEntityContent } from './RequestEntityContent';

describe('RequestEntityContent', () => {
  it('shows the status and the description, and links to the request page', async () => {
    await renderInLegacyApp(
      <EntityProvider
        entity={aRequestEntity('tr-42-online-contract-signing', {
          title: 'Online contract signing',
          status: 'in-review',
          id: '42',
          description:
            'Legal wants **electronic signatures** for its contracts.',
        })}
      >
        <RequestEntityContent />
      </EntityProvider>,
    );

    expect(screen.getByText('Online contract signing')).toBeInTheDocument();
    expect(screen.getByText('In review')).toBeInTheDocument();
    expect(screen.getByText(/Legal wants/)).toHaveTextContent(
      'Legal wants electronic signatures for its contracts.',
    );
    expect(screen.getByText('electronic signatures').tagName).toBe('STRONG');
    expect(
      screen.getByRole('link', {
        name: 'Open the request, its reviews and its history',
      }),
    ).toHaveAttribute('href', '/tech-requests/42');
  });

  it('names the entity and offers no link when the request id is unknown', async () => {
    await renderInLegacyApp(
      <EntityProvider
        entity={aRequestEntity('tr-7-imported', { status: 'draft' })}
      >
        <RequestEntityContent />
      </EntityProvider>,
    );

    expect(screen.getByText('tr-7-imported')).toBeInTheDocument();
    expect(screen.getByText('Draft')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
