import { workingDaysAfter } from '@tech-requests/plugin-tech-requests-common';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Which moments of entering a stage are past its target now, as ranges of ISO timestamps, so
 * a database can count overdue requests by comparing text.
 *
 * A target of N working days moves the start forward by whole days and keeps its time of
 * day: the due day depends on the start's day alone, and never falls earlier for a later
 * start day. So every start before some midnight is overdue, starts on the days whose due
 * day is today are overdue when their time of day is earlier than now's, and later starts
 * are not.
 */
export type OverdueStarts = {
  /** Entered before this moment: overdue. */
  before: string;
  /** Entered in [from, until): overdue when the time of day (`THH:MM:SS.sssZ`) is before `timeOfDay`. */
  dueToday?: { from: string; until: string; timeOfDay: string };
};

/** The starts that are overdue at `now` against a target of `workingDays`. */
export function overdueStarts(workingDays: number, now: Date): OverdueStarts {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const dueDayOf = (startDay: number) =>
    workingDaysAfter(new Date(startDay), workingDays).getTime();
  let day = today;
  let dueTodayUntil: number | undefined;
  while (dueDayOf(day) >= today) {
    if (dueDayOf(day) === today) {
      dueTodayUntil ??= day + DAY_MS;
    }
    day -= DAY_MS;
  }
  const before = new Date(day + DAY_MS).toISOString();
  if (dueTodayUntil === undefined) {
    return { before };
  }
  return {
    before,
    dueToday: {
      from: before,
      until: new Date(dueTodayUntil).toISOString(),
      timeOfDay: now.toISOString().slice(10),
    },
  };
}

/** Whether a request that entered its stage at `enteredAt` is overdue, by the ranges. */
export function isOverdueStart(enteredAt: string, starts: OverdueStarts) {
  if (enteredAt < starts.before) {
    return true;
  }
  const today = starts.dueToday;
  return Boolean(
    today &&
    enteredAt >= today.from &&
    enteredAt < today.until &&
    enteredAt.slice(10) < today.timeOfDay,
  );
}
