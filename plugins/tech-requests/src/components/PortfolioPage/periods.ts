import { PortfolioQuery } from '@tech-requests/plugin-tech-requests-common';

/** The periods a leader picks from; `custom` takes two dates. */
export const PERIODS = {
  'last-4-quarters': 'Last four quarters',
  'this-quarter': 'This quarter',
  'this-year': 'This year',
  'last-year': 'Last year',
  custom: 'Dates of my choice',
} as const;

export type PeriodChoice = keyof typeof PERIODS;

const day = (year: number, month: number, date: number) =>
  new Date(Date.UTC(year, month, date)).toISOString().slice(0, 10);

/**
 * The days a period runs from and to (UTC); the backend's default, four quarters up to today,
 * is asked for by leaving both out.
 */
export function periodDays(
  choice: Exclude<PeriodChoice, 'custom'>,
  now: Date = new Date(),
): Pick<PortfolioQuery, 'from' | 'to'> {
  const year = now.getUTCFullYear();
  const today = day(year, now.getUTCMonth(), now.getUTCDate());
  switch (choice) {
    case 'this-quarter':
      return {
        from: day(year, Math.floor(now.getUTCMonth() / 3) * 3, 1),
        to: today,
      };
    case 'this-year':
      return { from: day(year, 0, 1), to: today };
    case 'last-year':
      return { from: day(year - 1, 0, 1), to: day(year - 1, 11, 31) };
    default:
      return {};
  }
}
