/**
 * `validateSegment`: every problem of a rule against a field registry, each with the path of its node, for the
 * builder to show beside the node. It never throws, whatever it is given.
 */
import type { CrmIssue } from '@crmkit/core';
import { parseRule, walk } from './check.js';
import { isComparableDate } from './dates.js';
import type { SegmentField } from './fields.js';
import { DEFAULT_OPERATORS, isBuiltinOperator, type BuiltinOperator, type SegmentOperator } from './operators.js';
import type { Condition } from './rule.js';

export type SegmentIssue = CrmIssue;

export interface ValidateOptions {
  /** Plugin operators. */
  operators?: readonly SegmentOperator[];
  /** The fields of activities, for conditions inside an event's `where`; unchecked when absent. */
  activityFields?: readonly SegmentField[];
}

export function validateSegment(
  rule: unknown,
  fields: readonly SegmentField[],
  options: ValidateOptions = {},
): SegmentIssue[] {
  try {
    return collectIssues(rule, fields, options);
  } catch (error) {
    // A hostile value (a getter that throws, a proxy…) still gets an answer rather than an exception.
    return [{ path: [], message: `the rule could not be read: ${String(error)}`, code: 'unreadable' }];
  }
}

function collectIssues(rule: unknown, fields: readonly SegmentField[], options: ValidateOptions): SegmentIssue[] {
  const operators = options.operators ?? [];
  const parsed = parseRule(rule, new Set(operators.map((operator) => operator.id)));
  if (!parsed.ok) return parsed.issues;
  const customerFields = new Map(fields.map((field) => [field.path, field]));
  const activityFields = options.activityFields && new Map(options.activityFields.map((field) => [field.path, field]));
  const issues: SegmentIssue[] = [];
  for (const { node, path, inActivity } of walk(parsed.rule)) {
    if (node.kind === 'group' && node.rules.length === 0) {
      issues.push({ path: [...path, 'rules'], message: 'the group has no rules', code: 'empty_group' });
    }
    if (node.kind !== 'condition') continue;
    const registry = inActivity ? activityFields : customerFields;
    if (!registry) continue;
    const field = registry.get(node.field);
    if (!field) {
      issues.push({ path: [...path, 'field'], message: `unknown field "${node.field}"`, code: 'unknown_field' });
      continue;
    }
    if (!allowedOperators(field, operators).includes(node.op)) {
      issues.push({
        path: [...path, 'op'],
        message: `operator "${node.op}" is not offered for ${field.type} field "${field.path}"`,
        code: 'operator_not_allowed',
      });
      continue;
    }
    const problem = isBuiltinOperator(node.op) ? fieldValueProblem(field, node.op, node) : undefined;
    if (problem) issues.push({ path: [...path, 'value'], message: problem, code: 'invalid_value' });
  }
  return issues;
}

/** The operators the builder offers for a field: its own list, or its type's defaults plus fitting plugin operators. */
export function allowedOperators(field: SegmentField, operators: readonly SegmentOperator[] = []): readonly string[] {
  if (field.operators) return field.operators;
  return [
    ...DEFAULT_OPERATORS[field.type],
    ...operators.filter((operator) => operator.types.includes(field.type)).map((operator) => operator.id),
  ];
}

/** Values the field's type cannot hold (the operator's own value shape was checked already). */
function fieldValueProblem(field: SegmentField, op: BuiltinOperator, condition: Condition): string | undefined {
  const values = valuesOf(op, condition.value);
  if (values.length === 0) return undefined;
  const name = `${field.type} field "${field.path}"`;
  switch (field.type) {
    case 'number':
      return values.every((value) => typeof value === 'number') ? undefined : `${name} compares with numbers`;
    case 'string':
      return values.every((value) => typeof value === 'string') ? undefined : `${name} compares with strings`;
    case 'boolean':
      return values.every((value) => typeof value === 'boolean') ? undefined : `${name} compares with true or false`;
    case 'date':
      return values.every((value) => typeof value === 'string' && isComparableDate(value))
        ? undefined
        : `${name} compares with dates written as 2024-05-01 or 2024-05-01T09:30:00.000Z (UTC, as toISOString writes them)`;
    case 'enum':
    case 'array': {
      const allowed = field.enumValues;
      if (!allowed) return undefined;
      const unknown = values.filter((value) => typeof value !== 'string' || !allowed.includes(value));
      return unknown.length
        ? `${name} has no value ${unknown.map((value) => JSON.stringify(value)).join(', ')}`
        : undefined;
    }
  }
}

/** The values of a condition that must fit the field's type. */
function valuesOf(op: BuiltinOperator, value: unknown): unknown[] {
  switch (op) {
    case 'isEmpty':
    case 'isNotEmpty':
    case 'withinLastDays':
    case 'notWithinLastDays':
      return [];
    case 'between':
    case 'in':
    case 'notIn':
    case 'hasAny':
    case 'hasAll':
    case 'hasNone':
      return value as unknown[];
    default:
      return [value];
  }
}
