/**
 * Edits of one node that the builder's controls make: a condition's field and operator (keeping what of the value
 * still fits), a group's match, a behaviour's count. Each changes the node it is given (a draft, see `edit`).
 */
import type { SegmentField } from '../fields.js';
import type { Condition, EventCondition, Group } from '../rule.js';
import { carryValue, editorFor } from './fields.js';

/** How a group matches: all, any, not all, none of its rules. */
export const MATCHES = ['and', 'or', 'notAnd', 'notOr'] as const;
export type Match = (typeof MATCHES)[number];

export const matchOf = (group: Group): Match =>
  group.not ? (group.combinator === 'and' ? 'notAnd' : 'notOr') : group.combinator;

export function setGroupMatch(group: Group, match: string): void {
  group.combinator = match.endsWith('r') ? 'or' : 'and';
  if (match.startsWith('not')) group.not = true;
  else delete group.not;
}

/** Sets a condition's value; `undefined` takes it away. */
export function putValue(node: Condition, value: unknown): void {
  if (value === undefined) delete node.value;
  else node.value = value;
}

/** A new operator; the value is kept as far as the new operator's editor can show it. */
export function setConditionOperator(node: Condition, op: string, field: SegmentField | undefined): void {
  const value = carryValue(node.value, editorFor(node.op, field), editorFor(op, field));
  node.op = op;
  putValue(node, value);
}

/**
 * A new field: the operator stays when the field offers it (else the first offered one), the value when the field
 * has the same type, case sensitivity only on text.
 */
export function setConditionField(
  node: Condition,
  field: SegmentField,
  before: SegmentField | undefined,
  operators: readonly string[],
): void {
  const from = editorFor(node.op, before);
  node.field = field.path;
  if (!operators.includes(node.op)) node.op = operators[0] ?? '';
  putValue(node, before?.type === field.type ? carryValue(node.value, from, editorFor(node.op, field)) : undefined);
  if (field.type !== 'string' && field.type !== 'array') delete node.caseSensitive;
}

/** How a behaviour's count reads: "did" or "did not", "at least" (`gte`) or "exactly" (`eq`), and how many times. */
export interface EventCount {
  mode: string;
  frequency: string;
  times: unknown;
}

/**
 * "did at least N", "did exactly N", or "did not … at least N" (stored as at most N − 1, which selects the same
 * customers).
 */
export function readCount(node: EventCondition): EventCount {
  const { op, value } = node.count ?? { op: 'gte', value: 1 };
  const didNot = op === 'lte';
  return {
    mode: didNot ? 'didNot' : 'did',
    frequency: op === 'eq' ? 'eq' : 'gte',
    times: didNot && typeof value === 'number' ? value + 1 : value,
  };
}

/** Changes part of how a behaviour's count reads; what is typed is kept even when it is not a number yet. */
export function writeCount(node: EventCondition, next: Partial<EventCount>): void {
  const current = readCount(node);
  const times = 'times' in next ? next.times : current.times;
  node.count =
    (next.mode ?? current.mode) === 'didNot'
      ? { op: 'lte', value: (typeof times === 'number' ? times - 1 : times) as number }
      : { op: (next.frequency ?? current.frequency) === 'eq' ? 'eq' : 'gte', value: times as number };
}
