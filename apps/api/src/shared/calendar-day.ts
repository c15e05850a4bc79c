/**
 * Whether « YYYY-MM-DD » names a day the calendar has: « 2026-02-30 » and « 2026-04-31 » do not, where
 * `Date.parse` would read them as 2 March and 1 May. Used wherever a date comes from a query string
 * (the audit's periods, the public API's `updatedSince`), so that an impossible day is refused with a 400.
 */
export function isCalendarDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
