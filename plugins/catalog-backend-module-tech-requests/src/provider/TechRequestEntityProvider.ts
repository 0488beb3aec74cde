import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  boughtProductEntity,
  isInCatalog,
  requestToEntity,
  TechRequest,
  TechRequestChangedEvent,
} from '@tech-requests/plugin-tech-requests-common';
import { Fulfilments } from './Fulfilments';
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
 * How often an event whose request could not be read (after its own retries) is followed
 * again, and how far apart: from 2 s up to a minute, for about 8 minutes in all.
 */
const DEFAULT_FOLLOW: RetryPolicy = {
  attempts: 12,
  delayMs: attempt => Math.min(2_000 * 2 ** (attempt - 1), 60_000),
};

const decidedAt = (request: TechRequest) => request.decision?.decidedAt ?? '';

/** A request as an event's read found it (undefined: gone). */
interface ChangedRequest {
  id: number;
  request: TechRequest | undefined;
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
  private changedDuringSync?: ChangedRequest[];

  constructor(
    private readonly options: {
      source: RequestSource;
      logger: LoggerService;
      /** The tech-requests API as people reach it; entities point at their request there. */
      apiBaseUrl: string;
      /** Runs the full sync on its schedule; tests call `fullSync` themselves. */
      taskRunner?: SchedulerServiceTaskRunner;
      /**
       * What the organisation registered to fulfil requests; without it, requests are
       * fulfilled by what their decisions name.
       */
      fulfilments?: Fulfilments;
      /** How each read is retried. */
      retry?: RetryPolicy;
      /** How an event is followed again when its read failed after its retries. */
      follow?: RetryPolicy;
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
   * when that is newer than the list's; one an event told of while the catalog applied the
   * replacement is applied again after it, as the replacement may have undone it.
   */
  async fullSync(): Promise<void> {
    const connection = this.requireConnection();
    const changes: ChangedRequest[] = [];
    this.changedDuringSync = changes;
    try {
      const [listed, fulfilments] = await Promise.all([
        this.read(() => this.options.source.listAll()),
        this.read(
          async () =>
            (await this.options.fulfilments?.all()) ??
            new Map<number, string>(),
        ),
      ]);
      // Nothing waits from here to the mutation: every change read so far is in it.
      const merged = changes.length;
      const requests = new Map(listed.map(request => [request.id, request]));
      for (const { id, request } of changes) {
        const read = requests.get(id);
        if (!request) {
          requests.delete(id);
        } else if (!read || request.version > read.version) {
          requests.set(id, request);
        }
      }
      const inCatalog = [...requests.values()].filter(isInCatalog);
      const entities = [
        ...inCatalog.map(request =>
          this.toDeferred(request, fulfilments.get(request.id)),
        ),
        ...this.boughtProducts(
          inCatalog.filter(request => !fulfilments.has(request.id)),
        ),
      ];
      await connection.applyMutation({ type: 'full', entities });
      for (const { id, request } of changes.slice(merged)) {
        if (request) {
          await this.applyChange(request, fulfilments.get(id));
        }
      }
      this.options.logger.info(
        `Synced ${inCatalog.length} technology requests into the catalog`,
      );
    } finally {
      this.changedDuringSync = undefined;
    }
  }

  /**
   * Follows an event about a request: brings its entity up to date, and when that fails (the
   * backend overloaded or briefly away), tries again a little later, waiting longer each time,
   * rather than leaving the catalog behind until the next full sync.
   */
  async follow(event: TechRequestChangedEvent, attempt = 1): Promise<void> {
    try {
      await this.onRequestChanged(event);
    } catch (error) {
      const policy = this.options.follow ?? DEFAULT_FOLLOW;
      if (attempt >= policy.attempts) {
        this.options.logger.warn(
          `Could not bring request ${event.requestId} into the catalog after ${attempt} attempts; the next full sync will: ${error}`,
        );
        return;
      }
      const delayMs = policy.delayMs(attempt);
      this.options.logger.warn(
        `Could not bring request ${event.requestId} into the catalog; trying again in ${delayMs} ms: ${error}`,
      );
      setTimeout(() => this.follow(event, attempt + 1), delayMs).unref();
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
    this.changedDuringSync?.push({ id: event.requestId, request });
    if (!request) {
      // Only drafts can be deleted, and drafts are never in the catalog; a full sync settles
      // anything else that is odd.
      return;
    }
    // Only a decided request can be fulfilled: no need to ask the catalog before.
    const fulfilledBy =
      request.decision?.outcome === 'approved'
        ? await this.read(async () => this.options.fulfilments?.of(request.id))
        : undefined;
    await this.applyChange(request, fulfilledBy);
  }

  /** Brings one request's entities (and what it bought) to how the request now stands. */
  private async applyChange(request: TechRequest, fulfilledBy?: string) {
    const connection = this.requireConnection();
    const deferred = this.toDeferred(request, fulfilledBy);
    if (!isInCatalog(request)) {
      await connection.applyMutation({
        type: 'delta',
        added: [],
        removed: [deferred],
      });
      return;
    }
    // What the organisation registered for a purchase replaces the Resource emitted for it.
    const bought = this.boughtProducts([request]);
    await connection.applyMutation({
      type: 'delta',
      added: [deferred, ...(fulfilledBy ? [] : bought)],
      removed: fulfilledBy ? bought : [],
    });
  }

  /**
   * What approved purchases bought, as Resource entities. A product bought by several requests
   * of one group is one entity, described by the latest decision, as an event about that
   * decision would leave it.
   */
  private boughtProducts(requests: TechRequest[]): DeferredEntity[] {
    const latest = new Map<string, { request: TechRequest; entity: Entity }>();
    for (const request of requests) {
      const entity = boughtProductEntity(request);
      if (entity) {
        const known = latest.get(entity.metadata.name);
        if (!known || decidedAt(request) > decidedAt(known.request)) {
          latest.set(entity.metadata.name, { request, entity });
        }
      }
    }
    return [...latest.values()].map(({ request, entity }) => ({
      entity: {
        ...entity,
        metadata: {
          ...entity.metadata,
          annotations: {
            ...entity.metadata.annotations,
            ...this.locationOf(request.id),
          },
        },
      },
      // No location key: an entity the organisation registers under the same name, from a
      // location of its own (which has a key), takes the name over, and this one steps aside.
    }));
  }

  /** Where an entity the provider emits comes from: the request's address in the API. */
  private locationOf(requestId: number): Record<string, string> {
    const location = `url:${this.options.apiBaseUrl}/requests/${requestId}`;
    return {
      [ANNOTATION_LOCATION]: location,
      [ANNOTATION_ORIGIN_LOCATION]: location,
    };
  }

  private read<T>(work: () => Promise<T>): Promise<T> {
    return withRetries(this.options.retry ?? DEFAULT_RETRY, work);
  }

  private toDeferred(
    request: TechRequest,
    fulfilledBy?: string,
  ): DeferredEntity {
    return {
      entity: requestToEntity(request, {
        annotations: this.locationOf(request.id),
        fulfilledBy,
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
