/**
 * Choosing how to answer a query from the indexes a store has. Every plan yields candidates that are then
 * filtered with `matchesWhere`, ordered with the query's sort and paged with `pageOf`, so a plan only decides
 * how few documents are read, never what the answer is.
 */
import type { SortKey, Where } from '@crmkit/core';
import type { IndexStats } from './index-stats.js';
import { UNBOUNDED, intersect, isScalar, translateCondition } from './key-ranges.js';
import type { Bounds, Scalar } from './key-ranges.js';
import type { IndexSpec } from './schema.js';

/** Documents in the order of one field (then id) from an index, or from the store itself for `id`. */
export interface OrderedSource {
  /** The index; absent for the primary key. */
  index?: IndexSpec;
  /** Equal leading parts of a compound key (`customerId` of `customerId+at`). */
  prefix: Scalar[];
  /** The field whose order the source yields. */
  field: string;
  bounds: Bounds;
}

/** Documents whose `field` falls in `spans`, in no useful order. */
export interface WhereSource {
  index?: IndexSpec;
  field: string;
  spans: Bounds[];
  /** Every key in the spans matches this entry of the where. */
  exact: boolean;
}

/** Documents whose single-field index key is `value`: IndexedDB keeps them in primary key order, the id order. */
export interface PointSource {
  index: IndexSpec;
  value: Scalar;
}

export type Plan =
  | { kind: 'point'; source: PointSource }
  | { kind: 'ordered'; source: OrderedSource }
  | { kind: 'where'; source: WhereSource }
  | { kind: 'scan' };

type Sort = readonly Required<SortKey>[];

const regular = (stats: IndexStats, spec: IndexSpec): boolean => stats.irregular[spec.name] === 0;

/** A single-span translation of `where[field]`, as bounds for an ordered source; unbounded when there is none. */
function boundsFor(where: Where | undefined, field: string): Bounds | undefined {
  const condition = where?.[field];
  if (condition === undefined) return UNBOUNDED;
  const translation = translateCondition(condition);
  if (!translation || translation.spans.length > 1) return UNBOUNDED;
  return translation.spans[0];
}

function equalTo(where: Where | undefined, field: string): Scalar | undefined {
  const condition = where?.[field];
  if (isScalar(condition)) return condition;
  if (condition !== null && typeof condition === 'object' && isScalar(condition.eq)) return condition.eq;
  return undefined;
}

/** The source that yields the first sort key's order, if an index (or the primary key) can. */
export function orderedSource(
  specs: readonly IndexSpec[],
  stats: IndexStats,
  where: Where | undefined,
  sort: Sort,
): OrderedSource | 'empty' | undefined {
  const field = sort[0]!.field;
  const make = (index: IndexSpec | undefined, prefix: Scalar[]): OrderedSource | 'empty' => {
    const bounds = boundsFor(where, field);
    return bounds ? { index, prefix, field, bounds } : 'empty';
  };
  if (field === 'id') return make(undefined, []);
  for (const spec of specs) {
    if (spec.fields.length < 2 || spec.fields[spec.fields.length - 1] !== field || !regular(stats, spec)) continue;
    const prefix = spec.fields.slice(0, -1).map((part) => equalTo(where, part));
    if (prefix.every((part) => part !== undefined)) return make(spec, prefix);
  }
  const single = specs.find((spec) => spec.fields.length === 1 && spec.fields[0] === field);
  if (single && regular(stats, single)) return make(single, []);
  return undefined;
}

/** The first `where` entry that an index (or the primary key) can serve. */
export function whereSource(specs: readonly IndexSpec[], where: Where | undefined): WhereSource | undefined {
  for (const [field, condition] of Object.entries(where ?? {})) {
    const index = specs.find((spec) => spec.fields.length === 1 && spec.fields[0] === field);
    if (!index && field !== 'id') continue;
    const translation = translateCondition(condition);
    if (translation) return { index, field, spans: translation.spans, exact: translation.exact };
  }
  return undefined;
}

/**
 * For a query in id order (the default sort): the `where` entries that are one point of a single-field index.
 * Such an index's entries at the point come in id order and hold every match, so it pages by seeking, and reads
 * no more documents than the primary key or a where source would.
 */
export function pointSources(specs: readonly IndexSpec[], where: Where | undefined, sort: Sort): PointSource[] {
  if (sort.length !== 1 || sort[0]!.field !== 'id' || sort[0]!.direction !== 'asc' || where?.id !== undefined) {
    return [];
  }
  const points: PointSource[] = [];
  for (const [field, condition] of Object.entries(where ?? {})) {
    const index = specs.find((spec) => spec.fields.length === 1 && spec.fields[0] === field);
    const spans = index && translateCondition(condition)?.spans;
    const span = spans?.length === 1 ? spans[0] : undefined;
    if (index && span && !span.lowerOpen && isScalar(span.lower) && span.lower === span.upper)
      points.push({ index, value: span.lower });
  }
  return points;
}

/** Narrows an ordered source to what lies at or after a cursor's position in the sort's direction. */
export function fromPosition(source: OrderedSource, sort: Sort, position: unknown): OrderedSource | undefined {
  const edge = position as Scalar;
  const after: Bounds =
    sort[0]!.direction === 'asc'
      ? { lower: edge, lowerOpen: false, upperOpen: false }
      : { upper: edge, upperOpen: false, lowerOpen: false };
  const bounds = intersect(source.bounds, after);
  return bounds && { ...source, bounds };
}

export interface PlanEstimates {
  /** Documents the where source would read. */
  matching(): Promise<number>;
  total(): Promise<number>;
}

/**
 * An ordered source reads about `need × total / matching` documents to fill a page when the rest of the where
 * is filtered afterwards; a where source reads `matching` and sorts them. Both are estimated only when both plans
 * are possible, and the estimates are kept until the collection changes (see `IdbConnection.estimate`), so that
 * paging does not count the index again for every page.
 */
export async function choosePlan(
  specs: readonly IndexSpec[],
  stats: IndexStats,
  where: Where | undefined,
  sort: Sort,
  position: readonly unknown[] | undefined,
  need: number,
  estimates: (source: WhereSource) => PlanEstimates,
): Promise<Plan | 'empty'> {
  const points = pointSources(specs, where, sort);
  if (points.length === 1) return { kind: 'point', source: points[0]! };
  if (points.length > 1) {
    // Several indexed equalities (a type and a customer): walk the one with the fewest entries.
    const sizes = await Promise.all(
      points.map((point) =>
        estimates({
          index: point.index,
          field: point.index.fields[0]!,
          spans: [{ lower: point.value, lowerOpen: false, upper: point.value, upperOpen: false }],
          exact: true,
        }).matching(),
      ),
    );
    const smallest = sizes.indexOf(Math.min(...sizes));
    return { kind: 'point', source: points[smallest]! };
  }
  let ordered = orderedSource(specs, stats, where, sort);
  if (ordered === 'empty') return 'empty';
  if (ordered && position) {
    // A cursor made while the field held other kinds of values cannot seek in the index: read and sort instead.
    if (!isScalar(position[0])) ordered = undefined;
    else {
      ordered = fromPosition(ordered, sort, position[0]);
      if (!ordered) return 'empty';
    }
  }
  const filtered = whereSource(specs, where);
  // The ordered source already applies a single span on its own field; several spans (`in`) it only filters.
  const servedByOrder = filtered && filtered.field === ordered?.field && filtered.spans.length <= 1;
  if (ordered && (!filtered || servedByOrder || ordered.prefix.length)) {
    return { kind: 'ordered', source: ordered };
  }
  if (filtered && !ordered) return { kind: 'where', source: filtered };
  if (!filtered) return { kind: 'scan' };
  const estimate = estimates(filtered);
  const [matching, total] = await Promise.all([estimate.matching(), estimate.total()]);
  const orderedCost = Math.min(total, (need * total) / Math.max(matching, 1));
  return matching <= orderedCost ? { kind: 'where', source: filtered } : { kind: 'ordered', source: ordered! };
}
