/**
 * Reading the candidates of a plan inside one read transaction. Each function returns matching documents in the
 * query's order, starting at the cursor's position (its tie group included: `pageOf` drops what came before)
 * and holding at least `need` documents past it when that many exist.
 */
import { compareByKeys, compareValues, getPath, makeComparator, matchesWhere, sortValues } from '@crmkit/core';
import type { SortKey, StoredDocument, Where } from '@crmkit/core';
import { walkIndex } from './cursor-walk.js';
import { UNBOUNDED, intersect, toKeyRange } from './key-ranges.js';
import type { Bounds, Scalar } from './key-ranges.js';
import type { OrderedSource, PointSource, WhereSource } from './plan.js';
import type { IndexSpec } from './schema.js';

interface Cursor {
  readonly value: StoredDocument;
  continue(): Promise<Cursor | null>;
}

/** What an object store and an index have in common, as idb types them. */
export interface KeyedSource {
  getAll(query?: IDBKeyRange | null, count?: number): Promise<StoredDocument[]>;
  getAllKeys(query?: IDBKeyRange | null, count?: number): Promise<IDBValidKey[]>;
  count(query?: IDBKeyRange | null): Promise<number>;
  openCursor(query?: IDBKeyRange | null, direction?: IDBCursorDirection): Promise<Cursor | null>;
  get(key: IDBValidKey): Promise<StoredDocument | undefined>;
  index(name: string): KeyedSource;
}

type Sort = readonly Required<SortKey>[];

export interface ScanRequest {
  store: KeyedSource;
  /** The same store unwrapped, for cursors that seek. */
  raw: IDBObjectStore;
  where: Where | undefined;
  sort: Sort;
  /** The sort values of the cursor's position, when the query has a cursor. */
  position: readonly unknown[] | undefined;
  need: number;
}

const FILTERED_CHUNK = 256;
const MAX_CHUNK = 4096;

const targetOf = (store: KeyedSource, index: IndexSpec | undefined): KeyedSource =>
  index ? store.index(index.name) : store;

const keyValue = (doc: StoredDocument, field: string): Scalar => getPath(doc, field) as Scalar;

/** True when the index order (field ascending, then id ascending, as IndexedDB orders equal keys) is the sort. */
export function isIndexOrder(source: OrderedSource, sort: Sort): boolean {
  if (source.field === 'id') return sort.length === 1 && sort[0]!.direction === 'asc';
  return sort.length === 2 && sort[0]!.direction === 'asc' && sort[1]!.direction === 'asc';
}

/**
 * Keyset paging with `getAll`, for a source whose order is the query's: after a position `(value, id)`, the rest
 * of the tie group comes from a cursor that seeks to the position in the index, and the remainder from a range
 * that starts past the value. Chunks grow when a filter outside the index throws documents away.
 */
export async function readInIndexOrder(request: ScanRequest, source: OrderedSource): Promise<StoredDocument[]> {
  const { store, raw, where, need } = request;
  const target = targetOf(store, source.index);
  const byId = source.field === 'id';
  const served = new Set([source.field, ...(source.index?.fields ?? [])]);
  const filtered = Object.keys(where ?? {}).some((field) => !served.has(field));
  const found: StoredDocument[] = [];
  let chunk = filtered ? Math.max(need, FILTERED_CHUNK) : need;
  let after: { value: Scalar; id: string } | undefined;
  const position = request.position;
  if (position) after = { value: position[0] as Scalar, id: position[position.length - 1] as string };

  for (;;) {
    const batch: StoredDocument[] = [];
    let rest: Bounds | undefined = source.bounds;
    if (after && byId) rest = intersect(source.bounds, { lower: after.id, lowerOpen: true, upperOpen: false });
    else if (after) {
      const tie = toKeyRange(
        { lower: after.value, lowerOpen: false, upper: after.value, upperOpen: false },
        source.prefix,
      );
      const limit = chunk;
      await walkIndex(raw.index(source.index!.name), {
        range: tie,
        after: { key: source.prefix.length ? [...source.prefix, after.value] : after.value, primaryKey: after.id },
        visit: (doc) => batch.push(doc) < limit,
      });
      rest = intersect(source.bounds, { lower: after.value, lowerOpen: true, upperOpen: false });
    }
    if (rest && batch.length < chunk)
      batch.push(...(await target.getAll(toKeyRange(rest, source.prefix), chunk - batch.length)));
    for (const doc of batch) if (matchesWhere(doc, where)) found.push(doc);
    const last = batch[batch.length - 1];
    if (!last || batch.length < chunk || found.length >= need) return found;
    after = { value: byId ? last.id : keyValue(last, source.field), id: last.id };
    chunk = Math.min(chunk * 2, MAX_CHUNK);
  }
}

/**
 * The documents at one point of a single-field index, in id order, from the position's id on: a cursor that
 * seeks to `(value, id)` and stops once `need` documents matched the rest of the where.
 */
export async function readPoint(request: ScanRequest, source: PointSource): Promise<StoredDocument[]> {
  const { raw, where, position, need } = request;
  const found: StoredDocument[] = [];
  const id = position?.[position.length - 1];
  await walkIndex(raw.index(source.index.name), {
    range: IDBKeyRange.only(source.value),
    ...(typeof id === 'string' ? { after: { key: source.value, primaryKey: id } } : {}),
    visit: (doc) => !matchesWhere(doc, where) || found.push(doc) < need,
  });
  return found;
}

/**
 * Any other order that starts with the source's field (descending, or more sort keys): walk a cursor in the first
 * key's direction, finish the tie group of the last needed document (the other keys may reorder it), then sort.
 */
export async function readWithCursor(request: ScanRequest, source: OrderedSource): Promise<StoredDocument[]> {
  const { store, where, sort, position, need } = request;
  const comparator = makeComparator(sort);
  const found: StoredDocument[] = [];
  let past = 0;
  let previous: unknown;
  let cursor = await targetOf(store, source.index).openCursor(
    toKeyRange(source.bounds, source.prefix),
    sort[0]!.direction === 'desc' ? 'prev' : 'next',
  );
  while (cursor) {
    const doc = cursor.value;
    const value = getPath(doc, source.field);
    if (past >= need && compareValues(value, previous) !== 0) break;
    previous = value;
    if (matchesWhere(doc, where)) {
      found.push(doc);
      if (!position || compareByKeys(sortValues(doc, sort), position, sort) > 0) past++;
    }
    cursor = await cursor.continue();
  }
  return found.sort(comparator);
}

/** Everything in the where source's spans that matches, unordered; a document found by two keys appears once. */
export async function readWhere(
  store: KeyedSource,
  where: Where | undefined,
  source: WhereSource,
  dedupe: boolean,
): Promise<StoredDocument[]> {
  const target = targetOf(store, source.index);
  const parts = await Promise.all(source.spans.map((span) => target.getAll(toKeyRange(span))));
  const seen = new Set<string>();
  const found: StoredDocument[] = [];
  for (const part of parts) {
    for (const doc of part) {
      if (dedupe) {
        if (seen.has(doc.id)) continue;
        seen.add(doc.id);
      }
      if (matchesWhere(doc, where)) found.push(doc);
    }
  }
  return found;
}

/** No index helps: every document that matches, unordered. */
export async function readAll(store: KeyedSource, where: Where | undefined): Promise<StoredDocument[]> {
  const docs = await store.getAll(toKeyRange(UNBOUNDED));
  return where ? docs.filter((doc) => matchesWhere(doc, where)) : docs;
}
