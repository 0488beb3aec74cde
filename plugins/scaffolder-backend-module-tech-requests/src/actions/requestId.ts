import { InputError } from '@backstage/errors';
import { MAX_REQUEST_ID } from '@tech-requests/plugin-tech-requests-common';
import type { z as zod } from 'zod/v3';

/**
 * The `requestId` input of both actions. A template passes it as a number
 * (`${{ parameters.requestId }}` keeps the type of the form field) or, written by hand, as a
 * string of digits; both are accepted.
 */
export const requestIdInput = (z: typeof zod) =>
  z
    .union([
      z.number().int().min(1).max(MAX_REQUEST_ID),
      z.string().regex(/^\s*\d+\s*$/),
    ])
    .describe(
      'The id of the technology request behind this work, as in /tech-requests/42',
    );

/** The request id an action was given, as a number; refuses what is not one. */
export function requestIdOf(value: unknown): number {
  const id = typeof value === 'string' ? Number(value.trim()) : value;
  if (
    typeof id !== 'number' ||
    !Number.isSafeInteger(id) ||
    id < 1 ||
    id > MAX_REQUEST_ID
  ) {
    throw new InputError(
      `requestId must be the id of a technology request (a whole number from 1 to ${MAX_REQUEST_ID}), got '${String(value)}'`,
    );
  }
  return id;
}
