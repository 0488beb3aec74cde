import { mockCredentials } from '@backstage/backend-test-utils';
import { as, PEOPLE, pluginBackendOn } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'what services read through the API on %p',
  databaseId => {
    const byDefault = pluginBackendOn(databases, databaseId);
    const readingDrafts = pluginBackendOn(databases, databaseId, {
      techRequests: { serviceAccess: { readDrafts: true } },
    });
    const service = mockCredentials.service.header();

    /** A draft and a submitted request of Jane's, on one backend. */
    async function janesRequests(backend: typeof byDefault) {
      const file = async (title: string, submit: boolean) =>
        (
          await backend
            .api()
            .post('/api/tech-requests/requests')
            .set('Authorization', as(PEOPLE.jane))
            .send({ title, need: 'Sign engagement letters online.', submit })
        ).body.id as number;
      return {
        draft: await file('Draft of Jane', false),
        submitted: await file('Filed by Jane', true),
      };
    }
    const titlesFor = async (backend: typeof byDefault, who: string) =>
      (
        await backend
          .api()
          .get('/api/tech-requests/requests?limit=100')
          .set('Authorization', who)
      ).body.items.map((item: { title: string }) => item.title);

    it('keeps drafts from services by default: not listed, not read, not counted', async () => {
      const { draft, submitted } = await janesRequests(byDefault);
      expect(await titlesFor(byDefault, service)).toEqual(['Filed by Jane']);
      expect(await titlesFor(byDefault, as(PEOPLE.jane))).toEqual([
        'Filed by Jane',
        'Draft of Jane',
      ]);
      const counted = await byDefault
        .api()
        .get('/api/tech-requests/requests?status=draft')
        .set('Authorization', service);
      expect(counted.body.totalCount).toBe(0);
      for (const path of ['', '/history', '/reviews', '/comments']) {
        const res = await byDefault
          .api()
          .get(`/api/tech-requests/requests/${draft}${path}`)
          .set('Authorization', service);
        expect(res.status).toBe(404);
      }
      const read = await byDefault
        .api()
        .get(`/api/tech-requests/requests/${submitted}`)
        .set('Authorization', service);
      expect(read.status).toBe(200);
    });

    it('lets services read drafts when techRequests.serviceAccess.readDrafts is true', async () => {
      const { draft } = await janesRequests(readingDrafts);
      expect(await titlesFor(readingDrafts, service)).toEqual([
        'Filed by Jane',
        'Draft of Jane',
      ]);
      const read = await readingDrafts
        .api()
        .get(`/api/tech-requests/requests/${draft}`)
        .set('Authorization', service);
      expect(read.status).toBe(200);
    });
  },
);
