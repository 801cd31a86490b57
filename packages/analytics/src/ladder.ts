/**
 * The loyalty ladder (Christopher, Payne & Ballantyne): prospect → customer → client → supporter →
 * advocate → partner. Each rung is read from what the CRM records: orders, the latest NPS answer,
 * referrals and a partnership flag (decision 0035).
 */
import { IssueCollector } from './validate.js';

export const LOYALTY_RUNGS = ['prospect', 'customer', 'client', 'supporter', 'advocate', 'partner'] as const;
export type LoyaltyRung = (typeof LOYALTY_RUNGS)[number];

export interface LoyaltyInput {
  /** Orders (or purchase occasions) so far. */
  orders: number;
  /** The customer's latest NPS answer (0–10), if any. */
  npsScore?: number;
  /** Customers they referred. */
  referrals?: number;
  /** A formal partnership (co-development, reseller, ambassador contract…), recorded by hand. */
  partner?: boolean;
}

export interface LoyaltyOptions {
  /** Orders from which a customer is a client, a repeat buyer (default 2). */
  clientMinOrders?: number;
}

/**
 * The customer's rung. A partnership outranks everything; otherwise no order → prospect, fewer than
 * `clientMinOrders` → customer; a repeat buyer is an advocate when they referred someone or answer NPS
 * 9–10, a supporter when they answer 7–8, else a client. Willingness to recommend only lifts repeat buyers:
 * a one-time buyer who loves the first order is still a customer.
 */
export function loyaltyRung(input: LoyaltyInput, options: LoyaltyOptions = {}): LoyaltyRung {
  const issues = new IssueCollector('loyaltyRung');
  let orders = 0;
  let nps: number | undefined;
  let referrals = 0;
  if (issues.record(input, [])) {
    orders = issues.number(input.orders, ['orders'], { min: 0, integer: true }) ?? 0;
    if (input.npsScore !== undefined)
      nps = issues.number(input.npsScore, ['npsScore'], { min: 0, max: 10, integer: true });
    if (input.referrals !== undefined)
      referrals = issues.number(input.referrals, ['referrals'], { min: 0, integer: true }) ?? 0;
    if (input.partner !== undefined && typeof input.partner !== 'boolean')
      issues.add(['partner'], 'expected a boolean', 'invalid_type');
  }
  const clientMinOrders =
    issues.number(options.clientMinOrders ?? 2, ['options', 'clientMinOrders'], { min: 1, integer: true }) ?? 2;
  issues.throwIfAny();

  if (input.partner === true) return 'partner';
  if (orders === 0) return 'prospect';
  if (orders < clientMinOrders) return 'customer';
  if (referrals > 0 || (nps !== undefined && nps >= 9)) return 'advocate';
  if (nps !== undefined && nps >= 7) return 'supporter';
  return 'client';
}
