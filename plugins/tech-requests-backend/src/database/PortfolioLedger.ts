import { TechRequest } from '@tech-requests/plugin-tech-requests-common';
import { Knex } from 'knex';
import {
  CapabilityNamer,
  namedAsWritten,
  PortfolioFacts,
  portfolioFactsOf,
} from '../portfolio/portfolioFacts';

/** Rows per INSERT: well under SQLite's limit of bound values (999 in older builds). */
const ROWS_PER_INSERT = 50;

/** Inserts in the transaction itself: knex's batchInsert would open a savepoint and wait a tick. */
async function insertInChunks(
  tx: Knex.Transaction,
  table: string,
  rows: Record<string, unknown>[],
) {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await tx(table).insert(rows.slice(start, start + ROWS_PER_INSERT));
  }
}

/** The portfolio's tables: one row per filed request, and one per capability it asks for. */
export const PORTFOLIO = 'tech_request_portfolio';
export const PORTFOLIO_CAPABILITIES = 'tech_request_portfolio_capabilities';

/** The request fields the portfolio's facts are made of: other edits leave them as they are. */
export const PORTFOLIO_FIELDS: ReadonlySet<keyof TechRequest> = new Set([
  'status',
  'decision',
  'requestingGroup',
  'capabilities',
  'submittedAt',
  'statusChangedAt',
  'assessment',
]);

/**
 * Keeps the portfolio's facts of a request in step with the request, inside the transaction
 * that writes it: the aggregates never count a request as it no longer is.
 */
export class PortfolioLedger {
  constructor(
    private readonly nameCapabilities: CapabilityNamer = namedAsWritten,
  ) {}

  /** Writes the facts of the request as it now is; a draft has none. */
  async record(tx: Knex.Transaction, request: TechRequest): Promise<void> {
    await this.recordAll(tx, [request]);
  }

  /** Writes the facts of several requests at once, replacing those they had. */
  async recordAll(
    tx: Knex.Transaction,
    requests: TechRequest[],
  ): Promise<void> {
    const ids = requests.map(request => request.id);
    await tx(PORTFOLIO_CAPABILITIES).whereIn('request_id', ids).delete();
    await tx(PORTFOLIO).whereIn('request_id', ids).delete();
    const facts = requests
      .map(request => portfolioFactsOf(request, this.nameCapabilities))
      .filter((kept): kept is PortfolioFacts => kept !== undefined);
    if (!facts.length) {
      return;
    }
    await insertInChunks(
      tx,
      PORTFOLIO,
      facts.map(fact => ({
        request_id: fact.requestId,
        requesting_group: fact.requestingGroup,
        status: fact.status,
        submitted_at: fact.submittedAt,
        status_changed_at: fact.statusChangedAt ?? null,
        decision: fact.decision ?? null,
        decided_at: fact.decidedAt ?? null,
        decided_quarter: fact.decidedQuarter ?? null,
        decision_seconds: fact.decisionSeconds ?? null,
        approved_cost: fact.approvedCost ?? null,
        reuse_saving: fact.reuseSaving ?? null,
      })),
    );
    const capabilities = facts.flatMap(fact =>
      fact.capabilities.map(capability => ({
        request_id: fact.requestId,
        // The column holds 200 characters; longer phrases are cut, not refused.
        capability: capability.slice(0, 200),
        requesting_group: fact.requestingGroup,
        submitted_at: fact.submittedAt,
        undecided: fact.undecided,
      })),
    );
    await insertInChunks(tx, PORTFOLIO_CAPABILITIES, capabilities);
  }

  /** Removes the facts of a request: it was deleted. */
  async forget(tx: Knex.Transaction, requestId: number): Promise<void> {
    await tx(PORTFOLIO_CAPABILITIES).where({ request_id: requestId }).delete();
    await tx(PORTFOLIO).where({ request_id: requestId }).delete();
  }
}
