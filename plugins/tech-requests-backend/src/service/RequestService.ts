import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  allowedActions,
  checkRequestDetails,
  confirmedReuseCandidates,
  CreateRequestInput,
  DecisionOutcome,
  evaluateAction,
  FieldChange,
  HistoryEntry,
  normalizeEntityRef,
  RequestAction,
  RequestComment,
  RequestDecision,
  RequestDetails,
  RequestPage,
  RequestQuery,
  RequestReview,
  requestEntityName,
  ReuseAssessmentInput,
  CostInputs,
  ReuseSuggestion,
  ReviewArea,
  reviewableAreas,
  ReviewInput,
  TechRequest,
  TechRequestChangedEvent,
  TechRequestView,
  TransitionAction,
  TransitionRequest,
  UpdateRequestInput,
  waitingFor,
  WorkflowActor,
} from '@tech-requests/plugin-tech-requests-common';
import {
  NewRequestRow,
  RequestStore,
  StoreTransaction,
} from '../database/RequestStore';
import { assessCandidate, refreshCandidates } from '../reuse/candidates';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { checkCostInputs } from '../assessment';
import { RequestFilter } from '../permissions/rules';
import { AssessmentService } from './AssessmentService';
import { invalidFields, refusalError, staleVersion } from './errors';

/** What the service asks of reuse discovery. */
export interface ReuseAdvisor {
  /** The suggestions a request keeps when submitted (empty when none can be made now). */
  snapshotFor(request: TechRequest): Promise<ReuseSuggestion[]>;
  /** The kind and title of a catalog entity, or undefined when the catalog lacks it. */
  describe(
    entityRef: string,
  ): Promise<{ kind: string; title: string } | undefined>;
}

/** Fields whose change makes the engine look for reuse again. */
const NEED_FIELDS = ['title', 'need', 'capabilities', 'reuseCandidates'];

/** The fields of a request that a history entry compares. */
type TrackedFields = Partial<Omit<TechRequest, 'id' | 'version' | 'updatedAt'>>;

const DEFAULT_DETAILS: Omit<
  RequestDetails,
  'title' | 'need' | 'requestingGroup'
> = {
  capabilities: [],
  integrations: [],
  reuseCandidates: [],
  dataClassification: 'internal',
  handlesPersonalData: false,
  hosting: 'unknown',
  signIn: 'unknown',
  dataLocation: 'unknown',
  vendorCertifications: [],
  vendorCandidates: [],
  preferredPath: 'unsure',
};

/** The fields whose change a history entry records, with values before and after. */
function diff(
  before: TrackedFields,
  after: { [field: string]: unknown },
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [field, value] of Object.entries(after)) {
    // Absent and null both mean "not set".
    const old = before[field as keyof TrackedFields] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(value ?? null)) {
      changes[field] = { before: old, after: value ?? null };
    }
  }
  return changes;
}

const DECISION_OUTCOMES_BY_ACTION: Partial<
  Record<TransitionAction, DecisionOutcome>
> = {
  approve: 'approved',
  reject: 'rejected',
  defer: 'deferred',
};

/** A copy without the fields set to null: a request leaves out what is not set. */
function withoutNulls<T extends object>(fields: T): T {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null),
  ) as T;
}

/** The mandatory reviews a change made necessary, for its event: `{}` when none. */
function reviewsNeeded(
  before: Pick<TechRequest, 'assessment'> | undefined,
  after: Pick<TechRequest, 'assessment'>,
): { reviewsNeeded?: ReviewArea[] } {
  const missingBefore = before?.assessment?.missingReviews ?? [];
  const needed = (after.assessment?.missingReviews ?? []).filter(
    area => !missingBefore.includes(area),
  );
  return needed.length ? { reviewsNeeded: needed } : {};
}

/** The groups among a person's ownership refs. */
function groupsOf(actor: WorkflowActor): string[] {
  return actor.ownershipEntityRefs.filter(ref => ref.startsWith('group:'));
}

/**
 * Files requests and moves them through the workflow: every rule about who may change what
 * is asked of the common state machine, and every change is written with its history entry
 * in one transaction.
 */
export class RequestService {
  private readonly now: () => Date;
  private readonly announce: (event: TechRequestChangedEvent) => Promise<void>;
  private readonly reuse?: ReuseAdvisor;

  constructor(
    private readonly store: RequestStore,
    options: {
      /** Told of every committed change. */
      onChange?: (event: TechRequestChangedEvent) => Promise<void>;
      /** Suggests reuse at submission; without it requests keep only named candidates. */
      reuse?: ReuseAdvisor;
      /** Assesses fit, risk and cost of submitted requests; without it there are none. */
      assessor?: AssessmentService;
      /** Who gives each routed area's reviews: named when someone else tries. */
      reviewRouting?: Partial<Record<ReviewArea, string[]>>;
      now?: () => Date;
    } = {},
  ) {
    this.reviewRouting = options.reviewRouting ?? {};
    this.now = options.now ?? (() => new Date());
    this.announce = options.onChange ?? (async () => {});
    this.reuse = options.reuse;
    this.assessor = options.assessor;
  }

  private readonly assessor?: AssessmentService;
  private readonly reviewRouting: Partial<Record<ReviewArea, string[]>>;

  /**
   * The assessment a request will have once `next` is written: computed before the write, so
   * the snapshot lands in the same transaction as the change it follows. Drafts have none.
   */
  private async assessmentFor(
    next: TechRequest,
    reviews?: RequestReview[],
  ): Promise<Partial<NewRequestRow>> {
    if (!this.assessor || next.status === 'draft') {
      return {};
    }
    const known =
      reviews ?? (next.id ? await this.store.listReviews(next.id) : []);
    return { assessment: await this.assessor.assess(next, known) };
  }

  /**
   * The request with an up-to-date assessment: recomputed and stored (without moving the
   * version) when the configuration, the catalog facts or its reviews changed since.
   */
  async getAssessed(id: number): Promise<TechRequest> {
    const request = await this.get(id);
    if (!this.assessor || request.status === 'draft') {
      return request;
    }
    const reviews = await this.store.listReviews(id);
    if (!(await this.assessor.isStale(request, reviews))) {
      return request;
    }
    const assessment = await this.assessor.assess(request, reviews);
    await this.store.updateAssessment(id, request.version, assessment);
    return { ...request, assessment };
  }

  /** The request's candidates after the engine looked at its need again. */
  private async refreshedCandidates(request: TechRequest) {
    const snapshot = this.reuse ? await this.reuse.snapshotFor(request) : [];
    return refreshCandidates(
      request.reuseSuggestions,
      snapshot,
      request.reuseCandidates,
    );
  }

  /** The request as this actor sees it, with what they may do now; a service may do nothing. */
  view(
    request: TechRequest,
    actor: WorkflowActor | undefined,
  ): TechRequestView {
    const actions = actor ? allowedActions(request, actor) : [];
    return {
      ...request,
      allowedActions: actions,
      reviewableAreas:
        actor && actions.includes('review') ? reviewableAreas(actor) : [],
    };
  }

  async create(
    input: CreateRequestInput,
    actor: WorkflowActor,
  ): Promise<TechRequest> {
    const { submit, ...fields } = input;
    const { value: details, problems } = checkRequestDetails(fields);
    if (problems.length) {
      throw invalidFields(problems);
    }
    const requestingGroup = this.requestingGroupFor(
      details.requestingGroup,
      actor,
    );
    const at = this.now().toISOString();
    const draft: NewRequestRow = {
      ...DEFAULT_DETAILS,
      ...withoutNulls(details),
      requestingGroup,
      requester: actor.userEntityRef,
      status: 'draft',
      createdAt: at,
      updatedAt: at,
      statusChangedAt: at,
      version: 1,
      reuseSuggestions: [],
    };

    let reuseSuggestions: TechRequest['reuseSuggestions'] = [];
    if (submit) {
      const outcome = evaluateAction(draft, actor, 'submit');
      if (!outcome.allowed) {
        throw refusalError(outcome, allowedActions(draft, actor));
      }
      reuseSuggestions = await this.refreshedCandidates({ id: 0, ...draft });
    }
    // Submitted at once: assessed as the request will be after its two steps.
    const assessed = submit
      ? await this.assessmentFor(
          {
            id: 0,
            ...draft,
            status: 'submitted',
            reuseSuggestions,
            version: draft.version + 1,
          },
          [],
        )
      : {};

    // Filed and submitted at once is recorded as the two steps it stands for.
    const created = await this.store.transaction(async tx => {
      const id = await this.store.insertRequest(tx, draft);
      const { updatedAt, version, ...initial } = draft;
      await this.record(tx, id, actor, 'create', diff({}, initial), at);
      if (!submit) {
        return { id, ...draft };
      }
      const submission = {
        status: 'submitted' as const,
        submittedAt: at,
        // The entity name needs the id, which only the insert tells.
        entityName: requestEntityName(id, draft.title),
      };
      await this.store.updateRequest(tx, id, draft.version, {
        ...submission,
        reuseSuggestions,
        ...assessed,
      });
      await this.record(tx, id, actor, 'submit', diff(draft, submission), at);
      return {
        id,
        ...draft,
        ...submission,
        reuseSuggestions,
        ...assessed,
        version: draft.version + 1,
      };
    });
    await this.announce({
      requestId: created.id,
      action: submit ? 'submit' : 'create',
      actor: actor.userEntityRef,
      status: created.status,
      version: created.version,
      at,
      ...reviewsNeeded(undefined, created),
    });
    return created;
  }

  async get(id: number): Promise<TechRequest> {
    const request = await this.store.getRequest(id);
    if (!request) {
      throw new NotFoundError(`No request with id ${id}`);
    }
    return request;
  }

  /**
   * Lists requests; `waitingForMe` needs a person to be waiting. `readable` narrows the list
   * to what the permission policy lets the reader see.
   */
  list(
    query: RequestQuery,
    reader: WorkflowActor | undefined,
    readable?: PermissionCriteria<RequestFilter>,
  ): Promise<RequestPage> {
    const { waitingForMe, ...rest } = query;
    const filters = { ...rest, ...(readable && { readable }) };
    if (filters.cursor && filters.offset) {
      throw new InputError('offset and cursor cannot be used together');
    }
    if (!waitingForMe) {
      return this.store.listRequests(filters);
    }
    if (!reader) {
      throw new InputError('waitingForMe needs a signed-in user');
    }
    return this.store.listRequests({
      ...filters,
      waitingFor: {
        userEntityRef: reader.userEntityRef,
        ...waitingFor(reader),
      },
    });
  }

  async update(
    id: number,
    input: UpdateRequestInput,
    actor: WorkflowActor,
  ): Promise<TechRequest> {
    const { version, ...fields } = input;
    const current = await this.get(id);
    this.ensureAllowed(current, actor, 'edit');
    if (version !== current.version) {
      throw staleVersion(id, version, current.version);
    }
    const { value: details, problems } = checkRequestDetails(fields);
    if (problems.length) {
      throw invalidFields(problems);
    }
    if (
      details.requestingGroup &&
      details.requestingGroup !== current.requestingGroup
    ) {
      this.requestingGroupFor(details.requestingGroup, actor);
    }

    const changes = diff(current, details);
    if (!Object.keys(changes).length) {
      return current;
    }
    const updatedAt = this.now().toISOString();
    const changed = Object.fromEntries(
      Object.entries(changes).map(([field, change]) => [
        field,
        change.after ?? undefined,
      ]),
    ) as Partial<NewRequestRow>;
    if (
      current.status !== 'draft' &&
      NEED_FIELDS.some(field => field in changes)
    ) {
      // A snapshot, not a history entry: it follows from the fields the entry records.
      changed.reuseSuggestions = await this.refreshedCandidates(
        withoutNulls({ ...current, ...changed }) as TechRequest,
      );
    }
    Object.assign(
      changed,
      await this.assessmentFor(this.next(current, changed)),
    );
    return this.write(
      current,
      { ...changed, updatedAt },
      { actor, action: 'edit', at: updatedAt },
      tx => this.record(tx, id, actor, 'edit', changes, updatedAt),
    );
  }

  async transition(
    id: number,
    body: TransitionRequest,
    actor: WorkflowActor,
  ): Promise<TechRequest> {
    // Fresh, because mandatory reviews hold decisions back.
    const current = await this.getAssessed(id);
    if (body.version !== undefined && body.version !== current.version) {
      throw staleVersion(id, body.version, current.version);
    }
    const outcome = this.ensureAllowed(current, actor, body.action, body);
    const at = this.now().toISOString();
    const fields: Partial<NewRequestRow> = { status: outcome };
    if (outcome !== current.status) {
      fields.statusChangedAt = at;
    }
    if (body.action === 'submit') {
      fields.submittedAt = at;
      fields.entityName =
        current.entityName ?? requestEntityName(id, current.title);
    }
    const decision = this.decisionOf(body, actor, at);
    if (decision) {
      this.ensureReuseTargetConfirmed(current, decision);
      fields.decision = decision;
    }
    const snapshot =
      body.action === 'submit'
        ? { reuseSuggestions: await this.refreshedCandidates(current) }
        : {};
    Object.assign(
      snapshot,
      await this.assessmentFor(this.next(current, { ...fields, ...snapshot })),
    );
    return this.write(
      current,
      { ...fields, ...snapshot, updatedAt: at },
      { actor, action: body.action, at },
      tx =>
        this.record(
          tx,
          id,
          actor,
          body.action,
          // The clock of the stage follows from the status: not a change of its own.
          diff(current, {
            ...fields,
            statusChangedAt: current.statusChangedAt,
          }),
          at,
          body.rationale?.trim() || undefined,
        ),
    );
  }

  /**
   * A reviewer confirms or dismisses one of the request's reuse candidates, or adds one the
   * engine missed (it must be in the catalog). Confirmed candidates become the request's
   * `hasReuseCandidate` relations in the catalog.
   */
  async assessReuse(
    id: number,
    input: ReuseAssessmentInput,
    actor: WorkflowActor,
  ): Promise<TechRequest> {
    const current = await this.get(id);
    this.ensureAllowed(current, actor, 'assess-reuse');
    if (input.version !== current.version) {
      throw staleVersion(id, input.version, current.version);
    }
    const entityRef = normalizeEntityRef(input.entityRef);
    if (!entityRef) {
      throw invalidFields([
        {
          field: 'entityRef',
          message: `entityRef must be an entity ref such as component:default/esign-gateway, got '${input.entityRef}'`,
        },
      ]);
    }
    const known = current.reuseSuggestions.some(c => c.entityRef === entityRef);
    const described = known ? undefined : await this.reuse?.describe(entityRef);
    if (!known && !described) {
      throw invalidFields([
        {
          field: 'entityRef',
          message: `entityRef ${entityRef} is neither a candidate of this request nor an entity in the catalog`,
        },
      ]);
    }
    const at = this.now().toISOString();
    const { candidates, before } = assessCandidate(
      current.reuseSuggestions,
      {
        entityRef,
        state: input.state,
        note: input.note,
        assessedBy: actor.userEntityRef,
        assessedAt: at,
      },
      described,
    );
    const assessed = await this.assessmentFor(
      this.next(current, { reuseSuggestions: candidates }),
    );
    return this.write(
      current,
      { reuseSuggestions: candidates, ...assessed, updatedAt: at },
      { actor, action: 'assess-reuse', at },
      tx =>
        this.record(
          tx,
          id,
          actor,
          'assess-reuse',
          { [`reuseCandidate ${entityRef}`]: { before, after: input.state } },
          at,
          input.note?.trim() || undefined,
        ),
    );
  }

  /**
   * A reviewer replaces what was adjusted in the cost model; the assessment is recomputed
   * with it, and the history keeps the values before and after.
   */
  async setCostInputs(
    id: number,
    body: { version: number; inputs: CostInputs },
    actor: WorkflowActor,
  ): Promise<TechRequest> {
    const current = await this.get(id);
    this.ensureAllowed(current, actor, 'adjust-costs');
    if (body.version !== current.version) {
      throw staleVersion(id, body.version, current.version);
    }
    const problems = checkCostInputs(body.inputs);
    if (problems.length) {
      throw invalidFields(
        problems.map(problem => ({
          ...problem,
          field: `inputs.${problem.field}`,
          message: `inputs.${problem.message}`,
        })),
      );
    }
    const at = this.now().toISOString();
    const fields: Partial<NewRequestRow> = { costInputs: body.inputs };
    Object.assign(fields, await this.assessmentFor(this.next(current, fields)));
    return this.write(
      current,
      { ...fields, updatedAt: at },
      { actor, action: 'cost-inputs', at },
      tx =>
        this.record(
          tx,
          id,
          actor,
          'cost-inputs',
          diff(current, { costInputs: body.inputs }),
          at,
        ),
    );
  }

  /** The request as it will be once `fields` are written over `current`. */
  private next(
    current: TechRequest,
    fields: Partial<NewRequestRow>,
  ): TechRequest {
    return withoutNulls({
      ...current,
      ...fields,
      version: current.version + 1,
    }) as TechRequest;
  }

  async addReview(
    id: number,
    input: ReviewInput,
    actor: WorkflowActor,
  ): Promise<RequestReview> {
    const request = await this.get(id);
    this.ensureAllowed(request, actor, 'review');
    if (!reviewableAreas(actor).includes(input.area)) {
      const routedTo = this.reviewRouting[input.area];
      throw new NotAllowedError(
        `Not allowed: ${input.area} reviews are given by ${
          routedTo?.length ? routedTo.join(', ') : 'reviewers and deciders'
        }`,
      );
    }
    if (!input.comment.trim()) {
      throw invalidFields([
        { field: 'comment', message: 'comment must not be blank' },
      ]);
    }
    const createdAt = this.now().toISOString();
    // The review may be one the risk made mandatory: the snapshot says what is still missing.
    const reviews = [
      ...(await this.store.listReviews(id)),
      { area: input.area } as RequestReview,
    ];
    const { assessment } = await this.assessmentFor(request, reviews);
    const stored = await this.store.transaction(async tx => {
      if (assessment) {
        await this.store.updateAssessment(id, request.version, assessment, tx);
      }
      const review = await this.store.insertReview(tx, {
        requestId: id,
        reviewer: actor.userEntityRef,
        area: input.area,
        verdict: input.verdict,
        comment: input.comment,
        createdAt,
      });
      await this.record(
        tx,
        id,
        actor,
        'review',
        { [`review.${input.area}`]: { before: null, after: input.verdict } },
        createdAt,
        input.comment,
      );
      await this.store.touchRequest(tx, id, createdAt);
      return review;
    });
    await this.announceAside(request, actor, 'review', createdAt);
    return stored;
  }

  async addComment(
    id: number,
    body: string,
    actor: WorkflowActor,
  ): Promise<RequestComment> {
    const request = await this.get(id);
    this.ensureAllowed(request, actor, 'comment');
    if (!body.trim()) {
      throw invalidFields([
        { field: 'body', message: 'body must not be blank' },
      ]);
    }
    const createdAt = this.now().toISOString();
    const stored = await this.store.transaction(async tx => {
      const comment = await this.store.insertComment(tx, {
        requestId: id,
        author: actor.userEntityRef,
        body,
        createdAt,
      });
      await this.record(tx, id, actor, 'comment', {}, createdAt, body);
      await this.store.touchRequest(tx, id, createdAt);
      return comment;
    });
    await this.announceAside(request, actor, 'comment', createdAt);
    return stored;
  }

  /**
   * Deletes a draft: it is gone from every read, and its history, which records the deletion,
   * stays on record.
   */
  async delete(id: number, actor: WorkflowActor): Promise<void> {
    const current = await this.get(id);
    this.ensureAllowed(current, actor, 'delete');
    const at = this.now().toISOString();
    const deleted = await this.store.transaction(async tx => {
      if (!(await this.store.deleteRequest(tx, id, current.version, at))) {
        return false;
      }
      await this.record(tx, id, actor, 'delete', {}, at);
      return true;
    });
    if (!deleted) {
      const latest = await this.get(id);
      throw staleVersion(id, current.version, latest.version);
    }
    await this.announce({
      requestId: id,
      action: 'delete',
      actor: actor.userEntityRef,
      at,
    });
  }

  /**
   * Records that the permission policy or the workflow refused someone a write on this
   * request: the history keeps refusals too, with who and when.
   */
  async recordDenial(
    id: number,
    actor: WorkflowActor,
    action: string,
    reason: string,
  ): Promise<void> {
    const at = this.now().toISOString();
    await this.store.transaction(tx =>
      this.record(tx, id, actor, 'denied', {}, at, `${action}: ${reason}`),
    );
  }

  async history(id: number): Promise<HistoryEntry[]> {
    await this.get(id);
    return this.store.listHistory(id);
  }

  async reviews(id: number): Promise<RequestReview[]> {
    await this.get(id);
    return this.store.listReviews(id);
  }

  async comments(id: number): Promise<RequestComment[]> {
    await this.get(id);
    return this.store.listComments(id);
  }

  /** Announces a change that adds to a request without changing its fields or version. */
  private announceAside(
    request: TechRequest,
    actor: WorkflowActor,
    action: string,
    at: string,
  ): Promise<void> {
    return this.announce({
      requestId: request.id,
      action,
      actor: actor.userEntityRef,
      status: request.status,
      version: request.version,
      at,
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
   * Writes `fields` on top of the version that was read, with whatever else `alsoWrite`
   * records, in one transaction. If someone else changed the request in between, nothing is
   * written and the answer is 409 with the version that won.
   */
  private async write(
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
    const updated = withoutNulls({
      ...current,
      ...fields,
      version: current.version + 1,
    });
    await this.announce({
      requestId: current.id,
      action: change.action,
      actor: change.actor.userEntityRef,
      status: updated.status,
      version: updated.version,
      at: change.at,
      ...reviewsNeeded(current, updated),
    });
    return updated;
  }

  private async record(
    tx: StoreTransaction,
    requestId: number,
    actor: WorkflowActor,
    action: string,
    changes: Record<string, FieldChange>,
    at: string,
    note?: string,
  ) {
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

  /** The decision a transition records, for approve, reject and defer. */
  private decisionOf(
    body: TransitionRequest,
    actor: WorkflowActor,
    at: string,
  ): RequestDecision | undefined {
    if (body.decision && body.action !== 'approve') {
      throw invalidFields([
        {
          field: 'decision',
          message: `decision is only taken by approve, not by ${body.action}`,
        },
      ]);
    }
    const outcome = DECISION_OUTCOMES_BY_ACTION[body.action];
    if (!outcome) {
      return undefined;
    }
    const decision: RequestDecision = {
      outcome,
      rationale: body.rationale!.trim(),
      decidedBy: actor.userEntityRef,
      decidedAt: at,
    };
    if (outcome === 'approved') {
      const { path, targetEntityRef, vendor } = body.decision!;
      decision.path = path;
      if (targetEntityRef !== undefined) {
        decision.targetEntityRef = normalizeEntityRef(targetEntityRef);
        if (!decision.targetEntityRef) {
          throw invalidFields([
            {
              field: 'decision.targetEntityRef',
              message: `decision.targetEntityRef must be an entity ref such as component:default/esign-gateway, got '${targetEntityRef}'`,
            },
          ]);
        }
      }
      if (vendor?.trim()) {
        decision.vendor = vendor.trim();
      }
    }
    return decision;
  }

  /** A reuse approval names one of the candidates reviewers confirmed. */
  private ensureReuseTargetConfirmed(
    request: TechRequest,
    decision: RequestDecision,
  ) {
    if (decision.path !== 'reuse' || !decision.targetEntityRef) {
      return;
    }
    const confirmed = confirmedReuseCandidates(request.reuseSuggestions);
    if (!confirmed.includes(decision.targetEntityRef)) {
      throw invalidFields([
        {
          field: 'decision.targetEntityRef',
          message: confirmed.length
            ? `decision.targetEntityRef must be a confirmed reuse candidate: ${confirmed.join(', ')}`
            : 'decision.targetEntityRef must be a confirmed reuse candidate, and none is confirmed yet: confirm one first',
        },
      ]);
    }
  }

  /** The requesting group: the one named, which the actor must belong to, or their only one. */
  private requestingGroupFor(
    named: string | undefined,
    actor: WorkflowActor,
  ): string {
    const groups = groupsOf(actor);
    if (named) {
      if (!groups.includes(named)) {
        throw new NotAllowedError(
          `You can only file requests for a group you belong to; you are not a member of ${named}`,
        );
      }
      return named;
    }
    if (groups.length === 1) {
      return groups[0];
    }
    throw invalidFields([
      {
        field: 'requestingGroup',
        message: groups.length
          ? `requestingGroup is required: you belong to ${groups.join(', ')}`
          : 'requestingGroup is required, and you belong to no group in the catalog',
      },
    ]);
  }
}
