import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  HistoryEntry,
  RequestComment,
  RequestPage,
  RequestQuery,
  RequestReview,
  RequestStatus,
  ReviewArea,
  ReviewedAnswer,
  ReviewVerdict,
  TechRequest,
  WaitingFor,
} from '@tech-requests/plugin-tech-requests-common';
import { Knex } from 'knex';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { PORTFOLIO_FIELDS, PortfolioLedger } from './PortfolioLedger';
import { RequestFilter } from './RequestFilter';
import {
  applyCriteria,
  decodeCursor,
  encodeCursor,
  SORT_KEYS,
  whereTextMatches,
  whereWaitingFor,
} from './requestQueries';
import {
  COMMENTS,
  fromColumns,
  fromHistoryRow,
  HISTORY,
  live,
  NewRequestRow,
  REQUESTS,
  REVIEWS,
  Row,
  toColumns,
} from './requestRows';

export type { NewRequestRow };

const migrationsDir = resolvePackagePath(
  '@tech-requests/plugin-tech-requests-backend',
  'migrations',
);

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

/**
 * A review as stored: with the answers of its area the reviewer saw. Whether those still hold
 * is decided against the request (`reviewsOf`).
 */
export type StoredReview = Omit<
  RequestReview,
  'changedSince' | 'supersededBy'
> & {
  answersSeen?: Partial<Record<ReviewedAnswer, unknown>>;
};

/** A history entry as it is written. */
export type NewHistoryEntry = Omit<HistoryEntry, 'id'>;

/** A handle on an open transaction; every write goes through one. */
export type StoreTransaction = Knex.Transaction;

/** Reads and writes requests, their history, reviews and comments. Holds all the SQL. */
export class RequestStore {
  /**
   * Opens the plugin's database, bringing its schema up to date unless told not to. The
   * portfolio's facts are kept with every write, capabilities named as `portfolio` names them.
   */
  static async create(
    database: DatabaseService,
    portfolio?: PortfolioLedger,
  ): Promise<RequestStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new RequestStore(client, portfolio);
  }

  constructor(
    private readonly db: Knex,
    private readonly portfolio: PortfolioLedger = new PortfolioLedger(),
  ) {}

  /** Runs `work` in one transaction: it all lands, or none of it does. */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insertRequest(
    tx: StoreTransaction,
    request: NewRequestRow,
  ): Promise<number> {
    const id = await this.insertReturningId(tx, REQUESTS, toColumns(request));
    await this.portfolio.record(tx, { id, ...request });
    return id;
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

  /** The requests of these ids that exist (deleted ones do not). */
  async requestsByIds(ids: number[]): Promise<TechRequest[]> {
    const found: TechRequest[] = [];
    // In slices: a database binds a limited number of values per statement.
    for (let start = 0; start < ids.length; start += 500) {
      const rows = await live(this.db(REQUESTS)).whereIn(
        'id',
        ids.slice(start, start + 500),
      );
      found.push(...rows.map(fromColumns));
    }
    return found;
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
    if (updated !== 1) {
      return false;
    }
    if (Object.keys(fields).some(field => PORTFOLIO_FIELDS.has(field as any))) {
      await this.recordPortfolioFacts(tx, id);
    }
    return true;
  }

  private async recordPortfolioFacts(tx: StoreTransaction, id: number) {
    const request = await this.getRequest(id, tx);
    if (request) {
      await this.portfolio.record(tx, request);
    }
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
    if (deleted === 1) {
      await this.portfolio.forget(tx, id);
    }
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
    const write = async (within: StoreTransaction) => {
      const updated = await within(REQUESTS)
        .where({ id, version })
        .update(toColumns({ assessment }));
      if (updated === 1) {
        // What an approval costs comes from the assessment.
        await this.recordPortfolioFacts(within, id);
      }
      return updated === 1;
    };
    return tx ? write(tx) : this.transaction(write);
  }

  /** Changes whenever a request is added, changed or deleted: its count and last change. */
  async requestsFingerprint(): Promise<string> {
    const row: { count?: number | string; latest?: string } | undefined =
      await live(this.db(REQUESTS))
        .select(
          this.db.raw('COUNT(*) as ??', ['count']),
          this.db.raw('MAX(updated_at) as ??', ['latest']),
        )
        .first();
    return `${Number(row?.count ?? 0)}:${row?.latest ?? ''}`;
  }

  /** Of these requests, the ids of those still drafts. */
  async draftsAmong(ids: number[]): Promise<Set<number>> {
    const rows = await live(this.db(REQUESTS))
      .whereIn('id', ids)
      .where({ status: 'draft' })
      .select('id');
    return new Set(rows.map((row: { id: number }) => Number(row.id)));
  }

  /**
   * Sets the last-change time without a new version: reviews and comments use it. Returns
   * false when the request is gone (deleted meanwhile): nothing is then changed.
   */
  async touchRequest(
    tx: StoreTransaction,
    id: number,
    at: string,
  ): Promise<boolean> {
    const touched = await live(tx(REQUESTS))
      .where({ id })
      .update({ updated_at: at });
    return touched > 0;
  }

  /** Whether the history holds a refusal of this person's action since `since`. */
  async hasDenialSince(
    tx: StoreTransaction,
    requestId: number,
    actor: string,
    action: string,
    since: string,
  ): Promise<boolean> {
    const row = await tx(HISTORY)
      .where({ request_id: requestId, action: 'denied', actor })
      .where('at', '>=', since)
      .where('note', 'like', `${action}:%`)
      .first('id');
    return Boolean(row);
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
      if (query.waitingFor) {
        builder.where(inner => whereWaitingFor(inner, query.waitingFor!));
      }
      if (query.readable) {
        builder.where(inner => applyCriteria(inner, query.readable!));
      }
      if (query.q) {
        builder.where(inner => whereTextMatches(inner, query.q!));
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

  /** A page of a request's history, oldest first, after the entry `afterId` when given. */
  async listHistory(
    requestId: number,
    page: { limit: number; afterId?: number },
  ): Promise<{ items: HistoryEntry[]; more: boolean }> {
    const query = this.db(HISTORY).where({ request_id: requestId });
    if (page.afterId !== undefined) {
      query.where('id', '>', page.afterId);
    }
    const rows = await query.orderBy('id').limit(page.limit + 1);
    return {
      items: rows.slice(0, page.limit).map(fromHistoryRow),
      more: rows.length > page.limit,
    };
  }

  async insertReview(
    tx: StoreTransaction,
    review: Omit<StoredReview, 'id'>,
  ): Promise<StoredReview> {
    const row = {
      request_id: review.requestId,
      reviewer: review.reviewer,
      area: review.area,
      verdict: review.verdict,
      comment: review.comment,
      created_at: review.createdAt,
      request_version: review.requestVersion ?? null,
      assessment_version: review.assessmentVersion ?? null,
      answers_seen: review.answersSeen
        ? JSON.stringify(review.answersSeen)
        : null,
    };
    const id = await this.insertReturningId(tx, REVIEWS, row);
    return { id, ...review };
  }

  async listReviews(requestId: number): Promise<StoredReview[]> {
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
      ...(row.request_version !== null && {
        requestVersion: Number(row.request_version),
      }),
      ...(row.assessment_version !== null && {
        assessmentVersion: Number(row.assessment_version),
      }),
      ...(row.answers_seen !== null && {
        answersSeen: JSON.parse(row.answers_seen),
      }),
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
