/**
 * Purchases as BG/NBD tells them (Fader, Hardie and Lee 2005): while alive, a customer buys as a Poisson
 * process with rate λ ~ Gamma(r, α); after each repeat purchase they drop out for good with probability
 * p ~ Beta(a, b).
 * The first purchase is the acquisition. Amounts: a spending level per customer (gamma, as Gamma-Gamma has it)
 * times the price of what they pick.
 */
import { computeTotals, type SalesLine } from '@crmkit/core';
import type { DemoDataPlan, DemoPerson } from './generator.js';
import { beta, between, chance, exponential, gamma, pick, weighted, type Uniform } from './sampling.js';
import { SHOPS, type ShopId } from './places.js';
import { EXTRAS, PRODUCTS, type Product } from './texts.js';

const DAY = 86_400_000;

/** The process's parameters, per week (the unit the analytics plugin fits in). */
export const BG_NBD_TRUTH = { r: 0.8, alpha: 20, a: 1.1, b: 4.5 } as const;

/** Share of customers who never buy (newsletter sign-ups, enquiries). */
export const PROSPECT_SHARE = 0.1;

export interface DemoPurchase {
  at: number;
  store: ShopId;
  product: Product;
  lines: SalesLine[];
  /** Gross total (KDV included), whole lira. */
  total: number;
  items: number;
  tag?: string;
}

/**
 * A time on the same day during opening hours (10:00–21:00 in Türkiye, UTC+3), before `now` and not before
 * `notBefore` (the customer's acquisition); `time` itself where the day leaves no such time.
 */
export function duringOpeningHours(rng: Uniform, time: number, now: number, notBefore = -Infinity): number {
  const at = Math.floor(time / DAY) * DAY + (7 + rng() * 11) * 3_600_000;
  return at < now && at >= notBefore ? at : Math.max(notBefore, Math.min(time, now - 60_000));
}

export function purchaseHistory(rng: Uniform, plan: DemoDataPlan, who: DemoPerson): DemoPurchase[] {
  const prospect = chance(rng, who.channel === 'store' ? PROSPECT_SHARE / 3 : PROSPECT_SHARE * 1.8);
  const { r, alpha, a, b } = BG_NBD_TRUTH;
  const lambdaPerDay = gamma(rng, r, alpha) / 7;
  const p = beta(rng, a, b);
  const spend = gamma(rng, 4, 4);
  if (prospect) return [];
  const times = [who.acquiredAt];
  let t = who.acquiredAt;
  for (;;) {
    t += exponential(rng, lambdaPerDay) * DAY;
    if (t >= plan.now) break;
    times.push(duringOpeningHours(rng, t, plan.now, who.acquiredAt));
    // The model's dropout comes after a repeat purchase, never right after the first (the likelihood's (1 − p)^x).
    if (chance(rng, p)) break;
  }
  times.sort((x, y) => x - y);
  return times.map((at) => purchaseAt(rng, who, at, spend));
}

function purchaseAt(rng: Uniform, who: DemoPerson, at: number, spend: number): DemoPurchase {
  const store = storeFor(rng, who);
  const product = weighted(
    rng,
    PRODUCTS.map((item) => [item, item.weight] as const),
  );
  const quantity = product.sku === 'CYR-01' ? between(rng, 1, 5) : 1;
  const lines: SalesLine[] = [line(rng, product, who, spend, quantity)];
  if (chance(rng, 0.2)) {
    const extra = weighted(
      rng,
      EXTRAS.map((item) => [item, item.weight] as const),
    );
    lines.push(line(rng, extra, who, 1, 1));
  }
  // Net prices are multiples of 5 lira, so 20% KDV makes whole lira and the totals add up exactly.
  const total = computeTotals(lines).gross;
  return {
    at,
    store,
    product,
    lines,
    total,
    items: lines.reduce((sum, l) => sum + l.quantity, 0),
    ...(product.tag ? { tag: product.tag } : {}),
  };
}

function line(rng: Uniform, product: Product, who: DemoPerson, spend: number, quantity: number): SalesLine {
  const base = product.min + (product.max - product.min) * Math.pow(rng(), 1.6);
  const price = Math.min(product.max * 1.5, Math.max(product.min * 0.6, base * spend));
  return {
    description: product.name[who.language],
    sku: product.sku,
    quantity,
    unitPrice: Math.max(5, Math.round(price / 5) * 5),
    taxRate: 0.2,
    discount: 0,
  };
}

function storeFor(rng: Uniform, who: DemoPerson): ShopId {
  if (who.homeShop === 'web') return chance(rng, 0.85) || !who.city.shops.length ? 'web' : pick(rng, who.city.shops);
  if (chance(rng, 0.12)) return 'web';
  return chance(rng, 0.85) ? who.homeShop : pick(rng, who.city.shops);
}

export const shopName = (id: ShopId) => SHOPS[id].name;
