import { fireEvent, screen, within } from '@testing-library/react';
import { mockApis } from '@backstage/test-utils';
import userEvent from '@testing-library/user-event';
import { paste } from '../../__testUtils__/user';
import {
  renderForm,
  serveCreate,
  field,
  button,
  fillTheNeed,
  answer,
} from '../../__testUtils__/requestFormKit';

const HOW_MANY = /^Roughly how many people\?/;
const CAPABILITIES = 'What should it be able to do?';
const KIND_OF_INFORMATION = 'What kind of information will it hold?';

describe('NewRequestPage', () => {
  it('asks only what anyone knows first, and leads through the details and back, keeping what was typed', async () => {
    const user = userEvent.setup();
    await renderForm();

    expect(
      screen.getByRole('heading', { name: 'New technology request' }),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('textbox').map(box => box.getAttribute('id')),
    ).toEqual([
      'tech-request-title',
      'tech-request-need',
      'tech-request-expectedUsers',
    ]);
    expect(
      screen.getByRole('radiogroup', { name: 'Who will use it?' }),
    ).toBeInTheDocument();
    expect(button('Submit request')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Back' }),
    ).not.toBeInTheDocument();
    await fillTheNeed(user);
    await answer(user, 'Who will use it?', 'Our staff');
    await paste(user, field(HOW_MANY), '40');
    await user.click(button('Add details'));

    expect(field(CAPABILITIES)).toBeInTheDocument();
    expect(
      screen.queryByRole('textbox', { name: /^Title/ }),
    ).not.toBeInTheDocument();
    await paste(user, field(CAPABILITIES), 'e-signature');
    await user.click(button('Next'));

    expect(
      screen.getByRole('radiogroup', { name: KIND_OF_INFORMATION }),
    ).toBeInTheDocument();
    await user.click(button('Back'));
    expect(field(CAPABILITIES)).toHaveValue('e-signature');
    await user.click(button('Back'));

    expect(field(/^Title/)).toHaveValue('Online contract signing');
    expect(field(/^What do you need, and why\?/)).toHaveValue(
      'Legal prints and scans 40 contracts a month.',
    );
    expect(field(HOW_MANY)).toHaveValue('40');
    expect(
      within(
        screen.getByRole('radiogroup', { name: 'Who will use it?' }),
      ).getByRole('radio', { name: 'Our staff' }),
    ).toBeChecked();
  });

  it('says what is missing on the first step and does not move on', async () => {
    const bodies = serveCreate();
    const user = userEvent.setup();
    await renderForm();

    // Nothing is flagged before the person tries to move on.
    expect(
      screen.queryByText('Give the request a short title'),
    ).not.toBeInTheDocument();
    await user.click(button('Add details'));

    expect(
      screen.getByText('Give the request a short title'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Describe the problem you want to solve'),
    ).toBeInTheDocument();
    expect(field(/^Title/)).toBeInvalid();
    expect(
      screen.queryByRole('textbox', { name: CAPABILITIES }),
    ).not.toBeInTheDocument();

    // Only blanks are no title either, and nothing is sent.
    await user.type(field(/^Title/), '   ');
    await user.click(button('Submit request'));
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
    await user.click(button('Add details'));
    expect(field(CAPABILITIES)).toBeInTheDocument();
  });

  it('takes a number of people the way people type it, and says so when it cannot', async () => {
    const user = userEvent.setup();
    await renderForm();
    await fillTheNeed(user);

    await paste(user, field(HOW_MANY), 'about forty');
    await user.click(button('Add details'));

    expect(
      screen.getByText('A number of people, for example 40 or 10k'),
    ).toBeInTheDocument();
    expect(field(HOW_MANY)).toBeInvalid();
    expect(
      screen.queryByRole('textbox', { name: CAPABILITIES }),
    ).not.toBeInTheDocument();

    for (const typed of ['10,000', '10k', 'about 1,200']) {
      await user.clear(field(HOW_MANY));
      await paste(user, field(HOW_MANY), typed);
      expect(
        screen.queryByText('A number of people, for example 40 or 10k'),
      ).not.toBeInTheDocument();
    }
    await user.click(button('Add details'));
    expect(field(CAPABILITIES)).toBeInTheDocument();
  });

  it('takes a web address without https://, and asks for the name of its vendor', async () => {
    const user = userEvent.setup();
    await renderForm();
    await fillTheNeed(user);
    await user.click(button('Add details'));

    await paste(user, field(/^Its web address/), 'docusign');
    await user.click(button('Next'));
    expect(
      screen.getByText('A web address, for example www.example.com'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Name the vendor of this web address'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('radiogroup', { name: KIND_OF_INFORMATION }),
    ).not.toBeInTheDocument();

    await user.clear(field(/^Its web address/));
    await paste(user, field(/^Its web address/), 'www.docusign.com');
    await user.type(field(/^A vendor you have in mind/), 'DocuSign');
    await user.click(button('Next'));
    expect(
      screen.getByRole('radiogroup', { name: KIND_OF_INFORMATION }),
    ).toBeInTheDocument();
  });

  it('sends problems on a later step back to that step when saving', async () => {
    const bodies = serveCreate();
    const user = userEvent.setup();
    await renderForm();
    await fillTheNeed(user);
    await user.click(button('Add details'));
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

  it('asks the security questions only when a vendor is named or the information is more than internal', async () => {
    const user = userEvent.setup();
    await renderForm();
    await fillTheNeed(user);
    await user.click(button('Add details'));
    await user.click(button('Next'));

    expect(
      screen.queryByRole('radiogroup', { name: 'Who will run it?' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText(/^No more questions/)).toBeInTheDocument();

    await answer(
      user,
      KIND_OF_INFORMATION,
      'Confidential — clients, contracts, salaries, finances',
    );
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

    // Internal information, but a vendor would hold it: asked too.
    await answer(
      user,
      KIND_OF_INFORMATION,
      'Internal — for employees only (plans, internal documents)',
    );
    expect(
      screen.queryByRole('radiogroup', { name: 'Who will run it?' }),
    ).not.toBeInTheDocument();
    await user.click(button('Back'));
    await user.type(field(/^A vendor you have in mind/), 'Calendly');
    await user.click(button('Next'));
    expect(
      screen.getByRole('radiogroup', { name: 'Who will run it?' }),
    ).toBeInTheDocument();
  });

  it('keeps what was typed when the page is left, brings it back, and starts over when asked', async () => {
    const user = userEvent.setup();
    const storage = mockApis.storage();
    const first = await renderForm(undefined, storage);
    // Nothing typed, nothing to lose: the browser is not asked to warn.
    expect(
      fireEvent(window, new Event('beforeunload', { cancelable: true })),
    ).toBe(true);
    await fillTheNeed(user);
    await paste(user, field(HOW_MANY), '10k');
    // Unsent changes: leaving the page asks first.
    expect(
      fireEvent(window, new Event('beforeunload', { cancelable: true })),
    ).toBe(false);
    first.unmount();

    await renderForm(undefined, storage);
    expect(
      screen.getByText(/^This is what you typed .*; it was not sent yet\.$/),
    ).toBeInTheDocument();
    expect(field(/^Title/)).toHaveValue('Online contract signing');
    expect(field(HOW_MANY)).toHaveValue('10k');

    await user.click(button('Start over'));
    expect(field(/^Title/)).toHaveValue('');
    expect(
      screen.queryByText(/^This is what you typed/),
    ).not.toBeInTheDocument();
  });
});
