import type { Activity, TimelineItemView } from '@crmkit/core';

/** The activity types the composer offers. */
export const COMPOSER_TYPES = ['note', 'call', 'task'] as const;
export type ComposerType = (typeof COMPOSER_TYPES)[number];

/** An activity with what the timeline shows for it (computed once per activity revision). */
export interface TimelineEntry {
  activity: Activity;
  view: TimelineItemView;
  /** Folded text of everything shown, for search. */
  haystack: string;
}

/** One row of the virtualised list: a day heading or an item. */
export type TimelineRow =
  { kind: 'day'; key: string; label: string } | { kind: 'item'; key: string; entry: TimelineEntry; position: number };
