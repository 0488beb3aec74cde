import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  FieldChange,
  HistoryEntry,
  RequestComment,
  RequestPage,
  RequestQuery,
  RequestReview,
  RequestSortField,
  RequestStatus,
  ReviewArea,
  ReviewVerdict,
  TechRequest,
  WaitingFor,
} from '@tech-requests/plugin-tech-requests-common';
import { Knex } from 'knex';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { RequestFilter } from './RequestFilter';

const migrationsDir = resolvePackagePath(
  '@tech-requests/plugin-tech-requests-backend',
  'migrations',
);

const REQUESTS = 'tech_requests';
const HISTORY = 'tech_request_history';
const REVIEWS = 'tech_request_reviews';
const COMMENTS = 'tech_request_comments';

/** Filters the store understands: the API's, with "waiting for me" spelled out. */
export type StoreQuery = Omit<RequestQuery, 'waitingForMe'> & {
  /** What the reader may see, from a conditional permission decision. */
  readable?: PermissionCriteria<RequestFilter>;
  /**
   * Requests by `userEntityRef` in one of `own`; by anyone else in one of `others`, or in one
   * of `reviews.statuses` still lacking a mandatory review in one of `reviews.areas`.
   */
  waitingFor?: { userEntityRef: string } & WaitingFor;
};

/** A request as it is written: everything but the id. */
export type NewRequestRow = Omit<TechRequest, 'id'>;

/** A history entry as it is written. */
export type NewHistoryEntry = Omit<HistoryEntry, 'id'>;

/** A handle on an open transaction; every write goes through one. */
export type StoreTransaction = Knex.Transaction;

type Row = Record<string, any>;

/** The SQL expression each sort field orders by. */
const SORT_KEYS: Record<RequestSortField, string> = {
  // Ids grow with creation time, and unlike timestamps they never tie.
  created: 'id',
  updated: 'updated_at',
  // Databases disagree on whether text comparison ignores case; people expect it to.
  title: 'LOWER(title)',
};

/** Field name in the model → column name in the table, for the columns a request has. */
const COLUMNS: Record<keyof Omit<TechRequest, 'id'>, string> = {
  title: 'title',
  need: 'need',
  requestingGroup: 'requesting_group',
  requester: 'requester',
  businessSponsor: 'business_sponsor',
  expectedUsers: 'expected_users',
  wantedBy: 'wanted_by',
  budgetRange: 'budget_range',
  capabilities: 'capabilities',
  integrations: 'integrations',
  reuseCandidates: 'reuse_candidates',
  dataClassification: 'data_classification',
  handlesPersonalData: 'handles_personal_data',
  hosting: 'hosting',
  signIn: 'sign_in',
  dataLocation: 'data_location',
  vendorCertifications: 'vendor_certifications',
  vendorCandidates: 'vendor_candidates',
  preferredPath: 'preferred_path',
  status: 'status',
  decision: 'decision',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  submittedAt: 'submitted_at',
  version: 'version',
  entityName: 'entity_name',
  reuseSuggestions: 'reuse_suggestions',
  costInputs: 'cost_inputs',
  statusChangedAt: 'status_changed_at',
  assessment: 'assessment',
};

const JSON_FIELDS = new Set<string>([
  'budgetRange',
  'capabilities',
  'integrations',
  'reuseCandidates',
  'reuseSuggestions',
  'vendorCertifications',
  'costInputs',
  'assessment',
  'vendorCandidates',
  'decision',
]);

/** Requests not deleted: every read and write of requests goes through this. */
const live = (query: Knex.QueryBuilder) => query.whereNull('deleted_at');

/** The column "waiting for me" searches: `,security,privacy,`, or null when none is missing. */
function missingReviewsColumn(assessment: TechRequest['assessment']) {
  const missing = assessment?.missingReviews ?? [];
  return missing.length ? `,${missing.join(',')},` : null;
}

function toColumns(fields: Partial<NewRequestRow>): Row {
  const row: Row = {};
  for (const [field, value] of Object.entries(fields)) {
    const column = COLUMNS[field as keyof NewRequestRow];
    if (value === undefined || value === null) {
      row[column] = null;
    } else {
      row[column] = JSON_FIELDS.has(field) ? JSON.stringify(value) : value;
    }
  }
  if ('assessment' in fields) {
    row.missing_reviews = missingReviewsColumn(fields.assessment);
  }
  return row;
}

function fromColumns(row: Row): TechRequest {
  const request: Row = { id: Number(row.id) };
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = row[column];
    if (value === null || value === undefined) {
      continue;
    }
    request[field] = JSON_FIELDS.has(field) ? JSON.parse(value) : value;
  }
  // MySQL and SQLite hand booleans back as 0/1, and some drivers integers as strings.
  request.handlesPersonalData = Boolean(request.handlesPersonalData);
  request.version = Number(request.version);
  request.reuseCandidates ??= [];
  request.reuseSuggestions ??= [];
  request.vendorCertifications ??= [];
  if (request.expectedUsers !== undefined) {
    request.expectedUsers = Number(request.expectedUsers);
  }
  return request as TechRequest;
}

const FILTER_COLUMNS = {
  requester: 'requester',
  requestingGroup: 'requesting_group',
  status: 'status',
} as const;

/** Permission criteria as SQL: all-of, any-of and not over field filters. */
function applyCriteria(
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

interface Cursor {
  /** The sort value of the last item of the page. */
  v: string | number;
  /** Its id, which breaks ties. */
  id: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
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

/** Escapes LIKE wildcards with `!`, an escape character all three databases accept. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, c => `!${c}`)}%`;
}

/** Reads and writes requests, their history, reviews and comments. Holds all the SQL. */
export class RequestStore {
  /** Opens the plugin's database, bringing its schema up to date unless told not to. */
  static async create(database: DatabaseService): Promise<RequestStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new RequestStore(client);
  }

  constructor(private readonly db: Knex) {}

  /** Runs `work` in one transaction: it all lands, or none of it does. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insertRequest(
    tx: StoreTransaction,
    request: NewRequestRow,
  ): Promise<number> {
    return this.insertReturningId(tx, REQUESTS, toColumns(request));
  }

  async getRequest(
    id: number,
    tx?: StoreTransaction,
  ): Promise<TechRequest | undefined> {
    const row = await live((tx ?? this.db)(REQUESTS))
      .where({ id })
      .first();
    return row ? fromColumns(row) : undefined;
  }

  /** Every request in one of these statuses, oldest first: what similar requests are chosen from. */
  async listInStatuses(
    statuses: readonly RequestStatus[],
  ): Promise<TechRequest[]> {
    const rows = await live(this.db(REQUESTS))
      .whereIn('status', [...statuses])
      .orderBy('id');
    return rows.map(fromColumns);
  }

  /**
   * Writes the changed fields if the request is still at `expectedVersion`, and moves it to
   * the next version. Returns false when someone else changed it first.
   */
  async updateRequest(
    tx: StoreTransaction,
    id: number,
    expectedVersion: number,
    fields: Partial<NewRequestRow>,
  ): Promise<boolean> {
    const updated = await live(tx(REQUESTS))
      .where({ id, version: expectedVersion })
      .update({ ...toColumns(fields), version: expectedVersion + 1 });
    return updated === 1;
  }

  /**
   * Marks a request still at `expectedVersion` deleted: it is gone from every read, while its
   * history, reviews and comments stay on record. Returns false when someone else changed it
   * first.
   */
  async deleteRequest(
    tx: StoreTransaction,
    id: number,
    expectedVersion: number,
    at: string,
  ): Promise<boolean> {
    const deleted = await live(tx(REQUESTS))
      .where({ id, version: expectedVersion })
      .update({ deleted_at: at, version: expectedVersion + 1 });
    return deleted === 1;
  }

  /**
   * Replaces a request's assessment snapshot without moving its version: the snapshot
   * follows from the request, it is not an edit. Written only if the request is still at
   * `version`; otherwise whoever moved it on writes their own.
   */
  async updateAssessment(
    id: number,
    version: number,
    assessment: TechRequest['assessment'],
    tx?: StoreTransaction,
  ): Promise<boolean> {
    const updated = await (tx ?? this.db)(REQUESTS)
      .where({ id, version })
      .update(toColumns({ assessment }));
    return updated === 1;
  }

  /** Sets the last-change time without a new version: reviews and comments use it. */
  async touchRequest(
    tx: StoreTransaction,
    id: number,
    at: string,
  ): Promise<void> {
    await tx(REQUESTS).where({ id }).update({ updated_at: at });
  }

  async listRequests(query: StoreQuery): Promise<RequestPage> {
    const sort = query.sort ?? 'created';
    const order = query.order ?? 'desc';
    const limit = query.limit ?? 20;

    const filtered = live(this.db(REQUESTS)).where(builder => {
      if (query.status?.length) {
        builder.whereIn('status', query.status);
      }
      if (query.requestingGroup) {
        builder.where('requesting_group', query.requestingGroup);
      }
      if (query.requester) {
        builder.where('requester', query.requester);
      }
      const waiting = query.waitingFor;
      if (waiting) {
        builder.where(inner =>
          inner
            .where(own =>
              own
                .where('requester', waiting.userEntityRef)
                .whereIn('status', waiting.own.length ? waiting.own : ['~']),
            )
            .orWhere(others =>
              others
                .whereNot('requester', waiting.userEntityRef)
                .where(needed =>
                  needed
                    .whereIn(
                      'status',
                      waiting.others.length ? waiting.others : ['~'],
                    )
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
                            areas.orWhere(
                              'missing_reviews',
                              'like',
                              `%,${area},%`,
                            );
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
      if (query.readable) {
        builder.where(inner => applyCriteria(inner, query.readable!));
      }
      if (query.q) {
        const pattern = likePattern(query.q);
        builder.where(inner =>
          inner
            .whereRaw("LOWER(title) LIKE ? ESCAPE '!'", [pattern])
            .orWhereRaw("LOWER(need) LIKE ? ESCAPE '!'", [pattern]),
        );
      }
    });

    const [{ count }] = await filtered.clone().count({ count: '*' });

    const sortKey = SORT_KEYS[sort];
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const page = filtered
      .clone()
      .select('*', this.db.raw(`${sortKey} AS sort_key`));
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      const after = order === 'asc' ? '>' : '<';
      page.where(builder =>
        builder
          .whereRaw(`${sortKey} ${after} ?`, [cursor.v])
          .orWhere(tie =>
            tie
              .whereRaw(`${sortKey} = ?`, [cursor.v])
              .andWhere('id', after, cursor.id),
          ),
      );
    } else if (query.offset) {
      page.offset(query.offset);
    }
    const rows = await page
      .orderByRaw(`${sortKey} ${direction}, id ${direction}`)
      .limit(limit + 1);

    const items = rows.slice(0, limit).map(fromColumns);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items,
      totalCount: Number(count),
      ...(last && {
        nextCursor: encodeCursor({ v: last.sort_key, id: Number(last.id) }),
      }),
    };
  }

  async insertHistory(
    tx: StoreTransaction,
    entry: NewHistoryEntry,
  ): Promise<void> {
    await tx(HISTORY).insert({
      request_id: entry.requestId,
      actor: entry.actor,
      action: entry.action,
      at: entry.at,
      changes: JSON.stringify(entry.changes),
      note: entry.note ?? null,
    });
  }

  async listHistory(requestId: number): Promise<HistoryEntry[]> {
    const rows = await this.db(HISTORY)
      .where({ request_id: requestId })
      .orderBy('id');
    return rows.map(row => ({
      id: Number(row.id),
      requestId: Number(row.request_id),
      actor: row.actor,
      action: row.action,
      at: row.at,
      changes: JSON.parse(row.changes) as Record<string, FieldChange>,
      ...(row.note !== null && { note: row.note }),
    }));
  }

  async insertReview(
    tx: StoreTransaction,
    review: Omit<RequestReview, 'id'>,
  ): Promise<RequestReview> {
    const row = {
      request_id: review.requestId,
      reviewer: review.reviewer,
      area: review.area,
      verdict: review.verdict,
      comment: review.comment,
      created_at: review.createdAt,
    };
    const id = await this.insertReturningId(tx, REVIEWS, row);
    return { id, ...review };
  }

  async listReviews(requestId: number): Promise<RequestReview[]> {
    const rows = await this.db(REVIEWS)
      .where({ request_id: requestId })
      .orderBy('id');
    return rows.map(row => ({
      id: Number(row.id),
      requestId: Number(row.request_id),
      reviewer: row.reviewer,
      area: row.area as ReviewArea,
      verdict: row.verdict as ReviewVerdict,
      comment: row.comment,
      createdAt: row.created_at,
    }));
  }

  async insertComment(
    tx: StoreTransaction,
    comment: Omit<RequestComment, 'id'>,
  ): Promise<RequestComment> {
    const id = await this.insertReturningId(tx, COMMENTS, {
      request_id: comment.requestId,
      author: comment.author,
      body: comment.body,
      created_at: comment.createdAt,
    });
    return { id, ...comment };
  }

  async listComments(requestId: number): Promise<RequestComment[]> {
    const rows = await this.db(COMMENTS)
      .where({ request_id: requestId })
      .orderBy('id');
    return rows.map(row => ({
      id: Number(row.id),
      requestId: Number(row.request_id),
      author: row.author,
      body: row.body,
      createdAt: row.created_at,
    }));
  }

  private async insertReturningId(
    tx: StoreTransaction,
    table: string,
    row: Row,
  ): Promise<number> {
    // PostgreSQL reports the new id only through RETURNING; the others through insertId.
    const [inserted] =
      this.db.client.config.client === 'pg'
        ? await tx(table).insert(row, ['id'])
        : await tx(table).insert(row);
    return Number(typeof inserted === 'object' ? inserted.id : inserted);
  }
}
