/**
 * Compiles a rule to nested closures: no `eval`, no `new Function`, so it runs under `script-src 'self'`. Every
 * choice that can be made once (paths split, values folded, lists turned into sets, range shapes) is made here,
 * leaving the per-customer work to a few property reads and comparisons.
 */
import { parseRuleOrThrow } from './check.js';
import type { Fold } from './fold.js';
import { leafGetter, planContext, planGroup, type Bound, type EventPlan, type LeafPlan, type Plan, type SegmentOptions, type Test } from './plan.js';
import type { Getter } from './paths.js';
import type { Primitive } from './rule.js';

/** An activity as the timeline stores it: `at` is an ISO-8601 string, `data` the type's own fields. */
export interface SegmentActivity {
  type: string;
  at: string;
  data?: unknown;
  [key: string]: unknown;
}

export interface SegmentContext {
  /** The customer's own activities, for event conditions. None when absent. */
  activities?: readonly SegmentActivity[];
}

export type SegmentPredicate = (customer: unknown, context?: SegmentContext) => boolean;

/** Throws `CrmValidationError` (with every issue's path) when the rule is malformed. */
export function compileSegment(rule: unknown, options: SegmentOptions = {}): SegmentPredicate {
  const ctx = planContext(options);
  const parsed = parseRuleOrThrow(rule, new Set(ctx.operators.keys()));
  return compilePlan(planGroup(parsed, ctx), ctx.fold);
}

export function compilePlan(plan: Plan, fold: Fold): SegmentPredicate {
  switch (plan.k) {
    case 'and':
      return all(plan.nodes.map((node) => compilePlan(node, fold)));
    case 'or':
      return any(plan.nodes.map((node) => compilePlan(node, fold)));
    case 'not': {
      const inner = compilePlan(plan.node, fold);
      return (doc, context) => !inner(doc, context);
    }
    case 'leaf':
      return compileLeaf(plan, fold);
    case 'event':
      return compileEvent(plan, fold);
  }
}

function all(tests: SegmentPredicate[]): SegmentPredicate {
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [a, b] = tests as [SegmentPredicate, SegmentPredicate];
    return (doc, context) => a(doc, context) && b(doc, context);
  }
  return (doc, context) => {
    for (const test of tests) if (!test(doc, context)) return false;
    return true;
  };
}

function any(tests: SegmentPredicate[]): SegmentPredicate {
  if (tests.length === 0) return () => false;
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [a, b] = tests as [SegmentPredicate, SegmentPredicate];
    return (doc, context) => a(doc, context) || b(doc, context);
  }
  return (doc, context) => {
    for (const test of tests) if (test(doc, context)) return true;
    return false;
  };
}

function compileLeaf(leaf: LeafPlan, fold: Fold): SegmentPredicate {
  const check = compileTest(leaf.test, fold);
  const get: Getter = leafGetter(leaf);
  return (doc) => check(get(doc));
}

type ValueTest = (value: unknown) => boolean;

/** The test on one field value; exported for the storage split's reference matcher and the tests. */
export function compileTest(test: Test, fold: Fold): ValueTest {
  switch (test.t) {
    case 'eq': {
      const expected = test.value;
      if (test.fold) return (value) => typeof value === 'string' && fold(value) === expected;
      return (value) => value === expected;
    }
    case 'in':
    case 'has': {
      const member = membership(test.values, test.fold, fold);
      if (test.t === 'in') return member;
      if (test.mode === 'any') return (value) => Array.isArray(value) && value.some(member);
      const each = test.values.map((needle) => membership([needle], test.fold, fold));
      return (value) => Array.isArray(value) && each.every((has) => value.some(has));
    }
    case 'range': {
      const within = rangeTest(test.lo, test.hi);
      if (test.type === 'number') return (value) => typeof value === 'number' && within(value);
      if (test.fold) return (value) => typeof value === 'string' && within(fold(value));
      return (value) => typeof value === 'string' && within(value);
    }
    case 'text': {
      const needle = test.value;
      const prepare = test.fold ? fold : (text: string) => text;
      if (test.mode === 'contains') return (value) => typeof value === 'string' && prepare(value).includes(needle);
      if (test.mode === 'startsWith') return (value) => typeof value === 'string' && prepare(value).startsWith(needle);
      return (value) => typeof value === 'string' && prepare(value).endsWith(needle);
    }
    case 'empty':
      return (value) => value == null || value === '' || (Array.isArray(value) && value.length === 0);
    case 'custom': {
      const { operator, value: ruleValue } = test;
      return (value) => operator.evaluate(value, ruleValue) === true;
    }
  }
}

function membership(values: readonly Primitive[], folded: boolean, fold: Fold): ValueTest {
  const set = new Set<unknown>(values);
  if (folded) return (value) => (typeof value === 'string' ? set.has(fold(value)) : set.has(value));
  if (values.length === 1) {
    const only = values[0];
    return (value) => value === only;
  }
  return (value) => set.has(value);
}

type Orderable = string | number;

/** One closure per range shape, so the hot path has no "is there a bound?" branches. */
function rangeTest(lo: Bound | undefined, hi: Bound | undefined): (value: Orderable) => boolean {
  const low = lo?.value as Orderable;
  const high = hi?.value as Orderable;
  if (lo && hi) {
    if (lo.inclusive && hi.inclusive) return (value) => value >= low && value <= high;
    if (lo.inclusive) return (value) => value >= low && value < high;
    if (hi.inclusive) return (value) => value > low && value <= high;
    return (value) => value > low && value < high;
  }
  if (lo) return lo.inclusive ? (value) => value >= low : (value) => value > low;
  if (hi) return hi.inclusive ? (value) => value <= high : (value) => value < high;
  return () => true;
}

function compileEvent(event: EventPlan, fold: Fold): SegmentPredicate {
  const { activityType, from, to } = event;
  const where = event.where ? compilePlan(event.where, fold) : undefined;
  const { op, value: wanted } = event.count;
  const matches = (activity: SegmentActivity): boolean => {
    if (activity == null || activity.type !== activityType) return false;
    if (from !== undefined) {
      const at = activity.at as unknown;
      if (typeof at !== 'string' || at < from || at > to!) return false;
    }
    return where === undefined || where(activity);
  };
  return (_customer, context) => {
    const activities = context?.activities ?? [];
    let count = 0;
    for (const activity of activities) {
      if (!matches(activity)) continue;
      count++;
      // Stop as soon as the answer cannot change.
      if (op === 'gte' && count >= wanted) return true;
      if (op !== 'gte' && count > wanted) return false;
    }
    return op === 'gte' ? count >= wanted : op === 'lte' ? count <= wanted : count === wanted;
  };
}
