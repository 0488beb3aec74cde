import { HistoryEntry } from '@tech-requests/plugin-tech-requests-common';
import { as, PEOPLE, pluginBackendOn } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  "reviewers correcting the requester's security answers on %p",
  databaseId => {
    const backend = pluginBackendOn(databases, databaseId, {
      // The default risk policy: security from medium, privacy with personal data.
      techRequests: { risk: {} },
    });
    const api = backend.api;

    /** Filed by Jane with "don't know" for who runs it, sign-in and where the data lives. */
    const submitUnsure = async () => {
      const res = await api()
        .post('/api/tech-requests/requests')
        .set('Authorization', as(PEOPLE.jane))
        .send({
          title: 'Contract signing',
          need: 'Clients sign engagement letters online.',
          dataClassification: 'confidential',
          submit: true,
        });
      expect(res.status).toBe(201);
      return res.body;
    };
    const correct = (user: string, id: number, body: object) =>
      api()
        .put(`/api/tech-requests/requests/${id}/security-answers`)
        .set('Authorization', as(user))
        .send(body);
    const history = async (id: number): Promise<HistoryEntry[]> =>
      (
        await api()
          .get(`/api/tech-requests/requests/${id}/history`)
          .set('Authorization', as(PEOPLE.jane))
      ).body.items;
    const reviews = async (id: number) =>
      (
        await api()
          .get(`/api/tech-requests/requests/${id}/reviews`)
          .set('Authorization', as(PEOPLE.jane))
      ).body.items;

    it('recomputes the risk from corrected answers, keeps them in the history with the note, and makes the security review judged on the old ones stale', async () => {
      const filed = await submitUnsure();
      const unsure = filed.assessment.risk;
      expect(
        unsure.findings.map((finding: { message: string }) => finding.message),
      ).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Hosting unknown/)]),
      );
      const reviewed = await api()
        .post(`/api/tech-requests/requests/${filed.id}/reviews`)
        .set('Authorization', as(PEOPLE.lena))
        .send({ area: 'security', verdict: 'approve', comment: 'Fine' });
      expect(reviewed.status).toBe(201);

      const res = await correct(PEOPLE.priya, filed.id, {
        version: filed.version,
        answers: {
          hosting: 'vendor-cloud',
          signIn: 'company-account',
          dataLocation: 'eu',
          vendorCertifications: ['ISO27001'],
        },
        note: ' The vendor told us on the phone. ',
      });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        hosting: 'vendor-cloud',
        signIn: 'company-account',
        dataLocation: 'eu',
        vendorCertifications: ['iso27001'],
        version: filed.version + 1,
      });
      const corrected = res.body.assessment.risk;
      expect(corrected.points).toBeLessThan(unsure.points);
      expect(
        corrected.findings.map(
          (finding: { message: string }) => finding.message,
        ),
      ).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^Hosting unknown/)]),
      );
      expect(res.body.assessment.staleReviews).toEqual([
        expect.objectContaining({
          area: 'security',
          changed: expect.arrayContaining(['hosting', 'signIn']),
        }),
      ]);
      const [stale] = await reviews(filed.id);
      expect(stale.changedSince).toEqual(
        expect.arrayContaining([
          { answer: 'hosting', before: 'unknown', after: 'vendor-cloud' },
        ]),
      );
      expect((await history(filed.id)).pop()).toMatchObject({
        action: 'correct-answers',
        actor: PEOPLE.priya,
        changes: {
          hosting: { before: 'unknown', after: 'vendor-cloud' },
          signIn: { before: 'unknown', after: 'company-account' },
          dataLocation: { before: 'unknown', after: 'eu' },
          vendorCertifications: { before: [], after: ['iso27001'] },
        },
        note: 'The vendor told us on the phone.',
      });
    });

    it('changes nothing, and records nothing, when the answers are the ones stored', async () => {
      const filed = await submitUnsure();
      const res = await correct(PEOPLE.priya, filed.id, {
        version: filed.version,
        answers: { hosting: 'unknown', dataClassification: 'confidential' },
      });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(filed.version);
      expect((await history(filed.id)).map(entry => entry.action)).toEqual([
        'create',
        'submit',
      ]);
    });

    it('is for reviewers and deciders, never the requesting side, and answers 409 to a stale version', async () => {
      const filed = await submitUnsure();
      const body = {
        version: filed.version,
        answers: { hosting: 'on-premises' },
      };
      for (const user of [PEOPLE.jane, PEOPLE.john, PEOPLE.tom]) {
        const refused = await correct(user, filed.id, body);
        expect(refused.status).toBe(403);
      }
      expect((await correct(PEOPLE.lena, filed.id, body)).status).toBe(200);

      const stale = await correct(PEOPLE.priya, filed.id, {
        ...body,
        answers: { hosting: 'company-cloud' },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toContain(
        `has changed since version ${filed.version}`,
      );
      expect((await history(filed.id)).pop()?.changes).toEqual({
        hosting: { before: 'unknown', after: 'on-premises' },
      });
    });

    it.each([
      [{ answers: {} }, 'answers must NOT have fewer than 1 properties'],
      [
        { answers: { hosting: 'cloud' } },
        'answers/hosting must be equal to one of the allowed values',
      ],
      [{ answers: { title: 'New title' } }, 'Unknown field: answers.title'],
      [
        { answers: { vendorCertifications: [' '] } },
        'answers.vendorCertifications must not hold blank codes',
      ],
      [
        { answers: { hosting: 'on-premises' }, note: 'x'.repeat(5001) },
        'note must NOT have more than 5000 characters',
      ],
    ])(
      'refuses %j with a 400 naming the field, changing nothing',
      async (body, message) => {
        const filed = await submitUnsure();
        const res = await correct(PEOPLE.priya, filed.id, {
          version: filed.version,
          ...body,
        });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
        expect((await history(filed.id)).length).toBe(2);
      },
    );
  },
);
