import { ResponseError } from '@backstage/errors';

/**
 * What went wrong, in the backend's own words when it gave any: a ResponseError's message is
 * only the status line, while its body says which field or which action is at fault.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
