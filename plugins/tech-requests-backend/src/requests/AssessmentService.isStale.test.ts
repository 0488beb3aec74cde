import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { aRequest } from '../__testUtils__/aRequest';
import {
  costPolicyFromConfig,
  riskPolicyFromConfig,
} from '../config/assessment';
import { StandardsSource } from '../config/standards';
import {
  assessmentServicesOnATestClock,
  candidate,
  MINUTE,
  review,
  stored,
} from '../__testUtils__/assessmentServices';

describe('AssessmentService', () => {
  const { service, moveClockTo } = assessmentServicesOnATestClock();

  describe('isStale', () => {
    const reviews = [review('security'), review('privacy')];
    const request = aRequest({
      version: 4,
      dataClassification: 'confidential',
      handlesPersonalData: true,
      reuseSuggestions: [candidate('component:default/esign')],
    });

    async function assessed(assessor = service()) {
      return stored(request, await assessor.assess(request, reviews));
    }

    it('is stale without an assessment', async () => {
      expect(await service().isStale(request, reviews)).toBe(true);
    });

    it('is fresh right after an assessment, with the reviews in any order', async () => {
      const current = await assessed();
      expect(await service().isStale(current, reviews)).toBe(false);
      expect(await service().isStale(current, [...reviews].reverse())).toBe(
        false,
      );
    });

    it('is stale when a review is added', async () => {
      const current = await assessed();
      expect(
        await service().isStale(current, [...reviews, review('architecture')]),
      ).toBe(true);
    });

    it('is stale when a review is gone', async () => {
      const current = await assessed();
      expect(await service().isStale(current, reviews.slice(1))).toBe(true);
    });

    it('is stale when the request version moves', async () => {
      const current = await assessed();
      expect(await service().isStale({ ...current, version: 5 }, reviews)).toBe(
        true,
      );
    });

    it('is stale once the catalog facts are older than ten minutes', async () => {
      const current = await assessed();
      moveClockTo(10 * MINUTE);
      expect(await service().isStale(current, reviews)).toBe(false);
      moveClockTo(10 * MINUTE + 1000);
      expect(await service().isStale(current, reviews)).toBe(true);
    });

    it('stays fresh for a service built again from the same config', async () => {
      const config = new ConfigReader({
        techRequests: {
          risk: { points: { personalData: 3 } },
          cost: { dayRate: 900 },
          standards: { radar: { entries: [{ name: 'Zoom', ring: 'adopt' }] } },
        },
      });
      const fromConfig = () =>
        service({
          riskPolicy: riskPolicyFromConfig(config),
          costPolicy: costPolicyFromConfig(config),
          standards: StandardsSource.fromConfig(
            config,
            mockServices.logger.mock(),
          ),
        });
      const current = await assessed(fromConfig());
      expect(await fromConfig().isStale(current, reviews)).toBe(false);
    });

    it.each<[string, Parameters<typeof service>[0]]>([
      [
        'the risk policy',
        {
          riskPolicy: riskPolicyFromConfig(
            new ConfigReader({
              techRequests: { risk: { points: { personalData: 3 } } },
            }),
          ),
        },
      ],
      [
        'the mandatory reviews',
        {
          riskPolicy: riskPolicyFromConfig(
            new ConfigReader({
              techRequests: { risk: { mandatoryReviews: [] } },
            }),
          ),
        },
      ],
      [
        'the cost policy',
        {
          costPolicy: costPolicyFromConfig(
            new ConfigReader({
              techRequests: { cost: { defaults: { buyIntegrationDays: 4 } } },
            }),
          ),
        },
      ],
      [
        'the radar',
        {
          standards: StandardsSource.fromConfig(
            new ConfigReader({
              techRequests: {
                standards: {
                  radar: { entries: [{ name: 'DocuSign', ring: 'trial' }] },
                },
              },
            }),
            mockServices.logger.mock(),
          ),
        },
      ],
    ])('is stale when config changes %s', async (_, changed) => {
      const current = await assessed();
      expect(await service(changed).isStale(current, reviews)).toBe(true);
    });
  });
});
