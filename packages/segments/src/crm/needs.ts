/** What a rule needs besides the customers: which activities, over which window. */
import { walk } from '../check.js';
import { lastDaysWindow } from '../dates.js';
import type { SegmentRule } from '../rule.js';

export interface RuleNeeds {
  /** Activity type → the earliest `at` its event conditions look at (`undefined`: all time). */
  events: ReadonlyMap<string, string | undefined>;
}

/** The needs of a checked rule, with relative windows made absolute from `now` as the compiler makes them. */
export function needsOf(rule: SegmentRule, now: string): RuleNeeds {
  const events = new Map<string, string | undefined>();
  for (const { node } of walk(rule)) {
    if (node.kind !== 'event') continue;
    const from = node.withinDays === undefined ? undefined : lastDaysWindow(now, node.withinDays).from;
    events.set(node.activityType, widest(events, node.activityType, from));
  }
  return { events };
}

function widest(known: ReadonlyMap<string, string | undefined>, type: string, from: string | undefined) {
  if (!known.has(type)) return from;
  const earlier = known.get(type);
  if (earlier === undefined || from === undefined) return undefined;
  return earlier < from ? earlier : from;
}

/** Whether activities loaded from `loaded` on (undefined: all time) include everything from `wanted` on. */
export function covers(loaded: string | undefined, wanted: string | undefined): boolean {
  return loaded === undefined || (wanted !== undefined && loaded <= wanted);
}
