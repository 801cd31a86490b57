/**
 * The order the contract promises, written out independently of core's query helpers so that the suite checks
 * those helpers too instead of agreeing with them by construction: missing (or null) < booleans < numbers <
 * strings, strings by UTF-16 code units (as IndexedDB orders keys), and `id` as the final tie-breaker.
 */
import type { SortKey, StoredDocument } from '@crmkit/core';

export function valueAt(doc: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      doc,
    );
}

const typeRank = (value: unknown): number =>
  value === undefined || value === null ? 0 : typeof value === 'boolean' ? 1 : typeof value === 'number' ? 2 : 3;

function compareScalars(a: unknown, b: unknown): number {
  const byType = typeRank(a) - typeRank(b);
  if (byType !== 0 || typeRank(a) === 0) return byType;
  const x = a as string | number | boolean;
  const y = b as string | number | boolean;
  return x === y ? 0 : x < y ? -1 : 1;
}

/** The sort as the storage must apply it: up to and including `id`, with `id` ascending appended when absent. */
export function effectiveSort(sort: readonly SortKey[]): Required<SortKey>[] {
  const keys: Required<SortKey>[] = [];
  for (const key of sort) {
    keys.push({ field: key.field, direction: key.direction ?? 'asc' });
    // Ids are unique, so keys after the id can never decide anything.
    if (key.field === 'id') return keys;
  }
  keys.push({ field: 'id', direction: 'asc' });
  return keys;
}

export function compareDocs(a: StoredDocument, b: StoredDocument, sort: readonly SortKey[]): number {
  for (const key of effectiveSort(sort)) {
    const order = compareScalars(valueAt(a, key.field), valueAt(b, key.field));
    if (order !== 0) return key.direction === 'desc' ? -order : order;
  }
  return 0;
}

export function sortDocs<T extends StoredDocument>(docs: Iterable<T>, sort: readonly SortKey[]): T[] {
  return [...docs].sort((a, b) => compareDocs(a, b, sort));
}

/** The sort key values of `doc`, to tell whether an update moved it. */
export function sortKeyOf(doc: StoredDocument, sort: readonly SortKey[]): string {
  return JSON.stringify(effectiveSort(sort).map((key) => valueAt(doc, key.field) ?? null));
}
