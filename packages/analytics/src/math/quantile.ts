/**
 * Quantiles of sorted samples, as R's default `quantile(type = 7)` and numpy's default `linear`:
 * h = (n − 1)p, then linear interpolation between the neighbouring order statistics.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const low = sorted[lo]!;
  return low + (h - lo) * (sorted[hi]! - low);
}

/** The n − 1 inner cut points that split `sorted` into n groups of (about) equal size, type-7 quantiles. */
export function innerQuantiles(sorted: ArrayLike<number>, groups: number): number[] {
  const cuts: number[] = [];
  for (let k = 1; k < groups; k++) cuts.push(quantileSorted(sorted, k / groups));
  return cuts;
}

/** Ascending numeric sort into a fresh Float64Array (typed-array sort is numeric and fast). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}
