import { invalidFields } from '../requests/errors';
import express from 'express';

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string in a parsed body or query that no database stores as sent, and why. */
function unstorableText(
  value: unknown,
  at: string,
): { field: string; message: string } | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      return { field: at, message: `${at} must not contain NUL characters` };
    }
    if (LONE_SURROGATE.test(value)) {
      return {
        field: at,
        message: `${at} must not contain unpaired surrogates (half of a UTF-16 pair)`,
      };
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableText(item, `${at}.${key}`);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

/**
 * Refuses text no database stores as sent: NUL (PostgreSQL refuses it) and half of a
 * surrogate pair (stored as U+FFFD, so the request would not read back as it was sent).
 */
export function refuseUnstorableText(): express.RequestHandler {
  return (req, _res, next) => {
    const problem =
      unstorableText(req.body, 'body') ?? unstorableText(req.query, 'query');
    next(problem && invalidFields([problem]));
  };
}
