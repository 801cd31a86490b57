/** Intl formatting for dates, numbers and money, cached per locale and options. */
import type { Locale } from './messages.js';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export function formatMoney(amount: number, currency: string, locale: Locale | string = 'en'): string {
  return cached(`m|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency })).format(
    amount,
  );
}

export function formatNumber(
  value: number,
  locale: Locale | string = 'en',
  options: Intl.NumberFormatOptions = {},
): string {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options)).format(value);
}

export function formatPercent(fraction: number, locale: Locale | string = 'en', digits = 0): string {
  return formatNumber(fraction, locale, { style: 'percent', maximumFractionDigits: digits });
}

export function formatDate(
  value: string | Date,
  locale: Locale | string = 'en',
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options)).format(date);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "3 days ago", "in 2 hours", "dün" — the largest unit that fits. */
export function formatRelative(value: string | Date, now: Date = new Date(), locale: Locale | string = 'en'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const diff = date.getTime() - now.getTime();
  const formatter = cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'second') return formatter.format(Math.round(diff / ms), unit);
  }
  return formatter.format(0, 'second');
}
