/**
 * RFM: recency, frequency and monetary scores (1–5 by default, 5 best) and the named segments built on
 * them. Scores are relative to the customer base that is scored together.
 */
import { IssueCollector } from './validate.js';
import { innerQuantiles, sortedCopy } from './math/quantile.js';
import { readDay, type DateInput } from './time.js';
import type { Transaction } from './transactions.js';

export interface RfmInput {
  customerId: string | number;
  /** Days since the customer's last order (≥ 0). */
  recencyDays: number;
  /** Number of orders (≥ 0). */
  orders: number;
  /** Money spent in total. */
  amount: number;
}

export interface RfmScores {
  /** Recency score: the most recent buyers get the highest. */
  r: number;
  /** Frequency score: the most frequent buyers get the highest. */
  f: number;
  /** Monetary score: the biggest spenders get the highest. */
  m: number;
}

export interface RfmRow extends RfmScores {
  customerId: string;
  recencyDays: number;
  orders: number;
  amount: number;
  /** 100 r + 10 f + m, e.g. 545 (as the R package rfm reports it). */
  score: number;
}

/** Number of bins for a dimension, or its inner cut points in ascending order (n cuts make n + 1 bins). */
export type RfmBins = number | readonly number[];

export interface RfmOptions {
  /** Bins for every dimension (default 5), or per dimension. */
  bins?: RfmBins | { recency?: RfmBins; frequency?: RfmBins; monetary?: RfmBins };
  /**
   * `'quantile'` (default): cut points are the type-7 quantiles of the values, and equal values always
   * get equal scores — the R package rfm's scheme. `'rank'`: customers are ranked (ties in input order)
   * and split into bins of equal size, like pandas' `qcut(x.rank(method='first'))`. Cut points given as
   * arrays are used as they are by either method.
   */
  method?: 'quantile' | 'rank';
}

export interface RfmResult {
  rows: RfmRow[];
  /** The cut points used per dimension (for `'rank'` bins: the cut points in rank positions 1…n). */
  cuts: { recency: number[]; frequency: number[]; monetary: number[] };
}

const TARGET = 'rfmScores';

/**
 * Scores every customer 1…n on recency, frequency and monetary value. A value equal to a cut point
 * stays in the lower bin: with 1, 1, 1, 2 as frequency cuts, one-time buyers score 1, not 4. The R
 * package rfm 0.3.0 gets there by adding 1 to every quantile cut; where the values and the cuts are whole
 * numbers the two agree exactly, elsewhere (fractional amounts) this rule is the intended one (decision 0033).
 */
export function rfmScores(inputs: readonly RfmInput[], options: RfmOptions = {}): RfmResult {
  const issues = new IssueCollector(TARGET);
  if (!issues.array(inputs, [])) issues.throwIfAny();
  const n = inputs.length;
  const ids: string[] = new Array<string>(n);
  const recency = new Float64Array(n);
  const orders = new Float64Array(n);
  const amount = new Float64Array(n);
  for (let i = 0; i < n && !issues.full; i++) {
    const row = inputs[i];
    if (!issues.record(row, [i])) continue;
    const id = issues.id(row.customerId, [i, 'customerId']);
    const r = issues.number(row.recencyDays, [i, 'recencyDays'], { min: 0 });
    const f = issues.number(row.orders, [i, 'orders'], { min: 0 });
    const m = issues.number(row.amount, [i, 'amount']);
    if (id === undefined || r === undefined || f === undefined || m === undefined) continue;
    ids[i] = id;
    recency[i] = r;
    orders[i] = f;
    amount[i] = m;
  }
  const bins = readBins(issues, options.bins);
  const method = options.method ?? 'quantile';
  if (method !== 'quantile' && method !== 'rank')
    issues.add(['options', 'method'], `expected 'quantile' or 'rank', received ${String(method)}`);
  issues.throwIfAny();

  const r = scoreDimension(recency, bins.recency, method, true);
  const f = scoreDimension(orders, bins.frequency, method, false);
  const m = scoreDimension(amount, bins.monetary, method, false);
  const rows: RfmRow[] = new Array<RfmRow>(n);
  for (let i = 0; i < n; i++) {
    const rs = r.scores[i]!;
    const fs = f.scores[i]!;
    const ms = m.scores[i]!;
    rows[i] = {
      customerId: ids[i]!,
      recencyDays: recency[i]!,
      orders: orders[i]!,
      amount: amount[i]!,
      r: rs,
      f: fs,
      m: ms,
      score: rs * 100 + fs * 10 + ms,
    };
  }
  return { rows, cuts: { recency: r.cuts, frequency: f.cuts, monetary: m.cuts } };
}

function scoreDimension(
  values: Float64Array,
  bins: RfmBins,
  method: 'quantile' | 'rank',
  lowerIsBetter: boolean,
): { scores: Uint8Array; cuts: number[] } {
  const n = values.length;
  const scores = new Uint8Array(n);
  const groups = typeof bins === 'number' ? bins : bins.length + 1;
  const score = (below: number): number => (lowerIsBetter ? groups - below : below + 1);

  if (typeof bins !== 'number' || method === 'quantile') {
    const cuts = typeof bins === 'number' ? innerQuantiles(sortedCopy(values), bins) : [...bins];
    for (let i = 0; i < n; i++) scores[i] = score(countBelow(cuts, values[i]!));
    return { scores, cuts };
  }
  // Equal-size bins over ranks 1…n, ties ranked in input order.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const cuts = innerQuantiles(
    Float64Array.from({ length: n }, (_, i) => i + 1),
    bins,
  );
  order.forEach((i, position) => (scores[i] = score(countBelow(cuts, position + 1))));
  return { scores, cuts };
}

/** How many cut points lie strictly below the value. */
function countBelow(cuts: readonly number[], value: number): number {
  let count = 0;
  while (count < cuts.length && cuts[count]! < value) count++;
  return count;
}

function readBins(
  issues: IssueCollector,
  bins: RfmOptions['bins'],
): { recency: RfmBins; frequency: RfmBins; monetary: RfmBins } {
  const one = (value: unknown, path: ReadonlyArray<string | number>): RfmBins => {
    if (value === undefined) return 5;
    if (Array.isArray(value)) {
      const cuts = value as unknown[];
      cuts.forEach((cut, i) => issues.number(cut, [...path, i]));
      if (cuts.length === 0 || cuts.length > 8) issues.add(path, 'give 1 to 8 cut points (2 to 9 bins)', 'custom');
      for (let i = 1; i < cuts.length; i++) {
        if ((cuts[i] as number) < (cuts[i - 1] as number))
          issues.add([...path, i], 'cut points must be in ascending order', 'custom');
      }
      return cuts as number[];
    }
    return issues.number(value, path, { min: 2, max: 9, integer: true }) ?? 5;
  };
  if (bins !== null && typeof bins === 'object' && !Array.isArray(bins)) {
    const per = bins as { recency?: RfmBins; frequency?: RfmBins; monetary?: RfmBins };
    return {
      recency: one(per.recency, ['options', 'bins', 'recency']),
      frequency: one(per.frequency, ['options', 'bins', 'frequency']),
      monetary: one(per.monetary, ['options', 'bins', 'monetary']),
    };
  }
  const all = one(bins, ['options', 'bins']);
  return { recency: all, frequency: all, monetary: all };
}

export interface RfmFromTransactionsOptions extends RfmOptions {
  /** The day recency is measured to (the R package's `analysis_date`); later transactions are ignored. */
  asOf: DateInput;
}

/**
 * RFM straight from a transaction log: per customer, days from the last transaction to `asOf`, the number
 * of transactions and their total amount, then `rfmScores`.
 */
export function rfmFromTransactions(
  transactions: readonly Transaction[],
  options: RfmFromTransactionsOptions,
): RfmResult {
  const issues = new IssueCollector('rfmFromTransactions');
  if (!issues.array(transactions, [])) issues.throwIfAny();
  if (!issues.record(options, ['options'])) issues.throwIfAny();
  const asOf = readDay(issues, options.asOf, ['options', 'asOf']);
  const perCustomer = new Map<string, RfmInput & { lastDay: number }>();
  for (let i = 0; i < transactions.length && !issues.full; i++) {
    const row = transactions[i];
    if (!issues.record(row, [i])) continue;
    const id = issues.id(row.customerId, [i, 'customerId']);
    const day = readDay(issues, row.at, [i, 'at']);
    const amount = issues.number(row.amount ?? 0, [i, 'amount']);
    if (id === undefined || day === undefined || amount === undefined || asOf === undefined || day > asOf) continue;
    const entry = perCustomer.get(id);
    if (entry) {
      entry.orders++;
      entry.amount += amount;
      if (day > entry.lastDay) entry.lastDay = day;
    } else {
      perCustomer.set(id, { customerId: id, recencyDays: 0, orders: 1, amount, lastDay: day });
    }
  }
  issues.throwIfAny();
  const inputs: RfmInput[] = [];
  for (const entry of perCustomer.values()) {
    inputs.push({
      customerId: entry.customerId,
      recencyDays: asOf! - entry.lastDay,
      orders: entry.orders,
      amount: entry.amount,
    });
  }
  return rfmScores(inputs, options);
}

/** A named segment: a box of inclusive score ranges. A missing dimension matches any score. */
export interface RfmSegmentRule {
  id: string;
  /** English name, as published; the kit's locale catalogue translates by `id`. */
  label: string;
  r: readonly [number, number];
  f: readonly [number, number];
  m?: readonly [number, number];
}

/** The id given to customers no rule matches. */
export const RFM_OTHERS = 'others';

/**
 * The ten segments of the R package rfm 0.3.0 (its vignette and `rfm_segment` docs), for 5 bins.
 * Checked in this order; the first match wins.
 */
export const RFM_SEGMENTS: readonly RfmSegmentRule[] = Object.freeze([
  { id: 'champions', label: 'Champions', r: [5, 5], f: [5, 5], m: [5, 5] },
  { id: 'potential_loyalist', label: 'Potential Loyalist', r: [3, 5], f: [3, 5], m: [2, 5] },
  { id: 'loyal_customers', label: 'Loyal Customers', r: [2, 4], f: [2, 4], m: [2, 4] },
  { id: 'promising', label: 'Promising', r: [3, 4], f: [1, 3], m: [3, 5] },
  { id: 'new_customers', label: 'New Customers', r: [4, 5], f: [1, 3], m: [1, 5] },
  { id: 'cant_lose_them', label: "Can't Lose Them", r: [1, 2], f: [3, 4], m: [4, 5] },
  { id: 'at_risk', label: 'At Risk', r: [1, 2], f: [2, 5], m: [4, 5] },
  { id: 'need_attention', label: 'Need Attention', r: [1, 3], f: [3, 5], m: [3, 5] },
  { id: 'about_to_sleep', label: 'About To Sleep', r: [2, 3], f: [1, 3], m: [1, 4] },
  { id: 'lost', label: 'Lost', r: [1, 1], f: [1, 5], m: [1, 5] },
] as const);

/**
 * The widely used recency × frequency map (monetary not used), for 5 bins; it covers all 25 cells.
 * Ids follow the published map except `cant_lose`, spelled `cant_loose` there.
 */
export const RF_SEGMENTS: readonly RfmSegmentRule[] = Object.freeze([
  { id: 'hibernating', label: 'Hibernating', r: [1, 2], f: [1, 2] },
  { id: 'at_risk', label: 'At Risk', r: [1, 2], f: [3, 4] },
  { id: 'cant_lose', label: "Can't Lose", r: [1, 2], f: [5, 5] },
  { id: 'about_to_sleep', label: 'About To Sleep', r: [3, 3], f: [1, 2] },
  { id: 'need_attention', label: 'Need Attention', r: [3, 3], f: [3, 3] },
  { id: 'loyal_customers', label: 'Loyal Customers', r: [3, 4], f: [4, 5] },
  { id: 'promising', label: 'Promising', r: [4, 4], f: [1, 1] },
  { id: 'new_customers', label: 'New Customers', r: [5, 5], f: [1, 1] },
  { id: 'potential_loyalists', label: 'Potential Loyalists', r: [4, 5], f: [2, 3] },
  { id: 'champions', label: 'Champions', r: [5, 5], f: [4, 5] },
] as const);

/** The id of the first rule whose ranges hold the scores, else `RFM_OTHERS`. */
export function rfmSegment(scores: RfmScores, rules: readonly RfmSegmentRule[] = RFM_SEGMENTS): string {
  const issues = new IssueCollector('rfmSegment');
  if (!issues.array(rules, ['rules'])) issues.throwIfAny();
  const { r, f, m } = scores;
  for (const rule of rules) {
    if (within(r, rule.r) && within(f, rule.f) && (rule.m === undefined || within(m, rule.m))) return rule.id;
  }
  return RFM_OTHERS;
}

function within(value: number, [low, high]: readonly [number, number]): boolean {
  return value >= low && value <= high;
}
