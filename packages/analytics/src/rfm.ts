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
  /** Money spent in total (≥ 0). */
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

/** The cut points of each dimension: n − 1 ascending values make n bins. */
export interface RfmCuts {
  recency: number[];
  frequency: number[];
  monetary: number[];
}

const TARGET = 'rfmScores';

/**
 * Scores every customer 1…n on recency, frequency and monetary value (n = `bins`, default 5), by quantile
 * bins of the customers scored together; the most recent buyers get the highest recency score. A value
 * equal to a cut point stays in the lower bin: with 1, 1, 1, 2 as frequency cuts, one-time buyers score 1,
 * not 4. The R package rfm 0.3.0 gets there by adding 1 to every quantile cut; where the values and the
 * cuts are whole numbers the two agree exactly, elsewhere (fractional amounts) this rule is the intended
 * one (decision 0033). Bad rows throw a `CrmValidationError` naming each.
 */
export function rfmScores(rows: readonly RfmInput[], options: RfmOptions = {}): RfmRow[] {
  const { read, cuts, method } = prepare(rows, options);
  const r = scoreDimension(read.recency, cuts.recency, method, true);
  const f = scoreDimension(read.orders, cuts.frequency, method, false);
  const m = scoreDimension(read.amount, cuts.monetary, method, false);
  const n = read.ids.length;
  const out: RfmRow[] = new Array<RfmRow>(n);
  for (let i = 0; i < n; i++) {
    const rs = r[i]!;
    const fs = f[i]!;
    const ms = m[i]!;
    out[i] = { customerId: read.ids[i]!, r: rs, f: fs, m: ms, score: rs * 100 + fs * 10 + ms };
  }
  return out;
}

/**
 * The cut points `rfmScores` would use on these rows: keep them to score one customer later with
 * `rfmScore` against the same customer base (the analytics plugin does).
 */
export function rfmCutPoints(rows: readonly RfmInput[], options: RfmOptions = {}): RfmCuts {
  const { read, cuts, method } = prepare(rows, options);
  if (method === 'rank') {
    // Rank bins have no cut points in value terms: report the quantile cuts of the values instead.
    return {
      recency: innerQuantiles(sortedCopy(read.recency), groupsOf(cuts.recency)),
      frequency: innerQuantiles(sortedCopy(read.orders), groupsOf(cuts.frequency)),
      monetary: innerQuantiles(sortedCopy(read.amount), groupsOf(cuts.monetary)),
    };
  }
  return {
    recency: resolveCuts(read.recency, cuts.recency),
    frequency: resolveCuts(read.orders, cuts.frequency),
    monetary: resolveCuts(read.amount, cuts.monetary),
  };
}

/** One customer's scores against given cut points (from `rfmCutPoints`). */
export function rfmScore(row: Omit<RfmInput, 'customerId'>, cuts: RfmCuts): RfmScores {
  const issues = new IssueCollector('rfmScore');
  const r = issues.number(row?.recencyDays, ['recencyDays'], { min: 0 });
  const f = issues.number(row?.orders, ['orders'], { min: 0 });
  const m = issues.number(row?.amount, ['amount'], { min: 0 });
  if (issues.record(cuts, ['cuts'])) {
    for (const key of ['recency', 'frequency', 'monetary'] as const) {
      if (issues.array(cuts[key], ['cuts', key])) cuts[key].forEach((cut, i) => issues.number(cut, ['cuts', key, i]));
    }
  }
  issues.throwIfAny();
  return {
    r: cuts.recency.length + 1 - countBelow(cuts.recency, r!),
    f: countBelow(cuts.frequency, f!) + 1,
    m: countBelow(cuts.monetary, m!) + 1,
  };
}

function groupsOf(bins: RfmBins): number {
  return typeof bins === 'number' ? bins : bins.length + 1;
}

function resolveCuts(values: Float64Array, bins: RfmBins): number[] {
  return typeof bins === 'number' ? innerQuantiles(sortedCopy(values), bins) : [...bins];
}

function prepare(inputs: readonly RfmInput[], options: RfmOptions) {
  const issues = new IssueCollector(TARGET);
  if (!issues.array(inputs, [])) issues.throwIfAny();
  if (inputs.length === 0) issues.add([], 'needs at least one customer: scores are relative to the base', 'too_small');
  if (!issues.record(options, ['options'])) issues.throwIfAny();
  const n = inputs.length;
  const ids: string[] = new Array<string>(n);
  const recency = new Float64Array(n);
  const orders = new Float64Array(n);
  const amount = new Float64Array(n);
  for (let i = 0; i < n && !issues.full; i++) {
    const row = inputs[i];
    // The common case without allocating issue paths: a record with a string id and finite values ≥ 0.
    if (
      row !== null &&
      typeof row === 'object' &&
      typeof row.customerId === 'string' &&
      row.customerId !== '' &&
      row.recencyDays >= 0 &&
      row.recencyDays < Infinity &&
      row.orders >= 0 &&
      row.orders < Infinity &&
      row.amount >= 0 &&
      row.amount < Infinity &&
      typeof row.recencyDays === 'number' &&
      typeof row.orders === 'number' &&
      typeof row.amount === 'number'
    ) {
      ids[i] = row.customerId;
      recency[i] = row.recencyDays;
      orders[i] = row.orders;
      amount[i] = row.amount;
      continue;
    }
    if (!issues.record(row, [i])) continue;
    const id = issues.id(row.customerId, [i, 'customerId']);
    const r = issues.number(row.recencyDays, [i, 'recencyDays'], { min: 0 });
    const f = issues.number(row.orders, [i, 'orders'], { min: 0 });
    const m = issues.number(row.amount, [i, 'amount'], { min: 0 });
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
  return { read: { ids, recency, orders, amount }, cuts: bins, method };
}

function scoreDimension(
  values: Float64Array,
  bins: RfmBins,
  method: 'quantile' | 'rank',
  lowerIsBetter: boolean,
): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  const groups = typeof bins === 'number' ? bins : bins.length + 1;
  const score = (below: number): number => (lowerIsBetter ? groups - below : below + 1);

  if (typeof bins !== 'number' || method === 'quantile') {
    const cuts = typeof bins === 'number' ? innerQuantiles(sortedCopy(values), bins) : [...bins];
    for (let i = 0; i < n; i++) scores[i] = score(countBelow(cuts, values[i]!));
    return scores;
  }
  // Equal-size bins over ranks 1…n, ties ranked in input order.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const cuts = innerQuantiles(
    Float64Array.from({ length: n }, (_, i) => i + 1),
    bins,
  );
  order.forEach((i, position) => (scores[i] = score(countBelow(cuts, position + 1))));
  return scores;
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
): (RfmRow & Omit<RfmInput, 'customerId'>)[] {
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
    const amount = issues.number(row.amount ?? 0, [i, 'amount'], { min: 0 });
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
  const scores = rfmScores(inputs, options);
  return scores.map((row, i) => ({ ...inputs[i]!, ...row }));
}

/** A named segment: a box of inclusive score ranges. A missing dimension matches any score. */
export interface RfmSegmentRule {
  /** The segment's name as published (`Champions`), which `rfmSegment` returns. */
  name: string;
  /** A snake_case id for translation keys (`champions`). */
  id: string;
  r: readonly [number, number];
  f: readonly [number, number];
  m?: readonly [number, number];
}

/** The name given to customers no rule matches. */
export const RFM_OTHERS = 'Others';

/**
 * The ten segments of the R package rfm 0.3.0 (its vignette and `rfm_segment` docs), for 5 bins, checked in
 * this order; the first match wins, else `Others`.
 */
export const RFM_SEGMENTS: readonly RfmSegmentRule[] = Object.freeze([
  { id: 'champions', name: 'Champions', r: [5, 5], f: [5, 5], m: [5, 5] },
  { id: 'potential_loyalist', name: 'Potential Loyalist', r: [3, 5], f: [3, 5], m: [2, 5] },
  { id: 'loyal_customers', name: 'Loyal Customers', r: [2, 4], f: [2, 4], m: [2, 4] },
  { id: 'promising', name: 'Promising', r: [3, 4], f: [1, 3], m: [3, 5] },
  { id: 'new_customers', name: 'New Customers', r: [4, 5], f: [1, 3], m: [1, 5] },
  { id: 'cant_lose_them', name: "Can't Lose Them", r: [1, 2], f: [3, 4], m: [4, 5] },
  { id: 'at_risk', name: 'At Risk', r: [1, 2], f: [2, 5], m: [4, 5] },
  { id: 'need_attention', name: 'Need Attention', r: [1, 3], f: [3, 5], m: [3, 5] },
  { id: 'about_to_sleep', name: 'About To Sleep', r: [2, 3], f: [1, 3], m: [1, 4] },
  { id: 'lost', name: 'Lost', r: [1, 1], f: [1, 5], m: [1, 5] },
] as const);

/**
 * The widely used recency × frequency map (monetary not used), for 5 bins; it covers all 25 cells. Names
 * are the published ids (`cant_loose` spelled `cant_lose` in `id`).
 */
export const RF_SEGMENTS: readonly RfmSegmentRule[] = Object.freeze([
  { id: 'hibernating', name: 'hibernating', r: [1, 2], f: [1, 2] },
  { id: 'at_risk', name: 'at_risk', r: [1, 2], f: [3, 4] },
  { id: 'cant_lose', name: 'cant_loose', r: [1, 2], f: [5, 5] },
  { id: 'about_to_sleep', name: 'about_to_sleep', r: [3, 3], f: [1, 2] },
  { id: 'need_attention', name: 'need_attention', r: [3, 3], f: [3, 3] },
  { id: 'loyal_customers', name: 'loyal_customers', r: [3, 4], f: [4, 5] },
  { id: 'promising', name: 'promising', r: [4, 4], f: [1, 1] },
  { id: 'new_customers', name: 'new_customers', r: [5, 5], f: [1, 1] },
  { id: 'potential_loyalists', name: 'potential_loyalists', r: [4, 5], f: [2, 3] },
  { id: 'champions', name: 'champions', r: [5, 5], f: [4, 5] },
] as const);

/**
 * The name of the first rule whose inclusive ranges hold the scores (default: the R package rfm's
 * segments), else `Others`.
 */
export function rfmSegment(scores: RfmScores, rules: readonly RfmSegmentRule[] = RFM_SEGMENTS): string {
  return rfmSegmentRule(scores, rules)?.name ?? RFM_OTHERS;
}

/** The first matching rule itself (with its id), or undefined. */
export function rfmSegmentRule(
  scores: RfmScores,
  rules: readonly RfmSegmentRule[] = RFM_SEGMENTS,
): RfmSegmentRule | undefined {
  const r = scores?.r;
  const f = scores?.f;
  const m = scores?.m;
  // The common case without allocation: whole scores ≥ 1 and rules already checked.
  if (!(isScore(r) && isScore(f) && isScore(m)) || !checkedRules.has(rules)) {
    const issues = new IssueCollector('rfmSegment');
    if (issues.record(scores, ['scores'])) {
      for (const key of ['r', 'f', 'm'] as const)
        issues.number(scores[key], ['scores', key], { min: 1, integer: true });
    }
    checkRules(issues, rules);
    issues.throwIfAny();
    checkedRules.add(rules);
  }
  for (const rule of rules) {
    if (within(r, rule.r) && within(f, rule.f) && (rule.m === undefined || within(m, rule.m))) return rule;
  }
  return undefined;
}

/** Rule lists already found well-formed (rules are data that rarely changes: checked once per array). */
const checkedRules = new WeakSet<readonly RfmSegmentRule[]>();

function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function checkRules(issues: IssueCollector, rules: readonly RfmSegmentRule[]): void {
  if (!issues.array(rules, ['rules'])) return;
  rules.forEach((rule, i) => {
    if (!issues.record(rule, ['rules', i])) return;
    if (typeof rule.name !== 'string') issues.add(['rules', i, 'name'], 'expected a string', 'invalid_type');
    for (const key of ['r', 'f', 'm'] as const) {
      const range: unknown = rule[key];
      if (range === undefined && key === 'm') continue;
      if (!Array.isArray(range) || range.length !== 2 || !range.every((v) => typeof v === 'number'))
        issues.add(['rules', i, key], 'expected [low, high]', 'invalid_type');
    }
  });
}

function within(value: number, [low, high]: readonly [number, number]): boolean {
  return value >= low && value <= high;
}
