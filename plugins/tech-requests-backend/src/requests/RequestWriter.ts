import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  allowedActions,
  evaluateAction,
  FieldChange,
  HistoryEntry,
  RequestAction,
  RequestReview,
  RequestStatus,
  ReviewArea,
  TechRequest,
  TechRequestChangedEvent,
  TransitionRequest,
  WorkflowActor,
} from '@tech-requests/plugin-tech-requests-common';
import {
  NewRequestRow,
  RequestStore,
  StoreTransaction,
} from '../database/RequestStore';
import { RequestPermissions } from '../permissions/RequestPermissions';
import { AssessmentService, ReviewsSoFar } from './AssessmentService';
import { refusalError, staleVersion } from './errors';
import { reviewsNeeded, withoutNulls } from './history';
import { refreshCandidates } from './reuseCandidates';
import { reviewsAgainst } from './reviewStanding';
import {
  ChangeListener,
  RequestReader,
  RequestUser,
  ReuseAdvisor,
} from './types';

/** What every change to a request needs, whichever module makes it. */
export interface RequestWriterOptions {
  store: RequestStore;
  permissions: RequestPermissions;
  /** Told of every committed change. */
  onChange?: ChangeListener;
  /** Suggests reuse while a need is written and keeps a snapshot at submission. */
  reuse: ReuseAdvisor;
  /** Assesses fit, risk and cost of submitted requests; without it there are none. */
  assessor?: AssessmentService;
  /** Who gives each routed area's reviews: named when someone else tries. */
  reviewRouting?: Partial<Record<ReviewArea, string[]>>;
  now?: () => Date;
}

/** A person's refusals of one action on one request enter its history once in this time. */
export const DENIAL_WINDOW_MS = 60 * 60 * 1000;

/** Past this many remembered refusals, those older than the window are forgotten. */
const RECENT_DENIALS_KEPT = 10_000;

/** Where a change is asked for: the version the client read, and the transition's body. */
export interface ChangeRequest {
  version?: number;
  transition?: TransitionRequest;
}

/**
 * The shared steps of every change to a request: load it once, ask the policy and the
 * workflow, check the version, and write it with its history entry in one transaction before
 * telling the listeners. The modules that make changes (filing, edits, decisions,
 * contributions) only say what changes.
 */
export class RequestWriter {
  readonly store: RequestStore;
  readonly permissions: RequestPermissions;
  readonly reuse: ReuseAdvisor;
  readonly reviewRouting: Partial<Record<ReviewArea, string[]>>;
  private readonly assessor?: AssessmentService;
  private readonly onChange: ChangeListener;
  private readonly clock: () => Date;
  /** When each person's refusal of an action on a request was last entered in its history. */
  private readonly recentDenials = new Map<string, number>();

  constructor(options: RequestWriterOptions) {
    this.store = options.store;
    this.permissions = options.permissions;
    this.reuse = options.reuse;
    this.assessor = options.assessor;
    this.reviewRouting = options.reviewRouting ?? {};
    this.onChange = options.onChange ?? (async () => {});
    this.clock = options.now ?? (() => new Date());
  }

  /** The time of a change, as stored. */
  now(): string {
    return this.clock().toISOString();
  }

  /** The request, or 404. */
  async get(id: number): Promise<TechRequest> {
    const request = await this.store.getRequest(id);
    if (!request) {
      throw new NotFoundError(`No request with id ${id}`);
    }
    return request;
  }

  /**
   * The request with an up-to-date assessment: recomputed and stored (without moving the
   * version) when the configuration, the catalog facts or its reviews changed since.
   */
  async assessed(request: TechRequest): Promise<TechRequest> {
    if (!this.assessor || request.status === 'draft') {
      return request;
    }
    const reviews = await this.reviewsOf(request);
    if (!(await this.assessor.isStale(request, reviews))) {
      return request;
    }
    const assessment = await this.assessor.assess(request, reviews);
    await this.store.updateAssessment(request.id, request.version, assessment);
    return { ...request, assessment };
  }

  /** The request, loaded once; one the reader may not see answers as if it did not exist. */
  async loadReadable(
    id: number,
    reader: RequestReader,
    options: { assessed?: boolean } = {},
  ): Promise<TechRequest> {
    const request = await this.get(id);
    if (!(await this.permissions.readable(reader.credentials, [id])).has(id)) {
      throw new NotFoundError(`No request with id ${id}`);
    }
    return options.assessed ? this.assessed(request) : request;
  }

  /**
   * The prologue of every change: the request (freshly assessed for transitions, whose
   * guards read the mandatory reviews), once the policy and then the workflow allow the
   * action and the client's version is the current one; with the status the action leads to.
   */
  async loadForChange(
    id: number,
    user: RequestUser,
    action: RequestAction,
    change: ChangeRequest = {},
  ): Promise<{ current: TechRequest; nextStatus: RequestStatus }> {
    const current = await this.loadReadable(id, user, {
      assessed: Boolean(change.transition),
    });
    await this.permissions.ensure(user.credentials, action, id);
    const nextStatus = this.ensureAllowed(
      current,
      user.actor,
      action,
      change.transition,
    );
    if (change.version !== undefined && change.version !== current.version) {
      throw staleVersion(id, change.version, current.version);
    }
    return { current, nextStatus };
  }

  /**
   * Runs a change of a request; a refusal by the policy or the workflow is recorded in the
   * request's history (it is one the person may read) and rethrown. A refusal because the
   * request was deleted meanwhile answers 404 instead, and records nothing.
   */
  async recordingDenials<T>(
    id: number,
    user: RequestUser,
    action: RequestAction,
    change: () => Promise<T>,
  ): Promise<T> {
    try {
      return await change();
    } catch (error) {
      if (!(error instanceof NotAllowedError)) {
        throw error;
      }
      if (!(await this.store.getRequest(id))) {
        throw new NotFoundError(`No request with id ${id}`);
      }
      await this.recordDenial(id, user.actor, action, error.message);
      throw error;
    }
  }

  /**
   * Enters a refusal in the history at most once per person, action and request within
   * DENIAL_WINDOW_MS, so that repeated attempts cannot grow someone else's request without
   * limit; the auditor logs every attempt (each change runs as an auditor event). The memory
   * of recent entries stops concurrent attempts here; the history stops them across restarts
   * and instances.
   */
  private async recordDenial(
    id: number,
    actor: WorkflowActor,
    action: RequestAction,
    message: string,
  ) {
    const at = this.now();
    const key = `${id} ${actor.userEntityRef} ${action}`;
    const atMs = Date.parse(at);
    const last = this.recentDenials.get(key);
    if (last !== undefined && atMs - last < DENIAL_WINDOW_MS) {
      return;
    }
    this.recentDenials.set(key, atMs);
    if (this.recentDenials.size > RECENT_DENIALS_KEPT) {
      for (const [oldKey, time] of this.recentDenials) {
        if (atMs - time >= DENIAL_WINDOW_MS) {
          this.recentDenials.delete(oldKey);
        }
      }
    }
    const since = new Date(atMs - DENIAL_WINDOW_MS).toISOString();
    await this.store.transaction(async tx => {
      if (
        !(await this.store.hasDenialSince(
          tx,
          id,
          actor.userEntityRef,
          action,
          since,
        ))
      ) {
        await this.record(
          tx,
          id,
          actor,
          'denied',
          {},
          at,
          `${action}: ${message}`,
        );
      }
    });
  }

  /** Asks the state machine, and throws the error that explains a refusal. */
  private ensureAllowed(
    request: TechRequest,
    actor: WorkflowActor,
    action: RequestAction,
    input?: TransitionRequest,
  ) {
    const outcome = evaluateAction(request, actor, action, input);
    if (!outcome.allowed) {
      throw refusalError(outcome, allowedActions(request, actor));
    }
    return outcome.nextStatus;
  }

  /**
   * The assessment a request will have once `next` is written: computed before the write, so
   * the snapshot lands in the same transaction as the change it follows. Drafts have none.
   */
  async assessmentFor(
    next: TechRequest,
    reviews?: ReviewsSoFar,
  ): Promise<Partial<NewRequestRow>> {
    if (!this.assessor || next.status === 'draft') {
      return {};
    }
    const known = reviews ?? (next.id ? await this.reviewsOf(next) : []);
    return {
      assessment: await this.assessor.assess(next, known),
    };
  }

  /** The request's reviews, each saying whether it still counts for the request as given. */
  async reviewsOf(request: TechRequest): Promise<RequestReview[]> {
    return reviewsAgainst(await this.store.listReviews(request.id), request);
  }

  /** The request's candidates after the engine looked at its need again. */
  async refreshedCandidates(request: TechRequest) {
    return refreshCandidates(
      request.reuseSuggestions,
      await this.reuse.snapshotFor(request),
      request.namedReuseCandidates,
      // Only a request to reuse asks for the offering itself.
      request.preferredPath === 'reuse' ? this.reuse.offering : undefined,
    );
  }

  /** The request as it will be once `fields` are written over `current`. */
  next(current: TechRequest, fields: Partial<NewRequestRow>): TechRequest {
    return withoutNulls({
      ...current,
      ...fields,
      version: current.version + 1,
    }) as TechRequest;
  }

  /**
   * Writes `fields` on top of the version that was read, with whatever else `alsoWrite`
   * records, in one transaction. If someone else changed the request in between, nothing is
   * written and the answer is 409 with the version that won.
   */
  async write(
    current: TechRequest,
    fields: Partial<NewRequestRow>,
    change: { actor: WorkflowActor; action: string; at: string },
    alsoWrite: (tx: StoreTransaction) => Promise<void>,
  ): Promise<TechRequest> {
    const written = await this.store.transaction(async tx => {
      if (
        !(await this.store.updateRequest(
          tx,
          current.id,
          current.version,
          fields,
        ))
      ) {
        return false;
      }
      await alsoWrite(tx);
      return true;
    });
    if (!written) {
      const latest = await this.get(current.id);
      throw staleVersion(current.id, current.version, latest.version);
    }
    const updated = this.next(current, fields);
    await this.announce(
      {
        requestId: current.id,
        action: change.action,
        actor: change.actor.userEntityRef,
        status: updated.status,
        version: updated.version,
        at: change.at,
        ...reviewsNeeded(current, updated),
      },
      updated,
    );
    return updated;
  }

  /** One history entry, written inside the change's transaction. */
  async record(
    tx: StoreTransaction,
    requestId: number,
    actor: WorkflowActor,
    action: string,
    changes: Record<string, FieldChange>,
    at: string,
    note?: string,
  ): Promise<void> {
    const entry: Omit<HistoryEntry, 'id'> = {
      requestId,
      actor: actor.userEntityRef,
      action,
      at,
      changes,
      ...(note !== undefined && { note }),
    };
    await this.store.insertHistory(tx, entry);
  }

  /** Tells the listeners of a committed change. */
  announce(event: TechRequestChangedEvent, request: TechRequest) {
    return this.onChange(event, request);
  }
}
