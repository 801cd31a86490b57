/**
 * `count(where)` from indexes alone when every entry of the where is exactly an index range: one `IDBIndex.count`
 * per span for a single entry (when no document can be counted twice), otherwise the intersection of the
 * entries' primary keys. Anything else counts the candidates of the query path.
 */
import type { Where } from '@crmkit/core';
import type { IndexStats } from './index-stats.js';
import { toKeyRange, translateCondition } from './key-ranges.js';
import type { Bounds, Translation } from './key-ranges.js';
import { whereSource } from './plan.js';
import { readAll, readWhere } from './scan.js';
import type { KeyedSource } from './scan.js';
import type { IndexSpec } from './schema.js';

interface ServedEntry {
  target: KeyedSource;
  index: IndexSpec | undefined;
  translation: Translation;
}

const isPoint = (span: Bounds): boolean => span.lower !== undefined && span.lower === span.upper;

function servedEntry(store: KeyedSource, specs: readonly IndexSpec[], field: string, condition: Where[string]) {
  const index = specs.find((spec) => spec.fields.length === 1 && spec.fields[0] === field);
  if (!index && field !== 'id') return undefined;
  const translation = translateCondition(condition);
  if (!translation?.exact) return undefined;
  return { target: index ? store.index(index.name) : store, index, translation };
}

async function primaryKeys(entry: ServedEntry): Promise<Set<IDBValidKey>> {
  const parts = await Promise.all(entry.translation.spans.map((span) => entry.target.getAllKeys(toKeyRange(span))));
  return new Set(parts.flat());
}

export async function countMatching(
  store: KeyedSource,
  specs: readonly IndexSpec[],
  stats: IndexStats,
  where: Where | undefined,
): Promise<number> {
  const entries = Object.entries(where ?? {});
  if (!entries.length) return store.count();
  const served = entries.map(([field, condition]) => servedEntry(store, specs, field, condition));
  if (served.every((entry) => entry !== undefined)) {
    const [first] = served;
    // A multiEntry index holds an array document once per element: only a single point, or an index without
    // array documents, counts each document at most once.
    if (
      first &&
      served.length === 1 &&
      (!first.index ||
        stats.arrays[first.index.name] === 0 ||
        (first.translation.spans.length === 1 && first.translation.spans.every(isPoint)))
    ) {
      const counts = await Promise.all(first.translation.spans.map((span) => first.target.count(toKeyRange(span))));
      return counts.reduce((sum, count) => sum + count, 0);
    }
    const sets = await Promise.all(served.map(primaryKeys));
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = sets;
    let count = 0;
    for (const key of smallest ?? []) if (others.every((set) => set.has(key))) count++;
    return count;
  }
  const source = whereSource(specs, where);
  const docs = source ? await readWhere(store, where, source, true) : await readAll(store, where);
  return docs.length;
}
