import { serviceLevelOf, workingDaysAfter } from './serviceLevels';

describe('workingDaysAfter', () => {
  it.each([
    // Monday + 2 working days = Wednesday, same time of day.
    ['2026-11-23T09:00:00.000Z', 2, '2026-11-25T09:00:00.000Z'],
    // Thursday + 2 = Monday: the weekend does not count.
    ['2026-11-26T09:00:00.000Z', 2, '2026-11-30T09:00:00.000Z'],
    // Friday + 1 = Monday.
    ['2026-11-27T17:00:00.000Z', 1, '2026-11-30T17:00:00.000Z'],
    // Saturday + 1 = Monday.
    ['2026-11-28T10:00:00.000Z', 1, '2026-11-30T10:00:00.000Z'],
    // Monday + 10 = Monday two weeks on.
    ['2026-11-23T09:00:00.000Z', 10, '2026-12-07T09:00:00.000Z'],
    ['2026-11-23T09:00:00.000Z', 0, '2026-11-23T09:00:00.000Z'],
  ])('%s + %d working days = %s', (start, days, expected) => {
    expect(workingDaysAfter(new Date(start), days).toISOString()).toBe(
      expected,
    );
  });
});

describe('serviceLevelOf', () => {
  const targets = { submitted: { workingDays: 2 } };
  const since = '2026-11-23T09:00:00.000Z'; // a Monday

  it.each([
    ['2026-11-25T08:59:59.000Z', false],
    ['2026-11-25T09:00:00.000Z', false],
    ['2026-11-25T09:00:01.000Z', true],
  ])('at %s the triage is overdue: %s', (now, overdue) => {
    expect(
      serviceLevelOf(
        { status: 'submitted', statusChangedAt: since },
        targets,
        new Date(now),
      ),
    ).toEqual({
      stage: 'submitted',
      since,
      dueAt: '2026-11-25T09:00:00.000Z',
      overdue,
    });
  });

  it('says nothing for a stage without a target, or without a start', () => {
    const now = new Date('2027-01-01T00:00:00.000Z');
    expect(
      serviceLevelOf(
        { status: 'approved', statusChangedAt: since },
        targets,
        now,
      ),
    ).toBeUndefined();
    expect(
      serviceLevelOf({ status: 'submitted' }, targets, now),
    ).toBeUndefined();
  });
});
