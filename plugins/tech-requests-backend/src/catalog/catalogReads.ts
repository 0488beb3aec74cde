import { ServiceUnavailableError } from '@backstage/errors';

/** How long a read of the catalog may take while a person waits for the answer. */
export const CATALOG_READ_TIMEOUT_MS = 10_000;

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Runs a read of the catalog that an API call waits for. When the catalog cannot be reached,
 * answers 5xx, or does not answer within `timeoutMs`, the read fails with
 * ServiceUnavailableError (503: try again shortly) instead of a 500 or an answer that never
 * comes. The catalog's 4xx answers pass through unchanged.
 */
export async function readCatalog<T>(
  what: string,
  read: () => Promise<T>,
  timeoutMs = CATALOG_READ_TIMEOUT_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const pending = read();
  // A read given up on may still fail later; nobody waits for it any more.
  pending.catch(() => {});
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ServiceUnavailableError(
            `The catalog did not answer within ${timeoutMs} ms while reading ${what}; try again shortly`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([pending, timedOut]);
  } catch (error) {
    const status = statusOf(error);
    if (
      error instanceof ServiceUnavailableError ||
      (status !== undefined && status < 500)
    ) {
      throw error;
    }
    throw new ServiceUnavailableError(
      `The catalog could not be read (${what}); try again shortly`,
      error,
    );
  } finally {
    clearTimeout(timer);
  }
}
