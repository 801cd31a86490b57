/** Turns loaded entries into the rows the virtualiser shows: day headings and items, newest first. */
import { foldForSearch } from '@crmkit/core';
import type { LocaleController } from '../shared/locale-controller.js';
import type { TimelineEntry, TimelineRow } from './timeline.types.js';

const DAY = 24 * 3600_000;

/** The local calendar day of an instant, as `YYYY-MM-DD`. */
export function dayKey(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** "Today", "Yesterday", "3 days ago" for the last week, else the date. */
export function dayLabel(iso: string, now: Date, i18n: LocaleController): string {
  const start = (value: Date) => new Date(value.getFullYear(), value.getMonth(), value.getDate()).getTime();
  const days = Math.round((start(new Date(iso)) - start(now)) / DAY);
  if (days <= 0 && days > -7) {
    const formatter = new Intl.RelativeTimeFormat(i18n.lang, { numeric: 'auto' });
    const text = formatter.format(days, 'day');
    return text.charAt(0).toLocaleUpperCase(i18n.lang) + text.slice(1);
  }
  return i18n.date(iso, { dateStyle: 'full' });
}

export interface RowFilter {
  types: ReadonlySet<string>;
  query: string;
}

export function matches(entry: TimelineEntry, filter: RowFilter, locale: string): boolean {
  if (filter.types.size && !filter.types.has(entry.activity.type)) return false;
  const query = foldForSearch(filter.query.trim(), locale);
  return !query || query.split(/\s+/).every((word) => entry.haystack.includes(word));
}

export function buildRows(entries: readonly TimelineEntry[], now: Date, i18n: LocaleController): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let day = '';
  let position = 0;
  for (const entry of entries) {
    const key = dayKey(entry.activity.at);
    if (key !== day) {
      day = key;
      rows.push({ kind: 'day', key: `day-${key}`, label: dayLabel(entry.activity.at, now, i18n) });
    }
    rows.push({ kind: 'item', key: entry.activity.id, entry, position: ++position });
  }
  return rows;
}

/** Pending items with a due date: not a task that is done. */
export function isPending(entry: TimelineEntry): boolean {
  const { activity } = entry;
  if (!activity.dueAt) return false;
  return !(activity.type === 'task' && (activity.data as { done?: boolean }).done === true);
}

/** Newest first by `at`, then by id, as the storage pages them. */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  if (a.activity.at !== b.activity.at) return a.activity.at < b.activity.at ? 1 : -1;
  return a.activity.id < b.activity.id ? -1 : a.activity.id > b.activity.id ? 1 : 0;
}
