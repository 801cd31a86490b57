/**
 * Compiles a rule to nested closures: no `eval`, no `new Function`, so it runs under `script-src 'self'`. Every
 * choice that can be made once (paths split, values folded, lists turned into sets, range shapes) is made here,
 * leaving the per-customer work to a few property reads and comparisons.
 */
import { parseRuleOrThrow } from './check.js';
import { memoizedFold, type Fold } from './fold.js';
import {
  leafGetter,
  planContext,
  planGroup,
  type Bound,
  type EventPlan,
  type LeafPlan,
  type Plan,
  type SegmentOptions,
  type Test,
} from './plan.js';
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
  return compilePlan(planGroup(parsed, ctx), ctx.locale === 'tr' ? memoizedFold(ctx.fold) : ctx.fold);
}

/**
 * For the tests: the same predicate built from the generic closures only (a getter and a test per condition),
 * which the fused ones must agree with.
 */
export function compileSegmentUnfused(rule: unknown, options: SegmentOptions = {}): SegmentPredicate {
  const ctx = planContext(options);
  const parsed = parseRuleOrThrow(rule, new Set(ctx.operators.keys()));
  return compilePlan(planGroup(parsed, ctx), ctx.fold, false);
}

export function compilePlan(plan: Plan, fold: Fold, fuse = true): SegmentPredicate {
  switch (plan.k) {
    case 'and':
      return all(plan.nodes.map((node) => compilePlan(node, fold, fuse)));
    case 'or':
      return any(plan.nodes.map((node) => compilePlan(node, fold, fuse)));
    case 'not': {
      if (plan.node.k === 'leaf') return compileLeaf(plan.node, fold, true, fuse);
      const inner = compilePlan(plan.node, fold, fuse);
      return (doc, context) => !inner(doc, context);
    }
    case 'leaf':
      return compileLeaf(plan, fold, false, fuse);
    case 'event':
      return compileEvent(plan, fold, fuse);
  }
}

/**
 * Groups are unrolled up to eight rules: each call site then sees one rule per group, which V8 can inline while
 * only a few segments are compiled (a loop's single call site sees every rule and inlines none).
 */
function all(tests: SegmentPredicate[]): SegmentPredicate {
  const [a, b, c, d, e, f, g, h] = tests as Required<[SegmentPredicate, ...SegmentPredicate[]]>;
  switch (tests.length) {
    case 0:
      return () => true;
    case 1:
      return a;
    case 2:
      return (doc, context) => a(doc, context) && b!(doc, context);
    case 3:
      return (doc, context) => a(doc, context) && b!(doc, context) && c!(doc, context);
    case 4:
      return (doc, context) => a(doc, context) && b!(doc, context) && c!(doc, context) && d!(doc, context);
    case 5:
      return (doc, context) =>
        a(doc, context) && b!(doc, context) && c!(doc, context) && d!(doc, context) && e!(doc, context);
    case 6:
      return (doc, context) =>
        a(doc, context) &&
        b!(doc, context) &&
        c!(doc, context) &&
        d!(doc, context) &&
        e!(doc, context) &&
        f!(doc, context);
    case 7:
      return (doc, context) =>
        a(doc, context) &&
        b!(doc, context) &&
        c!(doc, context) &&
        d!(doc, context) &&
        e!(doc, context) &&
        f!(doc, context) &&
        g!(doc, context);
    case 8:
      return (doc, context) =>
        a(doc, context) &&
        b!(doc, context) &&
        c!(doc, context) &&
        d!(doc, context) &&
        e!(doc, context) &&
        f!(doc, context) &&
        g!(doc, context) &&
        h!(doc, context);
    default: {
      const count = tests.length;
      return (doc, context) => {
        for (let i = 0; i < count; i++) if (!tests[i]!(doc, context)) return false;
        return true;
      };
    }
  }
}

function any(tests: SegmentPredicate[]): SegmentPredicate {
  const [a, b, c, d] = tests as Required<[SegmentPredicate, ...SegmentPredicate[]]>;
  switch (tests.length) {
    case 0:
      return () => false;
    case 1:
      return a;
    case 2:
      return (doc, context) => a(doc, context) || b!(doc, context);
    case 3:
      return (doc, context) => a(doc, context) || b!(doc, context) || c!(doc, context);
    case 4:
      return (doc, context) => a(doc, context) || b!(doc, context) || c!(doc, context) || d!(doc, context);
    default: {
      const count = tests.length;
      return (doc, context) => {
        for (let i = 0; i < count; i++) if (tests[i]!(doc, context)) return true;
        return false;
      };
    }
  }
}

function compileLeaf(leaf: LeafPlan, fold: Fold, negate: boolean, fuse: boolean): SegmentPredicate {
  const keys = leaf.field.split('.');
  const fused =
    !fuse || leaf.computed
      ? undefined
      : 'fold' in leaf.test && leaf.test.fold
        ? fuseFolded(keys, leaf.test, negate, fold)
        : fuseShortPath(keys, leaf.test, negate);
  if (fused) return fused;
  const check = compileTest(leaf.test, fold);
  const get: Getter = leafGetter(leaf);
  return negate ? (doc) => !check(get(doc)) : (doc) => check(get(doc));
}

type Doc = Record<string, unknown> | null | undefined;

/**
 * The exact (unfolded) tests on one- and two-step paths, with the read and the comparison written inline, and an
 * optional negation folded in (`result !== negate`). Every closure made from one source location shares its
 * optimised code, so its calls to other closures stay megamorphic and are never inlined; doing the whole
 * condition in one closure saves three or four such calls per condition, which is most of the cost.
 * Functions read as missing (see paths.ts): the typed tests below never match one, and `empty` checks.
 */
function fuseShortPath(keys: readonly string[], test: Test, negate: boolean): SegmentPredicate | undefined {
  if (keys.length > 2 || ('fold' in test && test.fold)) return undefined;
  const [a, b] = keys as [string, string | undefined];
  // The two-step read is written out in each closure below (a call to a shared reader would not be inlined).
  switch (test.t) {
    case 'eq': {
      const expected = test.value;
      if (b === undefined) return (doc) => ((doc as Doc)?.[a] === expected) !== negate;
      return (doc) => (((doc as Doc)?.[a] as Doc)?.[b] === expected) !== negate;
    }
    case 'in': {
      const list = test.values;
      const count = list.length;
      if (count > 8) return undefined;
      return (doc) => {
        let value = (doc as Doc)?.[a];
        if (b !== undefined) value = typeof value === 'function' ? undefined : (value as Doc)?.[b];
        for (let i = 0; i < count; i++) if (list[i] === value) return !negate;
        return negate;
      };
    }
    case 'has': {
      const list = test.values;
      const count = list.length;
      if (count > 8) return undefined;
      if (test.mode === 'any') {
        return (doc) => {
          let value = (doc as Doc)?.[a];
          if (b !== undefined) value = typeof value === 'function' ? undefined : (value as Doc)?.[b];
          if (!Array.isArray(value)) return negate;
          for (let j = 0; j < value.length; j++) {
            const item: unknown = value[j];
            for (let i = 0; i < count; i++) if (list[i] === item) return !negate;
          }
          return negate;
        };
      }
      return (doc) => {
        let value = (doc as Doc)?.[a];
        if (b !== undefined) value = typeof value === 'function' ? undefined : (value as Doc)?.[b];
        if (!Array.isArray(value)) return negate;
        for (let i = 0; i < count; i++) if (!value.includes(list[i])) return negate;
        return !negate;
      };
    }
    case 'range': {
      // Number and string ranges get closures of their own, so each comparison site sees one type.
      const low = test.lo?.value;
      const high = test.hi?.value;
      const hasLow = test.lo !== undefined;
      const hasHigh = test.hi !== undefined;
      const lowInclusive = test.lo?.inclusive === true;
      const highInclusive = test.hi?.inclusive === true;
      if (test.type === 'number') {
        const lo = low as number;
        const hi = high as number;
        return (doc) => {
          let value = (doc as Doc)?.[a];
          if (b !== undefined) value = typeof value === 'function' ? undefined : (value as Doc)?.[b];
          if (typeof value !== 'number') return negate;
          if (hasLow && (lowInclusive ? value < lo : value <= lo)) return negate;
          if (hasHigh && (highInclusive ? value > hi : value >= hi)) return negate;
          return !negate;
        };
      }
      const lo = low as string;
      const hi = high as string;
      return (doc) => {
        let value = (doc as Doc)?.[a];
        if (b !== undefined) value = typeof value === 'function' ? undefined : (value as Doc)?.[b];
        if (typeof value !== 'string') return negate;
        if (hasLow && (lowInclusive ? value < lo : value <= lo)) return negate;
        if (hasHigh && (highInclusive ? value > hi : value >= hi)) return negate;
        return !negate;
      };
    }
    case 'text': {
      const needle = test.value;
      const mode = test.mode;
      return (doc) => {
        let value = (doc as Doc)?.[a];
        if (b !== undefined) value = typeof value === 'function' ? undefined : (value as Doc)?.[b];
        if (typeof value !== 'string') return negate;
        const found =
          mode === 'contains'
            ? value.includes(needle)
            : mode === 'startsWith'
              ? value.startsWith(needle)
              : value.endsWith(needle);
        return found !== negate;
      };
    }
    case 'empty':
      return (doc) => {
        let value = (doc as Doc)?.[a];
        if (b !== undefined) value = typeof value === 'function' ? undefined : (value as Doc)?.[b];
        const empty =
          value == null || value === '' || typeof value === 'function' || (Array.isArray(value) && value.length === 0);
        return empty !== negate;
      };
    default:
      return undefined;
  }
}

/**
 * The case-insensitive tests on one- and two-step paths, fused the same way: the read, the fold and the comparison
 * in one closure. Each must select exactly what `compileTest` does with `fold` (a property test compares them).
 */
function fuseFolded(keys: readonly string[], test: Test, negate: boolean, fold: Fold): SegmentPredicate | undefined {
  if (keys.length > 2) return undefined;
  const [a, b] = keys as [string, string | undefined];
  switch (test.t) {
    case 'eq': {
      const expected = test.value;
      return (doc) => {
        let value = (doc as Doc)?.[a];
        if (b !== undefined) value = typeof value === 'function' ? undefined : (value as Doc)?.[b];
        return (typeof value === 'string' && fold(value) === expected) !== negate;
      };
    }
    case 'in': {
      const set = new Set<unknown>(test.values);
      return (doc) => {
        let value = (doc as Doc)?.[a];
        if (b !== undefined) value = typeof value === 'function' ? undefined : (value as Doc)?.[b];
        return set.has(typeof value === 'string' ? fold(value) : value) !== negate;
      };
    }
    case 'has': {
      const set = new Set<unknown>(test.values);
      if (test.mode === 'any') {
        return (doc) => {
          let value = (doc as Doc)?.[a];
          if (b !== undefined) value = typeof value === 'function' ? undefined : (value as Doc)?.[b];
          if (!Array.isArray(value)) return negate;
          for (let j = 0; j < value.length; j++) {
            const item: unknown = value[j];
            if (set.has(typeof item === 'string' ? fold(item) : item)) return !negate;
          }
          return negate;
        };
      }
      return undefined;
    }
    case 'text': {
      const needle = test.value;
      const mode = test.mode;
      return (doc) => {
        let value = (doc as Doc)?.[a];
        if (b !== undefined) value = typeof value === 'function' ? undefined : (value as Doc)?.[b];
        if (typeof value !== 'string') return negate;
        const folded = fold(value);
        const found =
          mode === 'contains'
            ? folded.includes(needle)
            : mode === 'startsWith'
              ? folded.startsWith(needle)
              : folded.endsWith(needle);
        return found !== negate;
      };
    }
    default:
      return undefined;
  }
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
  if (values.length === 2) {
    const [first, second] = values;
    return (value) => value === first || value === second;
  }
  // Short lists are faster to scan than to hash.
  if (values.length <= 8) return (value) => values.includes(value as Primitive);
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

function compileEvent(event: EventPlan, fold: Fold, fuse: boolean): SegmentPredicate {
  const { activityType, from, to } = event;
  const where = event.where ? compilePlan(event.where, fold, fuse) : undefined;
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
