/**
 * `splitForStorage`: the part of a rule that a storage can answer from its indexes (core's `Where`: AND-ed
 * equality, `in`, ranges and prefixes on dotted paths) and the rest, to evaluate in memory on what it returns.
 *
 * Exactness: `matchesWhere(doc, where) && compileSegment(residual)(doc)` selects exactly what the rule selects.
 * Only conditions AND-ed at the top (through non-negated groups) are pushed, and only when they compare exactly
 * (no case folding). A storage's `where` also matches an array field when any element matches (multiEntry), so a
 * pushed condition leaves the residual only when the field's declared type rules that difference out: scalar tests
 * on fields declared scalar, `hasAny` on fields declared `array`. Otherwise it is pushed as a pre-filter and also
 * kept in the residual.
 */
import type { Where, WhereOps } from '@crmkit/core';
import { parseRuleOrThrow } from './check.js';
import { planContext, planGroup, type Plan, type PlanContext, type SegmentOptions } from './plan.js';
import type { Group, RuleNode, SegmentRule } from './rule.js';

export interface StorageSplit {
  where: Where;
  /** What must still be evaluated in memory on the storage's results; null when the `where` is the whole rule. */
  residual: SegmentRule | null;
}

export function splitForStorage(
  rule: unknown,
  indexedFields: readonly string[],
  options: SegmentOptions = {},
): StorageSplit {
  const ctx = planContext(options);
  const parsed = parseRuleOrThrow(rule, new Set(ctx.operators.keys()));
  const indexed = new Set(indexedFields);
  const where: Record<string, WhereOps[keyof WhereOps] | WhereOps> = {};
  const residual: RuleNode[] = [];
  let pushedAny = false;
  for (const node of conjuncts(parsed)) {
    const pushed =
      node.kind === 'condition' && indexed.has(node.field) && !(node.field in where) ? push(node, ctx) : undefined;
    if (!pushed || node.kind !== 'condition') {
      residual.push(node);
      continue;
    }
    where[node.field] = pushed.entry;
    pushedAny = true;
    if (!pushed.exact) residual.push(node);
  }
  if (!pushedAny) return { where: {}, residual: parsed };
  return {
    where: where as Where,
    residual: residual.length === 0 ? null : { kind: 'group', combinator: 'and', rules: residual },
  };
}

/** The nodes AND-ed at the top: through groups that are not negated and are `and` (or have a single rule). */
function conjuncts(group: Group): RuleNode[] {
  if (group.not || (group.combinator === 'or' && group.rules.length !== 1)) return [group];
  return group.rules.flatMap((node) => (node.kind === 'group' ? conjuncts(node) : [node]));
}

interface Pushed {
  entry: WhereOps[keyof WhereOps] | WhereOps;
  /** The where entry alone decides the condition (it can leave the residual). */
  exact: boolean;
}

function push(condition: RuleNode & { kind: 'condition' }, ctx: PlanContext): Pushed | undefined {
  const field = ctx.fields.get(condition.field);
  if (field?.get) return undefined;
  const plan: Plan = planGroup({ kind: 'group', combinator: 'and', rules: [condition] }, ctx);
  if (plan.k !== 'leaf') return undefined;
  const test = plan.test;
  if ('fold' in test && test.fold) return undefined;
  const scalar = field !== undefined && field.type !== 'array';
  switch (test.t) {
    case 'eq':
      return { entry: test.value, exact: scalar };
    case 'in':
      return { entry: { in: [...test.values] }, exact: scalar };
    case 'range': {
      const ops: WhereOps = {
        ...(test.lo ? { [test.lo.inclusive ? 'gte' : 'gt']: test.lo.value } : {}),
        ...(test.hi ? { [test.hi.inclusive ? 'lte' : 'lt']: test.hi.value } : {}),
      };
      return { entry: ops, exact: scalar };
    }
    case 'text':
      return test.mode === 'startsWith' ? { entry: { prefix: test.value }, exact: scalar } : undefined;
    case 'has':
      if (test.mode === 'any') return { entry: { in: [...test.values] }, exact: field?.type === 'array' };
      // Every value must be there: the index can look up one of them; the residual checks the rest.
      return { entry: test.values[0]!, exact: false };
    default:
      return undefined;
  }
}
