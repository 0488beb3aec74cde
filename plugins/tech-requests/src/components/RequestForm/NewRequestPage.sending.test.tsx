import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rest } from 'msw';
import { Route, Routes } from 'react-router-dom';
import {
  aGatewaySuggestion,
  aRequestView,
  BASE_URL,
  errorBody,
} from '../../__testUtils__/fixtures';
import { renderInLegacyApp } from '../../__testUtils__/render';
import { paste } from '../../__testUtils__/user';
import { EditRequestPage } from './NewRequestPage';
import { DEFAULT_REQUEST_DETAILS } from '@tech-requests/plugin-tech-requests-common';
import { CHECKED_SECURITY_ANSWERS } from '@tech-requests/plugin-tech-requests-common/testUtils';
import {
  server,
  entities,
  RequestLanding,
  renderForm,
  serveCreate,
  field,
  button,
  answer,
  fillTheNeed,
} from '../../__testUtils__/requestFormKit';

describe('NewRequestPage', () => {
  it('saves a draft with what was typed and opens it', async () => {
    const bodies = serveCreate();
    const user = userEvent.setup();
    await renderForm();
    await fillTheNeed(user);

    await user.click(button('Save as draft'));

    expect(await screen.findByText('Landed on request 17')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        title: 'Online contract signing',
        need: 'Legal prints and scans 40 contracts a month.',
        // Nothing else was answered: the request's defaults are sent.
        ...DEFAULT_REQUEST_DETAILS,
        submit: false,
      },
    ]);
  });

  it('files a request from the first step alone, reading the number of people as typed', async () => {
    const bodies = serveCreate();
    const user = userEvent.setup();
    await renderForm();

    await fillTheNeed(user);
    await answer(user, 'Who will use it?', 'Our customers');
    await paste(user, field(/^Roughly how many people\?/), '10,000');
    await user.type(screen.getByLabelText('Needed by'), '2031-03-01');
    await user.click(button('Submit request'));

    expect(await screen.findByText('Landed on request 17')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        title: 'Online contract signing',
        need: 'Legal prints and scans 40 contracts a month.',
        ...DEFAULT_REQUEST_DETAILS,
        audience: 'customers',
        expectedUsers: 10_000,
        wantedBy: '2031-03-01',
        submit: true,
      },
    ]);
  });

  it('submits a request filled in on every step, with amounts and links as people type them', async () => {
    const bodies = serveCreate();
    const user = userEvent.setup();
    await renderForm();

    await fillTheNeed(user);
    await answer(user, 'Who will use it?', 'Our staff');
    await paste(user, field(/^Roughly how many people\?/), '40');
    await user.type(screen.getByLabelText('Needed by'), '2031-03-01');
    await user.click(button('Add details'));

    await paste(
      user,
      field('What should it be able to do?'),
      'e-signature, reminders ,, audit trail',
    );
    await user.click(screen.getByRole('radio', { name: 'Buy a product' }));
    await paste(user, field('Budget (at most, per year)'), '£20k');
    await paste(user, field('Business sponsor'), '  Head of Legal ');
    await user.click(field('Systems it must work with'));
    const crm = await screen.findByRole('option', { name: 'CRM (System)' });
    // Systems, APIs, components and resources are offered: not the group.
    expect(screen.getAllByRole('option').map(o => o.textContent)).toEqual([
      'CRM (System)',
      'E-sign gateway (Component)',
      'Microsoft 365 (Resource)',
    ]);
    await user.click(crm);
    // Found by what it offers, not only by its name.
    await user.type(field('Systems it must work with'), 'Outlook');
    await user.click(
      await screen.findByRole('option', { name: 'Microsoft 365 (Resource)' }),
    );
    await user.click(
      field('Something the company already has that might do it'),
    );
    await user.click(
      await screen.findByRole('option', { name: 'E-sign gateway (Component)' }),
    );
    await user.type(field(/^A vendor you have in mind/), 'DocuSign');
    await paste(user, field(/^Its web address/), 'www.docusign.com');
    expect(
      screen.getByRole('button', { name: 'CRM (System)' }),
    ).toBeInTheDocument();
    await user.click(button('Next'));

    await user.click(screen.getByRole('radio', { name: /^Confidential/ }));
    await user.click(
      within(
        screen.getByRole('radiogroup', {
          name: 'Will it hold information about people?',
        }),
      ).getByRole('radio', { name: 'Yes' }),
    );
    await answer(user, 'Who will run it?', 'By the vendor (SaaS)');
    await answer(
      user,
      'How will people sign in?',
      'With their company account',
    );
    await answer(user, 'Where will the data be stored?', 'In the EU');
    await user.click(screen.getByRole('checkbox', { name: 'SOC 2' }));
    await user.click(screen.getByRole('checkbox', { name: 'ISO 27001' }));
    await user.click(button('Next'));

    // The review step sums up, in words, before anything is sent.
    expect(
      screen.getByRole('heading', { name: 'Online contract signing' }),
    ).toBeInTheDocument();
    for (const line of [
      'Used by: Our staff, about 40 people',
      'Needed by 2031-03-01',
      'Budget: at most 20,000 GBP a year',
      'Information: Confidential, including information about people',
      'Works with: crm, microsoft-365',
      'Vendor in mind: DocuSign',
      'Who runs it: by the vendor (SaaS) · sign-in: with their company account · data stored: in the EU · vendor certifications: SOC 2, ISO 27001',
    ]) {
      expect(screen.getByText(line)).toBeInTheDocument();
    }
    expect(bodies).toHaveLength(0);
    await user.click(button('Submit request'));

    expect(await screen.findByText('Landed on request 17')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        title: 'Online contract signing',
        need: 'Legal prints and scans 40 contracts a month.',
        capabilities: ['e-signature', 'reminders', 'audit trail'],
        preferredPath: 'buy',
        audience: 'staff',
        expectedUsers: 40,
        wantedBy: '2031-03-01',
        budgetRange: { max: 20000, currency: 'GBP' },
        businessSponsor: 'Head of Legal',
        dataClassification: 'confidential',
        ...CHECKED_SECURITY_ANSWERS,
        integrations: ['system:default/crm', 'resource:default/microsoft-365'],
        namedReuseCandidates: ['component:default/esign-gateway'],
        vendorCandidates: [
          { name: 'DocuSign', url: 'https://www.docusign.com' },
        ],
        submit: true,
      },
    ]);
  });

  it('starts a request for an offering from "I want this", as a request to reuse it', async () => {
    const bodies = serveCreate();
    const user = userEvent.setup();
    await renderForm(
      '/tech-requests/new?offering=component%3Adefault%2Fesign-gateway',
    );

    expect(
      await screen.findByText(/You are asking to use E-sign gateway/),
    ).toBeInTheDocument();
    expect(field(/^Title/)).toHaveValue('Use E-sign gateway');
    await paste(user, field(/^What do you need, and why\?/), 'For 12 lawyers.');
    await user.click(button('Add details'));
    expect(
      screen.getByRole('radio', { name: 'Reuse what we have' }),
    ).toBeChecked();
    await user.click(button('Back'));
    await user.click(button('Submit request'));

    expect(await screen.findByText('Landed on request 17')).toBeInTheDocument();
    expect(bodies).toEqual([
      expect.objectContaining({
        title: 'Use E-sign gateway',
        need: 'We would like to use E-sign gateway. For 12 lawyers.',
        preferredPath: 'reuse',
        namedReuseCandidates: ['component:default/esign-gateway'],
        submit: true,
      }),
    ]);
  });

  it('offers what already exists while the need is typed, and names a suggestion as a reuse candidate', async () => {
    const bodies = serveCreate();
    const queries: unknown[] = [];
    server.use(
      rest.post(`${BASE_URL}/reuse/suggestions`, async (req, res, ctx) => {
        queries.push(await req.json());
        return res(
          ctx.json({
            items: [aGatewaySuggestion()],
            similarRequests: [],
            indexedEntities: 3,
            indexedAt: new Date().toISOString(),
          }),
        );
      }),
    );
    const user = userEvent.setup();
    await renderForm();
    await fillTheNeed(user);

    const card = await screen.findByRole(
      'article',
      { name: 'E-sign gateway' },
      { timeout: 3000 },
    );
    expect(queries[queries.length - 1]).toEqual({
      text: 'Online contract signing\nLegal prints and scans 40 contracts a month.',
      capabilities: [],
      limit: 5,
    });
    await user.click(
      within(card).getByRole('button', { name: 'Suggest this for reuse' }),
    );
    expect(within(card).getByRole('button', { name: 'Added' })).toBeDisabled();

    // The step that names existing systems shows it too.
    await user.click(button('Add details'));
    expect(
      await screen.findByRole('button', { name: 'E-sign gateway (Component)' }),
    ).toBeInTheDocument();

    await user.click(button('Save as draft'));

    expect(await screen.findByText('Landed on request 17')).toBeInTheDocument();
    expect(bodies).toEqual([
      expect.objectContaining({
        namedReuseCandidates: ['component:default/esign-gateway'],
      }),
    ]);
  });

  describe('when the backend refuses the request', () => {
    const refuse = () =>
      server.use(
        rest.post(`${BASE_URL}/requests`, (_req, res, ctx) =>
          res(
            ctx.status(400),
            ctx.json(
              errorBody(
                'InputError',
                'requestingGroup: you belong to several groups, name the one asking',
                400,
              ),
            ),
          ),
        ),
      );

    it('says the request was not saved and keeps everything typed', async () => {
      refuse();
      const user = userEvent.setup();
      await renderForm();
      await fillTheNeed(user);
      await user.type(field(/^Roughly how many people\?/), '40');
      await user.click(button('Add details'));
      await user.type(field(/^A vendor you have in mind/), 'DocuSign');
      await user.click(button('Next'));
      await user.click(button('Next'));

      await user.click(button('Submit request'));

      expect(await screen.findByRole('alert')).toHaveTextContent(
        /^The request was not saved: /,
      );
      expect(screen.queryByText(/Landed on request/)).not.toBeInTheDocument();
      // The person can try again…
      expect(button('Submit request')).toBeEnabled();
      expect(button('Save as draft')).toBeEnabled();
      // …with everything still there.
      await user.click(button('Back'));
      await user.click(button('Back'));
      expect(field(/^A vendor you have in mind/)).toHaveValue('DocuSign');
      await user.click(button('Back'));
      expect(field(/^Roughly how many people\?/)).toHaveValue('40');
      expect(field(/^Title/)).toHaveValue('Online contract signing');
      expect(field(/^What do you need, and why\?/)).toHaveValue(
        'Legal prints and scans 40 contracts a month.',
      );
    });

    it("shows the backend's explanation", async () => {
      refuse();
      const user = userEvent.setup();
      await renderForm();
      await fillTheNeed(user);

      await user.click(button('Save as draft'));

      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(
        'The request was not saved: requestingGroup: you belong to several groups, name the one asking',
      );
    });
  });
});

describe('EditRequestPage', () => {
  it('loads the answers to the security questions and sends them changed', async () => {
    const patches: unknown[] = [];
    server.use(
      rest.get(`${BASE_URL}/requests/42`, (_req, res, ctx) =>
        res(
          ctx.json(
            aRequestView({
              status: 'submitted',
              allowedActions: ['edit', 'withdraw', 'comment'],
              hosting: 'vendor-cloud',
              signIn: 'company-account',
              dataLocation: 'eu',
              // A code the form does not offer, accepted by the API earlier.
              vendorCertifications: ['iso27001', 'tisax'],
            }),
          ),
        ),
      ),
      rest.patch(`${BASE_URL}/requests/42`, async (req, res, ctx) => {
        patches.push(await req.json());
        return res(ctx.json(aRequestView({ version: 4 })));
      }),
    );
    const user = userEvent.setup();
    await renderInLegacyApp(
      <Routes>
        <Route path="/tech-requests/:id/edit" element={<EditRequestPage />} />
        <Route path="/tech-requests/:id" element={<RequestLanding />} />
      </Routes>,
      { routeEntries: ['/tech-requests/42/edit'], entities },
    );
    expect(
      await screen.findByRole('heading', {
        name: 'Edit: Online contract signing',
      }),
    ).toBeInTheDocument();
    // A request already with IT is changed, not submitted again.
    expect(
      screen.queryByRole('button', { name: 'Submit request' }),
    ).not.toBeInTheDocument();
    await user.click(button('Edit details'));
    await user.click(button('Next'));

    const checked = (question: string) =>
      within(screen.getByRole('radiogroup', { name: question }))
        .getAllByRole('radio')
        .filter(radio => (radio as HTMLInputElement).checked)
        .map(radio => radio.closest('label')?.textContent);
    expect(checked('Who will run it?')).toEqual(['By the vendor (SaaS)']);
    expect(checked('How will people sign in?')).toEqual([
      'With their company account',
    ]);
    expect(checked('Where will the data be stored?')).toEqual(['In the EU']);
    expect(screen.getByRole('checkbox', { name: 'ISO 27001' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'SOC 2' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'tisax' })).toBeChecked();

    await answer(user, 'Where will the data be stored?', 'In the US');
    await user.click(screen.getByRole('checkbox', { name: 'tisax' }));
    await user.click(screen.getByRole('checkbox', { name: 'BSI C5' }));
    await user.click(button('Save changes'));

    expect(await screen.findByText('Landed on request 42')).toBeInTheDocument();
    expect(patches).toEqual([
      expect.objectContaining({
        hosting: 'vendor-cloud',
        signIn: 'company-account',
        dataLocation: 'us',
        vendorCertifications: ['iso27001', 'bsi-c5'],
        version: 3,
      }),
    ]);
  });

  it('ends the edit of a draft by submitting it, from the version the edit answered', async () => {
    const patches: unknown[] = [];
    const transitions: unknown[] = [];
    server.use(
      rest.get(`${BASE_URL}/requests/42`, (_req, res, ctx) =>
        res(
          ctx.json(
            aRequestView({
              status: 'draft',
              allowedActions: ['edit', 'submit', 'delete', 'comment'],
            }),
          ),
        ),
      ),
      rest.patch(`${BASE_URL}/requests/42`, async (req, res, ctx) => {
        patches.push(await req.json());
        return res(ctx.json(aRequestView({ status: 'draft', version: 4 })));
      }),
      rest.post(
        `${BASE_URL}/requests/42/transitions`,
        async (req, res, ctx) => {
          transitions.push(await req.json());
          return res(
            ctx.json(aRequestView({ status: 'submitted', version: 5 })),
          );
        },
      ),
    );
    const user = userEvent.setup();
    await renderInLegacyApp(
      <Routes>
        <Route path="/tech-requests/:id/edit" element={<EditRequestPage />} />
        <Route path="/tech-requests/:id" element={<RequestLanding />} />
      </Routes>,
      { routeEntries: ['/tech-requests/42/edit'], entities },
    );
    await screen.findByRole('heading', {
      name: 'Edit: Online contract signing',
    });
    await user.click(button('Edit details'));
    await user.click(button('Next'));
    await user.click(button('Next'));
    expect(button('Save changes')).toBeEnabled();
    await user.click(button('Submit request'));

    expect(await screen.findByText('Landed on request 42')).toBeInTheDocument();
    expect(patches).toEqual([expect.objectContaining({ version: 3 })]);
    expect(transitions).toEqual([{ action: 'submit', version: 4 }]);
  });
});
