import {
  checkRequestDetails,
  CostInputs,
  normalizeEntityRef,
  ReuseAssessmentInput,
  TechRequest,
  UpdateRequestInput,
} from '@tech-requests/plugin-tech-requests-common';
import { checkCostInputs } from '../assessment';
import { NewRequestRow } from '../database/RequestStore';
import { invalidFields, staleVersion } from './errors';
import { requestingGroupFor } from './filing';
import { diff, withoutNulls } from './history';
import { RequestWriter } from './RequestWriter';
import { assessCandidate } from './reuseCandidates';
import { RequestUser } from './types';

/** Fields whose change makes the engine look for reuse again. */
const NEED_FIELDS = ['title', 'need', 'capabilities', 'namedReuseCandidates'];

/** The requester edits the details of their request; the history keeps each field's change. */
export async function editRequest(
  writer: RequestWriter,
  id: number,
  input: UpdateRequestInput,
  user: RequestUser,
): Promise<TechRequest> {
  const { version, ...fields } = input;
  const { current } = await writer.loadForChange(id, user, 'edit', { version });
  const { value: details, problems } = checkRequestDetails(fields);
  if (problems.length) {
    throw invalidFields(problems);
  }
  if (
    details.requestingGroup &&
    details.requestingGroup !== current.requestingGroup
  ) {
    requestingGroupFor(details.requestingGroup, user.actor);
  }

  const changes = diff(current, details);
  if (!Object.keys(changes).length) {
    return current;
  }
  const updatedAt = writer.now();
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
    changed.reuseSuggestions = await writer.refreshedCandidates(
      withoutNulls({ ...current, ...changed }) as TechRequest,
    );
  }
  Object.assign(
    changed,
    await writer.assessmentFor(writer.next(current, changed)),
  );
  return writer.write(
    current,
    { ...changed, updatedAt },
    { actor: user.actor, action: 'edit', at: updatedAt },
    tx => writer.record(tx, id, user.actor, 'edit', changes, updatedAt),
  );
}

/**
 * A reviewer confirms or dismisses one of the request's reuse candidates, or adds one the
 * engine missed (it must be in the catalog). Confirmed candidates become the request's
 * `hasReuseCandidate` relations in the catalog.
 */
export async function assessReuseCandidate(
  writer: RequestWriter,
  id: number,
  input: ReuseAssessmentInput,
  user: RequestUser,
): Promise<TechRequest> {
  const { current } = await writer.loadForChange(id, user, 'assess-reuse', {
    version: input.version,
  });
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
  const described = known ? undefined : await writer.reuse.describe(entityRef);
  if (!known && !described) {
    throw invalidFields([
      {
        field: 'entityRef',
        message: `entityRef ${entityRef} is neither a candidate of this request nor an entity in the catalog`,
      },
    ]);
  }
  const at = writer.now();
  const { candidates, before } = assessCandidate(
    current.reuseSuggestions,
    {
      entityRef,
      state: input.state,
      note: input.note,
      assessedBy: user.actor.userEntityRef,
      assessedAt: at,
    },
    described,
  );
  const assessed = await writer.assessmentFor(
    writer.next(current, { reuseSuggestions: candidates }),
  );
  return writer.write(
    current,
    { reuseSuggestions: candidates, ...assessed, updatedAt: at },
    { actor: user.actor, action: 'assess-reuse', at },
    tx =>
      writer.record(
        tx,
        id,
        user.actor,
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
export async function adjustCostInputs(
  writer: RequestWriter,
  id: number,
  body: { version: number; inputs: CostInputs },
  user: RequestUser,
): Promise<TechRequest> {
  const { current } = await writer.loadForChange(id, user, 'adjust-costs', {
    version: body.version,
  });
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
  const at = writer.now();
  const fields: Partial<NewRequestRow> = { costInputs: body.inputs };
  Object.assign(
    fields,
    await writer.assessmentFor(writer.next(current, fields)),
  );
  return writer.write(
    current,
    { ...fields, updatedAt: at },
    { actor: user.actor, action: 'cost-inputs', at },
    tx =>
      writer.record(
        tx,
        id,
        user.actor,
        'cost-inputs',
        diff(current, { costInputs: body.inputs }),
        at,
      ),
  );
}

/**
 * Deletes a draft: it is gone from every read, and its history, which records the deletion,
 * stays on record.
 */
export async function deleteDraft(
  writer: RequestWriter,
  id: number,
  user: RequestUser,
): Promise<void> {
  const { current } = await writer.loadForChange(id, user, 'delete');
  const at = writer.now();
  const { store } = writer;
  const deleted = await store.transaction(async tx => {
    if (!(await store.deleteRequest(tx, id, current.version, at))) {
      return false;
    }
    await writer.record(tx, id, user.actor, 'delete', {}, at);
    return true;
  });
  if (!deleted) {
    const latest = await writer.get(id);
    throw staleVersion(id, current.version, latest.version);
  }
  await writer.announce(
    {
      requestId: id,
      action: 'delete',
      actor: user.actor.userEntityRef,
      at,
    },
    current,
  );
}
