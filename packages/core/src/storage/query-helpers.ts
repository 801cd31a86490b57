/**
 * Pieces every adapter needs to honour `Query` the same way: reading dotted paths, matching `Where`, one total
 * order of values, and keyset cursors. Exported so that adapters written outside the kit behave identically.
 */
import { CrmValidationError } from '../errors.js';
import type { Primitive, Query, SortKey, Where, WhereOps } from './contract.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 10_000;

/** Reads `a.b.c` from a plain object; `undefined` when any step is missing. */
export function getPath(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const OPS = new Set(['eq', 'in', 'gt', 'gte', 'lt', 'lte', 'prefix']);

function isOps(value: Primitive | WhereOps): value is WhereOps {
  return value !== null && typeof value === 'object';
}

function whereIssue(path: ReadonlyArray<string | number>, message: string, code = 'invalid_type'): CrmValidationError {
  return new CrmValidationError([{ path: ['where', ...path], message, code }]);
}

const isPrimitive = (value: unknown): value is Primitive =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && !Number.isNaN(value));

const isBound = (value: unknown): value is string | number =>
  typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value));

/**
 * Refuses a malformed filter with the path of the offending entry, before any storage work. A filter often
 * comes from JSON or untyped code, and a wrong one would otherwise quietly match nothing (or everything).
 */
export function validateWhere(where: unknown): asserts where is Where {
  if (where === undefined) return;
  if (where === null || typeof where !== 'object' || Array.isArray(where)) {
    throw new CrmValidationError([
      { path: ['where'], message: 'must be an object of field paths', code: 'invalid_type' },
    ]);
  }
  for (const [field, condition] of Object.entries(where as Record<string, unknown>)) {
    if (isPrimitive(condition)) continue;
    if (condition === undefined || typeof condition !== 'object' || Array.isArray(condition)) {
      throw whereIssue([field], 'must be a string, number, boolean, null or an object of operators');
    }
    for (const [op, operand] of Object.entries(condition as Record<string, unknown>)) {
      if (!OPS.has(op)) {
        throw whereIssue([field, op], `unknown operator; use one of ${[...OPS].join(', ')}`, 'invalid_key');
      }
      if (op === 'eq' && !isPrimitive(operand))
        throw whereIssue([field, op], 'must be a string, number, boolean or null');
      if (op === 'in') {
        if (!Array.isArray(operand)) throw whereIssue([field, op], 'must be an array');
        const bad = operand.findIndex((item) => !isPrimitive(item));
        if (bad >= 0) throw whereIssue([field, op, bad], 'must be a string, number, boolean or null');
      }
      if ((op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') && !isBound(operand)) {
        throw whereIssue([field, op], 'must be a string or a number');
      }
      if (op === 'prefix' && typeof operand !== 'string') throw whereIssue([field, op], 'must be a string');
    }
  }
}

function matchesOne(value: unknown, condition: Primitive | WhereOps): boolean {
  if (!isOps(condition)) return value === condition;
  if (condition.eq !== undefined && value !== condition.eq) return false;
  if (condition.in !== undefined && !condition.in.includes(value as Primitive)) return false;
  if (condition.prefix !== undefined && !(typeof value === 'string' && value.startsWith(condition.prefix)))
    return false;
  if (condition.gt !== undefined && !(comparable(value, condition.gt) && compareValues(value, condition.gt) > 0))
    return false;
  if (condition.gte !== undefined && !(comparable(value, condition.gte) && compareValues(value, condition.gte) >= 0))
    return false;
  if (condition.lt !== undefined && !(comparable(value, condition.lt) && compareValues(value, condition.lt) < 0))
    return false;
  if (condition.lte !== undefined && !(comparable(value, condition.lte) && compareValues(value, condition.lte) <= 0))
    return false;
  return true;
}

/** Ranges compare like with like (as an index would): a number never falls in a string range. */
function comparable(value: unknown, bound: string | number): boolean {
  return typeof value === typeof bound;
}

export function matchesWhere(doc: unknown, where: Where | undefined): boolean {
  if (!where) return true;
  for (const [field, condition] of Object.entries(where)) {
    const value = getPath(doc, field);
    const ok = Array.isArray(value) ? value.some((item) => matchesOne(item, condition)) : matchesOne(value, condition);
    if (!ok) return false;
  }
  return true;
}

function rank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  return 4;
}

/**
 * One total order for sort keys: missing < booleans < numbers < strings < anything else; strings by UTF-16 code
 * units, as IndexedDB orders keys, so every adapter pages identically.
 */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return 0;
  if (ra === 4) return compareValues(JSON.stringify(a), JSON.stringify(b));
  return (a as number | string | boolean) < (b as number | string | boolean)
    ? -1
    : (a as number | string | boolean) > (b as number | string | boolean)
      ? 1
      : 0;
}

/**
 * The query's sort as storages apply it: the keys up to the first `id`, or all of them with `id` (ascending)
 * appended, so that every document has a unique position. Keys after an `id` could never decide anything.
 */
export function normalizeSort(sort: unknown): Required<SortKey>[] {
  if (sort !== undefined && !Array.isArray(sort)) {
    throw new CrmValidationError([{ path: ['sort'], message: 'must be an array of sort keys', code: 'invalid_type' }]);
  }
  const keys: Required<SortKey>[] = [];
  for (const [index, key] of ((sort ?? []) as unknown[]).entries()) {
    const { field, direction = 'asc' } = (key ?? {}) as { field?: unknown; direction?: unknown };
    if (typeof field !== 'string' || field === '') {
      throw new CrmValidationError([
        { path: ['sort', index, 'field'], message: 'must be a field path', code: 'invalid_type' },
      ]);
    }
    if (direction !== 'asc' && direction !== 'desc') {
      throw new CrmValidationError([
        { path: ['sort', index, 'direction'], message: 'must be asc or desc', code: 'invalid_value' },
      ]);
    }
    keys.push({ field, direction });
    if (field === 'id') return keys;
  }
  keys.push({ field: 'id', direction: 'asc' });
  return keys;
}

export function sortValues(doc: unknown, sort: readonly Required<SortKey>[]): unknown[] {
  return sort.map((key) => {
    const value = getPath(doc, key.field);
    return Array.isArray(value) ? JSON.stringify(value) : value;
  });
}

export function compareByKeys(
  a: readonly unknown[],
  b: readonly unknown[],
  sort: readonly Required<SortKey>[],
): number {
  for (let i = 0; i < sort.length; i++) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return sort[i]!.direction === 'desc' ? -order : order;
  }
  return 0;
}

export function makeComparator(sort: readonly Required<SortKey>[]): (a: unknown, b: unknown) => number {
  return (a, b) => compareByKeys(sortValues(a, sort), sortValues(b, sort), sort);
}

interface CursorState {
  /** The sort keys, so that a cursor is never reused with another order. */
  s: string;
  /** The sort values of the last item of the previous page. */
  v: unknown[];
}

function sortSignature(sort: readonly Required<SortKey>[]): string {
  return sort.map((key) => `${key.field}:${key.direction}`).join(',');
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return decoder.decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function encodeCursor(values: readonly unknown[], sort: readonly Required<SortKey>[]): string {
  const state: CursorState = { s: sortSignature(sort), v: values.map((value) => (value === undefined ? null : value)) };
  return toBase64Url(JSON.stringify(state));
}

/** The last position of the previous page, or a typed error for a cursor that is not one of ours. */
export function decodeCursor(cursor: string, sort: readonly Required<SortKey>[]): unknown[] {
  try {
    const state = JSON.parse(fromBase64Url(cursor)) as CursorState;
    if (state.s === sortSignature(sort) && Array.isArray(state.v) && state.v.length === sort.length) return state.v;
  } catch {
    // fall through to the typed error
  }
  throw new CrmValidationError([
    {
      path: ['cursor'],
      message: 'not a cursor of this query (it must come from nextCursor with the same sort)',
      code: 'invalid_cursor',
    },
  ]);
}

export function pageSize(query: Query | undefined): number {
  const limit = query?.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new CrmValidationError([{ path: ['limit'], message: 'must be a positive integer', code: 'too_small' }]);
  }
  return Math.min(limit, MAX_PAGE_SIZE);
}

/**
 * Pages through documents already filtered and sorted by `sort`: skips up to the cursor, takes `limit`, and makes
 * the next cursor from the last item. Adapters that cannot seek in an index use this over their candidates.
 */
export function pageOf<T>(
  sorted: readonly T[],
  query: Query | undefined,
  sort: readonly Required<SortKey>[],
): {
  items: T[];
  nextCursor?: string;
} {
  const limit = pageSize(query);
  let start = 0;
  if (query?.cursor) {
    const after = decodeCursor(query.cursor, sort);
    start = lowerBound(sorted, (item) => compareByKeys(sortValues(item, sort), after, sort) > 0);
  }
  const items = sorted.slice(start, start + limit);
  const last = items[items.length - 1];
  const hasMore = start + limit < sorted.length;
  return hasMore && last !== undefined ? { items, nextCursor: encodeCursor(sortValues(last, sort), sort) } : { items };
}

/** First index where `isAfter` holds, for a predicate that is false then true along the array. */
function lowerBound<T>(items: readonly T[], isAfter: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (isAfter(items[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}
