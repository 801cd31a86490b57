/**
 * Turning one `where` condition into IndexedDB key bounds. The bounds only ever narrow the candidates: every
 * candidate still goes through `matchesWhere`, so a translation must never leave out a matching document, and
 * `exact` says whether it also never lets a non-matching one in (which is what `count` needs to trust an index).
 */
import type { Primitive, WhereOps } from '@crmkit/core';

/** A value that IndexedDB orders exactly as `compareValues` does: numbers (not NaN), then strings. */
export type Scalar = number | string;

/** Sorts after every string and before every array: the exclusive end of the string keys. */
export const STRING_END: ArrayBuffer = new ArrayBuffer(0);

/** The edge of a span of keys of one field; `undefined` is unbounded. */
export type Edge = Scalar | typeof STRING_END;

export interface Bounds {
  lower?: Edge;
  lowerOpen: boolean;
  upper?: Edge;
  upperOpen: boolean;
}

export interface Translation {
  /** Disjoint spans whose union holds every match; empty when nothing can match. */
  spans: Bounds[];
  /** True when every key in the spans matches the condition. */
  exact: boolean;
}

export const UNBOUNDED: Bounds = { lowerOpen: false, upperOpen: false };

export function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value));
}

const only = (value: Scalar): Bounds => ({ lower: value, lowerOpen: false, upper: value, upperOpen: false });

const NUMBERS: Bounds = { lower: -Infinity, lowerOpen: false, upper: Infinity, upperOpen: false };
const STRINGS: Bounds = { lower: '', lowerOpen: false, upper: STRING_END, upperOpen: true };

/** Numbers before strings before the string end, as IndexedDB orders keys. */
export function compareEdges(a: Edge, b: Edge): number {
  const rank = (edge: Edge): number => (typeof edge === 'number' ? 0 : typeof edge === 'string' ? 1 : 2);
  const order = rank(a) - rank(b);
  if (order !== 0 || typeof a === 'object') return order;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The tighter of two spans' overlap; `undefined` when they do not overlap. */
export function intersect(a: Bounds, b: Bounds): Bounds | undefined {
  const result: Bounds = { ...a };
  if (b.lower !== undefined) {
    const order = result.lower === undefined ? -1 : compareEdges(result.lower, b.lower);
    if (order < 0) result.lower = b.lower;
    if (order <= 0) result.lowerOpen = order < 0 ? b.lowerOpen : result.lowerOpen || b.lowerOpen;
  }
  if (b.upper !== undefined) {
    const order = result.upper === undefined ? 1 : compareEdges(result.upper, b.upper);
    if (order > 0) result.upper = b.upper;
    if (order >= 0) result.upperOpen = order > 0 ? b.upperOpen : result.upperOpen || b.upperOpen;
  }
  if (result.lower !== undefined && result.upper !== undefined) {
    const order = compareEdges(result.lower, result.upper);
    if (order > 0 || (order === 0 && (result.lowerOpen || result.upperOpen))) return undefined;
  }
  return result;
}

/** The first string after every string that starts with `prefix`, or the string end when there is none. */
export function prefixEnd(prefix: string): Edge {
  let end = prefix;
  while (end.length > 0 && end.charCodeAt(end.length - 1) === 0xffff) end = end.slice(0, -1);
  if (end.length === 0) return STRING_END;
  return end.slice(0, -1) + String.fromCharCode(end.charCodeAt(end.length - 1) + 1);
}

function rangeSpan(ops: WhereOps): Bounds | undefined | 'none' {
  const type = ops.prefix !== undefined ? 'string' : undefined;
  const bounds = [ops.gt, ops.gte, ops.lt, ops.lte].filter((bound) => bound !== undefined);
  const types = new Set<string>(bounds.map((bound) => typeof bound));
  if (type) types.add(type);
  // Mixed or odd bound types, and NaN, keep `matchesWhere`'s own semantics: no index for them.
  if (types.size !== 1 || bounds.some((bound) => !isScalar(bound))) return undefined;
  let span: Bounds | undefined = types.has('number') ? NUMBERS : STRINGS;
  const narrow = (other: Bounds): void => {
    span = span && intersect(span, other);
  };
  if (ops.prefix !== undefined)
    narrow({ lower: ops.prefix, lowerOpen: false, upper: prefixEnd(ops.prefix), upperOpen: true });
  if (ops.gt !== undefined) narrow({ lower: ops.gt, lowerOpen: true, upperOpen: false });
  if (ops.gte !== undefined) narrow({ lower: ops.gte, lowerOpen: false, upperOpen: false });
  if (ops.lt !== undefined) narrow({ upper: ops.lt, upperOpen: true, lowerOpen: false });
  if (ops.lte !== undefined) narrow({ upper: ops.lte, upperOpen: false, lowerOpen: false });
  return span ?? 'none';
}

/**
 * The key spans that hold every document matching `condition` on an index of its field, or `undefined` when
 * no index can serve it (null, booleans, NaN, mixed-type ranges). Equality and `in` win over ranges when both
 * are given: the spans are then a superset and `exact` is false.
 */
export function translateCondition(condition: Primitive | WhereOps): Translation | undefined {
  if (condition === null || typeof condition !== 'object') {
    return isScalar(condition) ? { spans: [only(condition)], exact: true } : undefined;
  }
  const kinds = Object.entries(condition).filter(([, value]) => value !== undefined).length;
  if (condition.eq !== undefined) {
    return isScalar(condition.eq) ? { spans: [only(condition.eq)], exact: kinds === 1 } : undefined;
  }
  if (condition.in !== undefined) {
    if (!condition.in.every(isScalar)) return undefined;
    const values = [...new Set(condition.in)];
    return { spans: values.map(only), exact: kinds === 1 };
  }
  const span = rangeSpan(condition);
  if (span === undefined) return undefined;
  return { spans: span === 'none' ? [] : [span], exact: true };
}

/** The span as an `IDBKeyRange` over keys that start with `prefix` (the equal leading parts of a compound key). */
export function toKeyRange(bounds: Bounds, prefix: readonly Scalar[] = []): IDBKeyRange | undefined {
  const key = (edge: Edge): IDBValidKey => (prefix.length ? [...prefix, edge] : edge);
  const lower = bounds.lower !== undefined ? key(bounds.lower) : prefix.length ? [...prefix] : undefined;
  const upper = bounds.upper !== undefined ? key(bounds.upper) : prefix.length ? [...prefix, []] : undefined;
  const upperOpen = bounds.upper !== undefined ? bounds.upperOpen : prefix.length > 0;
  if (lower !== undefined && upper !== undefined) return IDBKeyRange.bound(lower, upper, bounds.lowerOpen, upperOpen);
  if (lower !== undefined) return IDBKeyRange.lowerBound(lower, bounds.lowerOpen);
  if (upper !== undefined) return IDBKeyRange.upperBound(upper, upperOpen);
  return undefined;
}
