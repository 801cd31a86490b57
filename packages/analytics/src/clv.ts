/**
 * Customer lifetime value: the discounted value of a customer's predicted future purchases.
 */
import type { BgNbdModel, PurchaseHistory } from './bgnbd.js';
import type { GammaGammaModel, SpendHistory } from './gamma-gamma.js';
import { IssueCollector } from './validate.js';

export interface ClvOptions {
  /**
   * Length of one period in the unit of the histories' `recency` and `T`: 30 (days) or 4.345 (weeks) for
   * months. Required, because the models do not know their time unit.
   */
  periodLength: number;
  /** Number of periods ahead to add up (default 12). */
  periods?: number;
  /** Discount rate per period (default 0.01, about 12.7 % a year for monthly periods). */
  discountRate?: number;
  /** Share of spend that is profit (default 1: value is revenue). */
  margin?: number;
}

/**
 * Predicted lifetime value of one customer over the next `periods` periods: for each period k, the BG/NBD
 * purchases expected in it times the Gamma-Gamma expected spend, discounted by (1 + rate)^k. This is the
 * computation of lifetimes' `customer_lifetime_value`, so its published CDNOW figures reproduce.
 */
export function customerLifetimeValue(
  purchases: BgNbdModel,
  spend: GammaGammaModel,
  customer: PurchaseHistory & SpendHistory,
  options: ClvOptions,
): number {
  const issues = new IssueCollector('customerLifetimeValue');
  const { periodLength, periods, discountRate, margin } = readOptions(issues, options);
  issues.throwIfAny();
  const averageSpend = spend.expectedAverageSpend(customer);
  const horizons = Array.from({ length: periods }, (_, k) => (k + 1) * periodLength);
  const cumulative = purchases.conditionalExpectedPurchasesAt(horizons, customer);
  let value = 0;
  let before = 0;
  cumulative.forEach((upTo, k) => {
    value += ((upTo - before) * averageSpend) / Math.pow(1 + discountRate, k + 1);
    before = upTo;
  });
  return value * margin;
}

function readOptions(issues: IssueCollector, options: ClvOptions): Required<ClvOptions> {
  if (!issues.record(options, ['options'])) return { periodLength: 0, periods: 0, discountRate: 0, margin: 0 };
  return {
    periodLength: issues.number(options.periodLength, ['options', 'periodLength'], { min: 0, exclusive: true }) ?? 0,
    periods: issues.number(options.periods ?? 12, ['options', 'periods'], { min: 0, integer: true, max: 10_000 }) ?? 0,
    discountRate:
      issues.number(options.discountRate ?? 0.01, ['options', 'discountRate'], { min: -1, exclusive: true }) ?? 0,
    margin: issues.number(options.margin ?? 1, ['options', 'margin']) ?? 0,
  };
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
