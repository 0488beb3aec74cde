import { mockServices } from '@backstage/backend-test-utils';
import { TechRequest } from '@tech-requests/plugin-tech-requests-common';
import { aRequest } from '../__testUtils__/aRequest';
import { notificationsFor, RequestNotifier } from './RequestNotifier';

const REVIEWERS = [
  'group:default/architecture-board',
  'group:default/portfolio-board',
];

const ROUTING = {
  security: ['group:default/security-office'],
  privacy: ['group:default/privacy-office'],
};

const request: TechRequest = {
  ...aRequest(),
  id: 7,
  title: 'Online contract signing',
  need: 'Clients should sign engagement letters online.',
  requester: 'user:default/jane.doe',
  requestingGroup: 'group:default/legal',
  decision: {
    outcome: 'approved',
    path: 'reuse',
    rationale: 'Sales already runs it.',
    decidedBy: 'user:default/lena.fischer',
    decidedAt: '2026-01-01T00:00:00.000Z',
  },
};

const event = (action: string, actor: string) => ({
  requestId: 7,
  action,
  actor,
  at: '2026-01-01T00:00:00.000Z',
});

describe('notificationsFor', () => {
  it('tells the review groups of a submission, not its author', () => {
    expect(
      notificationsFor(event('submit', 'user:default/jane.doe'), request, {
        reviewers: REVIEWERS,
      }),
    ).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: REVIEWERS,
          excludeEntityRef: 'user:default/jane.doe',
        },
        payload: {
          title: 'To review: Online contract signing',
          description: 'Clients should sign engagement letters online.',
          link: '/tech-requests/7',
          topic: 'tech-requests',
          scope: 'tech-request-7',
          severity: 'normal',
        },
      },
    ]);
  });

  it.each([
    ['review', 'priya.shah reviewed Online contract signing', 'normal'],
    ['comment', 'priya.shah commented on Online contract signing', 'normal'],
    ['approve', 'Your request was approved: Online contract signing', 'high'],
    ['reject', 'Your request was rejected: Online contract signing', 'high'],
    ['defer', 'Your request was deferred: Online contract signing', 'high'],
  ])('tells the requesting side of a %s', (action, title, severity) => {
    const [sent, ...more] = notificationsFor(
      event(action, 'user:default/priya.shah'),
      request,
      { reviewers: REVIEWERS },
    );
    expect(more).toEqual([]);
    expect(sent?.recipients).toEqual({
      type: 'entity',
      entityRef: ['user:default/jane.doe', 'group:default/legal'],
      excludeEntityRef: 'user:default/priya.shah',
    });
    expect(sent?.payload).toMatchObject({
      title,
      severity,
      link: '/tech-requests/7',
    });
  });

  it.each(['create', 'edit', 'start-review', 'assess-reuse', 'delete'])(
    'stays quiet on %s when no review is missing',
    action => {
      expect(
        notificationsFor(event(action, 'user:default/jane.doe'), request, {
          reviewers: REVIEWERS,
          reviewAreas: ROUTING,
        }),
      ).toEqual([]);
    },
  );

  it('has nobody to tell of a submission when no review groups are configured', () => {
    expect(
      notificationsFor(event('submit', 'user:default/jane.doe'), request, {
        reviewers: [],
      }),
    ).toEqual([]);
  });

  describe('with mandatory reviews missing', () => {
    const lacking: TechRequest = {
      ...request,
      // Only what is missing matters here.
      assessment: {
        missingReviews: ['security', 'privacy', 'finance'],
      } as TechRequest['assessment'],
    };

    it('tells each routed area after the review groups, on submission', () => {
      const sent = notificationsFor(
        event('submit', 'user:default/jane.doe'),
        lacking,
        { reviewers: REVIEWERS, reviewAreas: ROUTING },
      );
      // Finance is not routed: its reviewers are the review groups, told already.
      expect(
        sent.map(notification => [
          notification.payload.title,
          (notification.recipients as { entityRef: string[] }).entityRef,
        ]),
      ).toEqual([
        ['To review: Online contract signing', REVIEWERS],
        [
          'Security review needed: Online contract signing',
          ['group:default/security-office'],
        ],
        [
          'Privacy review needed: Online contract signing',
          ['group:default/privacy-office'],
        ],
      ]);
      expect(sent[1].payload).toMatchObject({
        link: '/tech-requests/7',
        scope: 'tech-request-7',
        description:
          'A decision waits for a security review. Clients should sign engagement letters online.',
      });
    });

    it('tells only the areas an edit made necessary', () => {
      expect(
        notificationsFor(
          {
            ...event('edit', 'user:default/jane.doe'),
            reviewsNeeded: ['privacy'],
          },
          lacking,
          { reviewers: REVIEWERS, reviewAreas: ROUTING },
        ).map(notification => notification.payload.title),
      ).toEqual(['Privacy review needed: Online contract signing']);
    });

    it('tells the area and the earlier reviewer when an edit made a review stale', () => {
      const [sent, ...others] = notificationsFor(
        {
          ...event('edit', 'user:default/jane.doe'),
          reviewsNeeded: ['security'],
        },
        {
          ...request,
          assessment: {
            missingReviews: ['security'],
            staleReviews: [
              {
                area: 'security',
                reviewers: ['user:default/sam.okafor'],
                changed: ['hosting', 'dataLocation'],
              },
            ],
          } as TechRequest['assessment'],
        },
        { reviewers: REVIEWERS, reviewAreas: ROUTING },
      );
      expect(others).toEqual([]);
      expect(sent.recipients).toMatchObject({
        entityRef: ['group:default/security-office', 'user:default/sam.okafor'],
        excludeEntityRef: 'user:default/jane.doe',
      });
      expect(sent.payload).toMatchObject({
        title: 'Security review needed again: Online contract signing',
        description:
          'The security review was of an earlier version; changed since: hosting, data location. A decision waits for a security review.',
      });
    });

    it('tells the areas again when the review starts, not the review groups', () => {
      expect(
        notificationsFor(
          event('start-review', 'user:default/priya.shah'),
          lacking,
          { reviewers: REVIEWERS, reviewAreas: ROUTING },
        ).map(notification => notification.payload.title),
      ).toEqual([
        'Security review needed: Online contract signing',
        'Privacy review needed: Online contract signing',
      ]);
    });
  });
});

describe('RequestNotifier', () => {
  it('carries on when the notifications backend fails, warning once', async () => {
    const logger = mockServices.logger.mock();
    const send = jest.fn().mockRejectedValue(new Error('no notifications'));
    const notifier = new RequestNotifier(
      { send },
      { reviewers: REVIEWERS },
      logger,
    );
    await notifier.changed(event('submit', 'user:default/jane.doe'), request);
    await notifier.changed(event('submit', 'user:default/jane.doe'), request);
    expect(send).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});
