/**
 * Per-index counters kept in the same transaction as every write. They let a query trust an index for things an
 * index cannot prove on its own:
 * - `irregular`: documents whose key parts are not all numbers or strings (missing, null, booleans, arrays,
 *   objects). IndexedDB leaves such documents out of the index or orders them differently from `compareValues`,
 *   so an index yields the query's order for *every* document only while this is 0.
 * - `arrays`: documents whose (single) indexed field is an array. A multiEntry index then holds such a document
 *   once per element, so `IDBIndex.count` over a range can count it twice; only while this is 0 is it exact.
 * - `documents`: how many documents the store holds, so that a query plan's estimate does not count the store
 *   (`IDBObjectStore.count` walks every record). Absent in records written before it existed.
 */
import type { StoredDocument } from '@crmkit/core';
import { isScalar } from './key-ranges.js';
import type { IndexSpec } from './schema.js';

export interface IndexStats {
  irregular: Record<string, number>;
  arrays: Record<string, number>;
  documents?: number;
}

export const statsKey = (store: string): string => `stats:${store}`;

export const emptyStats = (): IndexStats => ({ irregular: {}, arrays: {} });

/** Dotted paths split once: this runs for every index of every written document. */
const segmentsOf = new Map<string, readonly string[]>();

function valueAt(doc: StoredDocument, path: string): unknown {
  let segments = segmentsOf.get(path);
  if (!segments) segmentsOf.set(path, (segments = path.split('.')));
  let value: unknown = doc;
  for (const key of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Bit 1: irregular; bit 2: an array in a single-field index. */
function classify(doc: StoredDocument, spec: IndexSpec): number {
  if (spec.fields.length === 1) {
    const value = valueAt(doc, spec.fields[0]!);
    return isScalar(value) ? 0 : Array.isArray(value) ? 3 : 1;
  }
  for (const field of spec.fields) if (!isScalar(valueAt(doc, field))) return 1;
  return 0;
}

/** Counters computed from scratch, for a store whose indexes were just created or whose data a migration changed. */
export function computeStats(docs: readonly StoredDocument[], specs: readonly IndexSpec[]): IndexStats {
  const stats = emptyStats();
  for (const spec of specs) {
    stats.irregular[spec.name] = 0;
    stats.arrays[spec.name] = 0;
  }
  stats.documents = 0;
  for (const doc of docs) applyDelta(stats, specs, undefined, doc);
  return stats;
}

/** Updates the counters for one document replaced by another (either may be absent). Unknown counters stay unknown. */
export function applyDelta(
  stats: IndexStats,
  specs: readonly IndexSpec[],
  before: StoredDocument | undefined,
  after: StoredDocument | undefined,
): void {
  if (stats.documents !== undefined) stats.documents += (after ? 1 : 0) - (before ? 1 : 0);
  for (const spec of specs) {
    const kind = after ? classify(after, spec) : 0;
    const was = before ? classify(before, spec) : 0;
    if (kind === was) continue;
    const irregular = stats.irregular[spec.name];
    if (irregular !== undefined) stats.irregular[spec.name] = irregular + (kind & 1) - (was & 1);
    const arrays = stats.arrays[spec.name];
    if (arrays !== undefined) stats.arrays[spec.name] = arrays + ((kind >> 1) & 1) - ((was >> 1) & 1);
  }
}
