import {
  AGE_BANDS,
  AgeBand,
  PORTFOLIO_DECISIONS,
  PortfolioDecision,
  PortfolioReport,
  RequestStatus,
} from '@tech-requests/plugin-tech-requests-common';
import { groupName } from '../format/names';
import { WORDS } from '../format/words';
import { CsvValue } from './csv';

/** The numbers behind one chart, as a table to read and a CSV file to download. */
export type FigureTable = {
  header: string[];
  rows: CsvValue[][];
};

export const DECISION_NAMES: Record<PortfolioDecision, string> = {
  ...WORDS.path,
  rejected: 'Rejected',
  deferred: 'Deferred',
};

/** How long ago the requests of an age band were filed. */
export const AGE_NAMES: Record<AgeBand, string> = {
  'under-1-week': 'Filed in the last 7 days',
  '1-to-4-weeks': 'Filed 1–4 weeks ago',
  '1-to-3-months': 'Filed 1–3 months ago',
  'over-3-months': 'Filed over 3 months ago',
};

/** The statuses of demand in the order of the workflow, those with requests only. */
export function demandStatuses(report: PortfolioReport): RequestStatus[] {
  const present = new Set(report.demand.map(cell => cell.status));
  return (Object.keys(WORDS.status) as RequestStatus[]).filter(status =>
    present.has(status),
  );
}

/** One row per department, one column per status: what the demand chart draws. */
export function demandByDepartment(report: PortfolioReport) {
  const rows = new Map<string, Record<string, number | string>>();
  for (const cell of report.demand) {
    const row = rows.get(cell.department) ?? {
      department: groupName(cell.department),
      total: 0,
    };
    row[cell.status] = cell.requests;
    row.total = Number(row.total) + cell.requests;
    rows.set(cell.department, row);
  }
  return [...rows.values()].sort((a, b) => Number(b.total) - Number(a.total));
}

export function demandTable(report: PortfolioReport): FigureTable {
  const statuses = demandStatuses(report);
  return {
    header: ['Department', ...statuses.map(s => WORDS.status[s]), 'Total'],
    rows: demandByDepartment(report).map(row => [
      row.department,
      ...statuses.map(status => Number(row[status] ?? 0)),
      row.total,
    ]),
  };
}

export function waitingTable(report: PortfolioReport): FigureTable {
  return {
    header: [
      'Stage',
      'Waiting',
      ...AGE_BANDS.map(band => AGE_NAMES[band]),
      'Target in working days',
      'Past target',
      'Waiting since',
    ],
    rows: report.waiting.map(stage => [
      WORDS.status[stage.stage],
      stage.requests,
      ...AGE_BANDS.map(band => stage.ages[band]),
      stage.targetWorkingDays,
      stage.overdue,
      stage.waitingSince?.slice(0, 10),
    ]),
  };
}

export function decisionMixTable(report: PortfolioReport): FigureTable {
  return {
    header: [
      'Quarter',
      ...PORTFOLIO_DECISIONS.map(kind => DECISION_NAMES[kind]),
    ],
    rows: report.decisionMix.map(row => [
      row.quarter,
      ...PORTFOLIO_DECISIONS.map(kind => row[kind]),
    ]),
  };
}

export function capabilitiesTable(report: PortfolioReport): FigureTable {
  return {
    header: ['Capability', 'Requests', 'Departments'],
    rows: report.topCapabilities.map(row => [
      row.capability,
      row.requests,
      row.departments,
    ]),
  };
}

export function sharedNeedsTable(report: PortfolioReport): FigureTable {
  return {
    header: ['Capability', 'Departments', 'Requests', 'Waiting for a decision'],
    rows: report.sharedNeeds.map(need => [
      need.capability,
      need.departments.map(groupName).join(', '),
      need.requests,
      need.undecided,
    ]),
  };
}

/** Per quarter, summed over departments: what the money chart draws. */
export function moneyByQuarter(report: PortfolioReport) {
  const quarters = new Map<
    string,
    { quarter: string; approvedCost: number; reuseSaving: number }
  >();
  for (const row of report.money) {
    const entry = quarters.get(row.quarter) ?? {
      quarter: row.quarter,
      approvedCost: 0,
      reuseSaving: 0,
    };
    entry.approvedCost += row.approvedCost;
    entry.reuseSaving += row.reuseSaving;
    quarters.set(row.quarter, entry);
  }
  return [...quarters.values()];
}

export function moneyTable(report: PortfolioReport): FigureTable {
  const currency = report.currency;
  return {
    header: [
      'Quarter',
      'Department',
      'Approvals',
      `Three-year cost (${currency})`,
      'Reuse approvals',
      `Reuse saved (${currency})`,
    ],
    rows: report.money.map(row => [
      row.quarter,
      groupName(row.department),
      row.approvals,
      Math.round(row.approvedCost),
      row.reuseApprovals,
      Math.round(row.reuseSaving),
    ]),
  };
}

export function deliveryTable(report: PortfolioReport): FigureTable {
  return {
    header: ['Entity', 'Lifecycle'],
    rows: report.delivery.examples.map(example => [
      example.title,
      example.lifecycle,
    ]),
  };
}
