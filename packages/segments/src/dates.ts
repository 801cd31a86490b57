/**
 * Dates in customer documents are ISO-8601 strings. The engine compares them as strings, which orders them in time
 * when they share one form: the UTC form `Date#toISOString()` writes (`2024-05-01T09:30:00.000Z`), or a plain day
 * (`2024-05-01`, which sorts before every instant of that day). String comparison is what JsonLogic, SQL text
 * columns and IndexedDB indexes do too, so one rule selects the same customers everywhere (docs/decisions/0022).
 */

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const DAY_MS = 86_400_000;

/** Written like an ISO-8601 date or date-time: compared exactly, never case-folded (`T` and `Z` are not words). */
export function looksLikeIsoDate(value: string): boolean {
  return ISO_LIKE.test(value);
}

/** A value in one of the two forms that compare correctly as strings, naming a real calendar date. */
export function isComparableDate(value: string): boolean {
  if (CANONICAL_INSTANT.test(value)) return new Date(value).toISOString() === value;
  if (DAY.test(value)) return new Date(`${value}T00:00:00.000Z`).toISOString().slice(0, 10) === value;
  return false;
}

/** `now` as the canonical UTC string; accepts a Date, epoch milliseconds or an ISO string. */
export function toInstant(now: Date | string | number): string {
  const date = now instanceof Date ? now : new Date(now);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(now)}`);
  const instant = date.toISOString();
  // Years outside 0000–9999 are written with a sign and six digits, which do not sort with the rest.
  if (!CANONICAL_INSTANT.test(instant)) throw new RangeError(`outside the years 0000–9999: ${instant}`);
  return instant;
}

/** The first instant with a four-digit year: earlier ones are written `-000001-…` and sort wrongly as strings. */
const YEAR_ZERO = Date.parse('0000-01-01T00:00:00.000Z');

/** The window `[now - days, now]` as canonical instants (reaching back to year 0 at most). */
export function lastDaysWindow(now: string, days: number): { from: string; to: string } {
  const from = Math.max(Date.parse(now) - days * DAY_MS, YEAR_ZERO);
  return { from: new Date(from).toISOString(), to: now };
}
