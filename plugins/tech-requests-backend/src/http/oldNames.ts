import { TechRequest } from '@tech-requests/plugin-tech-requests-common';
import { invalidFields } from '../requests/errors';

/**
 * `reuseCandidates` was the name of `namedReuseCandidates` (the requester's named entities,
 * not the entity's confirmed candidates, which its catalog entity calls `reuseCandidates`).
 * Until the next version of the API, bodies may use the old name and answers carry both.
 */
export function acceptingOldNames<
  T extends { reuseCandidates?: string[]; namedReuseCandidates?: string[] },
>(body: T): Omit<T, 'reuseCandidates'> {
  const { reuseCandidates, ...rest } = body;
  if (reuseCandidates === undefined) {
    return rest;
  }
  if (rest.namedReuseCandidates !== undefined) {
    throw invalidFields([
      {
        field: 'reuseCandidates',
        message:
          'reuseCandidates is the old name of namedReuseCandidates: give only namedReuseCandidates',
      },
    ]);
  }
  return { ...rest, namedReuseCandidates: reuseCandidates };
}

/** A request as answered: with the old name of `namedReuseCandidates` beside the new one. */
export function withOldNames<T extends TechRequest>(
  request: T,
): T & { reuseCandidates: string[] } {
  return { ...request, reuseCandidates: request.namedReuseCandidates };
}
