import {
  confirmedReuseCandidates,
  DecisionOutcome,
  normalizeEntityRef,
  RequestDecision,
  requestEntityName,
  TechRequest,
  TransitionAction,
  TransitionRequest,
  WorkflowActor,
} from '@tech-requests/plugin-tech-requests-common';
import { NewRequestRow } from '../database/RequestStore';
import { invalidFields } from './errors';
import { diff } from './history';
import { RequestWriter } from './RequestWriter';
import { RequestUser } from './types';

const DECISION_OUTCOMES_BY_ACTION: Partial<
  Record<TransitionAction, DecisionOutcome>
> = {
  approve: 'approved',
  reject: 'rejected',
  defer: 'deferred',
};

/** The decision a transition records, for approve, reject and defer. */
function decisionOf(
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
function ensureReuseTargetConfirmed(
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

/**
 * Moves a request through the workflow: submission (with a fresh reuse snapshot), review,
 * decisions (with what was decided and why), delivery and withdrawal.
 */
export async function transitionRequest(
  writer: RequestWriter,
  id: number,
  body: TransitionRequest,
  user: RequestUser,
): Promise<TechRequest> {
  const { actor } = user;
  const { current, nextStatus: status } = await writer.loadForChange(
    id,
    user,
    body.action,
    { version: body.version, transition: body },
  );
  const at = writer.now();
  const fields: Partial<NewRequestRow> = { status };
  if (status !== current.status) {
    fields.statusChangedAt = at;
  }
  if (body.action === 'submit') {
    fields.submittedAt = at;
    fields.entityName =
      current.entityName ?? requestEntityName(id, current.title);
  }
  const decision = decisionOf(body, actor, at);
  if (decision) {
    ensureReuseTargetConfirmed(current, decision);
    fields.decision = decision;
  }
  const snapshot =
    body.action === 'submit'
      ? { reuseSuggestions: await writer.refreshedCandidates(current) }
      : {};
  Object.assign(
    snapshot,
    await writer.assessmentFor(
      writer.next(current, { ...fields, ...snapshot }),
    ),
  );
  return writer.write(
    current,
    { ...fields, ...snapshot, updatedAt: at },
    { actor, action: body.action, at },
    tx =>
      writer.record(
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
