import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ReuseSuggestion,
  ReuseSuggestionsQuery,
  ReuseSuggestionsResponse,
  TechRequest,
  TechRequestChangedEvent,
  WorkflowActor,
} from '@tech-requests/plugin-tech-requests-common';
import type { OfferedEntity } from './reuseCandidates';

/** Someone reading requests: a person, or a service (which acts as nobody). */
export interface RequestReader {
  credentials: BackstageCredentials;
  actor?: WorkflowActor;
}

/** A signed-in person changing requests. */
export interface RequestUser extends RequestReader {
  actor: WorkflowActor;
}

/**
 * Told of every committed change, with the request as it was written (the request before the
 * change when it was deleted).
 */
export type ChangeListener = (
  event: TechRequestChangedEvent,
  request: TechRequest,
) => Promise<void>;

/** What the request service asks of reuse discovery. */
export interface ReuseAdvisor {
  /** What the organisation already runs for a need, and similar requests. */
  suggest(query: ReuseSuggestionsQuery): Promise<ReuseSuggestionsResponse>;
  /** The suggestions a request keeps when submitted (empty when none can be made now). */
  snapshotFor(request: TechRequest): Promise<ReuseSuggestion[]>;
  /** The kind and title of a catalog entity, or undefined when the catalog lacks it. */
  describe(
    entityRef: string,
  ): Promise<{ kind: string; title: string } | undefined>;
  /** The entity, when it is one of what IT offers now (not deprecated). */
  offering?: OfferedEntity;
}
