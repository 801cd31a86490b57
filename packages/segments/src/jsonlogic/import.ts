/**
 * `fromJsonLogic`: JsonLogic back into the rule tree, only where the tree can say exactly the same thing. It reads
 * everything `toJsonLogic` writes, plus the plain strict forms people write by hand (`===`, `!==`, `in`, `!`,
 * `and`, `or`, `if`, `some`). Loose or coercing forms (`==`, an unguarded `<`) are refused with the reason, because
 * JsonLogic's `{"<": [{"var": "age"}, 18]}` is also true for a missing age, and no condition of the tree is.
 */
import { CrmUnsupportedError } from '@crmkit/core';
import { parseRuleOrThrow } from '../check.js';
import { pathSegmentProblem } from '../paths.js';
import type { Condition, Group, RuleNode, SegmentRule } from '../rule.js';
import { isPrimitive } from '../values.js';
import { isLogic } from './evaluate.js';

type Path = (string | number)[];

export function fromJsonLogic(logic: unknown): SegmentRule {
  const node = toNode(logic, []);
  const rule: Group = node.kind === 'group' ? node : { kind: 'group', combinator: 'and', rules: [node] };
  return parseRuleOrThrow(rule, new Set());
}

function refuse(message: string, path: Path): never {
  throw new CrmUnsupportedError(`cannot import JsonLogic: ${message}`, path);
}

function operands(logic: Record<string, unknown>): { op: string; args: unknown[] } {
  const op = Object.keys(logic)[0]!;
  const raw = logic[op];
  return { op, args: Array.isArray(raw) ? raw : [raw] };
}

/** The path of a plain `{"var": "a.b"}` (no default, not the whole data), else undefined. */
function varPath(value: unknown): string | undefined {
  if (!isLogic(value) || !('var' in value)) return undefined;
  const { args } = operands(value);
  if (args.length !== 1 || typeof args[0] !== 'string') return undefined;
  return pathSegmentProblem(args[0]) ? undefined : args[0];
}

type Guard = { path: string; type: 'string' | 'number' };

/** `{"===": [{"cat": [x]}, x]}` or `{"===": [{"+": [x]}, x]}`. */
function guardOf(value: unknown): Guard | undefined {
  if (!isLogic(value) || !('===' in value)) return undefined;
  const { args } = operands(value);
  if (args.length !== 2) return undefined;
  const path = varPath(args[1]);
  if (!path || !isLogic(args[0])) return undefined;
  const inner = operands(args[0]);
  if (inner.args.length !== 1 || varPath(inner.args[0]) !== path) return undefined;
  if (inner.op === 'cat') return { path, type: 'string' };
  if (inner.op === '+') return { path, type: 'number' };
  return undefined;
}

const condition = (field: string, op: string, value?: unknown, caseSensitive?: boolean): Condition => ({
  kind: 'condition',
  field,
  op,
  ...(value === undefined ? {} : { value }),
  ...(caseSensitive ? { caseSensitive } : {}),
});

const hasString = (values: readonly unknown[]) => values.some((value) => typeof value === 'string');
const group = (combinator: 'and' | 'or', rules: RuleNode[], not = false): Group => ({
  kind: 'group',
  combinator,
  ...(not ? { not } : {}),
  rules,
});

function toNode(logic: unknown, path: Path): RuleNode {
  if (logic === true) return group('and', []);
  if (logic === false) return group('or', []);
  if (!isLogic(logic)) return refuse(`${JSON.stringify(logic)} is not a condition`, path);
  const { op, args } = operands(logic);
  const at = [...path, op];
  const guard = guardOf(logic);
  if (guard) {
    if (guard.type === 'string') return condition(guard.path, 'contains', '', true);
    return refuse('a bare "is a number" test has no condition', path);
  }
  switch (op) {
    case 'and':
      return (
        leafOfAnd(args, at) ??
        group(
          'and',
          args.map((arg, i) => toNode(arg, [...at, i])),
        )
      );
    case 'or':
      return group(
        'or',
        args.map((arg, i) => toNode(arg, [...at, i])),
      );
    case '!':
      return negate(toNode(args[0], [...at, 0]));
    case '!!':
      return toNode(args[0], [...at, 0]);
    case 'if':
    case '?:': {
      // truthy(if(c, a, b)) = c ? truthy(a) : truthy(b); longer chains nest to the right.
      if (args.length === 0) return group('or', []);
      if (args.length === 1) return toNode(args[0], [...at, 0]);
      const test = toNode(args[0], [...at, 0]);
      const then = toNode(args[1], [...at, 1]);
      const rest = args.length === 2 ? group('or', []) : toNode({ if: args.slice(2) }, [...at, 2]);
      return group('or', [group('and', [test, then]), group('and', [negate(test), rest])]);
    }
    case '===':
    case '!==':
      return strictEquality(op, args, at);
    case 'in':
      return membership(args, at);
    case 'some':
      return someOf(args, at);
    case '==':
    case '!=':
      return refuse(`"${op}" is loose equality (1 == "1", [1] == 1); use "${op}=" for an exact condition`, at);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return refuse(
        `"${op}" coerces (null < 5 and "6" > 5 are true); guard it with {"===": [{"+": [x]}, x]} (numbers) or {"===": [{"cat": [x]}, x]} (strings) inside an "and"`,
        at,
      );
    default:
      return refuse(`"${op}" has no condition in the segment tree`, at);
  }
}

function strictEquality(op: '===' | '!==', args: unknown[], at: Path): RuleNode {
  if (args.length !== 2) return refuse(`"${op}" needs two arguments`, at);
  const [left, right] = args;
  const field = varPath(left) ?? varPath(right);
  const value = varPath(left) ? right : left;
  if (!field || !isPrimitive(value)) {
    return refuse(`"${op}" must compare one {"var": path} with a string, number or boolean`, at);
  }
  return condition(field, op === '===' ? 'eq' : 'neq', value, typeof value === 'string');
}

function membership(args: unknown[], at: Path): RuleNode {
  const [needle, haystack] = args;
  const field = varPath(needle);
  if (field && Array.isArray(haystack)) {
    if (!haystack.every(isPrimitive)) return refuse('"in" lists must hold strings, numbers or booleans', at);
    if (haystack.length === 0) return group('or', []);
    return condition(field, 'in', haystack, hasString(haystack));
  }
  const container = varPath(haystack);
  if (container && typeof needle === 'string') {
    // JsonLogic's "in" finds a substring in a string and an element in an array.
    return group('or', [
      condition(container, 'contains', needle, true),
      condition(container, 'hasAny', [needle], true),
    ]);
  }
  return refuse('"in" must test {"var": path} against a list, or a string against {"var": path}', at);
}

function someOf(args: unknown[], at: Path): RuleNode {
  const field = varPath(args[0]);
  const test = args[1];
  if (field && isLogic(test)) {
    const inner = operands(test);
    const element = inner.args[0];
    if (inner.op === 'in' && varPath(element) === undefined && isCurrent(element) && Array.isArray(inner.args[1])) {
      const values = inner.args[1];
      if (values.length > 0 && values.every(isPrimitive)) return condition(field, 'hasAny', values, hasString(values));
      if (values.length === 0) return group('or', []);
    }
    if (inner.op === '===' && inner.args.length === 2) {
      const [a, b] = inner.args;
      const needle = isCurrent(a) ? b : isCurrent(b) ? a : undefined;
      if (isPrimitive(needle)) return condition(field, 'hasAny', [needle], typeof needle === 'string');
    }
  }
  return refuse('"some" must be {"some": [{"var": path}, {"in": [{"var": ""}, [values]]}]}', at);
}

/** `{"var": ""}`: the current element inside some/all/none. */
function isCurrent(value: unknown): boolean {
  if (!isLogic(value) || !('var' in value)) return false;
  const { args } = operands(value);
  return args.length === 1 && (args[0] === '' || args[0] === null);
}

/** The two- and three-part `and`s that `toJsonLogic` writes for one condition. */
function leafOfAnd(args: unknown[], at: Path): RuleNode | undefined {
  const guard = guardOf(args[0]);
  if (guard && args.length >= 2) return guardedLeaf(guard, args.slice(1), at);
  if (args.length === 2) return emptiness(args[0], args[1]);
  return undefined;
}

function guardedLeaf(guard: Guard, tests: unknown[], at: Path): RuleNode | undefined {
  const { path, type } = guard;
  const rules: Condition[] = [];
  for (const test of tests) {
    const found = guardedTest(path, type, test);
    if (!found) return undefined;
    rules.push(found);
  }
  return rules.length === 1 ? rules[0]! : group('and', rules);

  function guardedTest(field: string, kind: Guard['type'], test: unknown): Condition | undefined {
    if (!isLogic(test)) return undefined;
    const { op, args } = operands(test);
    const fits = (value: unknown): value is string | number => typeof value === kind && isPrimitive(value);
    const exact = kind === 'string' ? true : undefined;
    if (['<', '<=', '>', '>='].includes(op)) {
      if (args.length === 2 && varPath(args[0]) === field && fits(args[1])) {
        const name = { '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' }[op as '<'];
        return condition(field, name, args[1], exact);
      }
      if (op === '<=' && args.length === 3 && varPath(args[1]) === field && fits(args[0]) && fits(args[2])) {
        return condition(field, 'between', [args[0], args[2]], exact);
      }
      if (op === '<' && args.length === 3) {
        refuse('an exclusive three-way "<" has no single condition; write two comparisons', at);
      }
      return undefined;
    }
    if (kind !== 'string') return undefined;
    if (op === 'in' && args.length === 2 && typeof args[0] === 'string' && varPath(args[1]) === field) {
      return condition(field, 'contains', args[0], true);
    }
    if (op === '===' && args.length === 2 && typeof args[1] === 'string' && isLogic(args[0])) {
      const needle = args[1];
      const inner = operands(args[0]);
      if (inner.op !== 'substr' || varPath(inner.args[0]) !== field) return undefined;
      const [, start, length] = inner.args;
      if (start === 0 && length === needle.length) return condition(field, 'startsWith', needle, true);
      if (start === -needle.length && needle.length > 0 && length === undefined) {
        return condition(field, 'endsWith', needle, true);
      }
    }
    return undefined;
  }
}

/** `{"and": [{"!": [x]}, {"!": [{"in": [x, [0, false]]}]}]}`: missing, null, '' or []. */
function emptiness(first: unknown, second: unknown): RuleNode | undefined {
  if (!isLogic(first) || !isLogic(second) || !('!' in first) || !('!' in second)) return undefined;
  const field = varPath(operands(first).args[0]);
  const inner = operands(second).args[0];
  if (!field || !isLogic(inner) || !('in' in inner)) return undefined;
  const [subject, list] = operands(inner).args;
  const zeroOrFalse =
    Array.isArray(list) && list.length === 2 && list.includes(0) && list.includes(false) && varPath(subject) === field;
  return zeroOrFalse ? condition(field, 'isEmpty') : undefined;
}

const NEGATIONS: Readonly<Record<string, string>> = {
  eq: 'neq',
  neq: 'eq',
  in: 'notIn',
  notIn: 'in',
  contains: 'notContains',
  notContains: 'contains',
  hasAny: 'hasNone',
  hasNone: 'hasAny',
  isEmpty: 'isNotEmpty',
  isNotEmpty: 'isEmpty',
};

function negate(node: RuleNode): RuleNode {
  if (node.kind === 'group') return { ...node, not: !node.not };
  if (node.kind === 'condition' && NEGATIONS[node.op]) return { ...node, op: NEGATIONS[node.op]! };
  return group('and', [node], true);
}
