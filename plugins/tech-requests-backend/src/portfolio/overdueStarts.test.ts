import { serviceLevelOf } from '@tech-requests/plugin-tech-requests-common';
import { isOverdueStart, overdueStarts } from './overdueStarts';

const HOUR_MS = 60 * 60 * 1000;

/** Every hour and a half over five weeks before `now`, and a few odd minutes. */
function startsBefore(now: Date): string[] {
  const starts: string[] = [];
  for (let at = now.getTime() - 35 * 24 * HOUR_MS; at < now.getTime();) {
    starts.push(new Date(at).toISOString());
    at += 1.5 * HOUR_MS + 7 * 60 * 1000;
  }
  return starts;
}

describe('overdueStarts', () => {
  it.each([
    ['a Monday morning', '2026-12-07T09:30:00.000Z', 2],
    ['a Tuesday evening', '2026-12-08T21:05:00.000Z', 2],
    ['a Saturday', '2026-12-12T12:00:00.000Z', 2],
    ['a Sunday', '2026-12-13T00:30:00.000Z', 1],
    ['a Friday, with ten days', '2026-12-11T16:45:00.000Z', 10],
    ['a Monday, with one day', '2026-12-14T08:00:00.000Z', 1],
  ])(
    'agrees with the service level of each request on %s',
    (_when, nowText, workingDays) => {
      const now = new Date(nowText);
      const starts = overdueStarts(workingDays, now);
      const disagreements = startsBefore(now).filter(
        enteredAt =>
          isOverdueStart(enteredAt, starts) !==
          serviceLevelOf(
            { status: 'submitted', statusChangedAt: enteredAt },
            { submitted: { workingDays } },
            now,
          )!.overdue,
      );
      expect(disagreements).toEqual([]);
    },
  );

  it('counts a start exactly N working days ago at the same time as not yet overdue', () => {
    const now = new Date('2026-12-09T10:00:00.000Z');
    const starts = overdueStarts(2, now);
    expect(isOverdueStart('2026-12-07T10:00:00.000Z', starts)).toBe(false);
    expect(isOverdueStart('2026-12-07T09:59:59.999Z', starts)).toBe(true);
  });
});
