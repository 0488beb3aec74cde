import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  TECH_REQUESTS_EVENT_TOPIC,
  TechRequestChangedEvent,
} from '@tech-requests/plugin-tech-requests-common';

/** Announces changes to requests on the events service, for the catalog and anyone else. */
export class RequestEvents {
  constructor(
    private readonly events: EventsService,
    private readonly logger: LoggerService,
  ) {}

  /**
   * Publishes one change. The change is already committed, so a failure to announce it is
   * logged, not thrown: the catalog's scheduled full sync catches up.
   */
  async changed(event: TechRequestChangedEvent): Promise<void> {
    try {
      await this.events.publish({
        topic: TECH_REQUESTS_EVENT_TOPIC,
        eventPayload: event,
      });
    } catch (error) {
      this.logger.warn(
        `Could not announce '${event.action}' of request ${event.requestId}: ${error}`,
      );
    }
  }
}
