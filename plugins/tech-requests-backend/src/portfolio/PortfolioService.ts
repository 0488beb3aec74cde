import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AGE_BAND_ENDS_IN_DAYS,
  AGE_BANDS,
  AgeBand,
  CapabilityDemand,
  DeliveryCoverage,
  DecisionMixRow,
  normalizeEntityRef,
  PORTFOLIO_DECISIONS,
  PortfolioDecision,
  PortfolioQuery,
  PortfolioReport,
  RequestStatus,
  ServiceLevelTargets,
  SharedNeed,
  TimeToDecision,
  techRequestsPortfolioReadPermission,
  WAITING_STAGES,
} from '@tech-requests/plugin-tech-requests-common';
import {
  CapabilityDemandRow,
  PortfolioScope,
  PortfolioStore,
} from '../database/PortfolioStore';
import { invalidFields } from '../requests/errors';
import { overdueStarts, OverdueStarts } from './overdueStarts';

const DAY_MS = 24 * 60 * 60 * 1000;
const SECONDS_PER_DAY = 24 * 60 * 60;

/** How many capabilities and shared needs the report lists. */
export const PORTFOLIO_LIST_LENGTH = 10;

const roundedDays = (seconds: number) =>
  Math.round((seconds / SECONDS_PER_DAY) * 10) / 10;

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The default period's start: the first day of the quarter three quarters before `to`'s. */
function defaultFrom(to: string): string {
  const year = Number(to.slice(0, 4));
  const quarterStartMonth = Math.floor((Number(to.slice(5, 7)) - 1) / 3) * 3;
  return isoDay(Date.UTC(year - 1, quarterStartMonth + 3, 1));
}

/** Reads the query's period and department, refusing what cannot be one. */
function scopeOf(query: PortfolioQuery, now: Date) {
  const to = query.to ?? isoDay(now.getTime());
  const from = query.from ?? defaultFrom(to);
  const problems = [];
  for (const [field, day] of [
    ['from', from],
    ['to', to],
  ] as const) {
    // Round-trips only as a real day: 2026-02-30 does not.
    const parsed = Date.parse(`${day}T00:00:00Z`);
    if (Number.isNaN(parsed) || isoDay(parsed) !== day) {
      problems.push({ field, message: `${field} is not a date: '${day}'` });
    }
  }
  if (!problems.length && from > to) {
    problems.push({
      field: 'from',
      message: `from (${from}) must not be after to (${to})`,
    });
  }
  // A bare name is a group's, as in the catalog's own refs to owners.
  const department =
    query.department &&
    normalizeEntityRef(
      query.department.includes(':')
        ? query.department
        : `group:${query.department}`,
      'group',
    );
  if (query.department && !department) {
    problems.push({
      field: 'department',
      message: `department must be a group entity ref such as group:default/legal, got '${query.department}'`,
    });
  }
  if (problems.length) {
    throw invalidFields(problems);
  }
  const scope: PortfolioScope = {
    from: `${from}T00:00:00.000Z`,
    until: `${isoDay(Date.parse(`${to}T00:00:00Z`) + DAY_MS)}T00:00:00.000Z`,
    ...(department && { department }),
  };
  return { period: { from, to }, scope };
}

/** The middle value and the 90th percentile (nearest rank) of sorted ranks, read one by one. */
async function timeToDecision(
  store: PortfolioStore,
  scope: PortfolioScope,
): Promise<TimeToDecision> {
  const decisions = await store.timedDecisions(scope);
  if (!decisions) {
    return { decisions };
  }
  const middle = await store.decisionSecondsAt(
    scope,
    Math.floor((decisions - 1) / 2),
    decisions % 2 ? 1 : 2,
  );
  const [p90] = await store.decisionSecondsAt(
    scope,
    Math.ceil(0.9 * decisions) - 1,
    1,
  );
  return {
    decisions,
    medianDays: roundedDays(
      middle.reduce((sum, seconds) => sum + seconds, 0) / middle.length,
    ),
    p90Days: roundedDays(p90),
  };
}

function decisionMixOf(
  rows: { quarter: string; decision: string; count: number }[],
): DecisionMixRow[] {
  const quarters = new Map<string, DecisionMixRow>();
  for (const row of rows) {
    const mix =
      quarters.get(row.quarter) ??
      ({
        quarter: row.quarter,
        ...Object.fromEntries(PORTFOLIO_DECISIONS.map(kind => [kind, 0])),
      } as DecisionMixRow);
    mix[row.decision as PortfolioDecision] += row.count;
    quarters.set(row.quarter, mix);
  }
  return [...quarters.values()].sort((a, b) =>
    a.quarter.localeCompare(b.quarter),
  );
}

const byMostRequested = (
  a: { requests: number; capability: string },
  b: { requests: number; capability: string },
) => b.requests - a.requests || a.capability.localeCompare(b.capability);

/** The capabilities a department (or every one) asked for most. */
function topCapabilitiesOf(
  rows: CapabilityDemandRow[],
  department: string | undefined,
): CapabilityDemand[] {
  return rows
    .flatMap(row => {
      if (!department) {
        return [row];
      }
      return row.ofDepartment
        ? [{ ...row, requests: row.ofDepartment, departments: 1 }]
        : [];
    })
    .sort(byMostRequested)
    .slice(0, PORTFOLIO_LIST_LENGTH)
    .map(({ capability, requests, departments }) => ({
      capability,
      requests,
      departments,
    }));
}

/**
 * The capabilities more than one department asked for, the most departments first, with
 * the departments that did (most requests first); with a department, those it asked for.
 */
async function sharedNeedsOf(
  rows: CapabilityDemandRow[],
  store: PortfolioStore,
  scope: PortfolioScope,
): Promise<SharedNeed[]> {
  const shared = rows
    .filter(
      row => row.departments > 1 && (!scope.department || row.ofDepartment),
    )
    .sort((a, b) => b.departments - a.departments || byMostRequested(a, b))
    .slice(0, PORTFOLIO_LIST_LENGTH);
  const askers = await store.departmentsAsking(
    scope,
    shared.map(row => row.capability),
  );
  return shared.map(row => ({
    capability: row.capability,
    departments: askers
      .filter(asker => asker.capability === row.capability)
      .sort(
        (a, b) =>
          b.requests - a.requests || a.department.localeCompare(b.department),
      )
      .map(asker => asker.department),
    requests: row.requests,
    undecided: row.undecided,
  }));
}

/**
 * Where demand stands: demand, waiting requests, decisions, time to decide, capabilities
 * and money, for deciders and IT leadership. Every figure is an aggregate the database
 * computes over the portfolio's facts; no request is loaded.
 */
export class PortfolioService {
  constructor(
    private readonly options: {
      store: PortfolioStore;
      permissions: PermissionsService;
      serviceLevels: ServiceLevelTargets;
      currency: string;
      /** The gate's census of work without an approved request: of one owner, or of all. */
      delivery: (owner?: string) => Promise<DeliveryCoverage>;
      now?: () => Date;
    },
  ) {}

  async report(
    query: PortfolioQuery,
    credentials: BackstageCredentials,
  ): Promise<PortfolioReport> {
    const { store, permissions, serviceLevels, currency } = this.options;
    const now = this.options.now?.() ?? new Date();
    const { period, scope } = scopeOf(query, now);
    const [decision] = await permissions.authorize(
      [{ permission: techRequestsPortfolioReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `The portfolio is for deciders and IT leadership (permission ${techRequestsPortfolioReadPermission.name})`,
      );
    }

    const overdue: Partial<Record<RequestStatus, OverdueStarts>> = {};
    for (const stage of WAITING_STAGES) {
      const target = serviceLevels[stage];
      if (target) {
        overdue[stage] = overdueStarts(target.workingDays, now);
      }
    }
    const bandStarts = AGE_BANDS.flatMap(band => {
      const days = AGE_BAND_ENDS_IN_DAYS[band];
      return days === undefined
        ? []
        : [new Date(now.getTime() - days * DAY_MS).toISOString()];
    });

    const [demand, waiting, decisions, time, capabilities, money, delivery] =
      await Promise.all([
        store.demand(scope),
        store.waiting({
          stages: WAITING_STAGES,
          submittedAfter: bandStarts,
          overdue,
          department: scope.department,
        }),
        store.decisions(scope),
        timeToDecision(store, scope),
        store.capabilityDemand(scope),
        store.money(scope),
        this.options.delivery(scope.department),
      ]);

    const waitingByStage = new Map(waiting.map(row => [row.stage, row]));
    return {
      period,
      ...(scope.department && { department: scope.department }),
      currency,
      generatedAt: now.toISOString(),
      demand: demand
        .map(row => ({
          department: row.department,
          status: row.status as RequestStatus,
          requests: row.count,
        }))
        .sort(
          (a, b) =>
            a.department.localeCompare(b.department) ||
            a.status.localeCompare(b.status),
        ),
      waiting: WAITING_STAGES.map(stage => {
        const row = waitingByStage.get(stage);
        const target = serviceLevels[stage];
        return {
          stage,
          requests: row?.requests ?? 0,
          ages: Object.fromEntries(
            AGE_BANDS.map((band, i) => [band, row?.byAge[i] ?? 0]),
          ) as Record<AgeBand, number>,
          ...(target && {
            targetWorkingDays: target.workingDays,
            overdue: row?.overdue ?? 0,
          }),
          ...(row?.waitingSince && { waitingSince: row.waitingSince }),
        };
      }),
      decisionMix: decisionMixOf(decisions),
      timeToDecision: time,
      topCapabilities: topCapabilitiesOf(capabilities, scope.department),
      sharedNeeds: await sharedNeedsOf(capabilities, store, scope),
      delivery,
      money: money.sort(
        (a, b) =>
          a.quarter.localeCompare(b.quarter) ||
          a.department.localeCompare(b.department),
      ),
    };
  }
}
