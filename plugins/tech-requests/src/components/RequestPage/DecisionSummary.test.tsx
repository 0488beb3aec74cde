import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aRequestView, anAssessment } from '../../__testUtils__/fixtures';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { DecisionSummary } from './DecisionSummary';
import { GATEWAY, STAMPER } from '../../__testUtils__/requestPageKit';

/** The text of one fact of the summary, found by its heading. */
function fact(label: string) {
  return screen.getByRole('heading', { name: label }).parentElement!;
}

describe('DecisionSummary', () => {
  it('shows what a decision rests on, in words', async () => {
    await renderInLegacyApp(
      <DecisionSummary
        request={aRequestView({
          assessment: anAssessment({
            staleReviews: [
              {
                area: 'security',
                reviewers: ['user:default/sam.sec'],
                changed: ['hosting'],
              },
            ],
            missingReviews: ['security', 'privacy'],
          }),
          reuseSuggestions: [GATEWAY],
        })}
      />,
    );

    expect(fact('Where it stands')).toHaveTextContent(
      'In review Waiting for the security and privacy reviews, then a decision',
    );
    expect(fact('Security risk')).toHaveTextContent(
      'High risk · Security to review again (answers changed), Privacy missing',
    );
    // The warning weighs more than the note that comes first.
    expect(fact('Architecture fit')).toHaveTextContent(
      '65 / 100, fits with concerns: CRM offers no API',
    );
    expect(fact('Reuse')).toHaveTextContent(
      'Suggested: E-sign gateway (not confirmed yet)',
    );
    expect(fact('Cost')).toHaveTextContent(
      'Reuse is cheapest: €11,200 over 3 years, within the €20,000 budget',
    );
  });

  it('explains the technical words of its headings to whoever points at them', async () => {
    const user = userEvent.setup();
    await renderInLegacyApp(
      <DecisionSummary
        request={aRequestView({ assessment: anAssessment() })}
      />,
    );

    await user.hover(screen.getByText('Architecture fit'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      /fits the company's technology standards/,
    );
    await user.unhover(screen.getByText('Architecture fit'));
    await user.hover(screen.getByText('Security risk'));
    expect(
      await screen.findByRole('tooltip', { name: /decides which reviews/ }),
    ).toBeInTheDocument();
  });

  it('names the confirmed candidate, the reviews done, and a budget exceeded', async () => {
    await renderInLegacyApp(
      <DecisionSummary
        request={aRequestView({
          budgetRange: { max: 10000, currency: 'EUR' },
          assessment: anAssessment({ missingReviews: [] }),
          reuseSuggestions: [GATEWAY, STAMPER],
        })}
      />,
    );
    expect(fact('Where it stands')).toHaveTextContent(
      'Reviews are in: waiting for a decision',
    );
    expect(fact('Security risk')).toHaveTextContent(
      'High risk · Security done, Privacy done',
    );
    expect(fact('Reuse')).toHaveTextContent(
      'Confirmed: component:default/pdf-stamper',
    );
    expect(fact('Cost')).toHaveTextContent('over the €10,000 budget');
  });

  it('shows only where a draft stands: nothing is assessed yet', async () => {
    await renderInLegacyApp(
      <DecisionSummary
        request={aRequestView({ status: 'draft', assessment: undefined })}
      />,
    );
    expect(fact('Where it stands')).toHaveTextContent(
      'Draft Waiting for jane.doe to submit it',
    );
    expect(
      screen.queryByRole('heading', { name: 'Cost' }),
    ).not.toBeInTheDocument();
  });
});
