/**
 * Cheapest first: within each group, the rules that cost least to evaluate come first, so that `and` and `or`
 * decide most customers before reaching the costly ones (case folding, metrics, plugin code, activities). The
 * rules are pure, so their order changes what is computed, never what is selected.
 */
import { looksLikeIsoDate } from '../dates.js';
import type { SegmentField } from '../fields.js';
import { isCaseless } from '../fold.js';
import { isBuiltinOperator } from '../operators.js';
import type { Condition, Group, RuleNode } from '../rule.js';

/** Relative costs, from the compiler's closures: a fused exact test is 1. */
const COST = { exact: 1, folded: 3, computed: 8, plugin: 8, event: 50 } as const;

/** The compiler unrolls groups of up to eight rules (decision 0027); longer ones run through a slower loop. */
const UNROLLED = 8;

export function cheapestFirst(group: Group, fields: ReadonlyMap<string, SegmentField>): Group {
  const costed = group.rules.map((node, index) => {
    const ordered = node.kind === 'group' ? cheapestFirst(node, fields) : node;
    return { node: ordered, cost: costOf(ordered, fields), index };
  });
  costed.sort((a, b) => a.cost - b.cost || a.index - b.index);
  return {
    ...group,
    rules: unrolled(
      costed.map(({ node }) => node),
      group.combinator,
    ),
  };
}

/**
 * More than eight rules: the costliest go into a nested group of the same combinator (which `and` and `or` allow),
 * so that every group stays short enough to unroll.
 */
function unrolled(rules: RuleNode[], combinator: Group['combinator']): RuleNode[] {
  if (rules.length <= UNROLLED) return rules;
  const rest: Group = { kind: 'group', combinator, rules: unrolled(rules.slice(UNROLLED - 1), combinator) };
  return [...rules.slice(0, UNROLLED - 1), rest];
}

function costOf(node: RuleNode, fields: ReadonlyMap<string, SegmentField>): number {
  if (node.kind === 'group') return node.rules.reduce((sum, rule) => sum + costOf(rule, fields), 0);
  if (node.kind === 'event') return COST.event;
  const field = fields.get(node.field);
  if (field?.get) return COST.computed;
  if (!isBuiltinOperator(node.op)) return COST.plugin;
  return folds(node, field) ? COST.folded : COST.exact;
}

/** Whether the condition compares folded strings (what plan.ts decides, roughly: only the cost depends on it). */
function folds(condition: Condition, field: SegmentField | undefined): boolean {
  if (condition.caseSensitive || field?.type === 'date') return false;
  const values: unknown[] = Array.isArray(condition.value) ? condition.value : [condition.value];
  return values.some((value) => typeof value === 'string' && !looksLikeIsoDate(value) && !isCaseless(value));
}
