import { apiTestContext, NEED } from '../__testUtils__/apiTestContext';
import { as, PEOPLE } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'reuse through the API on %p',
  databaseId => {
    const { api, create, transition, history, assess, suggest, inReview } =
      apiTestContext(databases, databaseId);

    describe('reuse', () => {
      const SIGNING = { text: 'We want customers to sign contracts online' };

      it('suggests what already serves a need, with reasons', async () => {
        const res = await suggest(SIGNING);
        expect(res.status).toBe(200);
        expect(res.body.indexedEntities).toBe(4);
        expect(new Date(res.body.indexedAt).getTime()).not.toBeNaN();
        const refs = res.body.items.map((item: any) => item.entityRef);
        expect(refs[0]).toBe('component:default/esign-gateway');
        expect(refs).not.toContain('component:default/kafka-orders');
        expect(res.body.items[0]).toMatchObject({
          kind: 'Component',
          title: 'E-signature gateway',
          owner: 'group:default/platform',
          lifecycle: 'production',
        });
        expect(res.body.items[0].score).toBeGreaterThanOrEqual(0.3);
        expect(res.body.items[0].score).toBeLessThanOrEqual(1);
        expect(res.body.items[0].reasons.join(' ')).toContain('E-signature');
      });

      it('puts deprecated entities last, with a warning, whatever their score', async () => {
        const res = await suggest({
          text: 'Contract signatures with Adobe Sign or DocuSign',
        });
        const items = res.body.items;
        expect(items.map((item: any) => item.entityRef)).toEqual([
          'component:default/esign-gateway',
          'component:default/legacy-sign',
        ]);
        expect(items[1].reasons.join(' ')).toContain('Warning: deprecated');
      });

      it('says plainly when nothing fits, and honours the limit', async () => {
        const none = await suggest({
          text: 'Plan drone flights over the warehouse roofs',
        });
        expect(none.status).toBe(200);
        expect(none.body.items).toEqual([]);
        const one = await suggest({ ...SIGNING, limit: 1 });
        expect(one.body.items).toHaveLength(1);
      });

      it.each([
        [{}, "must have required property 'text'"],
        [{ text: '' }, 'text must NOT have fewer than 1 characters'],
        [{ text: '  \n\t ' }, 'text must not be blank'],
        [{ text: 'x'.repeat(20001) }, 'text must NOT have more than 20000'],
        [{ text: 'sign', limit: 0 }, 'limit must be >= 1'],
        [{ text: 'sign', limit: 10000 }, 'limit must be <= 50'],
        [{ text: 'sign', limit: 'ten' }, 'limit must be integer'],
        [
          { text: 'sign', capabilities: 'e-signature' },
          'capabilities must be array',
        ],
        [{ text: 7 }, 'text must be string'],
        [{ text: 'sign', threshold: 0.1 }, 'Unknown field: threshold'],
      ])('refuses %j with a 400 naming %s', async (body, message) => {
        const res = await suggest(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
      });

      it.each([
        ['emoji only', '🚀🚀🚀'],
        ['another script', '電子署名で契約を結びたい'],
        ['SQL-shaped text', "'; DROP TABLE tech_requests; --"],
        ['20 000 characters', 'sign contracts online '.repeat(900)],
      ])('answers %s sensibly', async (_name, text) => {
        const res = await suggest({ text });
        expect(res.status).toBe(200);
        expect(Array.isArray(res.body.items)).toBe(true);
      });

      it('keeps a snapshot at submission, which reviewers confirm, dismiss and add to', async () => {
        await suggest(SIGNING);
        const { body } = await create(PEOPLE.jane, {
          title: 'Sign contracts online',
          need: SIGNING.text,
          namedReuseCandidates: ['component:video-meetings'],
          submit: true,
        });
        expect(body.reuseSuggestions).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              entityRef: 'component:default/esign-gateway',
              origin: 'engine',
              state: 'suggested',
            }),
            expect.objectContaining({
              entityRef: 'component:default/video-meetings',
              origin: 'requester',
              state: 'suggested',
            }),
          ]),
        );
        expect(
          body.reuseSuggestions.find(
            (c: any) => c.entityRef === 'component:default/esign-gateway',
          ).reasons.length,
        ).toBeGreaterThan(0);

        const confirmed = await assess(PEOPLE.priya, body.id, {
          entityRef: 'component:default/esign-gateway',
          state: 'confirmed',
          note: 'Sales signs with it already',
        });
        expect(confirmed.status).toBe(200);
        expect(
          confirmed.body.reuseSuggestions.find(
            (c: any) => c.entityRef === 'component:default/esign-gateway',
          ),
        ).toMatchObject({
          state: 'confirmed',
          assessedBy: PEOPLE.priya,
          note: 'Sales signs with it already',
        });
        const dismissed = await assess(PEOPLE.priya, body.id, {
          entityRef: 'component:video-meetings',
          state: 'dismissed',
        });
        expect(
          dismissed.body.reuseSuggestions.find(
            (c: any) => c.entityRef === 'component:default/video-meetings',
          ).state,
        ).toBe('dismissed');
        const added = await assess(PEOPLE.priya, body.id, {
          entityRef: 'component:default/kafka-orders',
          state: 'confirmed',
        });
        expect(
          added.body.reuseSuggestions.find(
            (c: any) => c.entityRef === 'component:default/kafka-orders',
          ),
        ).toMatchObject({
          origin: 'reviewer',
          kind: 'Component',
          title: 'Order events',
        });
        const entries = await history(body.id);
        expect(entries.filter(e => e.action === 'assess-reuse')).toHaveLength(
          3,
        );
        expect(entries[entries.length - 1].changes).toEqual({
          'reuseCandidate component:default/kafka-orders': {
            before: null,
            after: 'confirmed',
          },
        });
      });

      it('refuses assessments from the requesting side, on stale versions, and of unknown entities', async () => {
        const { body } = await create(PEOPLE.jane, { ...NEED, submit: true });
        const own = await assess(PEOPLE.jane, body.id, {
          entityRef: 'component:default/esign-gateway',
          state: 'confirmed',
        });
        expect(own.status).toBe(403);
        const stale = await api()
          .post(`/api/tech-requests/requests/${body.id}/reuse-candidates`)
          .set('Authorization', as(PEOPLE.priya))
          .send({
            version: body.version - 1,
            entityRef: 'component:default/esign-gateway',
            state: 'confirmed',
          });
        expect(stale.status).toBe(409);
        const unknown = await assess(PEOPLE.priya, body.id, {
          entityRef: 'component:default/no-such-thing',
          state: 'confirmed',
        });
        expect(unknown.status).toBe(400);
        expect(unknown.body.error.message).toContain('entityRef');
        const badState = await assess(PEOPLE.priya, body.id, {
          entityRef: 'component:default/esign-gateway',
          state: 'maybe',
        });
        expect(badState.status).toBe(400);
        expect(badState.body.error.message).toContain('state');
        const read = await api()
          .get(`/api/tech-requests/requests/${body.id}`)
          .set('Authorization', as(PEOPLE.jane));
        expect(read.body.version).toBe(body.version);
      });

      it('approves reuse only of a confirmed candidate', async () => {
        const id = await inReview();
        const unconfirmed = await transition(PEOPLE.lena, id, {
          action: 'approve',
          rationale: 'Reuse it',
          decision: {
            path: 'reuse',
            targetEntityRef: 'component:default/kafka-orders',
          },
        });
        expect(unconfirmed.status).toBe(400);
        expect(unconfirmed.body.error.message).toContain(
          'decision.targetEntityRef must be a confirmed reuse candidate',
        );
        await assess(PEOPLE.priya, id, {
          entityRef: 'component:default/kafka-orders',
          state: 'confirmed',
        });
        const approved = await transition(PEOPLE.lena, id, {
          action: 'approve',
          rationale: 'Reuse it',
          decision: {
            path: 'reuse',
            targetEntityRef: 'component:default/kafka-orders',
          },
        });
        expect(approved.status).toBe(200);
      });

      it('shows earlier requests that asked for the same', async () => {
        const { body } = await create(PEOPLE.tom, {
          title: 'Customers should sign quotes online',
          need: 'Marketing wants customers to sign quotes and contracts online.',
          submit: true,
        });
        const res = await suggest(SIGNING);
        expect(res.body.similarRequests).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              id: body.id,
              status: 'submitted',
              requestingGroup: 'group:default/marketing',
            }),
          ]),
        );
      });
    });
  },
);
