import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
} from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  isInCatalog,
  requestToEntity,
  TechRequest,
  TechRequestChangedEvent,
} from '@tech-requests/plugin-tech-requests-common';
import { RequestSource } from './RequestSource';

/** How many times a read is tried before a sync gives up, and how long it waits in between. */
export interface RetryPolicy {
  attempts: number;
  delayMs: (attempt: number) => number;
}

const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  delayMs: attempt => 500 * 2 ** attempt,
};

async function withRetries<T>(
  policy: RetryPolicy,
  work: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= policy.attempts) {
        throw error;
      }
      await new Promise(resolve =>
        setTimeout(resolve, policy.delayMs(attempt)),
      );
    }
  }
}

/**
 * Mirrors technology requests into the catalog as TechnologyRequest entities. A scheduled full
 * sync replaces them all from the tech-requests backend, repairing any drift; events about
 * single requests apply deltas in between. Drafts stay out; every other status stays in, so
 * the history of decisions is visible.
 */
export class TechRequestEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  /**
   * While a full sync reads, the requests events told of (undefined: gone). A full mutation
   * replaces every entity of the provider, so one built from a list read before those
   * changes would undo the deltas they applied meanwhile; the sync uses these instead.
   */
  private changedDuringSync?: Map<number, TechRequest | undefined>;

  constructor(
    private readonly options: {
      source: RequestSource;
      logger: LoggerService;
      /** The tech-requests API as people reach it; entities point at their request there. */
      apiBaseUrl: string;
      /** Runs the full sync on its schedule; tests call `fullSync` themselves. */
      taskRunner?: SchedulerServiceTaskRunner;
      retry?: RetryPolicy;
    },
  ) {}

  getProviderName(): string {
    return 'tech-requests';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.taskRunner?.run({
      id: `${this.getProviderName()}:full-sync`,
      fn: () => this.fullSync(),
    });
  }

  /**
   * Reads every request and replaces the provider's entities with them. When any read fails
   * after its retries, nothing is applied: a transient error never empties the catalog. A
   * request an event told of while the list was read counts as the event's read found it,
   * when that is newer than the list's.
   */
  async fullSync(): Promise<void> {
    const connection = this.requireConnection();
    const changed = new Map<number, TechRequest | undefined>();
    this.changedDuringSync = changed;
    try {
      const listed = await this.read(() => this.options.source.listAll());
      const requests = new Map(listed.map(request => [request.id, request]));
      for (const [id, request] of changed) {
        const read = requests.get(id);
        if (!request) {
          requests.delete(id);
        } else if (!read || request.version > read.version) {
          requests.set(id, request);
        }
      }
      const entities = [...requests.values()]
        .filter(isInCatalog)
        .map(request => this.toDeferred(request));
      await connection.applyMutation({ type: 'full', entities });
      this.options.logger.info(
        `Synced ${entities.length} technology requests into the catalog`,
      );
    } finally {
      this.changedDuringSync = undefined;
    }
  }

  /** Brings one request's entity up to date after an event about it. */
  async onRequestChanged(event: TechRequestChangedEvent): Promise<void> {
    if (!this.connection) {
      // Not connected yet: the first full sync will bring the request in.
      return;
    }
    const request = await this.read(() =>
      this.options.source.get(event.requestId),
    );
    this.changedDuringSync?.set(event.requestId, request);
    if (!request) {
      // Only drafts can be deleted, and drafts are never in the catalog; a full sync settles
      // anything else that is odd.
      return;
    }
    const deferred = this.toDeferred(request);
    await this.connection.applyMutation(
      isInCatalog(request)
        ? { type: 'delta', added: [deferred], removed: [] }
        : { type: 'delta', added: [], removed: [deferred] },
    );
  }

  private read<T>(work: () => Promise<T>): Promise<T> {
    return withRetries(this.options.retry ?? DEFAULT_RETRY, work);
  }

  private toDeferred(request: TechRequest): DeferredEntity {
    const location = `url:${this.options.apiBaseUrl}/requests/${request.id}`;
    return {
      entity: requestToEntity(request, {
        annotations: {
          [ANNOTATION_LOCATION]: location,
          [ANNOTATION_ORIGIN_LOCATION]: location,
        },
      }),
      locationKey: `tech-requests:${request.id}`,
    };
  }

  private requireConnection(): EntityProviderConnection {
    if (!this.connection) {
      throw new Error(
        'The tech-requests entity provider is not connected to the catalog yet',
      );
    }
    return this.connection;
  }
}
