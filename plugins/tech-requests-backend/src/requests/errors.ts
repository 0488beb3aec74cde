import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import {
  FieldProblem,
  RequestAction,
  WorkflowOutcome,
} from '@tech-requests/plugin-tech-requests-common';

/**
 * Extra properties on an error are serialised into the `error` object of Backstage's error
 * body, so clients can read them without parsing the message.
 */
function withDetails<E extends Error>(
  error: E,
  details: Record<string, unknown>,
): E {
  return Object.assign(error, details);
}

/** A 400 naming every field at fault. */
export function invalidFields(problems: FieldProblem[]): InputError {
  return withDetails(new InputError(problems.map(p => p.message).join('; ')), {
    fields: problems.map(p => p.field),
  });
}

/** A 409 for an edit or transition based on an old version of the request. */
export function staleVersion(
  id: number,
  sent: number,
  current: number,
): ConflictError {
  return withDetails(
    new ConflictError(
      `Request ${id} has changed since version ${sent}; the current version is ${current}. Read it again and retry.`,
    ),
    { currentVersion: current },
  );
}

/** Turns a workflow refusal into the HTTP error that says why. */
export function refusalError(
  outcome: Extract<WorkflowOutcome, { allowed: false }>,
  allowedNow: RequestAction[],
): Error {
  switch (outcome.kind) {
    case 'input':
      return invalidFields([
        { field: outcome.field ?? 'body', message: outcome.reason },
      ]);
    case 'actor':
      return withDetails(
        new NotAllowedError(`Not allowed: ${outcome.reason}`),
        {
          allowedActions: allowedNow,
        },
      );
    case 'guard':
      // The request, not the person, is not ready: 409, like a status that does not allow it.
      return withDetails(new ConflictError(`Not yet: ${outcome.reason}`), {
        allowedActions: allowedNow,
      });
    case 'status':
    default:
      return withDetails(
        new ConflictError(
          `${outcome.reason}. Allowed now: ${allowedNow.length ? allowedNow.join(', ') : 'none'}`,
        ),
        { allowedActions: allowedNow },
      );
  }
}
