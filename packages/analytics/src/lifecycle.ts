/**
 * The relationship lifecycle — acquisition, development, retention, decline — read from a customer's
 * purchase facts by documented rules, first match wins, each answer with the reason that decided it
 * (decision 0035).
 */
import { IssueCollector } from './validate.js';
import { readDay, type DateInput } from './time.js';

export const LIFECYCLE_STAGES = ['acquisition', 'development', 'retention', 'decline'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Why a stage was chosen; `LIFECYCLE_REASON_TEXT` explains each in en and tr. */
export const LIFECYCLE_REASONS = [
  'prospect',
  'probably_churned',
  'inactive',
  'slowing',
  'shrinking',
  'first_purchase',
  'growing',
  'building',
  'steady',
] as const;
export type LifecycleReason = (typeof LIFECYCLE_REASONS)[number];

/** What the rules read; the analytics plugin takes it from `customer.lifecycle` and the fitted model. */
export interface LifecycleFacts {
  /** Purchases so far. */
  purchases: number;
  firstPurchaseAt?: DateInput;
  lastPurchaseAt?: DateInput;
  /** The day the stage is judged on. */
  asOf: DateInput;
  /** P(alive) from BG/NBD, when a model is fitted. */
  pAlive?: number;
  /** Optional value trend: spend (or purchases) in the latest window and in the window before it. */
  trend?: { recent: number; previous: number };
}

export interface LifecycleRules {
  /** P(alive) below which a customer is in decline (default 0.3). */
  aliveBelow?: number;
  /** Days without a purchase after which a customer is in decline (default 365). */
  inactiveAfterDays?: number;
  /** A silence this many times the customer's usual gap between purchases is a decline (default 3). */
  slowdownFactor?: number;
  /** Trend: the recent window this much above the previous is growth (default 0.25 = +25 %)… */
  growth?: number;
  /** …and this much below is shrinking (default 0.25 = −25 %). */
  drop?: number;
  /** Purchases from which a customer is retained rather than still being developed (default 4). */
  retentionFromPurchases?: number;
}

export const DEFAULT_LIFECYCLE_RULES: Readonly<Required<LifecycleRules>> = Object.freeze({
  aliveBelow: 0.3,
  inactiveAfterDays: 365,
  slowdownFactor: 3,
  growth: 0.25,
  drop: 0.25,
  retentionFromPurchases: 4,
});

export interface LifecycleResult {
  stage: LifecycleStage;
  reason: LifecycleReason;
  /** The reason as one sentence per language, with the numbers that decided it. */
  explanation: { en: string; tr: string };
}

/**
 * The lifecycle stage. Rules, in order, first match wins (every threshold is a rule option):
 *
 * 1. no purchase yet → acquisition (`prospect`);
 * 2. P(alive) below `aliveBelow` → decline (`probably_churned`);
 * 3. no purchase for `inactiveAfterDays` → decline (`inactive`);
 * 4. a repeat buyer silent for more than `slowdownFactor` × their usual gap between purchases → decline
 *    (`slowing`: the recency trend);
 * 5. with a trend: the recent window `drop` below the previous → decline (`shrinking`);
 * 6. one purchase → acquisition (`first_purchase`);
 * 7. with a trend: the recent window `growth` above the previous → development (`growing`);
 * 8. fewer than `retentionFromPurchases` purchases → development (`building`);
 * 9. otherwise → retention (`steady`).
 */
export function lifecycleStage(facts: LifecycleFacts, rules: LifecycleRules = {}): LifecycleResult {
  const issues = new IssueCollector('lifecycleStage');
  const o = readRules(issues, rules);
  let purchases = 0;
  let first: number | undefined;
  let last: number | undefined;
  let asOf = 0;
  if (issues.record(facts, [])) {
    purchases = issues.number(facts.purchases, ['purchases'], { min: 0, integer: true }) ?? 0;
    asOf = readDay(issues, facts.asOf, ['asOf']) ?? 0;
    if (facts.firstPurchaseAt !== undefined) first = readDay(issues, facts.firstPurchaseAt, ['firstPurchaseAt']);
    if (facts.lastPurchaseAt !== undefined) last = readDay(issues, facts.lastPurchaseAt, ['lastPurchaseAt']);
    if (purchases > 0 && facts.lastPurchaseAt === undefined)
      issues.add(['lastPurchaseAt'], 'is required when there are purchases', 'invalid_type');
    if (first !== undefined && last !== undefined && last < first)
      issues.add(['lastPurchaseAt'], 'is before firstPurchaseAt', 'custom');
    if (facts.pAlive !== undefined) issues.number(facts.pAlive, ['pAlive'], { min: 0, max: 1 });
    if (facts.trend !== undefined && issues.record(facts.trend, ['trend'])) {
      issues.number(facts.trend.recent, ['trend', 'recent'], { min: 0 });
      issues.number(facts.trend.previous, ['trend', 'previous'], { min: 0 });
    }
  }
  issues.throwIfAny();

  const result = (stage: LifecycleStage, reason: LifecycleReason, en: string, tr: string): LifecycleResult => ({
    stage,
    reason,
    explanation: { en, tr },
  });
  if (purchases === 0) return result('acquisition', 'prospect', 'No purchase yet.', 'Henüz alışveriş yok.');
  if (facts.pAlive !== undefined && facts.pAlive < o.aliveBelow) {
    const p = (100 * facts.pAlive).toFixed(0);
    const limit = (100 * o.aliveBelow).toFixed(0);
    return result(
      'decline',
      'probably_churned',
      `The purchase model gives only ${p}% odds that the customer is still active (below ${limit}%).`,
      `Satın alma modeline göre müşterinin hâlâ aktif olma olasılığı yalnızca %${p} (%${limit} altında).`,
    );
  }
  const silence = Math.max(0, asOf - last!);
  if (silence > o.inactiveAfterDays) {
    return result(
      'decline',
      'inactive',
      `No purchase for ${silence} days (more than ${o.inactiveAfterDays}).`,
      `${silence} gündür alışveriş yok (${o.inactiveAfterDays} günden fazla).`,
    );
  }
  if (purchases >= 2 && first !== undefined) {
    const usualGap = (last! - first) / (purchases - 1);
    if (usualGap > 0 && silence > o.slowdownFactor * usualGap) {
      const gap = Math.round(usualGap);
      return result(
        'decline',
        'slowing',
        `Silent for ${silence} days, more than ${o.slowdownFactor}× the usual ${gap} days between purchases.`,
        `${silence} gündür sessiz; alışverişler arası olağan ${gap} günün ${o.slowdownFactor} katından fazla.`,
      );
    }
  }
  const trend = facts.trend;
  if (trend && trend.previous > 0 && trend.recent <= trend.previous * (1 - o.drop)) {
    const change = (100 * (trend.recent / trend.previous - 1)).toFixed(0);
    return result(
      'decline',
      'shrinking',
      `Recent purchases fell ${change}% against the period before.`,
      `Son dönem alışverişleri önceki döneme göre %${change} değişti.`,
    );
  }
  if (purchases === 1)
    return result('acquisition', 'first_purchase', 'One purchase so far.', 'Şimdiye kadar bir alışveriş.');
  if (trend && trend.recent > trend.previous && trend.recent >= trend.previous * (1 + o.growth)) {
    return result(
      'development',
      'growing',
      'Recent purchases grew against the period before.',
      'Son dönem alışverişleri önceki döneme göre arttı.',
    );
  }
  if (purchases < o.retentionFromPurchases) {
    return result(
      'development',
      'building',
      `${purchases} purchases: the relationship is still being built (retention from ${o.retentionFromPurchases}).`,
      `${purchases} alışveriş: ilişki hâlâ gelişiyor (elde tutma ${o.retentionFromPurchases} alışverişten itibaren).`,
    );
  }
  return result(
    'retention',
    'steady',
    `${purchases} purchases, buying at the usual pace.`,
    `${purchases} alışveriş, olağan sıklıkta alışveriş yapıyor.`,
  );
}

/**
 * The value of a customer's orders in the last `windowDays` before `asOf` and in the window before that,
 * for `LifecycleFacts.trend`. Orders without an amount count 1.
 */
export function orderTrend(
  orders: readonly { at: DateInput; amount?: number }[],
  options: { asOf: DateInput; windowDays?: number },
): { recent: number; previous: number } {
  const issues = new IssueCollector('orderTrend');
  const asOf = readDay(issues, options?.asOf, ['options', 'asOf']);
  const windowDays = issues.number(options?.windowDays ?? 90, ['options', 'windowDays'], { min: 1 }) ?? 90;
  let recent = 0;
  let previous = 0;
  if (issues.array(orders, ['orders'])) {
    orders.forEach((order, i) => {
      if (issues.full || !issues.record(order, ['orders', i])) return;
      const day = readDay(issues, order.at, ['orders', i, 'at']);
      const value = order.amount === undefined ? 1 : issues.number(order.amount, ['orders', i, 'amount'], { min: 0 });
      if (day === undefined || value === undefined || asOf === undefined || day > asOf) return;
      const age = asOf - day;
      if (age < windowDays) recent += value;
      else if (age < 2 * windowDays) previous += value;
    });
  }
  issues.throwIfAny();
  return { recent, previous };
}

function readRules(issues: IssueCollector, rules: LifecycleRules): Required<LifecycleRules> {
  const d = DEFAULT_LIFECYCLE_RULES;
  if (!issues.record(rules, ['rules'])) return { ...d };
  const read = (key: keyof LifecycleRules, options: { min?: number; max?: number; integer?: boolean }) =>
    issues.number(rules[key] ?? d[key], ['rules', key], options) ?? d[key];
  return {
    aliveBelow: read('aliveBelow', { min: 0, max: 1 }),
    inactiveAfterDays: read('inactiveAfterDays', { min: 0 }),
    slowdownFactor: read('slowdownFactor', { min: 1 }),
    growth: read('growth', { min: 0 }),
    drop: read('drop', { min: 0, max: 1 }),
    retentionFromPurchases: read('retentionFromPurchases', { min: 2, integer: true }),
  };
}
