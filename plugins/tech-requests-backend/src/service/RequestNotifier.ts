import { LoggerService } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  TechRequest,
  TechRequestChangedEvent,
} from '@tech-requests/plugin-tech-requests-common';

/** Who hears about requests besides their requesting side. */
export interface NotificationGroups {
  /** Reviewer and decider groups: they hear of submissions. */
  reviewers: string[];
}

const ABOUT = 200;

function summary(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > ABOUT ? `${flat.slice(0, ABOUT - 1)}…` : flat;
}

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
 * The notification a change deserves, or undefined: submissions reach the review groups;
 * reviews, comments and decisions reach the requester and the requesting group. Whoever made
 * the change is left out.
 */
export function notificationFor(
  event: TechRequestChangedEvent,
  request: TechRequest,
  groups: NotificationGroups,
): NotificationSendOptions | undefined {
  const link = `/tech-requests/${request.id}`;
  const requestingSide = [request.requester, request.requestingGroup];
  const base = {
    link,
    topic: 'tech-requests',
    scope: `tech-request-${request.id}`,
  };
  if (event.action === 'submit') {
    if (!groups.reviewers.length) {
      return undefined;
    }
    return {
      recipients: {
        type: 'entity',
        entityRef: groups.reviewers,
        excludeEntityRef: event.actor,
      },
      payload: {
        ...base,
        title: `To review: ${request.title}`,
        description: summary(request.need),
        severity: 'normal',
      },
    };
  }
  const decision = DECISIONS[event.action];
  const said = decision ?? ADDITIONS[event.action];
  if (!said) {
    return undefined;
  }
  return {
    recipients: {
      type: 'entity',
      entityRef: requestingSide,
      excludeEntityRef: event.actor,
    },
    payload: {
      ...base,
      title: decision
        ? `Your request was ${decision}: ${request.title}`
        : `${event.actor.replace(/^user:default\//, '')} ${said} ${request.title}`,
      ...(decision &&
        request.decision?.rationale && {
          description: summary(request.decision.rationale),
        }),
      severity: decision ? 'high' : 'normal',
    },
  };
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
    const notification =
      request && notificationFor(event, request, this.groups);
    if (!notification) {
      return;
    }
    try {
      await this.notifications.send(notification);
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
