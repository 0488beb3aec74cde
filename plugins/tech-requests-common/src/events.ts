import { RequestStatus, ReviewArea } from './values';

/** The events service topic on which the backend announces every change to a request. */
export const TECH_REQUESTS_EVENT_TOPIC = 'tech-requests';

/**
 * The payload of an event on {@link TECH_REQUESTS_EVENT_TOPIC}. It says what happened; read the
 * request through the API for its current state (events can arrive late or twice).
 */
export interface TechRequestChangedEvent {
  requestId: number;
  /** `create`, `edit`, `delete`, `review`, `comment`, or a workflow action such as `approve`. */
  action: string;
  /** Entity ref of the person who made the change. */
  actor: string;
  /** The status after the change; absent when the request was deleted. */
  status?: RequestStatus;
  /** The version after the change; absent when the request was deleted. */
  version?: number;
  /** When it happened, ISO 8601. */
  at: string;
  /**
   * Mandatory reviews this change made necessary that were not before: on a submission, every
   * review the risk asks for; on an edit that raised the risk, the new ones. Absent when none.
   */
  reviewsNeeded?: ReviewArea[];
}
