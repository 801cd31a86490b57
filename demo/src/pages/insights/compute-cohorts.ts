/**
 * The cohort heat map's matrix: rows of customers acquired together (one row per acquisition channel, or one
 * per quarter of a channel), columns of periods since acquisition, each cell the share still buying then or
 * later (`retainedRate` of @crmkit/analytics' cohortRetention). No DOM, no crm.
 */
import {
  cohortRetention,
  type CohortCustomer,
  type CohortPeriod,
  type CohortRetention,
  type Transaction,
} from '@crmkit/analytics';

export interface HeatCell {
  /** Share retained, 0–1. */
  rate: number;
  /** Customers retained. */
  count: number;
  /** Customers whose cohort has reached this period: the rate's denominator. */
  base: number;
}

export interface HeatRow {
  /** The acquisition channel. */
  group: string;
  /** The acquisition period (`2024-Q1`) for a cohort row; absent for a channel's pooled row. */
  cohort?: string;
  size: number;
  /** cells[k]: period k after acquisition; null where the cohort has not reached it yet. */
  cells: (HeatCell | null)[];
}

export interface CohortMatrix {
  period: CohortPeriod;
  /** The last period observed (`2025-Q4`). */
  asOf: string;
  /** Columns: periods 0 … columns − 1 after acquisition. */
  columns: number;
  /** One row per channel, its cohorts pooled; largest channel first. */
  channels: HeatRow[];
  /** One row per channel and acquisition period, in the channels' order, oldest cohort first. */
  cohorts: HeatRow[];
  /** Customers without an acquisition date or a purchase, who belong to no cohort. */
  unplaced: number;
}

/** The matrix from a computed retention; at most `maxColumns` periods after acquisition are kept. */
export function cohortMatrix(retention: CohortRetention, options: { maxColumns?: number } = {}): CohortMatrix {
  const maxColumns = Math.max(1, options.maxColumns ?? 12);
  const channels: HeatRow[] = retention.groups
    .map((curve) => ({
      group: curve.group,
      size: curve.size,
      cells: curve.retained.slice(0, maxColumns).map((count, k) => {
        const base = curve.exposed[k] ?? 0;
        return base > 0 ? { rate: count / base, count, base } : null;
      }),
    }))
    .sort((a, b) => b.size - a.size || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  const order = new Map(channels.map((row, i) => [row.group, i]));
  const cohorts: HeatRow[] = retention.cohorts
    .map((row) => ({
      group: row.group,
      cohort: row.cohort,
      size: row.size,
      cells: row.retained
        .slice(0, maxColumns)
        .map((count, k) => ({ rate: row.retainedRate[k] ?? 0, count, base: row.size })),
    }))
    // Stable sort: within a channel the analytics' order (oldest cohort first) stays.
    .sort((a, b) => order.get(a.group)! - order.get(b.group)!);
  const columns = Math.max(0, ...channels.map((row) => row.cells.length), ...cohorts.map((row) => row.cells.length));
  const pad = (row: HeatRow): HeatRow => ({
    ...row,
    cells: [...row.cells, ...new Array<null>(columns - row.cells.length).fill(null)],
  });
  return {
    period: retention.period,
    asOf: retention.asOf,
    columns,
    channels: channels.map(pad),
    cohorts: cohorts.map(pad),
    unplaced: retention.unplaced,
  };
}

/** What the cohorts read of a customer's purchase facts (the analytics plugin keeps them on `customer.lifecycle`). */
export interface PurchaseFactsLike {
  firstPurchaseAt?: string;
  lastPurchaseAt?: string;
  currency?: string;
}

/**
 * A customer's first and last purchase as transactions. Retention as "bought in that period or later" depends
 * only on when a customer was acquired (`acquisition.at`, else the first purchase) and on their last purchase,
 * so these two give the same `retained` figures as every purchase would, without reading tens of thousands of
 * purchase activities (decision 0103). Purchases in another currency are not the analytics' (decision 0037).
 */
export function factsAsPurchases(
  customerId: string,
  facts: PurchaseFactsLike | undefined,
  currency = 'TRY',
): Transaction[] {
  if (!facts || (facts.currency !== undefined && facts.currency !== currency)) return [];
  const out: Transaction[] = [];
  if (facts.firstPurchaseAt) out.push({ customerId, at: facts.firstPurchaseAt });
  if (facts.lastPurchaseAt && facts.lastPurchaseAt !== facts.firstPurchaseAt)
    out.push({ customerId, at: facts.lastPurchaseAt });
  return out;
}

/** Retention by acquisition channel from the customers (id and acquisition) and their purchases. */
export function retentionByChannel(
  customers: readonly CohortCustomer[],
  purchases: readonly Transaction[],
  options: { period: CohortPeriod; asOf?: string; maxColumns?: number },
): CohortMatrix {
  const retention = cohortRetention(customers, purchases, {
    by: 'acquisition.channel',
    period: options.period,
    ...(options.asOf ? { asOf: options.asOf } : {}),
  });
  return cohortMatrix(retention, options.maxColumns === undefined ? {} : { maxColumns: options.maxColumns });
}
