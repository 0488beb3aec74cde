import { apiTestContext, NEED } from '../__testUtils__/apiTestContext';
import { as, PEOPLE } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the workflow through the API on %p',
  databaseId => {
    const { api, create, transition, patch, history, assess, inReview } =
      apiTestContext(databases, databaseId);

    describe('the workflow', () => {
      it('takes a request from draft to completed, recording each step', async () => {
        const { body } = await create(PEOPLE.jane);
        const steps: [string, object, string][] = [
          [PEOPLE.jane, { action: 'submit' }, 'submitted'],
          [PEOPLE.priya, { action: 'start-review' }, 'in-review'],
          ['confirm', {}, 'in-review'],
          [
            PEOPLE.lena,
            {
              action: 'approve',
              rationale: 'Sales already runs an e-signature gateway.',
              decision: {
                path: 'reuse',
                targetEntityRef: 'component:esign-gateway',
              },
            },
            'approved',
          ],
          [PEOPLE.priya, { action: 'start-delivery' }, 'in-delivery'],
          [
            PEOPLE.lena,
            { action: 'complete', rationale: 'Live for Legal.' },
            'completed',
          ],
        ];
        for (const [user, step, status] of steps) {
          // A reuse approval names a candidate reviewers confirmed.
          const res =
            user === 'confirm'
              ? await assess(PEOPLE.priya, body.id, {
                  entityRef: 'component:default/esign-gateway',
                  state: 'confirmed',
                })
              : await transition(user, body.id, step);
          expect(res.status).toBe(200);
          expect(res.body.status).toBe(status);
        }
        const read = await api()
          .get(`/api/tech-requests/requests/${body.id}`)
          .set('Authorization', as(PEOPLE.jane));
        expect(read.body.decision).toMatchObject({
          outcome: 'approved',
          path: 'reuse',
          targetEntityRef: 'component:default/esign-gateway',
          rationale: 'Sales already runs an e-signature gateway.',
          decidedBy: PEOPLE.lena,
        });
        expect(read.body.version).toBe(7);
        const entries = await history(body.id);
        expect(entries.map(e => [e.action, e.actor])).toEqual([
          ['create', PEOPLE.jane],
          ['submit', PEOPLE.jane],
          ['start-review', PEOPLE.priya],
          ['assess-reuse', PEOPLE.priya],
          ['approve', PEOPLE.lena],
          ['start-delivery', PEOPLE.priya],
          ['complete', PEOPLE.lena],
        ]);
        expect(entries[4].note).toBe(
          'Sales already runs an e-signature gateway.',
        );
        expect(entries[4].changes.status).toEqual({
          before: 'in-review',
          after: 'approved',
        });
      });

      it('answers 409 naming the actions allowed now to an action the status forbids', async () => {
        const { body } = await create(PEOPLE.jane, { ...NEED, submit: true });
        const res = await transition(PEOPLE.lena, body.id, {
          action: 'approve',
          rationale: 'Fine',
          decision: { path: 'build' },
        });
        expect(res.status).toBe(409);
        expect(res.body.error.message).toBe(
          "'approve' is not possible while the request is submitted. Allowed now: start-review, review, assess-reuse, adjust-costs, correct-answers, reject, defer, comment",
        );
      });

      it('answers 403 to a person who may not act', async () => {
        const id = await inReview();
        const own = await transition(PEOPLE.jane, id, {
          action: 'approve',
          rationale: 'I like it',
          decision: { path: 'build' },
        });
        expect(own.status).toBe(403);
        const reviewer = await transition(PEOPLE.priya, id, {
          action: 'approve',
          rationale: 'ok',
          decision: { path: 'build' },
        });
        expect(reviewer.status).toBe(403);
        expect(reviewer.body.error.message).toContain(
          'only a decider may do this',
        );
        const withdraw = await transition(PEOPLE.john, id, {
          action: 'withdraw',
        });
        expect(withdraw.status).toBe(403);
        expect(withdraw.body.error.message).toContain(
          'only the requester may do this',
        );
      });

      it.each([
        [{ action: 'approve', decision: { path: 'build' } }, 'rationale'],
        [
          { action: 'approve', rationale: '  ', decision: { path: 'build' } },
          'rationale',
        ],
        [{ action: 'approve', rationale: 'ok' }, 'decision.path'],
        [
          { action: 'approve', rationale: 'ok', decision: { path: 'reuse' } },
          'decision.targetEntityRef',
        ],
        [
          { action: 'approve', rationale: 'ok', decision: { path: 'buy' } },
          'decision.vendor',
        ],
        [
          {
            action: 'approve',
            rationale: 'ok',
            decision: { path: 'reuse', targetEntityRef: 'esign' },
          },
          'decision.targetEntityRef must be an entity ref',
        ],
        [{ action: 'reject' }, 'rationale'],
        [
          { action: 'defer', rationale: 'later', decision: { path: 'build' } },
          'decision is only taken by approve',
        ],
        [
          { action: 'promote' },
          'action must be equal to one of the allowed values',
        ],
        [{}, "must have required property 'action'"],
        [{ action: 'approve', rationale: 7 }, 'rationale must be string'],
      ])(
        'refuses %j with a 400 naming %s, changing nothing',
        async (body, field) => {
          const id = await inReview();
          const res = await transition(PEOPLE.lena, id, body);
          expect(res.status).toBe(400);
          expect(res.body.error.message).toContain(field);
          const read = await api()
            .get(`/api/tech-requests/requests/${id}`)
            .set('Authorization', as(PEOPLE.lena));
          expect(read.body.status).toBe('in-review');
        },
      );

      it('approves buy and build with what each needs', async () => {
        const buy = await transition(PEOPLE.lena, await inReview(), {
          action: 'approve',
          rationale: 'Nothing in house does this.',
          decision: { path: 'buy', vendor: 'DocuSign' },
        });
        expect(buy.status).toBe(200);
        expect(buy.body.decision).toMatchObject({
          path: 'buy',
          vendor: 'DocuSign',
        });
        const build = await transition(PEOPLE.lena, await inReview(), {
          action: 'approve',
          rationale: 'Core to our business.',
          decision: { path: 'build' },
        });
        expect(build.body.decision).toMatchObject({
          outcome: 'approved',
          path: 'build',
        });
      });

      it('rejects and defers with a rationale; a deferred request can be edited and resubmitted', async () => {
        const rejected = await transition(PEOPLE.lena, await inReview(), {
          action: 'reject',
          rationale: 'Out of scope.',
        });
        expect(rejected.body).toMatchObject({
          status: 'rejected',
          decision: { outcome: 'rejected', rationale: 'Out of scope.' },
        });
        const id = await inReview();
        const deferred = await transition(PEOPLE.lena, id, {
          action: 'defer',
          rationale: 'Next budget year.',
        });
        expect(deferred.body.status).toBe('deferred');
        const edited = await patch(PEOPLE.jane, id, {
          version: deferred.body.version,
          wantedBy: '2028-01-31',
        });
        expect(edited.status).toBe(200);
        const resubmitted = await transition(PEOPLE.jane, id, {
          action: 'submit',
        });
        expect(resubmitted.body.status).toBe('submitted');
      });

      it('lets the requester withdraw while open, and not after a decision', async () => {
        const { body } = await create(PEOPLE.jane, { ...NEED, submit: true });
        const withdrawn = await transition(PEOPLE.jane, body.id, {
          action: 'withdraw',
        });
        expect(withdrawn.body.status).toBe('withdrawn');
        const id = await inReview();
        await transition(PEOPLE.lena, id, {
          action: 'reject',
          rationale: 'No.',
        });
        const late = await transition(PEOPLE.jane, id, { action: 'withdraw' });
        expect(late.status).toBe(409);
        expect(late.body.error.message).toContain('Allowed now: comment');
      });

      it('answers 409 to a transition on a stale version', async () => {
        const id = await inReview();
        const res = await transition(PEOPLE.lena, id, {
          action: 'reject',
          rationale: 'No',
          version: 1,
        });
        expect(res.status).toBe(409);
        expect(res.body.error.currentVersion).toBe(3);
      });

      it('lets exactly one of two simultaneous decisions land', async () => {
        const id = await inReview();
        const results = await Promise.all([
          transition(PEOPLE.lena, id, {
            action: 'approve',
            rationale: 'Yes',
            decision: { path: 'build' },
          }),
          transition(PEOPLE.lena, id, { action: 'reject', rationale: 'No' }),
        ]);
        expect(results.map(r => r.status).sort()).toEqual([200, 409]);
        const decisions = (await history(id)).filter(e =>
          ['approve', 'reject'].includes(e.action),
        );
        expect(decisions).toHaveLength(1);
        const read = await api()
          .get(`/api/tech-requests/requests/${id}`)
          .set('Authorization', as(PEOPLE.jane));
        expect(read.body.status).toBe(
          results.find(r => r.status === 200)!.body.status,
        );
      });
    });

    describe('reviews and comments', () => {
      it('takes reviews from reviewers and lists them', async () => {
        const id = await inReview();
        const res = await api()
          .post(`/api/tech-requests/requests/${id}/reviews`)
          .set('Authorization', as(PEOPLE.priya))
          .send({
            area: 'architecture',
            verdict: 'concerns',
            comment: 'Use the gateway.',
          });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          requestId: id,
          reviewer: PEOPLE.priya,
          area: 'architecture',
          verdict: 'concerns',
        });
        const list = await api()
          .get(`/api/tech-requests/requests/${id}/reviews`)
          .set('Authorization', as(PEOPLE.jane));
        expect(list.body.items).toEqual([res.body]);
        const entry = (await history(id)).pop()!;
        expect(entry).toMatchObject({
          action: 'review',
          actor: PEOPLE.priya,
          note: 'Use the gateway.',
          changes: {
            'review.architecture': { before: null, after: 'concerns' },
          },
        });
      });

      it('refuses reviews from the requesting side, of drafts, and with bad fields', async () => {
        const id = await inReview();
        const post = (user: string, body: object, target = id) =>
          api()
            .post(`/api/tech-requests/requests/${target}/reviews`)
            .set('Authorization', as(user))
            .send(body);
        const review = {
          area: 'security',
          verdict: 'approve',
          comment: 'Fine.',
        };
        expect((await post(PEOPLE.tom, review)).status).toBe(403);
        expect((await post(PEOPLE.jane, review)).status).toBe(403);
        const draft = await create(PEOPLE.jane);
        expect((await post(PEOPLE.priya, review, draft.body.id)).status).toBe(
          409,
        );
        const badVerdict = await post(PEOPLE.priya, {
          ...review,
          verdict: 'maybe',
        });
        expect(badVerdict.status).toBe(400);
        expect(badVerdict.body.error.message).toContain('verdict');
        for (const comment of [' ', '\u200B\u2060']) {
          const blank = await post(PEOPLE.priya, { ...review, comment });
          expect(blank.status).toBe(400);
          expect(blank.body.error.message).toContain(
            'comment must not be blank',
          );
        }
      });

      it('takes comments from anyone signed in', async () => {
        const { body } = await create(PEOPLE.jane);
        const res = await api()
          .post(`/api/tech-requests/requests/${body.id}/comments`)
          .set('Authorization', as(PEOPLE.tom))
          .send({ body: 'Marketing needs this too!' });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          author: PEOPLE.tom,
          body: 'Marketing needs this too!',
        });
        const list = await api()
          .get(`/api/tech-requests/requests/${body.id}/comments`)
          .set('Authorization', as(PEOPLE.jane));
        expect(list.body.items.map((c: any) => c.body)).toEqual([
          'Marketing needs this too!',
        ]);
        const empty = await api()
          .post(`/api/tech-requests/requests/${body.id}/comments`)
          .set('Authorization', as(PEOPLE.tom))
          .send({ body: '' });
        expect(empty.status).toBe(400);
      });
    });
  },
);
