/**
 * The object stores and indexes a tenant's database needs, derived from the collection definitions, and the
 * comparison with what a database already has.
 */
import { CrmValidationError } from '@crmkit/core';
import type { CollectionDefinition } from '@crmkit/core';

/** Holds index statistics and the ids of applied migrations; never a collection. */
export const META_STORE = 'crmkit:meta';

export interface IndexSpec {
  name: string;
  /** The dotted paths the key is made of: one for a single-field index, several for a compound one. */
  fields: readonly string[];
  keyPath: string | string[];
  /**
   * Single-field indexes are multiEntry, so an array field (tags, emails) is found by any element, as `where`
   * means; for a scalar field multiEntry changes nothing. Compound indexes cannot be multiEntry.
   */
  multiEntry: boolean;
}

/** Store name → its indexes. */
export type Layout = ReadonlyMap<string, readonly IndexSpec[]>;

/** IndexedDB key paths are dotted identifiers; `custom.loyalty-card` is not one. */
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

export const isKeyPath = (path: string): boolean => path.split('.').every((part) => IDENTIFIER.test(part));

export function indexSpec(entry: string | readonly string[]): IndexSpec {
  const fields = typeof entry === 'string' ? [entry] : [...entry];
  if (fields.length === 1) return { name: fields[0]!, fields, keyPath: fields[0]!, multiEntry: true };
  return { name: fields.join('+'), fields, keyPath: fields, multiEntry: false };
}

/** The layout the definitions ask for; the same collection named twice gets the union of its indexes. */
export function wantedLayout(definitions: readonly CollectionDefinition[]): Map<string, IndexSpec[]> {
  const layout = new Map<string, IndexSpec[]>();
  for (const definition of definitions) {
    if (typeof definition.name !== 'string' || definition.name === '' || definition.name === META_STORE) {
      throw new CrmValidationError(
        [{ path: ['collections', 'name'], message: `"${definition.name}" cannot name a collection`, code: 'custom' }],
        'storage',
      );
    }
    const specs = layout.get(definition.name) ?? [];
    for (const entry of definition.indexes) {
      const spec = indexSpec(entry);
      // The primary key already orders and finds by id. A path IndexedDB cannot index is served by reading the
      // store, as any unindexed field is: an index only makes a query faster, never different.
      if (spec.fields.length === 1 && spec.fields[0] === 'id') continue;
      if (!spec.fields.every(isKeyPath)) continue;
      if (!specs.some((known) => known.name === spec.name)) specs.push(spec);
    }
    layout.set(definition.name, specs);
  }
  return layout;
}

export function sameIndex(index: Pick<IDBIndex, 'keyPath' | 'multiEntry'>, spec: IndexSpec): boolean {
  const keyPath = index.keyPath;
  const samePath = Array.isArray(spec.keyPath)
    ? Array.isArray(keyPath) && keyPath.length === spec.keyPath.length && keyPath.every((p, i) => p === spec.keyPath[i])
    : keyPath === spec.keyPath;
  return samePath && index.multiEntry === spec.multiEntry;
}

/** The spec of an index that exists. */
export function describeIndex(index: Pick<IDBIndex, 'name' | 'keyPath' | 'multiEntry'>): IndexSpec {
  const keyPath = index.keyPath;
  return {
    name: index.name,
    fields: Array.isArray(keyPath) ? keyPath : [keyPath],
    keyPath,
    multiEntry: index.multiEntry,
  };
}

/** Reads the stores and indexes a database has (every store, not only the wanted ones). */
export function readLayout(db: IDBDatabase): Map<string, IndexSpec[]> {
  const names = [...db.objectStoreNames].filter((name) => name !== META_STORE);
  const layout = new Map<string, IndexSpec[]>();
  if (!names.length) return layout;
  const tx = db.transaction(names, 'readonly');
  for (const name of names) {
    const store = tx.objectStore(name);
    layout.set(
      name,
      [...store.indexNames].map((indexName) => describeIndex(store.index(indexName))),
    );
  }
  return layout;
}

/** True when `actual` has every store and index that `wanted` asks for (it may have more). */
export function covers(actual: Layout, wanted: Layout): boolean {
  for (const [store, specs] of wanted) {
    const have = actual.get(store);
    if (!have) return false;
    for (const spec of specs) {
      const index = have.find((known) => known.name === spec.name);
      if (!index || !sameIndex(index, spec)) return false;
    }
  }
  return true;
}
