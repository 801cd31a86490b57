/**
 * The figures of each crm, kept while its data stay the same: going back to Insights shows them at once instead
 * of reading 10,000 customers again. What can change them marks them stale — a purchase recorded or removed, a
 * customer added or erased, the models refitted (metrics-invalidate) — here or in another tab. Other edits (a
 * note, an NPS answer: the NPS report follows those itself) leave them be.
 */
import type { Change, Crm, StoredDocument } from '@crmkit/core';
import type { InsightsFigures } from './load-insights.js';

export interface InsightsEntry {
  readonly figures: InsightsFigures | undefined;
  readonly stale: boolean;
  store(figures: InsightsFigures): void;
  /** Calls `listener` whenever the figures go stale; returns the unsubscribe. */
  onStale(listener: () => void): () => void;
}

const entries = new WeakMap<Crm, InsightsEntry>();

export function changesFigures(change: Change<StoredDocument>): boolean {
  const doc = change.doc as { type?: unknown; rev?: unknown } | undefined;
  if (change.collection === 'activities') return doc?.type === 'purchase';
  if (change.collection === 'customers')
    return change.op === 'delete' || (typeof doc?.rev === 'string' && doc.rev.startsWith('1-'));
  return false;
}

/** The crm's entry, following its changes from the first call on (for the crm's lifetime). */
export function watchInsights(crm: Crm): InsightsEntry {
  const existing = entries.get(crm);
  if (existing) return existing;
  const listeners = new Set<() => void>();
  let figures: InsightsFigures | undefined;
  let stale = false;
  const markStale = () => {
    if (figures) stale = true;
    listeners.forEach((listener) => listener());
  };
  crm.subscribe('*', (changes) => {
    if (changes.some(changesFigures)) markStale();
  });
  crm.events.on('metrics-invalidate', markStale);
  const entry: InsightsEntry = {
    get figures() {
      return figures;
    },
    get stale() {
      return stale;
    },
    store(next) {
      figures = next;
      stale = false;
    },
    onStale(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  entries.set(crm, entry);
  return entry;
}
