import {
  PortfolioDecision,
  RequestStatus,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { Knex } from 'knex';
import { OverdueStarts } from '../portfolio/overdueStarts';
import {
  PORTFOLIO,
  PORTFOLIO_CAPABILITIES,
  PortfolioLedger,
} from './PortfolioLedger';
import { fromColumns, live, REQUESTS } from './requestRows';

/** Which facts an aggregate reads: those of a period, of one department or of every one. */
export type PortfolioScope = {
  /** ISO timestamps: from included, until excluded. */
  from: string;
  until: string;
  department?: string;
};

/** How much one capability was asked for in a period. */
export type CapabilityDemandRow = {
  capability: string;
  requests: number;
  /** How many groups asked for it. */
  departments: number;
  /** Of the requests, how many still wait for a decision. */
  undecided: number;
  /** With a department in the scope: how many of its requests asked for it. */
  ofDepartment?: number;
};

/** A count by two keys, as the database gave it. */
type Counted<K extends string> = Record<K, string> & { count: number };

/** Of the requests waiting in one stage: how many, by age band, and how many are overdue. */
export type WaitingCounts = {
  stage: RequestStatus;
  requests: number;
  /** Per band, in the order of the `submittedAfter` moments given. */
  byAge: number[];
  overdue: number;
  waitingSince?: string;
};

const n = (value: unknown) => Number(value ?? 0);

const REQUESTS_AT_ONCE = 500;

/**
 * The SQL of the portfolio: aggregates over the facts the ledger keeps, each one query that
 * reads a few narrow columns.
 */
export class PortfolioStore {
  constructor(private readonly db: Knex) {}

  private facts(
    table: string,
    column: 'submitted_at' | 'decided_at',
    scope: PortfolioScope,
  ) {
    const query = this.db(table)
      .where(column, '>=', scope.from)
      .where(column, '<', scope.until);
    if (scope.department) {
      query.where('requesting_group', scope.department);
    }
    return query;
  }

  /** Requests submitted in the period, by department and current status. */
  async demand(
    scope: PortfolioScope,
  ): Promise<Counted<'department' | 'status'>[]> {
    const rows = await this.facts(PORTFOLIO, 'submitted_at', scope)
      .select({ department: 'requesting_group', status: 'status' })
      .count({ count: '*' })
      .groupBy('requesting_group', 'status');
    return rows.map((row: Record<string, unknown>) => ({
      department: String(row.department),
      status: String(row.status),
      count: n(row.count),
    }));
  }

  /**
   * Requests waiting now in each of `stages`, whenever submitted: counted per band of
   * submission (`submittedAfter`, the newest band first, the last band is the rest) and
   * against the overdue starts of the stages that have a target.
   */
  async waiting(options: {
    stages: readonly RequestStatus[];
    submittedAfter: string[];
    overdue: Partial<Record<RequestStatus, OverdueStarts>>;
    department?: string;
  }): Promise<WaitingCounts[]> {
    const { db } = this;
    const bands = options.submittedAfter.map((after, i) => {
      const newer = options.submittedAfter[i - 1];
      return db.raw(
        `SUM(CASE WHEN submitted_at >= ?${newer ? ' AND submitted_at < ?' : ''} THEN 1 ELSE 0 END) AS ??`,
        [after, ...(newer ? [newer] : []), `band${i}`],
      );
    });
    const oldest = options.submittedAfter[options.submittedAfter.length - 1];
    const overdueCases = Object.entries(options.overdue).map(
      ([stage, starts]) => {
        const today = starts!.dueToday;
        return db.raw(
          `WHEN status = ? AND (status_changed_at < ?${
            today
              ? ' OR (status_changed_at >= ? AND status_changed_at < ? AND SUBSTR(status_changed_at, 11) < ?)'
              : ''
          }) THEN 1`,
          [
            stage,
            starts!.before,
            ...(today ? [today.from, today.until, today.timeOfDay] : []),
          ],
        );
      },
    );
    const query = db(PORTFOLIO)
      .whereIn('status', [...options.stages])
      .select(
        'status',
        db.raw('COUNT(*) AS ??', ['requests']),
        db.raw('MIN(status_changed_at) AS ??', ['waiting_since']),
        db.raw('SUM(CASE WHEN submitted_at < ? THEN 1 ELSE 0 END) AS ??', [
          oldest,
          'band_rest',
        ]),
        ...bands,
        overdueCases.length
          ? db.raw(
              `SUM(CASE ${overdueCases.map(() => '?').join(' ')} ELSE 0 END) AS ??`,
              [...overdueCases, 'overdue'],
            )
          : db.raw('0 AS ??', ['overdue']),
      )
      .groupBy('status');
    if (options.department) {
      query.where('requesting_group', options.department);
    }
    const rows = await query;
    return rows.map(row => ({
      stage: row.status,
      requests: n(row.requests),
      byAge: [
        ...options.submittedAfter.map((_after, i) => n(row[`band${i}`])),
        n(row.band_rest),
      ],
      overdue: n(row.overdue),
      ...(row.waiting_since && { waitingSince: row.waiting_since }),
    }));
  }

  /** Decisions taken in the period, by quarter and kind. */
  async decisions(
    scope: PortfolioScope,
  ): Promise<Counted<'quarter' | 'decision'>[]> {
    const rows = await this.facts(PORTFOLIO, 'decided_at', scope)
      .whereNotNull('decision')
      .select({ quarter: 'decided_quarter', decision: 'decision' })
      .count({ count: '*' })
      .groupBy('decided_quarter', 'decision');
    return rows.map((row: Record<string, unknown>) => ({
      quarter: String(row.quarter),
      decision: String(row.decision),
      count: n(row.count),
    }));
  }

  /** How many decisions of the period have a time from submission to decision. */
  async timedDecisions(scope: PortfolioScope): Promise<number> {
    const [row] = await this.facts(PORTFOLIO, 'decided_at', scope)
      .whereNotNull('decision_seconds')
      .count({ count: '*' });
    return n(row.count);
  }

  /** The times from submission to decision at ranks `offset` (0-based) and on, the shortest first. */
  async decisionSecondsAt(
    scope: PortfolioScope,
    offset: number,
    limit: number,
  ): Promise<number[]> {
    const rows = await this.facts(PORTFOLIO, 'decided_at', scope)
      .whereNotNull('decision_seconds')
      .orderBy('decision_seconds')
      .offset(offset)
      .limit(limit)
      .select('decision_seconds');
    return rows.map(row => n(row.decision_seconds));
  }

  /**
   * Per capability asked for in the period: by how many requests and groups, and how many
   * still wait for a decision. With a department, `ofDepartment` is how many of its requests
   * asked for it (absent when none did). The database counts per capability and group first,
   * then per capability: one row per capability comes back, not one per pair.
   */
  async capabilityDemand(
    scope: PortfolioScope,
  ): Promise<CapabilityDemandRow[]> {
    const { db } = this;
    const pairs = this.facts(PORTFOLIO_CAPABILITIES, 'submitted_at', {
      ...scope,
      department: undefined,
    })
      .select(
        'capability',
        db.raw('COUNT(*) AS ??', ['requests']),
        db.raw('SUM(CASE WHEN undecided = ? THEN 1 ELSE 0 END) AS ??', [
          true,
          'undecided',
        ]),
        db.raw(
          scope.department
            ? 'SUM(CASE WHEN requesting_group = ? THEN 1 ELSE 0 END) AS ??'
            : '0 AS ??',
          scope.department
            ? [scope.department, 'of_department']
            : ['of_department'],
        ),
      )
      .groupBy('capability', 'requesting_group')
      .as('pairs');
    const rows = await db
      .from(pairs)
      .select(
        'capability',
        db.raw('COUNT(*) AS ??', ['departments']),
        db.raw('SUM(??) AS ??', ['requests', 'requests']),
        db.raw('SUM(??) AS ??', ['undecided', 'undecided']),
        db.raw('SUM(??) AS ??', ['of_department', 'of_department']),
      )
      .groupBy('capability');
    return rows.map((row: Record<string, unknown>) => ({
      capability: String(row.capability),
      requests: n(row.requests),
      departments: n(row.departments),
      undecided: n(row.undecided),
      ...(n(row.of_department) > 0 && { ofDepartment: n(row.of_department) }),
    }));
  }

  /** The groups that asked for these capabilities in the period, with how many requests. */
  async departmentsAsking(scope: PortfolioScope, capabilities: string[]) {
    if (!capabilities.length) {
      return [];
    }
    const rows = await this.facts(PORTFOLIO_CAPABILITIES, 'submitted_at', {
      ...scope,
      department: undefined,
    })
      .whereIn('capability', capabilities)
      .select('capability', { department: 'requesting_group' })
      .count({ requests: '*' })
      .groupBy('capability', 'requesting_group');
    return rows.map((row: Record<string, unknown>) => ({
      capability: String(row.capability),
      department: String(row.department),
      requests: n(row.requests),
    }));
  }

  /** Approvals decided in the period, per department and quarter, with their money. */
  async money(scope: PortfolioScope) {
    const { db } = this;
    const approved: PortfolioDecision[] = ['reuse', 'buy', 'build'];
    const rows = await this.facts(PORTFOLIO, 'decided_at', scope)
      .whereIn('decision', approved)
      .select(
        { department: 'requesting_group', quarter: 'decided_quarter' },
        db.raw('COUNT(*) AS ??', ['approvals']),
        db.raw('SUM(approved_cost) AS ??', ['approved_cost']),
        db.raw("SUM(CASE WHEN decision = 'reuse' THEN 1 ELSE 0 END) AS ??", [
          'reuse_approvals',
        ]),
        db.raw('SUM(reuse_saving) AS ??', ['reuse_saving']),
      )
      .groupBy('requesting_group', 'decided_quarter');
    return rows.map(row => ({
      department: String(row.department),
      quarter: String(row.quarter),
      approvals: n(row.approvals),
      approvedCost: n(row.approved_cost),
      reuseApprovals: n(row.reuse_approvals),
      reuseSaving: n(row.reuse_saving),
    }));
  }

  /**
   * Writes the facts of filed requests that have none: those filed before the portfolio's
   * tables existed. Returns how many it wrote.
   */
  async recordMissing(ledger: PortfolioLedger): Promise<number> {
    // One look first: on most starts every filed request has its facts.
    const first = await this.withoutFacts().min({ id: 'id' }).first();
    if (first?.id === null || first?.id === undefined) {
      return 0;
    }
    let written = 0;
    let afterId = Number(first.id) - 1;
    for (;;) {
      // Walks the requests by id, a batch at a time: one query that joins and sorts them all
      // would be planned badly on a table whose statistics are not gathered yet.
      const ids: number[] = (
        await this.db(REQUESTS)
          .where('id', '>', afterId)
          .orderBy('id')
          .limit(REQUESTS_AT_ONCE)
          .pluck('id')
      ).map(Number);
      if (!ids.length) {
        return written;
      }
      afterId = ids[ids.length - 1];
      const rows = await this.withoutFacts().whereIn('id', ids);
      if (rows.length) {
        const requests: TechRequest[] = rows.map(fromColumns);
        await this.db.transaction(tx => ledger.recordAll(tx, requests));
        written += requests.length;
      }
    }
  }

  /** Filed requests that have no facts yet. */
  private withoutFacts() {
    return live(this.db(REQUESTS))
      .whereNot('status', 'draft')
      .whereNotNull('submitted_at')
      .whereNotExists(
        this.db(PORTFOLIO)
          .select('request_id')
          .whereRaw('?? = ??', [`${PORTFOLIO}.request_id`, `${REQUESTS}.id`]),
      );
  }
}
