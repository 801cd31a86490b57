/** What each built-in operator's `value` must be, whatever the field: the shape every consumer relies on. */
import { looksLikeIsoDate } from './dates.js';
import type { BuiltinOperator } from './operators.js';
import type { Primitive } from './rule.js';

export function isPrimitive(value: unknown): value is Primitive {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

function isOrderable(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

export const MAX_LIST_LENGTH = 10_000;
/** About 270 years: enough for any customer history, small enough for every date to keep a four-digit year. */
export const MAX_DAYS = 100_000;

/** A sentence saying what is wrong with the value, or undefined when it fits the operator. */
export function valueProblem(op: BuiltinOperator, value: unknown): string | undefined {
  switch (op) {
    case 'eq':
    case 'neq':
      return isPrimitive(value) ? undefined : 'must be a string, a finite number or a boolean';
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return isOrderable(value) ? undefined : 'must be a finite number or a string';
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) return 'must be [low, high]';
      const [low, high] = value as unknown[];
      if (!isOrderable(low) || !isOrderable(high) || typeof low !== typeof high) {
        return 'must be two numbers or two strings';
      }
      return undefined;
    }
    case 'before':
    case 'after':
      return typeof value === 'string' && looksLikeIsoDate(value) ? undefined : 'must be an ISO-8601 date';
    case 'withinLastDays':
    case 'notWithinLastDays':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_DAYS
        ? undefined
        : `must be a number of days from 0 to ${MAX_DAYS}`;
    case 'in':
    case 'notIn':
    case 'hasAny':
    case 'hasAll':
    case 'hasNone':
      if (!Array.isArray(value) || value.length === 0) return 'must be a non-empty list';
      if (value.length > MAX_LIST_LENGTH) return `must have at most ${MAX_LIST_LENGTH} values`;
      return (value as unknown[]).every(isPrimitive) ? undefined : 'must list strings, finite numbers or booleans';
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'isEmpty':
    case 'isNotEmpty':
      return undefined;
  }
}
