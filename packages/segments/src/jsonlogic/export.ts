/**
 * `toJsonLogic`: the rule as standard JsonLogic that selects exactly the customers `compileSegment` selects, on any
 * JSON customer, in any implementation that follows json-logic-js. JsonLogic's comparisons coerce (`null < 5`,
 * `"6" > 5`, `["b"] > "a"` are all true), so every ordering carries a type guard written in plain JsonLogic:
 *   is a string:  {"===": [{"cat": [x]}, x]}   (cat turns anything else into a different value)
 *   is a number:  {"===": [{"+": [x]}, x]}     (+ parses; only a number survives unchanged)
 * Conditions that have no exact form (case folding, events, computed fields, plugin operators) are refused with
 * `CrmUnsupportedError` naming the node: an approximate export would silently select other customers.
 */
import { CrmUnsupportedError } from '@crmkit/core';
import { parseRuleOrThrow } from '../check.js';
import { planContext, planGroup, type Bound, type LeafPlan, type Plan, type SegmentOptions } from '../plan.js';

export type JsonLogicRule = boolean | { [operator: string]: unknown };

export function toJsonLogic(rule: unknown, options: SegmentOptions = {}): JsonLogicRule {
  const ctx = planContext(options);
  const parsed = parseRuleOrThrow(rule, new Set(ctx.operators.keys()));
  return exportPlan(planGroup(parsed, ctx));
}

function exportPlan(plan: Plan): JsonLogicRule {
  switch (plan.k) {
    case 'and':
    case 'or':
      // json-logic-js answers `undefined` for an empty `and`, so empty groups become their constant.
      if (plan.nodes.length === 0) return plan.k === 'and';
      return { [plan.k]: plan.nodes.map(exportPlan) };
    case 'not':
      return { '!': [exportPlan(plan.node)] };
    case 'event':
      throw new CrmUnsupportedError(
        'event conditions have no JsonLogic form (the customer object holds no activities)',
        plan.at,
      );
    case 'leaf':
      return exportLeaf(plan);
  }
}

export const isStringGuard = (value: unknown) => ({ '===': [{ cat: [value] }, value] });
export const isNumberGuard = (value: unknown) => ({ '===': [{ '+': [value] }, value] });

function exportLeaf(leaf: LeafPlan): JsonLogicRule {
  const { test, at } = leaf;
  if (leaf.computed) {
    throw new CrmUnsupportedError(`"${leaf.field}" is computed in memory and has no JsonLogic form`, at);
  }
  if ('fold' in test && test.fold) {
    throw new CrmUnsupportedError(
      `case-insensitive matching on "${leaf.field}" has no exact JsonLogic form; set caseSensitive: true to export it`,
      at,
    );
  }
  const field = { var: leaf.field };
  switch (test.t) {
    case 'eq':
      return { '===': [field, test.value] };
    case 'in':
      return { in: [field, test.values] };
    case 'range': {
      const guard = test.type === 'number' ? isNumberGuard(field) : isStringGuard(field);
      return { and: [guard, ...rangeComparisons(field, test.lo, test.hi)] };
    }
    case 'text': {
      const needle = test.value;
      // Every string contains, starts and ends with '' (and `substr(x, -0)` is the whole string, so say it plainly).
      if (needle === '') return isStringGuard(field);
      const match =
        test.mode === 'contains'
          ? { in: [needle, field] }
          : test.mode === 'startsWith'
            ? { '===': [{ substr: [field, 0, needle.length] }, needle] }
            : { '===': [{ substr: [field, -needle.length] }, needle] };
      return { and: [isStringGuard(field), match] };
    }
    case 'empty':
      // Falsy in JsonLogic (null, '', [], 0, false) but neither 0 nor false.
      return { and: [{ '!': [field] }, { '!': [{ in: [field, [0, false]] }] }] };
    case 'has':
      if (test.mode === 'any') return { some: [field, { in: [{ var: '' }, test.values] }] };
      return { and: test.values.map((needle) => ({ some: [field, { '===': [{ var: '' }, needle] }] })) };
    case 'custom':
      throw new CrmUnsupportedError(`plugin operator "${test.operator.id}" has no JsonLogic form`, at);
  }
}

function rangeComparisons(field: unknown, lo?: Bound, hi?: Bound): JsonLogicRule[] {
  if (lo && hi && lo.inclusive && hi.inclusive) return [{ '<=': [lo.value, field, hi.value] }];
  const comparisons: JsonLogicRule[] = [];
  if (lo) comparisons.push({ [lo.inclusive ? '>=' : '>']: [field, lo.value] });
  if (hi) comparisons.push({ [hi.inclusive ? '<=' : '<']: [field, hi.value] });
  return comparisons;
}
