/**
 * From a transaction log to the per-customer summary that RFM and the customer-base models read.
 */
import { IssueCollector } from './validate.js';
import { daysPerUnit, readDay, type DateInput, type TimeUnit } from './time.js';

/** One purchase. `amount` is optional for models that only count purchases. */
export interface Transaction {
  customerId: string | number;
  at: DateInput;
  amount?: number;
}

/** A customer's purchase history, summarised the way BG/NBD and Gamma-Gamma read it. */
export interface CustomerSummary {
  customerId: string;
  /** Repeat purchases: distinct purchase days after the first one, up to the end of observation. */
  frequency: number;
  /** Time from the first to the last purchase day, in `unit`s (0 for a one-time buyer). */
  recency: number;
  /** Time from the first purchase day to the end of observation, in `unit`s: the customer's age. */
  T: number;
  /**
   * Mean spend per repeat purchase day (the first day's spend excluded, as the Gamma-Gamma model expects);
   * 0 when there was no repeat purchase.
   */
  monetary: number;
  /** Number of transactions (not days), first day included. */
  orders: number;
  /** Sum of all amounts, first day included. */
  total: number;
  /** UTC day numbers of the first and the last purchase. */
  firstDay: number;
  lastDay: number;
}

export interface SummarizeOptions {
  /**
   * End of observation (inclusive: purchases on that UTC day count). Later purchases are ignored, and
   * customers whose first purchase is later are left out. Defaults to the day of the last purchase.
   */
  observationEnd?: DateInput;
  /** Unit of `recency` and `T` (default `'day'`). CDNOW's published summary uses `'week'`. */
  unit?: TimeUnit;
}

/**
 * Summarises a transaction log per customer: same-day purchases count as one purchase occasion (their
 * amounts add up), `frequency` counts repeat occasions, `recency` and `T` are measured from the first one.
 * This is the convention of Fader, Hardie & Lee and of the lifetimes package, so the CDNOW figures
 * reproduce exactly. Customers come back in the order of their first appearance in the log.
 */
export function summarizeTransactions(
  transactions: readonly Transaction[],
  options: SummarizeOptions = {},
): CustomerSummary[] {
  const issues = new IssueCollector('summarizeTransactions');
  if (!issues.array(transactions, [])) issues.throwIfAny();
  const unitDays = daysPerUnit(options.unit ?? 'day');
  issues.number(unitDays, ['options', 'unit'], { min: 0, exclusive: true });
  const endDay =
    options.observationEnd === undefined
      ? undefined
      : readDay(issues, options.observationEnd, ['options', 'observationEnd']);

  const ids: string[] = new Array<string>(transactions.length);
  const days = new Float64Array(transactions.length);
  const amounts = new Float64Array(transactions.length);
  let lastSeen = -Infinity;
  for (let i = 0; i < transactions.length && !issues.full; i++) {
    const row = transactions[i];
    if (!issues.record(row, [i])) continue;
    const id = issues.id(row.customerId, [i, 'customerId']);
    const day = readDay(issues, row.at, [i, 'at']);
    const amount = row.amount === undefined ? 0 : issues.number(row.amount, [i, 'amount']);
    if (id === undefined || day === undefined || amount === undefined) continue;
    ids[i] = id;
    days[i] = day;
    amounts[i] = amount;
    if (day > lastSeen) lastSeen = day;
  }
  issues.throwIfAny();
  const end = endDay ?? lastSeen;

  // Per customer: the purchase days (with their spend) in the order seen; sorted below.
  const byCustomer = new Map<string, { days: number[]; amounts: number[]; orders: number }>();
  for (let i = 0; i < transactions.length; i++) {
    if (days[i]! > end) continue;
    const id = ids[i]!;
    let entry = byCustomer.get(id);
    if (!entry) byCustomer.set(id, (entry = { days: [], amounts: [], orders: 0 }));
    entry.days.push(days[i]!);
    entry.amounts.push(amounts[i]!);
    entry.orders++;
  }

  const out: CustomerSummary[] = [];
  for (const [customerId, entry] of byCustomer) {
    const order = entry.days.map((_, i) => i).sort((a, b) => entry.days[a]! - entry.days[b]!);
    // Occasions: distinct days, amounts summed.
    const occasionDays: number[] = [];
    const occasionSpend: number[] = [];
    let total = 0;
    for (const i of order) {
      const day = entry.days[i]!;
      const amount = entry.amounts[i]!;
      total += amount;
      if (occasionDays.length && occasionDays[occasionDays.length - 1] === day) {
        occasionSpend[occasionSpend.length - 1]! += amount;
      } else {
        occasionDays.push(day);
        occasionSpend.push(amount);
      }
    }
    const firstDay = occasionDays[0]!;
    const lastDay = occasionDays[occasionDays.length - 1]!;
    const frequency = occasionDays.length - 1;
    let repeatSpend = 0;
    for (let k = 1; k < occasionSpend.length; k++) repeatSpend += occasionSpend[k]!;
    out.push({
      customerId,
      frequency,
      recency: (lastDay - firstDay) / unitDays,
      T: (end - firstDay) / unitDays,
      monetary: frequency > 0 ? repeatSpend / frequency : 0,
      orders: entry.orders,
      total,
      firstDay,
      lastDay,
    });
  }
  return out;
}
