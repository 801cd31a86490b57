/**
 * Customer lifetime value: predicted (the discounted value of a customer's expected future purchases) and
 * historical (what their purchases so far were worth).
 */
import {
  bgNbdExpectedPurchasesAt,
  readBgNbdParams,
  readHistory,
  type BgNbdParams,
  type PurchaseHistory,
} from './bgnbd.js';
import { expectedSpend, readGammaGammaParams, type GammaGammaParams, type SpendHistory } from './gamma-gamma.js';
import { IssueCollector } from './validate.js';
import { readDay, formatDay } from './time.js';
import type { Transaction } from './transactions.js';

export interface ClvModels {
  bgNbd: BgNbdParams;
  gammaGamma: GammaGammaParams;
}

export interface PredictClvOptions {
  /** How far ahead, in the time unit the row's `recency` and `T` are in: 52 (weeks) or 365 (days) for a year. */
  horizon: number;
  /** Discount rate per period (0.01 = 1 %); default 0. */
  discountRate?: number;
  /** Share of spend that is profit, 0–1 (default 1: the value is revenue). */
  margin?: number;
  /** Into how many equal periods the horizon is cut for discounting (default 12: months of a year). */
  periods?: number;
}

/**
 * Predicted lifetime value over the horizon: for each of `periods` equal periods k, the BG/NBD purchases
 * expected in it times the Gamma-Gamma expected spend, discounted by (1 + discountRate)^k, times the margin.
 * This is lifetimes' `customer_lifetime_value` with the period length made explicit (decision 0036).
 */
export function predictClv(models: ClvModels, row: PurchaseHistory & SpendHistory, options: PredictClvOptions): number {
  const issues = new IssueCollector('predictClv');
  if (issues.record(models, ['models'])) {
    readBgNbdParams(issues, models.bgNbd, ['models', 'bgNbd']);
    readGammaGammaParams(issues, models.gammaGamma, ['models', 'gammaGamma']);
  }
  const history = readHistory(issues, row, ['row']);
  if (history && history.frequency > 0) issues.number(row.monetaryValue, ['row', 'monetaryValue'], { min: 0 });
  const o = readOptions(issues, options);
  issues.throwIfAny();
  const spend = expectedSpend(models.gammaGamma, {
    frequency: history!.frequency,
    monetaryValue: history!.frequency > 0 ? row.monetaryValue : 0,
  });
  const step = o.horizon / o.periods;
  const times = Array.from({ length: o.periods }, (_, k) => (k + 1) * step);
  const cumulative = o.periods === 0 ? [] : bgNbdExpectedPurchasesAt(models.bgNbd, times, history!);
  let value = 0;
  let before = 0;
  cumulative.forEach((upTo, k) => {
    value += (upTo - before) / Math.pow(1 + o.discountRate, k + 1);
    before = upTo;
  });
  return value * spend * o.margin;
}

function readOptions(issues: IssueCollector, options: PredictClvOptions) {
  if (!issues.record(options, ['options'])) return { horizon: 0, periods: 0, discountRate: 0, margin: 0 };
  return {
    horizon: issues.number(options.horizon, ['options', 'horizon'], { min: 0 }) ?? 0,
    periods: issues.number(options.periods ?? 12, ['options', 'periods'], { min: 1, integer: true, max: 10_000 }) ?? 1,
    discountRate: issues.number(options.discountRate ?? 0, ['options', 'discountRate'], { min: 0 }) ?? 0,
    margin: issues.number(options.margin ?? 1, ['options', 'margin'], { min: 0, max: 1 }) ?? 1,
  };
}

export interface HistoricalClv {
  customerId: string;
  /** Sum of the amounts times the margin. */
  value: number;
  purchases: number;
  firstPurchaseAt: string;
  lastPurchaseAt: string;
}

/**
 * Historical lifetime value per customer: what their purchases so far were worth (Σ amount × margin), with
 * the purchase count and the first and last purchase days (`YYYY-MM-DD`, UTC). Customers come back in the
 * order of their first appearance. Negative or non-finite amounts throw a `CrmValidationError` naming the row.
 */
export function historicalClv(
  transactions: readonly Transaction[],
  options: { margin?: number } = {},
): HistoricalClv[] {
  const issues = new IssueCollector('historicalClv');
  if (!issues.array(transactions, [])) issues.throwIfAny();
  const margin = issues.number(options.margin ?? 1, ['options', 'margin'], { min: 0, max: 1 }) ?? 1;
  const byCustomer = new Map<string, { total: number; purchases: number; first: number; last: number }>();
  for (let i = 0; i < transactions.length && !issues.full; i++) {
    const row = transactions[i];
    if (!issues.record(row, [i])) continue;
    const id = issues.id(row.customerId, [i, 'customerId']);
    const day = readDay(issues, row.at, [i, 'at']);
    const amount = issues.number(row.amount, [i, 'amount'], { min: 0 });
    if (id === undefined || day === undefined || amount === undefined) continue;
    const entry = byCustomer.get(id);
    if (entry) {
      entry.total += amount;
      entry.purchases++;
      if (day < entry.first) entry.first = day;
      if (day > entry.last) entry.last = day;
    } else byCustomer.set(id, { total: amount, purchases: 1, first: day, last: day });
  }
  issues.throwIfAny();
  return [...byCustomer].map(([customerId, e]) => ({
    customerId,
    value: e.total * margin,
    purchases: e.purchases,
    firstPurchaseAt: formatDay(e.first),
    lastPurchaseAt: formatDay(e.last),
  }));
}

export interface RetentionClvInput {
  /** Margin a customer brings per period. */
  marginPerPeriod: number;
  /** Probability that a customer stays for another period, in [0, 1). */
  retentionRate: number;
  /** Discount rate per period, > −1 (0.1 = 10 %). */
  discountRate: number;
}

/**
 * The closed-form lifetime value of a customer with constant margin m and retention r over an infinite
 * horizon, margins received at the end of each period (Gupta & Lehmann 2003): m · r / (1 + d − r).
 * Useful where there is no transaction history to fit BG/NBD on, e.g. subscriptions.
 */
export function retentionClv(input: RetentionClvInput): number {
  const issues = new IssueCollector('retentionClv');
  if (issues.record(input, [])) {
    issues.number(input.marginPerPeriod, ['marginPerPeriod']);
    const r = issues.number(input.retentionRate, ['retentionRate'], { min: 0 });
    if (r !== undefined && r >= 1) issues.add(['retentionRate'], `must be below 1, received ${r}`, 'too_big');
    issues.number(input.discountRate, ['discountRate'], { min: -1, exclusive: true });
    if (input.discountRate + 1 - input.retentionRate <= 0) {
      issues.add(['discountRate'], 'must exceed retentionRate − 1, or the value is unbounded', 'custom');
    }
  }
  issues.throwIfAny();
  const { marginPerPeriod: m, retentionRate: r, discountRate: d } = input;
  return (m * r) / (1 + d - r);
}
