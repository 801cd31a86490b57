/**
 * Time in analytics is counted in whole UTC days (see decision 0032): a purchase's day is the UTC calendar
 * day of its instant, so the results do not depend on the machine's time zone or on daylight saving.
 */
import type { IssueCollector } from './validate.js';

/** A `Date`, an ISO 8601 string, or milliseconds since the epoch. */
export type DateInput = Date | string | number;

export const MS_PER_DAY = 86_400_000;

/** Milliseconds since the epoch, or NaN when the input is not a valid date. */
export function toEpochMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string' && value !== '') return Date.parse(value);
  return Number.NaN;
}

/** The UTC day number (days since 1970-01-01) of an instant. */
export function dayNumber(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** Reads a date input as a UTC day number, recording an issue when it is not a valid date. */
export function readDay(
  issues: IssueCollector,
  value: unknown,
  path: ReadonlyArray<string | number>,
): number | undefined {
  const ms = toEpochMs(value);
  if (Number.isNaN(ms)) {
    issues.add(path, 'expected a Date, an ISO 8601 date string or epoch milliseconds', 'invalid_date');
    return undefined;
  }
  return dayNumber(ms);
}

/** `YYYY-MM-DD` of a UTC day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Units in which durations are reported: days, weeks (7 days), or any number of days per unit. */
export type TimeUnit = 'day' | 'week' | number;

export function daysPerUnit(unit: TimeUnit): number {
  if (unit === 'day') return 1;
  if (unit === 'week') return 7;
  return unit;
}

/** Calendar periods for cohorts. */
export const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/**
 * A running index of the calendar period that contains a UTC day, so that period arithmetic is integer
 * arithmetic: months are year × 12 + month, ISO weeks start on Monday (1970-01-01 was a Thursday).
 */
export function periodIndex(day: number, period: Period): number {
  switch (period) {
    case 'day':
      return day;
    case 'week':
      return Math.floor((day + 3) / 7);
    default: {
      const date = new Date(day * MS_PER_DAY);
      const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
      if (period === 'month') return month;
      if (period === 'quarter') return Math.floor(month / 3);
      return date.getUTCFullYear();
    }
  }
}

/** A readable, sortable label of a period index: `2024-03-05`, `2024-W10`, `2024-03`, `2024-Q1`, `2024`. */
export function periodLabel(index: number, period: Period): string {
  switch (period) {
    case 'day':
      return formatDay(index);
    case 'week': {
      // ISO 8601: the week belongs to the year of its Thursday.
      const thursday = index * 7; // week w runs Monday 7w − 3 to Sunday 7w + 3
      const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
      const firstThursday = isoFirstThursday(year);
      const week = Math.floor((thursday - firstThursday) / 7) + 1;
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    case 'quarter':
      return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    case 'year':
      return String(index);
  }
}

function isoFirstThursday(year: number): number {
  const jan1 = dayNumber(Date.UTC(year, 0, 1));
  const weekday = (((jan1 + 3) % 7) + 7) % 7; // 0 = Monday
  return jan1 + ((3 - weekday + 7) % 7);
}
