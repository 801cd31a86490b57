/**
 * The checks every consumer of a rule needs, with or without a field registry: its shape (zod), its depth, known
 * operators, operator values, and no event conditions inside an event's `where`.
 */
import { CrmValidationError, type CrmIssue } from '@crmkit/core';
import { isBuiltinOperator } from './operators.js';
import { depthProblem, MAX_DEPTH, SegmentRuleSchema, type Group, type RuleNode, type SegmentRule } from './rule.js';
import { valueProblem } from './values.js';

export type Path = (string | number)[];

export interface Visit {
  node: RuleNode;
  path: Path;
  /** Inside an event condition's `where`: the fields are the activity's. */
  inActivity: boolean;
}

/** Every node of a parsed rule, depth first, with its path. */
export function* walk(group: Group, path: Path = [], inActivity = false): Generator<Visit> {
  yield { node: group, path, inActivity };
  for (const [i, node] of group.rules.entries()) {
    const at = [...path, 'rules', i];
    if (node.kind === 'group') yield* walk(node, at, inActivity);
    else {
      yield { node, path: at, inActivity };
      if (node.kind === 'event' && node.where) yield* walk(node.where, [...at, 'where'], true);
    }
  }
}

export type ParseResult = { ok: true; rule: SegmentRule } | { ok: false; issues: CrmIssue[] };

/** Shape, depth, operators and values. `operatorIds` are the plugin operators that are known. */
export function parseRule(input: unknown, operatorIds: ReadonlySet<string>): ParseResult {
  const deep = depthProblem(input);
  if (deep) {
    return {
      ok: false,
      issues: [{ path: deep, message: `rules nest deeper than ${MAX_DEPTH} levels`, code: 'too_deep' }],
    };
  }
  const parsed = SegmentRuleSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
        message: issue.message,
        code: issue.code,
      })),
    };
  }
  const issues: CrmIssue[] = [];
  for (const { node, path, inActivity } of walk(parsed.data)) {
    if (node.kind === 'event' && inActivity) {
      issues.push({
        path,
        message: 'an event condition cannot sit inside another event condition',
        code: 'nested_event',
      });
    }
    if (node.kind !== 'condition') continue;
    if (isBuiltinOperator(node.op)) {
      const problem = valueProblem(node.op, node.value);
      if (problem)
        issues.push({ path: [...path, 'value'], message: `"${node.op}" value ${problem}`, code: 'invalid_value' });
    } else if (!operatorIds.has(node.op)) {
      issues.push({ path: [...path, 'op'], message: `unknown operator "${node.op}"`, code: 'unknown_operator' });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, rule: parsed.data };
}

/** For the APIs that must refuse a bad rule: the parsed rule, or a CrmValidationError naming every issue. */
export function parseRuleOrThrow(input: unknown, operatorIds: ReadonlySet<string>): SegmentRule {
  const result = parseRule(input, operatorIds);
  if (!result.ok) throw new CrmValidationError(result.issues, 'segment rule');
  return result.rule;
}
