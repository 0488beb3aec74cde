import { LoggerService } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  REVIEWED_ANSWER_LABELS,
  ReviewArea,
  summary,
  TechRequest,
  TechRequestChangedEvent,
} from '@tech-requests/plugin-tech-requests-common';

/** Who hears about requests besides their requesting side. */
export interface NotificationGroups {
  /** Reviewer and decider groups: they hear of submissions. */
  reviewers: string[];
  /** The groups of routed review areas: they hear when a request needs their review. */
  reviewAreas?: Partial<Record<ReviewArea, string[]>>;
}

const ABOUT = 200;

/** Moments every missing mandatory review is worth telling its area about again. */
const ALL_MISSING_REVIEWS_ON = ['submit', 'start-review'];

/** The review areas a change asks to hear from. */
function areasToTell(event: TechRequestChangedEvent, request: TechRequest) {
  return ALL_MISSING_REVIEWS_ON.includes(event.action)
    ? (request.assessment?.missingReviews ?? [])
    : (event.reviewsNeeded ?? []);
}

const capitalised = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

const ADDITIONS: Record<string, string> = {
  review: 'reviewed',
  comment: 'commented on',
};

const DECISIONS: Record<string, string> = {
  approve: 'approved',
  reject: 'rejected',
  defer: 'deferred',
};

/**
 * The notifications a change deserves, in the order to send them: submissions reach the
 * reviewer and decider groups; a submission or a started review that lacks a mandatory
 * review, or an edit that made one necessary, reaches the groups of that area; reviews, comments and decisions reach the requester and the
 * requesting group. Whoever made the change is left out. All share one scope per request, so a
 * person keeps one notification per request, the last and most specific one.
 */
export function notificationsFor(
  event: TechRequestChangedEvent,
  request: TechRequest,
  groups: NotificationGroups,
): NotificationSendOptions[] {
  const base = {
    link: `/tech-requests/${request.id}`,
    topic: 'tech-requests',
    scope: `tech-request-${request.id}`,
  };
  const to = (entityRef: string[]) => ({
    type: 'entity' as const,
    entityRef,
    excludeEntityRef: event.actor,
  });
  const sent: NotificationSendOptions[] = [];
  if (event.action === 'submit' && groups.reviewers.length) {
    sent.push({
      recipients: to(groups.reviewers),
      payload: {
        ...base,
        title: `To review: ${request.title}`,
        description: summary(request.need, ABOUT),
        severity: 'normal',
      },
    });
  }
  for (const area of areasToTell(event, request)) {
    const stale = request.assessment?.staleReviews?.find(
      review => review.area === area,
    );
    // Whoever reviewed an earlier version hears too: their review no longer counts.
    const recipients = [
      ...new Set([
        ...(groups.reviewAreas?.[area] ?? []),
        ...(stale?.reviewers ?? []),
      ]),
    ];
    if (recipients.length) {
      sent.push({
        recipients: to(recipients),
        payload: {
          ...base,
          title: stale
            ? `${capitalised(area)} review needed again: ${request.title}`
            : `${capitalised(area)} review needed: ${request.title}`,
          description: stale
            ? `The ${area} review was of an earlier version; changed since: ${stale.changed
                .map(answer => REVIEWED_ANSWER_LABELS[answer])
                .join(', ')}. A decision waits for a ${area} review.`
            : `A decision waits for a ${area} review. ${summary(request.need, ABOUT)}`,
          severity: 'normal',
        },
      });
    }
  }
  const decision = DECISIONS[event.action];
  const said = decision ?? ADDITIONS[event.action];
  if (said) {
    sent.push({
      recipients: to([request.requester, request.requestingGroup]),
      payload: {
        ...base,
        title: decision
          ? `Your request was ${decision}: ${request.title}`
          : `${event.actor.replace(/^user:default\//, '')} ${said} ${request.title}`,
        ...(decision &&
          request.decision?.rationale && {
            description: summary(request.decision.rationale, ABOUT),
          }),
        severity: decision ? 'high' : 'normal',
      },
    });
  }
  return sent;
}

/**
 * Sends notifications through the notifications backend when one is installed. Without it
 * (or when it fails) requests carry on: a notification is never a reason to refuse a change.
 */
export class RequestNotifier {
  private warned = false;

  constructor(
    private readonly notifications: NotificationService,
    private readonly groups: NotificationGroups,
    private readonly logger: LoggerService,
  ) {}

  async changed(
    event: TechRequestChangedEvent,
    request: TechRequest | undefined,
  ): Promise<void> {
    const notifications = request
      ? notificationsFor(event, request, this.groups)
      : [];
    try {
      // One after another: the more specific of two notifications with one scope comes last.
      for (const notification of notifications) {
        await this.notifications.send(notification);
      }
    } catch (error) {
      if (!this.warned) {
        this.warned = true;
        this.logger.warn(
          `Could not send notifications (is the notifications backend installed?); requests go on without them`,
          error as Error,
        );
      }
    }
  }
}
