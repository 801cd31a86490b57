/**
 * The meaning of a rule, decided once: every condition becomes a small typed test (equality, list membership,
 * range, text match, emptiness, array membership) under and/or/not. The compiler, the JsonLogic and SQL exports
 * and the storage split all read this plan, so they cannot drift apart on what an operator means.
 *
 * The semantics, in one place:
 * - A condition compares like with like: a number value matches numbers, a string value strings, a boolean
 *   booleans; a field of another type (or missing, or null) fails the test. Negated operators (`neq`, `notIn`,
 *   `notContains`, `hasNone`, `isNotEmpty`) are the plain negation, so they hold on missing fields.
 * - Strings compare case-insensitively unless `caseSensitive`, by the locale's folding; values written as ISO
 *   dates compare exactly, and so do values that folding cannot change (digits, `+90`).
 * - Dates are strings compared as strings (dates.ts); relative windows become fixed bounds from `now`.
 * - `isEmpty` holds for missing, null, '' and [].
 */
import { lastDaysWindow, looksLikeIsoDate, toInstant } from './dates.js';
import type { SegmentField } from './fields.js';
import { CrmValidationError } from '@crmkit/core';
import { folder, isCaseless, SEGMENT_LOCALES, type Fold, type SegmentLocale } from './fold.js';
import { isBuiltinOperator, type SegmentOperator } from './operators.js';
import { pathGetter, type Getter } from './paths.js';
import type { Condition, EventCondition, Group, Primitive } from './rule.js';

export type NodePath = ReadonlyArray<string | number>;

export interface Bound {
  value: string | number;
  inclusive: boolean;
}

export type Test =
  /** `value` is already folded when `fold`. */
  | { t: 'eq'; value: Primitive; fold: boolean }
  | { t: 'in'; values: readonly Primitive[]; fold: boolean }
  | { t: 'range'; type: 'number' | 'string'; lo?: Bound; hi?: Bound; fold: boolean }
  | { t: 'text'; mode: 'contains' | 'startsWith' | 'endsWith'; value: string; fold: boolean }
  | { t: 'empty' }
  | { t: 'has'; mode: 'any' | 'all'; values: readonly Primitive[]; fold: boolean }
  | { t: 'custom'; operator: SegmentOperator; value: unknown };

export interface LeafPlan {
  k: 'leaf';
  field: string;
  /** Set for computed fields (a descriptor with `get`): only the in-memory compiler can read them. */
  computed?: Getter;
  test: Test;
  /** Where the condition sits in the rule, for error messages. */
  at: NodePath;
}

export interface EventPlan {
  k: 'event';
  activityType: string;
  from?: string;
  to?: string;
  where: Plan | null;
  count: { op: 'gte' | 'lte' | 'eq'; value: number };
  at: NodePath;
}

export type Plan = { k: 'and' | 'or'; nodes: Plan[] } | { k: 'not'; node: Plan } | LeafPlan | EventPlan;

export interface SegmentOptions {
  /** Case folding rules for case-insensitive strings. Default `en`. */
  locale?: SegmentLocale;
  /** The moment relative dates count back from. Default: when the rule is compiled or exported. */
  now?: Date | string | number;
  /** Field descriptors: computed fields (`get`) and types (a `date` field is never case-folded). */
  fields?: readonly SegmentField[];
  /** Plugin operators. */
  operators?: readonly SegmentOperator[];
}

export interface PlanContext {
  locale: SegmentLocale;
  fold: Fold;
  now: string;
  fields: ReadonlyMap<string, SegmentField>;
  operators: ReadonlyMap<string, SegmentOperator>;
}

/** Checks the options (a typed error names the bad one) and prepares what planning needs. */
export function planContext(options: SegmentOptions = {}): PlanContext {
  const locale = options.locale ?? 'en';
  const refuse = (key: string, message: string): never => {
    throw new CrmValidationError([{ path: [key], message, code: 'invalid_value' }], 'segment options');
  };
  if (!(SEGMENT_LOCALES as readonly string[]).includes(locale))
    refuse('locale', `must be one of ${SEGMENT_LOCALES.join(', ')}`);
  let now = '';
  try {
    now = toInstant(options.now ?? new Date());
  } catch {
    refuse('now', 'must be a Date, epoch milliseconds or an ISO-8601 string');
  }
  for (const [i, operator] of (options.operators ?? []).entries()) {
    if (isBuiltinOperator(operator.id))
      refuse('operators', `operator ${i} ("${operator.id}") would replace a built-in one`);
  }
  return {
    locale,
    fold: folder(locale),
    now,
    fields: new Map((options.fields ?? []).map((field) => [field.path, field])),
    operators: new Map((options.operators ?? []).map((operator) => [operator.id, operator])),
  };
}

/** Plans a rule that has passed `ruleIssues` (shape and values are trusted here). */
export function planGroup(group: Group, ctx: PlanContext, at: NodePath = [], inActivity = false): Plan {
  const nodes = group.rules.map((node, i): Plan => {
    const path = [...at, 'rules', i];
    if (node.kind === 'group') return planGroup(node, ctx, path, inActivity);
    if (node.kind === 'event') return planEvent(node, ctx, path);
    return planCondition(node, ctx, path, inActivity);
  });
  const combined: Plan = nodes.length === 1 ? nodes[0]! : { k: group.combinator, nodes };
  return group.not ? { k: 'not', node: combined } : combined;
}

function planEvent(event: EventCondition, ctx: PlanContext, at: NodePath): EventPlan {
  const window = event.withinDays === undefined ? undefined : lastDaysWindow(ctx.now, event.withinDays);
  return {
    k: 'event',
    activityType: event.activityType,
    ...(window ? { from: window.from, to: window.to } : {}),
    where: event.where ? planGroup(event.where, ctx, [...at, 'where'], true) : null,
    count: event.count ?? { op: 'gte', value: 1 },
    at,
  };
}

function planCondition(condition: Condition, ctx: PlanContext, at: NodePath, inActivity: boolean): Plan {
  // Activities have no field registry: their fields are plain paths typed by the value.
  const field = inActivity ? undefined : ctx.fields.get(condition.field);
  const leaf = (test: Test): LeafPlan => ({
    k: 'leaf',
    field: condition.field,
    ...(field?.get ? { computed: field.get.bind(field) } : {}),
    test,
    at,
  });
  const not = (node: Plan): Plan => ({ k: 'not', node });
  const mayFold = !condition.caseSensitive && field?.type !== 'date';
  /** Folding matters for equality-like tests only when the needle has something to fold. */
  const foldsFor = (value: Primitive): boolean =>
    mayFold && typeof value === 'string' && !looksLikeIsoDate(value) && !isCaseless(value);
  /** Orderings change under folding even for caseless bounds (`[` sorts between `Z` and `a`). */
  const foldsOrder = (value: string | number): boolean =>
    mayFold && typeof value === 'string' && !looksLikeIsoDate(value);
  const folded = (value: Primitive, fold: boolean): Primitive =>
    fold && typeof value === 'string' ? ctx.fold(value) : value;
  const list = (values: readonly Primitive[]) => {
    const fold = values.some(foldsFor);
    return { values: values.map((value) => folded(value, fold)), fold };
  };
  const range = (lo?: Bound, hi?: Bound): Test => {
    const sample = (lo ?? hi)!.value;
    const fold = foldsOrder(sample);
    const fix = (bound?: Bound) => bound && { ...bound, value: folded(bound.value, fold) as string | number };
    return {
      t: 'range',
      type: typeof sample === 'number' ? 'number' : 'string',
      ...(lo ? { lo: fix(lo) } : {}),
      ...(hi ? { hi: fix(hi) } : {}),
      fold,
    };
  };

  const op = condition.op;
  const value = condition.value;
  if (!isBuiltinOperator(op)) {
    return leaf({ t: 'custom', operator: ctx.operators.get(op)!, value });
  }
  switch (op) {
    case 'eq':
    case 'neq': {
      const fold = foldsFor(value as Primitive);
      const test = leaf({ t: 'eq', value: folded(value as Primitive, fold), fold });
      return op === 'eq' ? test : not(test);
    }
    case 'lt':
      return leaf(range(undefined, { value: value as string | number, inclusive: false }));
    case 'lte':
      return leaf(range(undefined, { value: value as string | number, inclusive: true }));
    case 'gt':
      return leaf(range({ value: value as string | number, inclusive: false }));
    case 'gte':
      return leaf(range({ value: value as string | number, inclusive: true }));
    case 'between': {
      const [low, high] = value as [string | number, string | number];
      return leaf(range({ value: low, inclusive: true }, { value: high, inclusive: true }));
    }
    case 'before':
      return leaf(range(undefined, { value: value as string, inclusive: false }));
    case 'after':
      return leaf(range({ value: value as string, inclusive: false }));
    case 'withinLastDays':
    case 'notWithinLastDays': {
      const { from, to } = lastDaysWindow(ctx.now, value as number);
      if (op === 'withinLastDays') {
        return leaf({
          t: 'range',
          type: 'string',
          lo: { value: from, inclusive: true },
          hi: { value: to, inclusive: true },
          fold: false,
        });
      }
      // A date outside the window: before it or after `now`. A missing or non-string value is in neither.
      return {
        k: 'or',
        nodes: [
          leaf({ t: 'range', type: 'string', hi: { value: from, inclusive: false }, fold: false }),
          leaf({ t: 'range', type: 'string', lo: { value: to, inclusive: false }, fold: false }),
        ],
      };
    }
    case 'in':
    case 'notIn': {
      const test = leaf({ t: 'in', ...list(value as Primitive[]) });
      return op === 'in' ? test : not(test);
    }
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith': {
      const fold = foldsFor(value as string);
      const mode: 'contains' | 'startsWith' | 'endsWith' = op === 'notContains' ? 'contains' : op;
      const test = leaf({ t: 'text', mode, value: folded(value as string, fold) as string, fold });
      return op === 'notContains' ? not(test) : test;
    }
    case 'isEmpty':
      return leaf({ t: 'empty' });
    case 'isNotEmpty':
      return not(leaf({ t: 'empty' }));
    case 'hasAny':
    case 'hasNone': {
      const test = leaf({ t: 'has', mode: 'any', ...list(value as Primitive[]) });
      return op === 'hasAny' ? test : not(test);
    }
    case 'hasAll':
      return leaf({ t: 'has', mode: 'all', ...list(value as Primitive[]) });
  }
}

/** The getter a leaf reads its value with. */
export function leafGetter(leaf: LeafPlan): Getter {
  return leaf.computed ?? pathGetter(leaf.field);
}
