import { InputError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import {
  RequestSortField,
  WaitingFor,
} from '@tech-requests/plugin-tech-requests-common';
import { Knex } from 'knex';
import { RequestFilter } from './RequestFilter';

/**
 * The conditions of a request list as SQL: permission criteria, "waiting for me", free text,
 * and the cursor of a page.
 */

/** The SQL expression each sort field orders by. */
export const SORT_KEYS: Record<RequestSortField, string> = {
  // Ids grow with creation time, and unlike timestamps they never tie.
  created: 'id',
  updated: 'updated_at',
  // Databases disagree on whether text comparison ignores case; people expect it to.
  title: 'LOWER(title)',
};

const FILTER_COLUMNS = {
  requester: 'requester',
  requestingGroup: 'requesting_group',
  status: 'status',
} as const;

/** Permission criteria as SQL: all-of, any-of and not over field filters. */
export function applyCriteria(
  builder: Knex.QueryBuilder,
  criteria: PermissionCriteria<RequestFilter>,
): void {
  if (isAndCriteria(criteria)) {
    builder.where(all => {
      for (const part of criteria.allOf) {
        all.andWhere(inner => applyCriteria(inner, part));
      }
    });
  } else if (isOrCriteria(criteria)) {
    builder.where(any => {
      for (const part of criteria.anyOf) {
        any.orWhere(inner => applyCriteria(inner, part));
      }
    });
  } else if (isNotCriteria(criteria)) {
    builder.whereNot(inner => applyCriteria(inner, criteria.not));
  } else if ('constant' in criteria) {
    // Portable truth values: every database understands 1 = 1 and 1 = 0.
    builder.whereRaw(criteria.constant ? '1 = 1' : '1 = 0');
  } else {
    // An empty list matches nothing rather than producing invalid SQL.
    const values = criteria.values.length ? criteria.values : ['~'];
    builder.whereIn(FILTER_COLUMNS[criteria.field], values);
  }
}

/**
 * Requests by `userEntityRef` in one of `own`; by anyone else in one of `others`, or in one of
 * `reviews.statuses` still lacking a mandatory review in one of `reviews.areas`.
 */
export function whereWaitingFor(
  builder: Knex.QueryBuilder,
  waiting: { userEntityRef: string } & WaitingFor,
): void {
  builder.where(inner =>
    inner
      .where(own =>
        own
          .where('requester', waiting.userEntityRef)
          .whereIn('status', waiting.own.length ? waiting.own : ['~']),
      )
      .orWhere(others =>
        others.whereNot('requester', waiting.userEntityRef).where(needed =>
          needed
            .whereIn('status', waiting.others.length ? waiting.others : ['~'])
            .orWhere(review =>
              review
                .whereIn(
                  'status',
                  waiting.reviews.statuses.length
                    ? waiting.reviews.statuses
                    : ['~'],
                )
                .where(areas => {
                  // Areas are REVIEW_AREAS words: nothing to escape in the pattern.
                  for (const area of waiting.reviews.areas) {
                    areas.orWhere('missing_reviews', 'like', `%,${area},%`);
                  }
                  if (!waiting.reviews.areas.length) {
                    areas.whereRaw('1 = 0');
                  }
                }),
            ),
        ),
      ),
  );
}

/** Escapes LIKE wildcards with `!`, an escape character all three databases accept. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, c => `!${c}`)}%`;
}

/** Title or need contains the text, whatever its case. */
export function whereTextMatches(builder: Knex.QueryBuilder, text: string) {
  const pattern = likePattern(text);
  builder
    .whereRaw("LOWER(title) LIKE ? ESCAPE '!'", [pattern])
    .orWhereRaw("LOWER(need) LIKE ? ESCAPE '!'", [pattern]);
}

/** Where the next page starts: after the last item of this one. */
export interface Cursor {
  /** The sort value of the last item of the page. */
  v: string | number;
  /** Its id, which breaks ties. */
  id: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Number.isInteger(cursor.id) &&
      (typeof cursor.v === 'string' || typeof cursor.v === 'number')
    ) {
      return cursor;
    }
  } catch {
    // Reported below, like any other cursor that is not ours.
  }
  throw new InputError('cursor is not a cursor this API returned');
}
