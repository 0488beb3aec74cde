import { screen } from '@testing-library/react';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { ServiceLevelNote } from './ServiceLevelNote';

const since = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString();

describe('ServiceLevelNote', () => {
  it('says in words how long the request has been in its stage and when it is due', async () => {
    await renderInLegacyApp(
      <ServiceLevelNote
        serviceLevel={{
          stage: 'in-review',
          since,
          dueAt: '2031-03-03T17:00:00.000Z',
          overdue: false,
        }}
      />,
    );
    expect(
      screen.getByText('In review since 3 days ago; due Mon 3 Mar'),
    ).toBeInTheDocument();
  });

  it('says when it is overdue', async () => {
    await renderInLegacyApp(
      <ServiceLevelNote
        serviceLevel={{
          stage: 'submitted',
          since,
          dueAt: '2031-03-03T17:00:00.000Z',
          overdue: true,
        }}
      />,
    );
    expect(
      screen.getByText('Overdue: submitted since 3 days ago, due Mon 3 Mar'),
    ).toBeInTheDocument();
  });
});
