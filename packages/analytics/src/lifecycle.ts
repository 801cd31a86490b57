/**
 * The relationship lifecycle — acquisition, development, retention, decline — read from a customer's
 * orders by transparent rules, each answer with the reason that decided it (decision 0035).
 */
import { IssueCollector } from './validate.js';
import { readDay, type DateInput } from './time.js';

export const LIFECYCLE_STAGES = ['acquisition', 'development', 'retention', 'decline'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Why a stage was chosen; the kit's locale catalogue can explain each. */
export const LIFECYCLE_REASONS = [
  'prospect',
  'first_purchase',
  'probably_churned',
  'inactive',
  'quiet',
  'growing',
  'shrinking',
  'steady',
] as const;
export type LifecycleReason = (typeof LIFECYCLE_REASONS)[number];

export interface LifecycleInput {
  /** The customer's orders; amounts are optional (without them orders are counted). */
  orders: readonly { at: DateInput; amount?: number }[];
  /** P(alive) from a fitted BG/NBD model, when there is one. */
  probabilityAlive?: number;
}

export interface LifecycleOptions {
  /** The day the stage is judged on; later orders are ignored. */
  asOf: DateInput;
  /** Length in days of the two windows compared for growth (default 90: this quarter against the last). */
  windowDays?: number;
  /** Days without an order after which a customer is in decline (default 180). */
  inactiveAfterDays?: number;
  /** Growth of the recent window over the one before that counts as development (default 0.25: +25 %). */
  growth?: number;
  /** Drop that counts as decline (default 0.25: −25 %). */
  drop?: number;
  /** P(alive) below which a customer is in decline, when given (default 0.5). */
  aliveBelow?: number;
}

export interface LifecycleResult {
  stage: LifecycleStage;
  reason: LifecycleReason;
}

/**
 * Rules, first match wins: no order yet → acquisition (prospect); P(alive) below `aliveBelow` → decline;
 * no order for `inactiveAfterDays` → decline; one purchase day only → acquisition (first purchase); then
 * the value of the last `windowDays` against the window before: up by `growth` → development, down by
 * `drop` → decline, nothing in either → decline (quiet), else retention.
 */
export function lifecycleStage(input: LifecycleInput, options: LifecycleOptions): LifecycleResult {
  const issues = new IssueCollector('lifecycleStage');
  const o = readOptions(issues, options);
  const orders: { day: number; value: number }[] = [];
  if (issues.record(input, []) && issues.array(input.orders, ['orders'])) {
    const anyAmount = input.orders.some((order) => order && order.amount !== undefined);
    input.orders.forEach((order, i) => {
      if (issues.full || !issues.record(order, ['orders', i])) return;
      const day = readDay(issues, order.at, ['orders', i, 'at']);
      const value = anyAmount ? issues.number(order.amount ?? 0, ['orders', i, 'amount']) : 1;
      if (day !== undefined && value !== undefined) orders.push({ day, value });
    });
    if (input.probabilityAlive !== undefined)
      issues.number(input.probabilityAlive, ['probabilityAlive'], { min: 0, max: 1 });
  }
  issues.throwIfAny();

  const seen = orders.filter((order) => order.day <= o.asOf);
  if (seen.length === 0) return { stage: 'acquisition', reason: 'prospect' };
  if (input.probabilityAlive !== undefined && input.probabilityAlive < o.aliveBelow) {
    return { stage: 'decline', reason: 'probably_churned' };
  }
  let last = -Infinity;
  const days = new Set<number>();
  let recent = 0;
  let previous = 0;
  for (const { day, value } of seen) {
    if (day > last) last = day;
    days.add(day);
    const age = o.asOf - day;
    if (age < o.windowDays) recent += value;
    else if (age < 2 * o.windowDays) previous += value;
  }
  if (o.asOf - last > o.inactiveAfterDays) return { stage: 'decline', reason: 'inactive' };
  if (days.size === 1) return { stage: 'acquisition', reason: 'first_purchase' };
  if (recent === 0 && previous === 0) return { stage: 'decline', reason: 'quiet' };
  if (recent >= previous * (1 + o.growth) && recent > previous) return { stage: 'development', reason: 'growing' };
  if (recent <= previous * (1 - o.drop)) return { stage: 'decline', reason: 'shrinking' };
  return { stage: 'retention', reason: 'steady' };
}

function readOptions(issues: IssueCollector, options: LifecycleOptions) {
  if (!issues.record(options, ['options'])) {
    return { asOf: 0, windowDays: 90, inactiveAfterDays: 180, growth: 0.25, drop: 0.25, aliveBelow: 0.5 };
  }
  return {
    asOf: readDay(issues, options.asOf, ['options', 'asOf']) ?? 0,
    windowDays: issues.number(options.windowDays ?? 90, ['options', 'windowDays'], { min: 1 }) ?? 90,
    inactiveAfterDays:
      issues.number(options.inactiveAfterDays ?? 180, ['options', 'inactiveAfterDays'], { min: 0 }) ?? 180,
    growth: issues.number(options.growth ?? 0.25, ['options', 'growth'], { min: 0 }) ?? 0.25,
    drop: issues.number(options.drop ?? 0.25, ['options', 'drop'], { min: 0, max: 1 }) ?? 0.25,
    aliveBelow: issues.number(options.aliveBelow ?? 0.5, ['options', 'aliveBelow'], { min: 0, max: 1 }) ?? 0.5,
  };
}
