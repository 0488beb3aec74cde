import { screen } from '@testing-library/react';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { TechRequestSearchResultListItem } from './TechRequestSearchResultListItem';

const RESULT = {
  title: 'Online contract signing',
  text: `Legal sends about 60 engagement letters a month. ${'More words. '.repeat(30)}`,
  location: '/tech-requests/1',
  status: 'approved',
  requestingGroup: 'group:default/legal',
  requester: 'user:default/jane.doe',
  capabilities: ['e-signature'],
  decision: 'approved reuse',
};

describe('TechRequestSearchResultListItem', () => {
  it('shows a request found by search: title linking to it, status, group, decision and the start of its need', async () => {
    await renderInLegacyApp(
      <TechRequestSearchResultListItem result={RESULT} />,
    );
    expect(
      screen.getByRole('link', { name: 'Online contract signing' }),
    ).toHaveAttribute('href', '/tech-requests/1');
    expect(screen.getByText('Approved')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'legal' })).toBeInTheDocument();
    expect(screen.getByText(/· approved reuse/)).toBeInTheDocument();
    expect(
      screen.getByText(/^Legal sends about 60 engagement letters/),
    ).toHaveTextContent(/…$/);
  });

  it('says no decision the status already says', async () => {
    const rejected = { ...RESULT, status: 'rejected', decision: 'rejected' };
    await renderInLegacyApp(
      <TechRequestSearchResultListItem result={rejected} />,
    );
    expect(screen.getByText('Rejected')).toBeInTheDocument();
    expect(screen.queryByText(/· rejected/)).not.toBeInTheDocument();
  });

  it('marks the words searched for', async () => {
    await renderInLegacyApp(
      <TechRequestSearchResultListItem
        result={RESULT}
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: { text: 'about 60 <em>engagement</em> letters' },
        }}
      />,
    );
    expect(screen.getByText('engagement').tagName).toBe('MARK');
  });
});
