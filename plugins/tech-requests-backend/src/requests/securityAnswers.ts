import {
  checkRequestDetails,
  SecurityAnswersCorrection,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { NewRequestRow } from '../database/RequestStore';
import { invalidFields } from './errors';
import { diff } from './history';
import { RequestWriter } from './RequestWriter';
import { RequestUser } from './types';

/**
 * A reviewer corrects the requester's answers on data and security — a requester who answered
 * "don't know", or guessed wrong, should not leave the risk on a guess. The risk is recomputed
 * from the corrected answers; the history keeps each answer before and after, and why. Reviews
 * that judged the old answers count as stale, as after an edit.
 */
export async function correctSecurityAnswers(
  writer: RequestWriter,
  id: number,
  body: SecurityAnswersCorrection,
  user: RequestUser,
): Promise<TechRequest> {
  const { current } = await writer.loadForChange(id, user, 'correct-answers', {
    version: body.version,
  });
  const { value: answers, problems } = checkRequestDetails(body.answers);
  if (problems.length) {
    throw invalidFields(
      problems.map(problem => ({
        field: `answers.${problem.field}`,
        message: `answers.${problem.message}`,
      })),
    );
  }
  const changes = diff(current, answers);
  if (!Object.keys(changes).length) {
    return current;
  }
  const at = writer.now();
  const fields = Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [field, change.after]),
  ) as Partial<NewRequestRow>;
  Object.assign(
    fields,
    await writer.assessmentFor(writer.next(current, fields)),
  );
  return writer.write(
    current,
    { ...fields, updatedAt: at },
    { actor: user.actor, action: 'correct-answers', at },
    tx =>
      writer.record(
        tx,
        id,
        user.actor,
        'correct-answers',
        changes,
        at,
        body.note?.trim() || undefined,
      ),
  );
}
