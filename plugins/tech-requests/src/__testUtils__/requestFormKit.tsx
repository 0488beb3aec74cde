import { Entity } from '@backstage/catalog-model';
import { StorageApi } from '@backstage/core-plugin-api';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { rest } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes, useParams } from 'react-router-dom';
import { aRequestView, BASE_URL } from './fixtures';
import { renderInLegacyApp } from './render';
import { paste, User } from './user';
import { NewRequestPage } from '../components/RequestForm/NewRequestPage';

/** Unless a test says otherwise, nothing in the catalog fits the need being typed. */
export const server = setupServer(
  rest.post(`${BASE_URL}/reuse/suggestions`, (_req, res, ctx) =>
    res(
      ctx.json({
        items: [],
        similarRequests: [],
        indexedEntities: 3,
        indexedAt: new Date().toISOString(),
      }),
    ),
  ),
);
registerMswTestHooks(server);

export const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'crm', namespace: 'default', title: 'CRM' },
    spec: { owner: 'group:default/sales' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'esign-gateway',
      namespace: 'default',
      title: 'E-sign gateway',
    },
    spec: {
      type: 'service',
      owner: 'group:default/it',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'microsoft-365',
      namespace: 'default',
      title: 'Microsoft 365',
      description:
        'Mail and calendars in Outlook, Teams meetings, files in OneDrive',
    },
    spec: { type: 'saas', owner: 'group:default/it' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'legal', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

/** Where the form sends the person once the request is stored. */
export function RequestLanding() {
  const { id } = useParams();
  return <p>Landed on request {id}</p>;
}

/**
 * The form at `/tech-requests/new`, or at `entry` (with a query, for example); `storageApi`
 * holds what an earlier visit kept.
 */
export function renderForm(
  entry = '/tech-requests/new',
  storageApi?: StorageApi,
) {
  return renderInLegacyApp(
    <Routes>
      <Route path="/tech-requests/new" element={<NewRequestPage />} />
      <Route path="/tech-requests/:id" element={<RequestLanding />} />
    </Routes>,
    { routeEntries: [entry], entities, storageApi },
  );
}

/** Stores a created request as 17 and records the bodies sent. */
export function serveCreate() {
  const bodies: unknown[] = [];
  server.use(
    rest.post(`${BASE_URL}/requests`, async (req, res, ctx) => {
      bodies.push(await req.json());
      return res(
        ctx.status(201),
        ctx.json(aRequestView({ id: 17, status: 'draft' })),
      );
    }),
  );
  return bodies;
}

export const field = (name: RegExp | string) =>
  screen.getByRole('textbox', { name });
export const button = (name: string) => screen.getByRole('button', { name });

/** Picks an answer of one of the plain-language questions; several offer "Don't know". */
export async function answer(user: User, question: string, choice: string) {
  await user.click(
    within(screen.getByRole('radiogroup', { name: question })).getByRole(
      'radio',
      { name: choice },
    ),
  );
}

export async function fillTheNeed(user: User) {
  await paste(user, field(/^Title/), 'Online contract signing');
  await paste(
    user,
    field(/^What do you need, and why\?/),
    'Legal prints and scans 40 contracts a month.',
  );
}
