/**
 * From a transaction log to the per-customer summary that RFM and the customer-base models read.
 */
import { IssueCollector, describe } from './validate.js';
import { daysPerUnit, formatDay, readDay, type DateInput } from './time.js';

/** One purchase. `amount` (≥ 0) is optional for models that only count purchases. */
export interface Transaction {
  customerId: string | number;
  at: DateInput;
  amount?: number;
}

/** A customer's purchase history in the convention of the BTYD literature (what BG/NBD and Gamma-Gamma read). */
export interface CustomerSummary {
  customerId: string;
  /** Repeat purchase periods: distinct purchase days after the first one, up to the end of observation. */
  frequency: number;
  /** Time from the first to the last purchase day, in `unit`s (0 for a one-time buyer). */
  recency: number;
  /** Time from the first purchase day to the end of observation, in `unit`s: the customer's age. */
  T: number;
  /**
   * Mean value of the repeat purchases (the first day's spend left out, as the Gamma-Gamma model expects);
   * 0 when there was no repeat purchase.
   */
  monetaryValue: number;
  /** Number of transactions (not days), the first day's included. */
  orders: number;
  /** Sum of all amounts, the first day's included. */
  total: number;
  /** Days from the last purchase to the end of observation, in `unit`s (T − recency): RFM's recency. */
  sinceLast: number;
}

export interface SummarizeOptions {
  /** Unit of `recency`, `T` and `sinceLast`: `'day'` or `'week'` (CDNOW's published summary is in weeks). */
  unit: 'day' | 'week';
  /**
   * End of observation, inclusive: purchases on that UTC day count. A purchase dated after it is an error
   * naming the row, unless `later: 'ignore'` says the log runs on past it on purpose (a holdout period).
   */
  observationEnd: DateInput;
  /** What to do with purchases after `observationEnd`: `'error'` (default) or `'ignore'`. */
  later?: 'error' | 'ignore';
}

const TARGET = 'summarizeTransactions';

/**
 * Summarises a transaction log per customer: same-day purchases count as one purchase occasion (their
 * amounts add up), `frequency` counts repeat occasions, `recency` and `T` are measured from the first one
 * (decision 0032). This is the convention of Fader, Hardie & Lee and of lifetimes, so the CDNOW summary
 * reproduces exactly. Customers come back in the order of their first appearance in the log.
 *
 * Throws a `CrmValidationError` naming each offending row: a missing or empty customer id, an invalid date,
 * a negative or non-finite amount, a date after `observationEnd`; and for an empty log.
 */
export function summarizeTransactions(
  transactions: readonly Transaction[],
  options: SummarizeOptions,
): CustomerSummary[] {
  const issues = new IssueCollector(TARGET);
  if (!issues.array(transactions, [])) issues.throwIfAny();
  if (transactions.length === 0) issues.add([], 'needs at least one transaction', 'too_small');
  if (!issues.record(options, ['options'])) issues.throwIfAny();
  const unit = options.unit;
  if (unit !== 'day' && unit !== 'week' && !(typeof unit === 'number' && unit > 0))
    issues.add(['options', 'unit'], `expected 'day' or 'week', received ${describe(unit)}`, 'invalid_value');
  const unitDays = daysPerUnit(unit);
  const end =
    options.observationEnd === undefined
      ? (issues.add(['options', 'observationEnd'], 'is required: T is measured to it', 'invalid_type'), undefined)
      : readDay(issues, options.observationEnd, ['options', 'observationEnd']);
  const later = options.later ?? 'error';
  if (later !== 'error' && later !== 'ignore')
    issues.add(['options', 'later'], `expected 'error' or 'ignore', received ${describe(later)}`, 'invalid_value');
  issues.throwIfAny();

  const ids: string[] = new Array<string>(transactions.length);
  const days = new Float64Array(transactions.length);
  const amounts = new Float64Array(transactions.length);
  for (let i = 0; i < transactions.length && !issues.full; i++) {
    const row = transactions[i];
    if (!issues.record(row, [i])) continue;
    const id = issues.id(row.customerId, [i, 'customerId']);
    const day = readDay(issues, row.at, [i, 'at']);
    const amount = row.amount === undefined ? 0 : issues.number(row.amount, [i, 'amount'], { min: 0 });
    if (id === undefined || day === undefined || amount === undefined) continue;
    if (day > end! && later === 'error') {
      issues.add(
        [i, 'at'],
        `is after observationEnd (${formatDay(end!)}); pass later: 'ignore' to leave later purchases out`,
        'too_big',
      );
      continue;
    }
    ids[i] = id;
    days[i] = day;
    amounts[i] = amount;
  }
  issues.throwIfAny();

  // Per customer: the purchase days (with their spend) in the order seen; sorted below.
  const byCustomer = new Map<string, { days: number[]; amounts: number[]; orders: number }>();
  for (let i = 0; i < transactions.length; i++) {
    if (days[i]! > end!) continue;
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
      T: (end! - firstDay) / unitDays,
      monetaryValue: frequency > 0 ? repeatSpend / frequency : 0,
      orders: entry.orders,
      total,
      sinceLast: (end! - lastDay) / unitDays,
    });
  }
  return out;
}
