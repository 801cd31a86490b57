/**
 * Cohort retention: customers grouped by an attribute (their acquisition channel by default) and by the
 * calendar period they were acquired in, and, for every later period, how many of them bought.
 */
import { IssueCollector, describe, valueAtPath } from './validate.js';
import { periodIndex, periodLabel, readDay, type DateInput } from './time.js';
import type { Transaction } from './transactions.js';

export const COHORT_PERIODS = ['month', 'quarter', 'year'] as const;
export type CohortPeriod = (typeof COHORT_PERIODS)[number];

/** A customer as cohorts read it: the kit's `Customer` fits. */
export interface CohortCustomer {
  id: string;
  acquisition?: { channel?: string; at?: DateInput };
  [key: string]: unknown;
}

export interface CohortRetentionOptions {
  /** The attribute that forms groups: a dotted path into the customer (default `'acquisition.channel'`), or a function. */
  by?: string | ((customer: CohortCustomer) => string | undefined);
  /** Calendar period of the cohorts and of the columns (UTC). */
  period: CohortPeriod;
  /** Last day observed (default: the last transaction's); later transactions are left out. */
  asOf?: DateInput;
}

export interface CohortRow {
  /** The group (`'agent'`, `'direct-marketing'`…), `'unknown'` for customers without one. */
  group: string;
  /** Label of the acquisition period: `2024-03`, `2024-Q1` or `2024`. */
  cohort: string;
  /** Customers acquired in that period. */
  size: number;
  /** active[k]: customers of the cohort who bought in the k-th period after acquisition (k = 0 is that period). */
  active: number[];
  /** active[k] / size. */
  activeRate: number[];
  /** retained[k]: customers who bought in period k or later, i.e. were still customers then. */
  retained: number[];
  /** retained[k] / size: the share that "remained" after k periods. */
  retainedRate: number[];
}

export interface CohortGroupCurve {
  group: string;
  size: number;
  /** Pooled over the group's cohorts: for each k, over the customers whose cohort has reached period k. */
  exposed: number[];
  active: number[];
  activeRate: number[];
  retained: number[];
  retainedRate: number[];
}

export interface CohortRetention {
  period: CohortPeriod;
  /** Label of the last period observed. */
  asOf: string;
  /** Cohorts sorted by group, then by acquisition period; the matrix rows. */
  cohorts: CohortRow[];
  /** One retention curve per group, cohorts pooled: agents vs direct marketing at a glance. */
  groups: CohortGroupCurve[];
  /** Customers left out because they have neither `acquisition.at` nor a purchase. */
  unplaced: number;
  /** Transactions of customers not in `customers`, left out. */
  unmatchedTransactions: number;
}

const TARGET = 'cohortRetention';

/**
 * Cohort retention by acquisition channel (or any attribute). A customer is acquired at `acquisition.at`,
 * else at their first purchase; purchases before that count in period 0. Counts and rates per cohort ×
 * period since acquisition, for buying in that period (`active`) and for buying then or later
 * (`retained`, what "15 % remained after five years" measures), plus pooled curves per group.
 */
export function cohortRetention(
  customers: readonly CohortCustomer[],
  transactions: readonly Transaction[],
  options: CohortRetentionOptions,
): CohortRetention {
  const issues = new IssueCollector(TARGET);
  if (!issues.array(customers, ['customers']) || !issues.array(transactions, ['transactions'])) issues.throwIfAny();
  if (!issues.record(options, ['options'])) issues.throwIfAny();
  const period = options.period;
  if (!COHORT_PERIODS.includes(period))
    issues.add(['options', 'period'], `expected one of ${COHORT_PERIODS.join(', ')}, received ${describe(period)}`);
  const by = options.by ?? 'acquisition.channel';
  if (typeof by !== 'function' && (typeof by !== 'string' || by === ''))
    issues.add(['options', 'by'], 'expected a dotted path or a function', 'invalid_type');
  const asOfDay = options.asOf === undefined ? undefined : readDay(issues, options.asOf, ['options', 'asOf']);
  issues.throwIfAny();

  // Customers: group and acquisition day (if recorded).
  const known = new Map<string, { group: string; acquired: number | undefined; periods: Set<number> }>();
  for (let i = 0; i < customers.length && !issues.full; i++) {
    const customer = customers[i];
    if (!issues.record(customer, ['customers', i])) continue;
    const id = issues.id(customer.id, ['customers', i, 'id']);
    const at = valueAtPath(customer, 'acquisition.at');
    const acquired = at === undefined ? undefined : readDay(issues, at, ['customers', i, 'acquisition', 'at']);
    if (id === undefined) continue;
    const raw = typeof by === 'function' ? by(customer) : valueAtPath(customer, by);
    const group =
      raw === undefined || raw === null || raw === '' ? 'unknown' : typeof raw === 'string' ? raw : JSON.stringify(raw);
    known.set(id, { group, acquired, periods: new Set() });
  }
  // Transactions.
  const rows: { id: string; day: number }[] = [];
  let lastDay = -Infinity;
  for (let i = 0; i < transactions.length && !issues.full; i++) {
    const row = transactions[i];
    if (!issues.record(row, ['transactions', i])) continue;
    const id = issues.id(row.customerId, ['transactions', i, 'customerId']);
    const day = readDay(issues, row.at, ['transactions', i, 'at']);
    if (row.amount !== undefined) issues.number(row.amount, ['transactions', i, 'amount'], { min: 0 });
    if (id === undefined || day === undefined) continue;
    rows.push({ id, day });
    if (day > lastDay) lastDay = day;
  }
  issues.throwIfAny();

  const end = asOfDay ?? (Number.isFinite(lastDay) ? lastDay : 0);
  const endPeriod = periodIndex(end, period);
  let unmatchedTransactions = 0;
  const firstPurchase = new Map<string, number>();
  for (const { id, day } of rows) {
    const customer = known.get(id);
    if (!customer) {
      unmatchedTransactions++;
      continue;
    }
    if (day > end) continue;
    customer.periods.add(periodIndex(day, period));
    const seen = firstPurchase.get(id);
    if (seen === undefined || day < seen) firstPurchase.set(id, day);
  }

  const cohorts = new Map<string, { group: string; start: number; members: Set<number>[] }>();
  let unplaced = 0;
  for (const [id, customer] of known) {
    const acquired = customer.acquired ?? firstPurchase.get(id);
    if (acquired === undefined || acquired > end) {
      if (acquired === undefined) unplaced++;
      continue;
    }
    const start = periodIndex(acquired, period);
    const key = `${customer.group}\u0000${start}`;
    let cohort = cohorts.get(key);
    if (!cohort) cohorts.set(key, (cohort = { group: customer.group, start, members: [] }));
    cohort.members.push(customer.periods);
  }

  const sorted = [...cohorts.values()].sort(
    (a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) || a.start - b.start,
  );
  const matrix: CohortRow[] = sorted.map(({ group, start, members }) => {
    const width = endPeriod - start + 1;
    const active = new Array<number>(width).fill(0);
    const retained = new Array<number>(width).fill(0);
    for (const periods of members) {
      // Purchases before acquisition fall in period 0; each customer counts once per period.
      const ks = new Set<number>();
      for (const p of periods) ks.add(Math.max(0, p - start));
      let latest = -1;
      for (const k of ks) {
        active[k]!++;
        if (k > latest) latest = k;
      }
      for (let k = 0; k <= latest; k++) retained[k]!++;
    }
    const size = members.length;
    return {
      group,
      cohort: periodLabel(start, period),
      size,
      active,
      activeRate: active.map((count) => count / size),
      retained,
      retainedRate: retained.map((count) => count / size),
    };
  });

  const groups = new Map<string, CohortGroupCurve>();
  for (const row of matrix) {
    let curve = groups.get(row.group);
    if (!curve) {
      curve = { group: row.group, size: 0, exposed: [], active: [], activeRate: [], retained: [], retainedRate: [] };
      groups.set(row.group, curve);
    }
    curve.size += row.size;
    row.active.forEach((count, k) => {
      curve.exposed[k] = (curve.exposed[k] ?? 0) + row.size;
      curve.active[k] = (curve.active[k] ?? 0) + count;
      curve.retained[k] = (curve.retained[k] ?? 0) + row.retained[k]!;
    });
  }
  for (const curve of groups.values()) {
    curve.activeRate = curve.active.map((count, k) => count / curve.exposed[k]!);
    curve.retainedRate = curve.retained.map((count, k) => count / curve.exposed[k]!);
  }

  return {
    period,
    asOf: periodLabel(endPeriod, period),
    cohorts: matrix,
    groups: [...groups.values()],
    unplaced,
    unmatchedTransactions,
  };
}
