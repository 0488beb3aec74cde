import { ServiceUnavailableError } from '@backstage/errors';
import { RequestReview } from '@tech-requests/plugin-tech-requests-common';
import { COST_PER_USER_ANNOTATION } from '../assessment';
import { aRequest } from '../__testUtils__/aRequest';
import { EntityFacts } from '../catalog/entityFacts';
import { reader } from '../__testUtils__/catalogFacts';
import {
  assessmentServicesOnATestClock,
  candidate,
  MINUTE,
  review,
  START,
  stored,
} from '../__testUtils__/assessmentServices';

describe('AssessmentService', () => {
  const { service, moveClockTo, now } = assessmentServicesOnATestClock();

  describe('while the catalog cannot be read', () => {
    const away = () =>
      jest.fn(async (_refs: string[]): Promise<Map<string, EntityFacts>> => {
        throw new ServiceUnavailableError('The catalog could not be read');
      });
    const naming = aRequest({
      integrations: ['component:default/gone', 'system:default/erp'],
      reuseSuggestions: [candidate('component:default/esign')],
    });

    it('assesses without it, saying which entities wait to be judged', async () => {
      const assessment = await service({ readFacts: away() }).assess(
        naming,
        [],
      );
      expect(assessment.fit.findings).toEqual([
        {
          ruleId: 'catalog-unavailable',
          severity: 'info',
          message:
            'The catalog could not be read: the entities this request names are judged once it can be',
          evidence: [
            'component:default/gone',
            'system:default/erp',
            'component:default/esign',
          ],
        },
      ]);
      // Risk and cost do not need the catalog.
      expect(assessment.cost.paths.map(p => p.path)).toEqual([
        'reuse',
        'build',
      ]);
    });

    it('waits before asking it again, then assesses again once it answers', async () => {
      const readFacts = away();
      const assessor = service({ readFacts });
      const first = stored(naming, await assessor.assess(naming, []));
      expect(readFacts).toHaveBeenCalledTimes(1);

      // Within the retry interval nothing asks the catalog, and the snapshot stands.
      moveClockTo(10_000);
      expect(await assessor.isStale(first, [])).toBe(false);
      await assessor.assess(naming, []);
      expect(readFacts).toHaveBeenCalledTimes(1);

      moveClockTo(31_000);
      expect(await assessor.isStale(first, [])).toBe(true);
      readFacts.mockImplementation(reader());
      const again = await assessor.assess(first, []);
      expect(readFacts).toHaveBeenCalledTimes(2);
      expect(again.fit.findings.map(f => f.ruleId)).toContain(
        'integration-not-in-catalog',
      );
      expect(again.version).toBe(first.assessment!.version + 1);
    });

    it('passes on other failures', async () => {
      await expect(
        service({
          readFacts: async () => {
            throw new Error('a bug');
          },
        }).assess(naming, []),
      ).rejects.toThrow('a bug');
    });
  });

  describe('assess', () => {
    it('prices reuse of a confirmed candidate from its annotation', async () => {
      const assessment = await service().assess(
        aRequest({
          expectedUsers: 100,
          reuseSuggestions: [
            candidate('component:default/cheap', 'suggested'),
            candidate('component:default/esign'),
          ],
        }),
        [],
      );
      const reuse = assessment.cost.paths.find(p => p.path === 'reuse');
      expect(reuse?.perYear).toEqual([1600 + 5400, 5400, 5400]);
      expect(reuse?.assumptions).toContain(
        `Charge-back of 4.50 EUR per user and month from ${COST_PER_USER_ANNOTATION} of component:default/esign`,
      );
      expect(assessment.fit.findings.map(f => f.ruleId)).toContain(
        'reuse-available',
      );
    });

    it('prices reuse of the decided target over the confirmed candidate', async () => {
      const assessment = await service().assess(
        aRequest({
          expectedUsers: 100,
          status: 'approved',
          reuseSuggestions: [candidate('component:default/esign')],
          decision: {
            outcome: 'approved',
            path: 'reuse',
            targetEntityRef: 'component:default/cheap',
            rationale: 'Cheaper',
            decidedBy: 'user:default/boss',
            decidedAt: '2025-02-01T00:00:00Z',
          },
        }),
        [],
      );
      const reuse = assessment.cost.paths.find(p => p.path === 'reuse');
      expect(reuse?.perYear).toEqual([1600 + 1200, 1200, 1200]);
    });

    it('has no reuse path without a confirmed candidate', async () => {
      const assessment = await service().assess(
        aRequest({
          expectedUsers: 100,
          reuseSuggestions: [
            candidate('component:default/esign', 'suggested'),
            candidate('component:default/cheap', 'dismissed'),
          ],
        }),
        [],
      );
      expect(assessment.cost.paths.map(p => p.path)).toEqual(['build']);
    });

    it('reads catalog facts and the radar for the fit', async () => {
      const assessment = await service().assess(
        aRequest({
          integrations: [
            'component:default/mailer',
            'component:default/gone',
            'system:default/erp',
          ],
          vendorCandidates: [{ name: 'DocuSign' }],
        }),
        [],
      );
      const rules = assessment.fit.findings.map(f => [f.ruleId, f.evidence]);
      expect(rules).toEqual(
        expect.arrayContaining([
          ['vendor-on-hold', ['config']],
          ['integration-not-in-catalog', ['component:default/gone']],
          ['integration-without-api', ['component:default/mailer']],
          ['integration-deprecated', ['component:default/mailer']],
        ]),
      );
      expect(
        assessment.fit.findings.filter(f =>
          f.evidence.includes('system:default/erp'),
        ),
      ).toEqual([]);
    });

    it('drops a mandatory review once it has been given', async () => {
      const request = aRequest({
        dataClassification: 'confidential',
        handlesPersonalData: true,
      });
      const assess = (reviews: RequestReview[]) =>
        service().assess(request, reviews);

      const none = await assess([]);
      expect(none.risk.mandatoryReviews).toEqual(['security', 'privacy']);
      expect(none.missingReviews).toEqual(['security', 'privacy']);
      expect((await assess([review('security')])).missingReviews).toEqual([
        'privacy',
      ]);
      expect((await assess([review('architecture')])).missingReviews).toEqual([
        'security',
        'privacy',
      ]);
      expect(
        (await assess([review('privacy', 'reject'), review('security')]))
          .missingReviews,
      ).toEqual([]);
    });

    it('starts at version 1 and moves on only when the result changes', async () => {
      const assessor = service();
      const request = aRequest({
        expectedUsers: 100,
        reuseSuggestions: [candidate('component:default/esign')],
      });
      const first = await assessor.assess(request, []);
      expect(first.version).toBe(1);
      expect(first.computedAt).toBe(START.toISOString());

      moveClockTo(30 * MINUTE);
      const again = await assessor.assess(stored(request, first), []);
      expect(again.version).toBe(1);
      expect(again.computedAt).toBe(now().toISOString());

      // A new request version that changes nothing the assessment reads.
      const touched = await assessor.assess(
        stored({ ...request, version: 2, need: 'Sign online.' }, again),
        [],
      );
      expect(touched.version).toBe(1);

      const fewerUsers = { ...request, version: 3, costInputs: { users: 5 } };
      const changed = await assessor.assess(stored(fewerUsers, touched), []);
      expect(changed.version).toBe(2);
      expect(changed.cost.users).toBe(5);

      const unchanged = await assessor.assess(stored(fewerUsers, changed), []);
      expect(unchanged.version).toBe(2);

      const reviewed = await assessor.assess(stored(fewerUsers, unchanged), [
        review('security'),
      ]);
      expect(reviewed.version).toBe(2);
    });

    it('moves the version on when a mandatory review goes missing or is given', async () => {
      const assessor = service();
      const request = aRequest({ handlesPersonalData: true });
      const first = await assessor.assess(request, []);
      expect(first.missingReviews).toEqual(['privacy']);
      const reviewed = await assessor.assess(stored(request, first), [
        review('privacy'),
      ]);
      expect(reviewed.missingReviews).toEqual([]);
      expect(reviewed.version).toBe(2);
    });
  });
});
