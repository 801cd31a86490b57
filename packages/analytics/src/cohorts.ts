/**
 * Retention cohorts: customers grouped by the period of their first purchase (and, optionally, by
 * acquisition channel or any other attribute), and the share of each cohort that bought again in each
 * later period.
 */
import { IssueCollector, invalid } from './validate.js';
import { PERIODS, periodIndex, periodLabel, readDay, type DateInput, type Period } from './time.js';
import type { Transaction } from './transactions.js';

export interface CohortOptions {
  /** Calendar period of cohorts and of the retention columns (default `'month'`). */
  period?: Period;
  /** Last day observed (default: the last transaction's); later transactions are ignored. */
  asOf?: DateInput;
  /**
   * A group per customer, e.g. their acquisition channel: cohorts are then formed per group. Return
   * undefined for customers whose group is unknown; they form the group `'unknown'`.
   */
  groupOf?: (customerId: string) => string | undefined;
}

export interface Cohort {
  /** The group (`groupOf`), or undefined when no `groupOf` was given. */
  group: string | undefined;
  /** Label of the acquisition period, e.g. `2024-03` (see `periodLabel`). */
  cohort: string;
  /** Customers whose first purchase fell in the cohort's period. */
  size: number;
  /** active[k]: cohort customers who bought in the k-th period after acquisition (active[0] = size). */
  active: number[];
  /** retention[k] = active[k] / size. The last column may be a period still running at `asOf`. */
  retention: number[];
}

const TARGET = 'retentionCohorts';

/** Cohorts sorted by group, then by acquisition period. */
export function retentionCohorts(transactions: readonly Transaction[], options: CohortOptions = {}): Cohort[] {
  const issues = new IssueCollector(TARGET);
  if (!issues.array(transactions, [])) issues.throwIfAny();
  if (!issues.record(options, ['options'])) issues.throwIfAny();
  const period = options.period ?? 'month';
  if (!PERIODS.includes(period)) issues.add(['options', 'period'], `expected one of ${PERIODS.join(', ')}`);
  const asOfDay = options.asOf === undefined ? undefined : readDay(issues, options.asOf, ['options', 'asOf']);
  if (options.groupOf !== undefined && typeof options.groupOf !== 'function')
    issues.add(['options', 'groupOf'], 'expected a function');

  // Per customer: the set of period indexes with a purchase.
  const periodsOf = new Map<string, Set<number>>();
  const rows: { id: string; day: number }[] = [];
  let lastDay = -Infinity;
  for (let i = 0; i < transactions.length && !issues.full; i++) {
    const row = transactions[i];
    if (!issues.record(row, [i])) continue;
    const id = issues.id(row.customerId, [i, 'customerId']);
    const day = readDay(issues, row.at, [i, 'at']);
    if (id === undefined || day === undefined) continue;
    rows.push({ id, day });
    if (day > lastDay) lastDay = day;
  }
  issues.throwIfAny();
  const end = asOfDay ?? lastDay;
  for (const { id, day } of rows) {
    if (day > end) continue;
    let set = periodsOf.get(id);
    if (!set) periodsOf.set(id, (set = new Set()));
    set.add(periodIndex(day, period));
  }
  const endPeriod = periodIndex(end, period);

  const cohorts = new Map<string, { group: string | undefined; start: number; members: Set<number>[] }>();
  for (const [id, set] of periodsOf) {
    let start = Infinity;
    for (const p of set) if (p < start) start = p;
    const group = options.groupOf ? (options.groupOf(id) ?? 'unknown') : undefined;
    if (group !== undefined && typeof group !== 'string')
      invalid(TARGET, ['options', 'groupOf'], `returned ${typeof group} for customer ${id}; expected a string`);
    const key = `${group ?? ''}\u0000${start}`;
    let cohort = cohorts.get(key);
    if (!cohort) cohorts.set(key, (cohort = { group, start, members: [] }));
    cohort.members.push(set);
  }

  const sorted = [...cohorts.values()].sort((a, b) => compareGroups(a.group, b.group) || a.start - b.start);
  return sorted.map(({ group, start, members }) => {
    const active = new Array<number>(endPeriod - start + 1).fill(0);
    for (const set of members) for (const p of set) active[p - start]!++;
    return {
      group,
      cohort: periodLabel(start, period),
      size: members.length,
      active,
      retention: active.map((count) => count / members.length),
    };
  });
}

function compareGroups(a: string | undefined, b: string | undefined): number {
  return a === b ? 0 : (a ?? '') < (b ?? '') ? -1 : 1;
}

/**
 * One retention curve from many cohorts (e.g. all cohorts of one acquisition channel): for each period
 * after acquisition, the customers active then over the customers of the cohorts that have reached it.
 */
export function retentionCurve(cohorts: readonly Pick<Cohort, 'size' | 'active'>[]): number[] {
  const issues = new IssueCollector('retentionCurve');
  if (!issues.array(cohorts, [])) issues.throwIfAny();
  const active: number[] = [];
  const exposed: number[] = [];
  for (const cohort of cohorts) {
    cohort.active.forEach((count, k) => {
      active[k] = (active[k] ?? 0) + count;
      exposed[k] = (exposed[k] ?? 0) + cohort.size;
    });
  }
  return active.map((count, k) => (exposed[k]! > 0 ? count / exposed[k]! : 0));
}
