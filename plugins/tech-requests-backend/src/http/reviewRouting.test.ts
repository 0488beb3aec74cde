import {
  HistoryEntry,
  TechRequestChangedEvent,
} from '@tech-requests/plugin-tech-requests-common';
import {
  as,
  eventCollector,
  PEOPLE,
  pluginBackendOn,
} from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** Security and privacy reviews go to their offices; the rest to reviewers and deciders. */
const ROUTING = {
  security: ['group:default/security-office'],
  privacy: ['group:default/privacy-office'],
};

describe.each(databases.eachSupportedId())(
  'review routing through the API on %p',
  databaseId => {
    const announced: TechRequestChangedEvent[] = [];
    const backend = pluginBackendOn(databases, databaseId, {
      extraFeatures: [eventCollector(announced)],
      techRequests: {
        workflow: {
          reviewerGroups: ['group:default/architecture-board'],
          deciderGroups: ['group:default/portfolio-board'],
          reviewAreas: ROUTING,
        },
        // The default risk policy: security from medium, privacy with personal data.
        risk: {},
      },
    });

    const api = backend.api;
    const marker = `routing-${databaseId}`;
    const waitingMarker = `waiting-${databaseId}`;
    /** A submitted request of Jane's that lacks a security review, and a privacy one with `personalData`. */
    const submit = async (
      title: string,
      personalData = false,
      titleMarker = marker,
    ) => {
      const res = await api()
        .post('/api/tech-requests/requests')
        .set('Authorization', as(PEOPLE.jane))
        .send({
          title: `${title} ${titleMarker}`,
          need: 'Clients sign engagement letters online.',
          dataClassification: 'confidential',
          hosting: 'vendor-cloud',
          handlesPersonalData: personalData,
          submit: true,
        });
      expect(res.status).toBe(201);
      return res.body;
    };
    const read = async (id: number, user: string) =>
      (
        await api()
          .get(`/api/tech-requests/requests/${id}`)
          .set('Authorization', as(user))
      ).body;
    const review = (user: string, id: number, area: string) =>
      api()
        .post(`/api/tech-requests/requests/${id}/reviews`)
        .set('Authorization', as(user))
        .send({ area, verdict: 'approve', comment: `${area} is fine` });
    const waitingTitles = async (user: string) => {
      const res = await api()
        .get(
          `/api/tech-requests/requests?q=${waitingMarker}&waitingForMe=true&sort=title&order=asc`,
        )
        .set('Authorization', as(user));
      expect(res.status).toBe(200);
      return res.body.items.map((item: any) => item.title.split(' ')[0]);
    };

    it('answers who reviews which area and who decides', async () => {
      const res = await api()
        .get('/api/tech-requests/review-routing')
        .set('Authorization', as(PEOPLE.jane));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        areas: [
          { area: 'architecture', groups: [] },
          { area: 'security', groups: ROUTING.security },
          { area: 'privacy', groups: ROUTING.privacy },
          { area: 'finance', groups: [] },
          { area: 'portfolio', groups: [] },
        ],
        deciderGroups: ['group:default/portfolio-board'],
      });
    });

    it('lets only the routed group review a routed area, and records refusals', async () => {
      const submitted = await submit('Signing', true);
      expect(submitted.assessment.missingReviews).toEqual([
        'security',
        'privacy',
      ]);

      // The architecture board reviews unrouted areas, not security.
      expect((await read(submitted.id, PEOPLE.priya)).reviewableAreas).toEqual([
        'architecture',
        'finance',
        'portfolio',
      ]);
      expect((await read(submitted.id, PEOPLE.sam)).reviewableAreas).toEqual([
        'security',
      ]);
      expect((await read(submitted.id, PEOPLE.jane)).reviewableAreas).toEqual(
        [],
      );

      const refused = await review(PEOPLE.priya, submitted.id, 'security');
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe(
        'Not allowed: security reviews are given by group:default/security-office',
      );
      expect((await review(PEOPLE.sam, submitted.id, 'privacy')).status).toBe(
        403,
      );
      expect((await review(PEOPLE.sam, submitted.id, 'security')).status).toBe(
        201,
      );
      expect((await review(PEOPLE.elena, submitted.id, 'privacy')).status).toBe(
        201,
      );
      expect(
        (await review(PEOPLE.priya, submitted.id, 'architecture')).status,
      ).toBe(201);

      const history: HistoryEntry[] = (
        await api()
          .get(`/api/tech-requests/requests/${submitted.id}/history`)
          .set('Authorization', as(PEOPLE.jane))
      ).body.items;
      expect(
        history
          .filter(entry => ['denied', 'review'].includes(entry.action))
          .map(entry => [entry.action, entry.actor, entry.note]),
      ).toEqual([
        [
          'denied',
          PEOPLE.priya,
          'review: Not allowed: security reviews are given by group:default/security-office',
        ],
        [
          'denied',
          PEOPLE.sam,
          'review: Not allowed: privacy reviews are given by group:default/privacy-office',
        ],
        ['review', PEOPLE.sam, 'security is fine'],
        ['review', PEOPLE.elena, 'privacy is fine'],
        ['review', PEOPLE.priya, 'architecture is fine'],
      ]);
      expect((await read(submitted.id, PEOPLE.lena)).assessment).toMatchObject({
        missingReviews: [],
      });
    });

    it('announces the mandatory reviews a change made necessary', async () => {
      const res = await api()
        .post('/api/tech-requests/requests')
        .set('Authorization', as(PEOPLE.jane))
        .send({
          title: `Team wiki ${marker}`,
          need: 'Public how-to pages.',
          dataClassification: 'public',
          hosting: 'on-premises',
          signIn: 'company-account',
          dataLocation: 'eu',
          submit: true,
        });
      expect(res.status).toBe(201);
      const edited = await api()
        .patch(`/api/tech-requests/requests/${res.body.id}`)
        .set('Authorization', as(PEOPLE.jane))
        .send({ version: res.body.version, handlesPersonalData: true });
      expect(edited.status).toBe(200);
      await api()
        .patch(`/api/tech-requests/requests/${res.body.id}`)
        .set('Authorization', as(PEOPLE.jane))
        .send({ version: edited.body.version, expectedUsers: 12 });

      const events = announced.filter(event => event.requestId === res.body.id);
      expect(
        events.map(({ action, reviewsNeeded }) => ({ action, reviewsNeeded })),
      ).toEqual([
        { action: 'submit', reviewsNeeded: undefined },
        // Personal data now: the privacy review becomes mandatory, once.
        { action: 'edit', reviewsNeeded: ['privacy'] },
        { action: 'edit', reviewsNeeded: undefined },
      ]);
      const submitted = await submit('Confidential');
      expect(
        announced.find(event => event.requestId === submitted.id)
          ?.reviewsNeeded,
      ).toEqual(['security']);
    });

    it('shows each area reviewer the requests that lack their review', async () => {
      await submit('Alpha', true, waitingMarker); // lacks security and privacy
      const beta = await submit('Beta', false, waitingMarker); // lacks security
      await submit('Gamma', true, waitingMarker);
      await review(PEOPLE.sam, beta.id, 'security');

      expect(await waitingTitles(PEOPLE.sam)).toEqual(['Alpha', 'Gamma']);
      expect(await waitingTitles(PEOPLE.elena)).toEqual(['Alpha', 'Gamma']);
      // Triage waits for the reviewer role; decisions for deciders.
      expect(await waitingTitles(PEOPLE.priya)).toEqual([
        'Alpha',
        'Beta',
        'Gamma',
      ]);
      expect(await waitingTitles(PEOPLE.tom)).toEqual([]);
    });
  },
);
