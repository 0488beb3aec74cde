import { mockServices } from '@backstage/backend-test-utils';
import { TechRequest } from '@tech-requests/plugin-tech-requests-common';
import { aRequest } from '../assessment/__testUtils__/aRequest';
import { notificationFor, RequestNotifier } from './RequestNotifier';

const REVIEWERS = [
  'group:default/architecture-board',
  'group:default/portfolio-board',
];

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

describe('notificationFor', () => {
  it('tells the review groups of a submission, not its author', () => {
    expect(
      notificationFor(event('submit', 'user:default/jane.doe'), request, {
        reviewers: REVIEWERS,
      }),
    ).toEqual({
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
    });
  });

  it.each([
    ['review', 'priya.shah reviewed Online contract signing', 'normal'],
    ['comment', 'priya.shah commented on Online contract signing', 'normal'],
    ['approve', 'Your request was approved: Online contract signing', 'high'],
    ['reject', 'Your request was rejected: Online contract signing', 'high'],
    ['defer', 'Your request was deferred: Online contract signing', 'high'],
  ])('tells the requesting side of a %s', (action, title, severity) => {
    const sent = notificationFor(
      event(action, 'user:default/priya.shah'),
      request,
      { reviewers: REVIEWERS },
    );
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
    'stays quiet on %s',
    action => {
      expect(
        notificationFor(event(action, 'user:default/jane.doe'), request, {
          reviewers: REVIEWERS,
        }),
      ).toBeUndefined();
    },
  );

  it('has nobody to tell of a submission when no review groups are configured', () => {
    expect(
      notificationFor(event('submit', 'user:default/jane.doe'), request, {
        reviewers: [],
      }),
    ).toBeUndefined();
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
