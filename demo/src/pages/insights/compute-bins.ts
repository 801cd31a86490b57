/**
 * Binning for the Insights charts: lifetime values into round TRY ranges, churn risks into tenths and three
 * bands, rates into the heat map's steps. Pure functions over numbers: no DOM, no crm (tested in Node).
 */

export interface HistogramBin {
  /** Lower edge, included. */
  from: number;
  /** Upper edge, excluded; null for the open last bin ("150,000 and more"). */
  to: number | null;
  count: number;
}

const NICE = [1, 2, 2.5, 5, 10];

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `x` (at least 1): steps people read as round amounts. */
export function niceCeil(x: number): number {
  if (!(x > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  const fraction = x / power;
  // A hair of tolerance so 300 / 100 stays 3 → 5, not a float's 3.0000000000000004 → 5 anyway, and 2.5 stays 2.5.
  const nice = NICE.find((n) => n >= fraction - 1e-9) ?? 10;
  return nice * power;
}

/** The value at quantile `q` (0–1) of ascending `sorted`, by nearest rank; undefined when empty. */
export function nearestRank(sorted: readonly number[], q: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

/**
 * A histogram of amounts with equal, round bins (1, 2, 2.5 or 5 × 10ⁿ wide) sized so that `maxBins − 1` bins
 * cover the 95th percentile; the few above go into one open last bin rather than stretching the axis for a
 * handful of top customers. Negative and non-finite values are ignored.
 */
export function amountHistogram(values: readonly number[], options: { maxBins?: number } = {}): HistogramBin[] {
  const maxBins = Math.max(2, Math.floor(options.maxBins ?? 8));
  const sorted = values.filter((v) => Number.isFinite(v) && v >= 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const max = sorted[sorted.length - 1]!;
  const p95 = nearestRank(sorted, 0.95)!;
  const step = niceCeil((p95 > 0 ? p95 : max) / (maxBins - 1));
  const open = max >= (maxBins - 1) * step;
  const regular = open ? maxBins - 1 : Math.floor(max / step) + 1;
  const bins: HistogramBin[] = [];
  for (let i = 0; i < regular; i++) bins.push({ from: i * step, to: (i + 1) * step, count: 0 });
  if (open) bins.push({ from: regular * step, to: null, count: 0 });
  for (const value of sorted) bins[Math.min(bins.length - 1, Math.floor(value / step))]!.count++;
  return bins;
}

export const CHURN_BANDS = ['low', 'medium', 'high'] as const;
export type ChurnBand = (typeof CHURN_BANDS)[number];

/** Upper edges of the bands: low up to 20 %, medium above 20 % up to 50 %, high above 50 %. */
export const CHURN_BAND_LIMITS = { low: 0.2, medium: 0.5 } as const;

export interface ChurnBin {
  /** Lower edge, excluded (except 0 for the first bin). */
  from: number;
  /** Upper edge, included. */
  to: number;
  count: number;
  band: ChurnBand;
}

export interface ChurnDistribution {
  /** Ten bins of ten points each: [0, 0.1], (0.1, 0.2], …, (0.9, 1]. */
  bins: ChurnBin[];
  bands: Record<ChurnBand, number>;
  /** Customers whose risk is above 50 %: what the segment "churn risk above 50 %" selects. */
  above50: number;
  total: number;
}

export function churnBand(risk: number): ChurnBand {
  if (risk > CHURN_BAND_LIMITS.medium) return 'high';
  if (risk > CHURN_BAND_LIMITS.low) return 'medium';
  return 'low';
}

/**
 * Churn risks (0–1) in tenths, closed on the right so that the band limits (20 %, 50 %) fall on bin edges and
 * "above 50 %" is exactly the five top bins. Values outside 0–1 are clamped; non-finite ones ignored.
 */
export function churnDistribution(risks: readonly number[]): ChurnDistribution {
  const bins: ChurnBin[] = Array.from({ length: 10 }, (_, i) => ({
    from: i / 10,
    to: (i + 1) / 10,
    count: 0,
    band: churnBand((i + 1) / 10),
  }));
  const bands: Record<ChurnBand, number> = { low: 0, medium: 0, high: 0 };
  let total = 0;
  for (const raw of risks) {
    if (!Number.isFinite(raw)) continue;
    const risk = Math.min(1, Math.max(0, raw));
    // Right-closed tenths: 0.2 belongs to (0.1, 0.2]. Rounding first keeps 0.30000000000000004 in (0.2, 0.3].
    const index = Math.min(9, Math.max(0, Math.ceil(Math.round(risk * 1e9) / 1e8) - 1));
    bins[index]!.count++;
    bands[bins[index]!.band]++;
    total++;
  }
  return { bins, bands, above50: bands.high, total };
}

/** The heat map's steps: 0 for no one retained … `steps − 1` for everyone, in equal slices. */
export function heatLevel(rate: number, steps = 6): number {
  if (!Number.isFinite(rate) || rate <= 0) return 0;
  return Math.min(steps - 1, Math.ceil(rate * (steps - 1) - 1e-9));
}
