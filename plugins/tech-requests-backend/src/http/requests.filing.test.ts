import { mockCredentials } from '@backstage/backend-test-utils';
import { fullRequestDetails } from '@tech-requests/plugin-tech-requests-common/testUtils';
import { apiTestContext, NEED } from '../__testUtils__/apiTestContext';
import { as, PEOPLE } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'filing requests through the API on %p',
  databaseId => {
    const { api, create, patch, history } = apiTestContext(
      databases,
      databaseId,
    );

    describe('health', () => {
      it('answers without credentials', async () => {
        const res = await api().get('/api/tech-requests/health');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ status: 'ok' });
      });

      it('asks for credentials everywhere else', async () => {
        const res = await api()
          .get('/api/tech-requests/requests')
          .set('Authorization', mockCredentials.none.header());
        expect(res.status).toBe(401);
      });
    });

    describe('creating', () => {
      it('takes the old name of namedReuseCandidates for one version, and answers with both', async () => {
        const gateway = 'component:default/esign-gateway';
        const old = await create(PEOPLE.jane, {
          ...NEED,
          reuseCandidates: [gateway],
        });
        expect(old.status).toBe(201);
        expect(old.body.namedReuseCandidates).toEqual([gateway]);
        expect(old.body.reuseCandidates).toEqual([gateway]);

        const edited = await patch(PEOPLE.jane, old.body.id, {
          version: old.body.version,
          reuseCandidates: [],
        });
        expect(edited.body.namedReuseCandidates).toEqual([]);

        const both = await create(PEOPLE.jane, {
          ...NEED,
          namedReuseCandidates: [gateway],
          reuseCandidates: [gateway],
        });
        expect(both.status).toBe(400);
        expect(both.body.error).toMatchObject({
          name: 'InputError',
          fields: ['reuseCandidates'],
        });
      });

      it('files a draft as the signed-in user, with defaults', async () => {
        const res = await create(PEOPLE.jane);
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          ...NEED,
          requester: PEOPLE.jane,
          requestingGroup: 'group:default/legal',
          status: 'draft',
          version: 1,
          dataClassification: 'internal',
          handlesPersonalData: false,
          preferredPath: 'unsure',
          capabilities: [],
          integrations: [],
          vendorCandidates: [],
          allowedActions: ['edit', 'delete', 'submit', 'withdraw', 'comment'],
        });
        expect(res.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        const entries = await history(res.body.id);
        expect(entries.map(e => [e.action, e.actor])).toEqual([
          ['create', PEOPLE.jane],
        ]);
        expect(entries[0].changes.title).toEqual({
          before: null,
          after: NEED.title,
        });
      });

      it('submits at once when asked, recording both steps', async () => {
        const res = await create(PEOPLE.jane, { ...NEED, submit: true });
        expect(res.status).toBe(201);
        expect(res.body.status).toBe('submitted');
        expect(res.body.submittedAt).toBe(res.body.createdAt);
        const entries = await history(res.body.id);
        expect(entries.map(e => e.action)).toEqual(['create', 'submit']);
        expect(entries[1].changes.status).toEqual({
          before: 'draft',
          after: 'submitted',
        });
      });

      it('stores every field it is given, with entity refs in full form', async () => {
        const full = fullRequestDetails({
          requestingGroup: 'group:legal',
          integrations: ['system:crm', 'api:default/document-store'],
        });
        const res = await create(PEOPLE.jane, full);
        expect(res.status).toBe(201);
        const read = await api()
          .get(`/api/tech-requests/requests/${res.body.id}`)
          .set('Authorization', as(PEOPLE.jane));
        expect(read.body).toMatchObject({
          ...full,
          requestingGroup: 'group:default/legal',
          integrations: ['system:default/crm', 'api:default/document-store'],
        });
      });

      it('takes the requester from credentials, never from the body', async () => {
        const res = await create(PEOPLE.jane, {
          ...NEED,
          requester: PEOPLE.lena,
        });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('Unknown field: requester');
      });

      it.each([
        [{ need: 'x' }, "must have required property 'title'"],
        [{ ...NEED, title: 5 }, 'title must be string'],
        [
          { ...NEED, title: 'x'.repeat(201) },
          'title must NOT have more than 200 characters',
        ],
        [{ ...NEED, title: '   ' }, 'title must not be blank'],
        [{ ...NEED, title: '\u200B\u200B\uFEFF' }, 'title must not be blank'],
        [
          { ...NEED, title: 'invoice\u202Egpj.exe' },
          'title must not contain control characters or bidirectional overrides (found U+202E)',
        ],
        [
          { ...NEED, title: 'Two\r\nlines' },
          'title must not contain control characters',
        ],
        [{ ...NEED, expectedUsers: 'many' }, 'expectedUsers must be integer'],
        [
          { ...NEED, audience: 'everyone' },
          'audience must be equal to one of the allowed values',
        ],
        [{ ...NEED, expectedUsers: -1 }, 'expectedUsers must be >= 0'],
        [
          { ...NEED, dataClassification: 'secret' },
          'dataClassification must be equal to one of the allowed values',
        ],
        [
          { ...NEED, wantedBy: '2027-02-30' },
          'wantedBy must be a date in YYYY-MM-DD form',
        ],
        [
          { ...NEED, integrations: ['crm'] },
          'integrations[0] must be an entity ref',
        ],
        [
          { ...NEED, requestingGroup: 'user:default/jane.doe' },
          'requestingGroup must be a group entity ref',
        ],
        [
          { ...NEED, budgetRange: { min: 10, max: 5, currency: 'EUR' } },
          'budgetRange.min must not be greater',
        ],
        [
          { ...NEED, budgetRange: { max: 5, currency: 'euros' } },
          'currency must match pattern',
        ],
        [
          {
            ...NEED,
            vendorCandidates: [
              { name: 'X', url: ['javascript', 'alert(1)'].join(':') },
            ],
          },
          'url must match pattern',
        ],
        [
          { ...NEED, vendorCandidates: [{ name: 'X', price: 3 }] },
          'Unknown field: vendorCandidates[0].price',
        ],
        [
          { ...NEED, handlesPersonalData: 'yes' },
          'handlesPersonalData must be boolean',
        ],
        [
          { ...NEED, capabilities: 'e-signature' },
          'capabilities must be array',
        ],
      ])(
        'refuses %j with a 400 that names the field',
        async (body, message) => {
          const res = await create(PEOPLE.jane, body);
          expect(res.status).toBe(400);
          expect(res.body.error.name).toBe('InputError');
          expect(res.body.error.message).toContain(message);
        },
      );

      it('refuses malformed JSON with a 400', async () => {
        const res = await api()
          .post('/api/tech-requests/requests')
          .set('Authorization', as(PEOPLE.jane))
          .set('Content-Type', 'application/json')
          .send('{"title": ');
        expect(res.status).toBe(400);
      });

      it('refuses a body over 100 kB with a 413, and reads one just under it', async () => {
        const tooLarge = await create(PEOPLE.jane, {
          ...NEED,
          need: 'n'.repeat(110_000),
        });
        expect(tooLarge.status).toBe(413);
        expect(tooLarge.body.error).toEqual({
          name: 'PayloadTooLargeError',
          message: 'The body is larger than 100kb',
        });
        // Still read and refused by its field: a 20,000-character need is the limit.
        const long = await create(PEOPLE.jane, {
          ...NEED,
          need: 'n'.repeat(90_000),
        });
        expect(long.status).toBe(400);
        expect(long.body.error.message).toContain('need');
      });

      it('asks which group when the user belongs to several', async () => {
        const res = await create(PEOPLE.multi);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('requestingGroup is required');
        const chosen = await create(PEOPLE.multi, {
          ...NEED,
          requestingGroup: 'group:default/sales',
        });
        expect(chosen.status).toBe(201);
        expect(chosen.body.requestingGroup).toBe('group:default/sales');
      });

      it('refuses to file for a group the user does not belong to, and writes nothing', async () => {
        const before = await api()
          .get('/api/tech-requests/requests')
          .set('Authorization', as(PEOPLE.tom));
        const res = await create(PEOPLE.tom, {
          ...NEED,
          requestingGroup: 'group:default/legal',
        });
        expect(res.status).toBe(403);
        const after = await api()
          .get('/api/tech-requests/requests')
          .set('Authorization', as(PEOPLE.tom));
        expect(after.body.totalCount).toBe(before.body.totalCount);
      });
    });
  },
);
