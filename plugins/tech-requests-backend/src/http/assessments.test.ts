import { HistoryEntry } from '@tech-requests/plugin-tech-requests-common';
import { as, PEOPLE, pluginBackendOn } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'assessments through the API on %p',
  databaseId => {
    const backend = pluginBackendOn(databases, databaseId, {
      techRequests: {
        // The default risk policy: security from medium, privacy with personal data.
        risk: {},
        standards: {
          radar: {
            entries: [{ name: 'Adobe Sign', ring: 'hold' }],
          },
        },
        cost: { currency: 'EUR', horizonYears: 3, dayRate: 800 },
      },
    });

    const api = backend.api;
    const submit = async (body: object) => {
      const res = await api()
        .post('/api/tech-requests/requests')
        .set('Authorization', as(PEOPLE.jane))
        .send({
          title: 'Contract signing',
          need: 'Clients sign engagement letters online.',
          submit: true,
          ...body,
        });
      expect(res.status).toBe(201);
      return res.body;
    };
    const read = async (id: number, user: string = PEOPLE.jane) =>
      (
        await api()
          .get(`/api/tech-requests/requests/${id}`)
          .set('Authorization', as(user))
      ).body;
    const transition = (user: string, id: number, body: object) =>
      api()
        .post(`/api/tech-requests/requests/${id}/transitions`)
        .set('Authorization', as(user))
        .send(body);
    const review = (user: string, id: number, area: string) =>
      api()
        .post(`/api/tech-requests/requests/${id}/reviews`)
        .set('Authorization', as(user))
        .send({ area, verdict: 'approve', comment: `${area} is fine` });
    const costInputs = (user: string, id: number, body: object) =>
      api()
        .put(`/api/tech-requests/requests/${id}/cost-inputs`)
        .set('Authorization', as(user))
        .send(body);

    it('assesses a submitted request, and not a draft', async () => {
      const draft = await api()
        .post('/api/tech-requests/requests')
        .set('Authorization', as(PEOPLE.jane))
        .send({ title: 'Draft', need: 'Not yet.' });
      expect(draft.body.assessment).toBeUndefined();

      const submitted = await submit({
        dataClassification: 'restricted',
        handlesPersonalData: true,
        hosting: 'vendor-cloud',
        signIn: 'separate-accounts',
        dataLocation: 'us',
        vendorCertifications: ['SOC2'],
        integrations: [
          'component:default/kafka-orders',
          'system:default/nowhere',
        ],
        vendorCandidates: [
          {
            name: 'adobe sign',
            quotedCost: {
              amount: 25,
              currency: 'EUR',
              period: 'per-user-monthly',
            },
          },
        ],
        expectedUsers: 10,
      });
      expect(submitted.vendorCertifications).toEqual(['soc2']);
      const { fit, risk, cost, missingReviews, version } = submitted.assessment;
      expect(version).toBe(1);
      expect(risk.tier).toBe('critical');
      expect(risk.mandatoryReviews).toEqual(['security', 'privacy']);
      expect(missingReviews).toEqual(['security', 'privacy']);
      expect(fit.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            ruleId: 'vendor-on-hold',
            severity: 'blocker',
            evidence: ['techRequests.standards.radar.entries[0]'],
          }),
          expect.objectContaining({
            ruleId: 'integration-without-api',
            evidence: ['component:default/kafka-orders'],
          }),
          expect.objectContaining({
            ruleId: 'integration-not-in-catalog',
            evidence: ['system:default/nowhere'],
          }),
        ]),
      );
      expect(fit.score).toBeLessThan(100);
      const buy = cost.paths.find((path: any) => path.path === 'buy');
      // 10 integration days at 800, then 25 per user and month for 10 users, 3 years.
      expect(buy.perYear).toEqual([11000, 3000, 3000]);
      expect(buy.total).toBe(17000);
      expect(cost.currency).toBe('EUR');
    });

    it('holds a decision back until the mandatory reviews are in, naming them', async () => {
      const { id } = await submit({ handlesPersonalData: true });
      await transition(PEOPLE.priya, id, { action: 'start-review' });
      const approve = () =>
        transition(PEOPLE.lena, id, {
          action: 'approve',
          rationale: 'Fine',
          decision: { path: 'build' },
        });
      const first = await approve();
      expect(first.status).toBe(409);
      expect(first.body.error.message).toContain(
        'mandatory reviews missing: security, privacy',
      );
      const rejected = await transition(PEOPLE.lena, id, {
        action: 'reject',
        rationale: 'No',
      });
      expect(rejected.status).toBe(409);

      expect((await review(PEOPLE.priya, id, 'security')).status).toBe(201);
      expect((await read(id)).assessment.missingReviews).toEqual(['privacy']);
      const second = await approve();
      expect(second.status).toBe(409);
      expect(second.body.error.message).toContain(
        'mandatory reviews missing: privacy',
      );

      await review(PEOPLE.priya, id, 'privacy');
      const third = await approve();
      expect(third.status).toBe(200);
      expect(third.body.status).toBe('approved');
    });

    describe('reviews bound to what was reviewed', () => {
      const edit = (id: number, body: object) =>
        api()
          .patch(`/api/tech-requests/requests/${id}`)
          .set('Authorization', as(PEOPLE.jane))
          .send(body);
      const reviews = async (id: number) =>
        (
          await api()
            .get(`/api/tech-requests/requests/${id}/reviews`)
            .set('Authorization', as(PEOPLE.jane))
        ).body.items;
      const approve = (id: number) =>
        transition(PEOPLE.lena, id, {
          action: 'approve',
          rationale: 'Fine',
          decision: { path: 'build' },
        });
      const LOW_RISK = {
        dataClassification: 'public',
        hosting: 'on-premises',
        signIn: 'company-account',
        dataLocation: 'eu',
      };
      const CRITICAL = {
        dataClassification: 'restricted',
        handlesPersonalData: true,
        hosting: 'vendor-cloud',
        dataLocation: 'us',
      };

      it('refuses an approval once a risk-raising edit made the security review stale, naming it', async () => {
        const submitted = await submit(LOW_RISK);
        expect(submitted.assessment.risk.mandatoryReviews).toEqual([]);
        expect(
          (await review(PEOPLE.priya, submitted.id, 'security')).status,
        ).toBe(201);
        const [given] = await reviews(submitted.id);
        expect(given).toMatchObject({
          requestVersion: submitted.version,
          assessmentVersion: submitted.assessment.version,
          changedSince: [],
        });

        const edited = await edit(submitted.id, {
          version: submitted.version,
          ...CRITICAL,
        });
        expect(edited.status).toBe(200);
        expect(edited.body.assessment.risk.tier).toBe('critical');
        expect(edited.body.assessment.missingReviews).toEqual([
          'security',
          'privacy',
        ]);
        expect(edited.body.assessment.staleReviews).toEqual([
          {
            area: 'security',
            reviewers: [PEOPLE.priya],
            changed: [
              'dataClassification',
              'handlesPersonalData',
              'hosting',
              'dataLocation',
            ],
          },
        ]);
        const [stale] = await reviews(submitted.id);
        expect(stale.changedSince).toEqual(
          expect.arrayContaining([
            { answer: 'hosting', before: 'on-premises', after: 'vendor-cloud' },
            { answer: 'dataLocation', before: 'eu', after: 'us' },
          ]),
        );

        await transition(PEOPLE.priya, submitted.id, {
          action: 'start-review',
        });
        await review(PEOPLE.priya, submitted.id, 'privacy');
        const refused = await approve(submitted.id);
        expect(refused.status).toBe(409);
        expect(refused.body.error.message).toContain(
          'mandatory reviews missing: security (reviewed an earlier version; changed since: data classification, personal data, hosting, data location)',
        );

        // A new review of the version as it is counts, and replaces the earlier one.
        await review(PEOPLE.priya, submitted.id, 'security');
        const all = await reviews(submitted.id);
        expect(all.map((r: any) => [r.area, r.supersededBy])).toEqual([
          ['security', all[2].id],
          ['privacy', undefined],
          ['security', undefined],
        ]);
        expect((await approve(submitted.id)).status).toBe(200);
      });

      it('keeps a review when the edit leaves its answers alone, and again when a change is undone', async () => {
        const submitted = await submit(LOW_RISK);
        await review(PEOPLE.priya, submitted.id, 'security');
        await review(PEOPLE.priya, submitted.id, 'finance');
        const retitled = await edit(submitted.id, {
          version: submitted.version,
          title: 'Contract signing for every office',
          expectedUsers: 300,
        });
        const afterTitle = await reviews(submitted.id);
        expect(
          afterTitle.map((r: any) => [r.area, r.changedSince.length]),
        ).toEqual([
          ['security', 0],
          ['finance', 1],
        ]);
        const moved = await edit(submitted.id, {
          version: retitled.body.version,
          hosting: 'vendor-cloud',
        });
        expect((await reviews(submitted.id))[0].changedSince).toEqual([
          { answer: 'hosting', before: 'on-premises', after: 'vendor-cloud' },
        ]);
        await edit(submitted.id, {
          version: moved.body.version,
          hosting: 'on-premises',
        });
        expect((await reviews(submitted.id))[0].changedSince).toEqual([]);
      });
    });

    it('recomputes cost when a reviewer adjusts the inputs, keeping both in the history', async () => {
      const submitted = await submit({ expectedUsers: 40 });
      const before = submitted.assessment;
      const inputs = {
        users: 100,
        buy: { licencePerUserMonth: 20 },
        build: { effortPersonWeeks: 10 },
      };
      const res = await costInputs(PEOPLE.priya, submitted.id, {
        version: submitted.version,
        inputs,
      });
      expect(res.status).toBe(200);
      expect(res.body.costInputs).toEqual(inputs);
      const { cost, version } = res.body.assessment;
      expect(version).toBe(before.version + 1);
      expect(cost.users).toBe(100);
      const buy = cost.paths.find((path: any) => path.path === 'buy');
      expect(buy.total).toBe(8000 + 3 * 20 * 100 * 12);
      const entries: HistoryEntry[] = (
        await api()
          .get(`/api/tech-requests/requests/${submitted.id}/history`)
          .set('Authorization', as(PEOPLE.jane))
      ).body.items;
      expect(entries[entries.length - 1]).toMatchObject({
        action: 'cost-inputs',
        actor: PEOPLE.priya,
        changes: { costInputs: { before: null, after: inputs } },
      });
    });

    it.each([
      [{ users: -1 }, 'inputs/users must be >= 0'],
      [{ users: 1.5 }, 'inputs/users must be integer'],
      [{ users: 'many' }, 'inputs/users must be integer'],
      [{ horizonYears: 0 }, 'inputs/horizonYears must be >= 1'],
      [{ horizonYears: 11 }, 'inputs/horizonYears must be <= 10'],
      [
        { buy: { licencePerUserMonth: -5 } },
        'licencePerUserMonth must be >= 0',
      ],
      [
        { buy: { licencePerUserMonth: 1e13 } },
        'licencePerUserMonth must be <= 1000000000000',
      ],
      [{ build: { maintenanceShare: 1.5 } }, 'maintenanceShare must be <= 1'],
      [{ buy: { price: 3 } }, 'Unknown field'],
    ])(
      'refuses cost inputs %j with a 400 naming %s, changing nothing',
      async (inputs, message) => {
        const submitted = await submit({});
        const res = await costInputs(PEOPLE.priya, submitted.id, {
          version: submitted.version,
          inputs,
        });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
        expect((await read(submitted.id)).version).toBe(submitted.version);
      },
    );

    it('takes cost inputs from reviewers only, on the current version', async () => {
      const submitted = await submit({});
      const own = await costInputs(PEOPLE.jane, submitted.id, {
        version: submitted.version,
        inputs: { users: 5 },
      });
      expect(own.status).toBe(403);
      const stale = await costInputs(PEOPLE.priya, submitted.id, {
        version: submitted.version - 1,
        inputs: { users: 5 },
      });
      expect(stale.status).toBe(409);
    });
  },
);
