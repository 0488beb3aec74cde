import { periodDays } from './periods';

describe('periodDays', () => {
  const now = new Date('2026-08-15T23:30:00.000Z');

  it('runs a quarter and a year up to today, and last year from January to December', () => {
    expect(periodDays('this-quarter', now)).toEqual({
      from: '2026-07-01',
      to: '2026-08-15',
    });
    expect(periodDays('this-year', now)).toEqual({
      from: '2026-01-01',
      to: '2026-08-15',
    });
    expect(periodDays('last-year', now)).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it("leaves the last four quarters to the backend's default", () => {
    expect(periodDays('last-4-quarters', now)).toEqual({});
  });
});
