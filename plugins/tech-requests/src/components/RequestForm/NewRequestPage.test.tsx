import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { paste } from '../../__testUtils__/user';
import {
  renderForm,
  serveCreate,
  field,
  button,
  fillTheNeed,
} from '../../__testUtils__/requestFormKit';

describe('NewRequestPage', () => {
  it('steps forward and back through the form, keeping what was typed', async () => {
    const user = userEvent.setup();
    await renderForm();

    expect(
      screen.getByRole('heading', { name: 'New technology request' }),
    ).toBeInTheDocument();
    expect(button('Back')).toBeDisabled();
    await fillTheNeed(user);
    await user.click(button('Next'));

    expect(field('How many people will use it?')).toBeInTheDocument();
    expect(
      screen.queryByRole('textbox', { name: /^Title/ }),
    ).not.toBeInTheDocument();
    expect(button('Back')).toBeEnabled();
    await user.type(field('How many people will use it?'), '40');
    await user.click(button('Next'));

    expect(
      screen.getByRole('radiogroup', {
        name: 'What kind of information will it hold?',
      }),
    ).toBeInTheDocument();
    await user.click(button('Back'));
    expect(field('How many people will use it?')).toHaveValue('40');
    await user.click(button('Back'));

    expect(field(/^Title/)).toHaveValue('Online contract signing');
    expect(field(/^What do you need, and why\?/)).toHaveValue(
      'Legal prints and scans 40 contracts a month.',
    );
  });

  it('says what is missing on the first step and does not move on', async () => {
    const bodies = serveCreate();
    const user = userEvent.setup();
    await renderForm();

    // Nothing is flagged before the person tries to move on.
    expect(
      screen.queryByText('Give the request a short title'),
    ).not.toBeInTheDocument();
    await user.click(button('Next'));

    expect(
      screen.getByText('Give the request a short title'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Describe the problem you want to solve'),
    ).toBeInTheDocument();
    expect(field(/^Title/)).toBeInvalid();
    expect(
      screen.queryByRole('textbox', { name: 'How many people will use it?' }),
    ).not.toBeInTheDocument();

    // Only blanks are no title either.
    await user.type(field(/^Title/), '   ');
    await user.click(button('Save as draft'));
    expect(
      screen.getByText('Give the request a short title'),
    ).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    await user.clear(field(/^Title/));
    await fillTheNeed(user);
    expect(
      screen.queryByText('Give the request a short title'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByText('Describe the problem you want to solve'),
    ).not.toBeInTheDocument();
    await user.click(button('Next'));
    expect(field('How many people will use it?')).toBeInTheDocument();
  });

  it('asks for a whole number of people', async () => {
    const user = userEvent.setup();
    await renderForm();
    await fillTheNeed(user);
    await user.click(button('Next'));

    await paste(user, field('How many people will use it?'), 'about forty');
    await user.click(button('Next'));

    expect(
      screen.getByText('A whole number, for example 40'),
    ).toBeInTheDocument();
    expect(field('How many people will use it?')).toBeInvalid();
    expect(
      screen.queryByRole('radiogroup', {
        name: 'What kind of information will it hold?',
      }),
    ).not.toBeInTheDocument();

    await user.clear(field('How many people will use it?'));
    await user.type(field('How many people will use it?'), '40');
    expect(
      screen.queryByText('A whole number, for example 40'),
    ).not.toBeInTheDocument();
    await user.click(button('Next'));
    expect(
      screen.getByRole('radiogroup', {
        name: 'What kind of information will it hold?',
      }),
    ).toBeInTheDocument();
  });

  it('asks for a web address that starts with https:// and for the name of its vendor', async () => {
    const user = userEvent.setup();
    await renderForm();
    await fillTheNeed(user);
    await user.click(button('Next'));
    await user.click(button('Next'));
    await user.click(button('Next'));

    await paste(user, field('Its web address'), 'www.docusign.com');
    await user.click(button('Next'));

    expect(
      screen.getByText('A web address starting with https://'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Name the vendor of this web address'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Submit request' }),
    ).not.toBeInTheDocument();

    await user.clear(field('Its web address'));
    await paste(user, field('Its web address'), 'https://www.docusign.com');
    await user.type(field('A vendor you have in mind'), 'DocuSign');
    await user.click(button('Next'));
    expect(button('Submit request')).toBeInTheDocument();
  });

  it('sends problems on a later step back to that step when saving', async () => {
    const bodies = serveCreate();
    const user = userEvent.setup();
    await renderForm();
    await fillTheNeed(user);
    await user.click(button('Next'));
    await user.clear(field('Currency'));
    await user.type(field('Currency'), 'euro');
    await user.click(button('Back'));

    await user.click(button('Save as draft'));

    expect(
      await screen.findByText('A currency code such as EUR'),
    ).toBeInTheDocument();
    expect(field('Currency')).toHaveValue('euro');
    expect(bodies).toHaveLength(0);
  });

  it('asks who runs it, how people sign in, where the data is and what the vendor is certified for', async () => {
    const user = userEvent.setup();
    await renderForm();
    await fillTheNeed(user);
    await user.click(button('Next'));
    await user.click(button('Next'));

    for (const question of [
      'Who will run it?',
      'How will people sign in?',
      'Where will the data be stored?',
    ]) {
      const group = screen.getByRole('radiogroup', { name: question });
      // Nobody has to guess: "Don't know" is the answer until one is picked.
      expect(
        within(group).getByRole('radio', { name: "Don't know" }),
      ).toBeChecked();
    }
    expect(
      within(screen.getByRole('radiogroup', { name: 'Who will run it?' }))
        .getAllByRole('radio')
        .map(radio => radio.closest('label')?.textContent),
    ).toEqual([
      'On our premises',
      'In our company cloud',
      'By the vendor (SaaS)',
      "Don't know",
    ]);
    const certifications = within(
      screen.getByRole('group', {
        name: 'Which certifications does the vendor hold?',
      }),
    ).getAllByRole('checkbox');
    expect(
      certifications.map(box => box.closest('label')?.textContent),
    ).toEqual(['SOC 2', 'ISO 27001', 'ISO 27701', 'BSI C5']);
    expect(
      certifications.filter(box => (box as HTMLInputElement).checked),
    ).toEqual([]);
  });
});
