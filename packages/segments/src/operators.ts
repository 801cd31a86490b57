/** The built-in operator ids, and which field types offer which of them by default. */

export const SCALAR_OPERATORS = [
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'in',
  'notIn',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'isEmpty',
  'isNotEmpty',
] as const;

export const DATE_OPERATORS = ['withinLastDays', 'notWithinLastDays', 'before', 'after'] as const;

export const ARRAY_OPERATORS = ['hasAny', 'hasAll', 'hasNone'] as const;

export const BUILTIN_OPERATORS = [...SCALAR_OPERATORS, ...DATE_OPERATORS, ...ARRAY_OPERATORS] as const;

export type BuiltinOperator = (typeof BUILTIN_OPERATORS)[number];

/** A built-in operator id, or the id of a plugin operator. */
export type Operator = BuiltinOperator | (string & {});

const BUILTIN_SET: ReadonlySet<string> = new Set(BUILTIN_OPERATORS);

export function isBuiltinOperator(op: string): op is BuiltinOperator {
  return BUILTIN_SET.has(op);
}

export const FIELD_TYPES = ['string', 'number', 'date', 'boolean', 'enum', 'array'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * What the builder offers for each field type when the field names no operators of its own. Only operators that
 * mean something for the type are listed (no `contains` on numbers); the engine itself evaluates every operator
 * on any value, typed by the rule's value.
 */
export const DEFAULT_OPERATORS: Readonly<Record<FieldType, readonly BuiltinOperator[]>> = {
  string: [
    'eq',
    'neq',
    'in',
    'notIn',
    'contains',
    'notContains',
    'startsWith',
    'endsWith',
    'lt',
    'lte',
    'gt',
    'gte',
    'between',
    'isEmpty',
    'isNotEmpty',
  ],
  number: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  date: [
    'withinLastDays',
    'notWithinLastDays',
    'before',
    'after',
    'between',
    'eq',
    'neq',
    'lt',
    'lte',
    'gt',
    'gte',
    'isEmpty',
    'isNotEmpty',
  ],
  boolean: ['eq', 'neq', 'isEmpty', 'isNotEmpty'],
  enum: ['eq', 'neq', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  array: ['hasAny', 'hasAll', 'hasNone', 'isEmpty', 'isNotEmpty'],
};

/** A plugin's operator (e.g. `isWeekend`, `near`): evaluated in memory only; JsonLogic and SQL refuse it. */
export interface SegmentOperator {
  id: string;
  /** The field types the builder offers it on. */
  types: readonly FieldType[];
  /** Receives the field's raw value (`undefined` when missing) and the rule's `value`. */
  evaluate(fieldValue: unknown, ruleValue: unknown): boolean;
  label?: string | Readonly<Record<string, string>>;
}
