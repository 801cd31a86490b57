/**
 * Per-index counters kept in the same transaction as every write. They let a query trust an index for things an
 * index cannot prove on its own:
 * - `irregular`: documents whose key parts are not all numbers or strings (missing, null, booleans, arrays,
 *   objects). IndexedDB leaves such documents out of the index or orders them differently from `compareValues`,
 *   so an index yields the query's order for *every* document only while this is 0.
 * - `arrays`: documents whose (single) indexed field is an array. A multiEntry index then holds such a document
 *   once per element, so `IDBIndex.count` over a range can count it twice; only while this is 0 is it exact.
 */
import { getPath } from '@crmkit/core';
import type { StoredDocument } from '@crmkit/core';
import { isScalar } from './key-ranges.js';
import type { IndexSpec } from './schema.js';

export interface IndexStats {
  irregular: Record<string, number>;
  arrays: Record<string, number>;
}

export const statsKey = (store: string): string => `stats:${store}`;

export const emptyStats = (): IndexStats => ({ irregular: {}, arrays: {} });

function isIrregular(doc: StoredDocument, spec: IndexSpec): boolean {
  for (const field of spec.fields) if (!isScalar(getPath(doc, field))) return true;
  return false;
}

function isArray(doc: StoredDocument, spec: IndexSpec): boolean {
  return spec.fields.length === 1 && Array.isArray(getPath(doc, spec.fields[0]!));
}

/** Counters computed from scratch, for a store whose indexes were just created or whose data a migration changed. */
export function computeStats(docs: readonly StoredDocument[], specs: readonly IndexSpec[]): IndexStats {
  const stats = emptyStats();
  for (const spec of specs) {
    let irregular = 0;
    let arrays = 0;
    for (const doc of docs) {
      if (isIrregular(doc, spec)) irregular++;
      if (isArray(doc, spec)) arrays++;
    }
    stats.irregular[spec.name] = irregular;
    stats.arrays[spec.name] = arrays;
  }
  return stats;
}

/** Updates the counters for one document replaced by another (either may be absent). Unknown counters stay unknown. */
export function applyDelta(
  stats: IndexStats,
  specs: readonly IndexSpec[],
  before: StoredDocument | undefined,
  after: StoredDocument | undefined,
): void {
  for (const spec of specs) {
    const irregular = stats.irregular[spec.name];
    if (irregular !== undefined) {
      stats.irregular[spec.name] =
        irregular + (after && isIrregular(after, spec) ? 1 : 0) - (before && isIrregular(before, spec) ? 1 : 0);
    }
    const arrays = stats.arrays[spec.name];
    if (arrays !== undefined) {
      stats.arrays[spec.name] =
        arrays + (after && isArray(after, spec) ? 1 : 0) - (before && isArray(before, spec) ? 1 : 0);
    }
  }
}
