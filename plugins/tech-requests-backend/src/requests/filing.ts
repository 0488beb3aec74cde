import { NotAllowedError } from '@backstage/errors';
import {
  allowedActions,
  checkRequestDetails,
  CreateRequestInput,
  DEFAULT_REQUEST_DETAILS,
  evaluateAction,
  requestEntityName,
  TechRequest,
  WorkflowActor,
} from '@tech-requests/plugin-tech-requests-common';
import { NewRequestRow } from '../database/RequestStore';
import { invalidFields, refusalError } from './errors';
import { diff, reviewsNeeded, withoutNulls } from './history';
import { RequestWriter } from './RequestWriter';
import { RequestUser } from './types';

/** The groups among a person's ownership refs. */
function groupsOf(actor: WorkflowActor): string[] {
  return actor.ownershipEntityRefs.filter(ref => ref.startsWith('group:'));
}

/** The requesting group: the one named, which the actor must belong to, or their only one. */
export function requestingGroupFor(
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

/**
 * Files a request as a draft, or submits it at once: then it is recorded as the two steps it
 * stands for, with the reuse snapshot and the assessment of a submitted request.
 */
export async function fileRequest(
  writer: RequestWriter,
  input: CreateRequestInput,
  user: RequestUser,
): Promise<TechRequest> {
  const { actor } = user;
  await writer.permissions.ensureCreate(user.credentials);
  const { submit, ...fields } = input;
  const { value: details, problems } = checkRequestDetails(fields);
  if (problems.length) {
    throw invalidFields(problems);
  }
  const requestingGroup = requestingGroupFor(details.requestingGroup, actor);
  const at = writer.now();
  const draft: NewRequestRow = {
    ...DEFAULT_REQUEST_DETAILS,
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
    reuseSuggestions = await writer.refreshedCandidates({ id: 0, ...draft });
  }
  // Submitted at once: assessed as the request will be after its two steps.
  const assessed = submit
    ? await writer.assessmentFor(
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

  const { store } = writer;
  const created = await store.transaction(async tx => {
    const id = await store.insertRequest(tx, draft);
    const { updatedAt, version, ...initial } = draft;
    await writer.record(tx, id, actor, 'create', diff({}, initial), at);
    if (!submit) {
      return { id, ...draft };
    }
    const submission = {
      status: 'submitted' as const,
      submittedAt: at,
      // The entity name needs the id, which only the insert tells.
      entityName: requestEntityName(id, draft.title),
    };
    await store.updateRequest(tx, id, draft.version, {
      ...submission,
      reuseSuggestions,
      ...assessed,
    });
    await writer.record(tx, id, actor, 'submit', diff(draft, submission), at);
    return {
      id,
      ...draft,
      ...submission,
      reuseSuggestions,
      ...assessed,
      version: draft.version + 1,
    };
  });
  await writer.announce(
    {
      requestId: created.id,
      action: submit ? 'submit' : 'create',
      actor: actor.userEntityRef,
      status: created.status,
      version: created.version,
      at,
      ...reviewsNeeded(undefined, created),
    },
    created,
  );
  return created;
}
