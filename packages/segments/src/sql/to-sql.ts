/**
 * `toSql`: the rule as one parameterised SQL query (PostgreSQL or SQLite) selecting the same customers as
 * `compileSegment`, for a table whose columns hold the customer's values with the declared types.
 *
 * Safety: every value goes into `params`, never into the text; every identifier comes from the column map, must
 * look like an identifier, and is quoted. Exactness:
 * - a test whose value type differs from the column's type is the constant FALSE (the compiler compares like
 *   with like, and a typed column holds one type);
 * - SQL's NULL makes comparisons unknown; that already means "not selected" everywhere except under NOT, so a
 *   negated part is wrapped as `NOT COALESCE(x, FALSE)` and leaves keep their plain, index-friendly form;
 * - strings compare by code point (`COLLATE "C"` in PostgreSQL, BINARY in SQLite), like JavaScript's `<` outside
 *   the astral planes;
 * - case-insensitive tests need a column holding the folded value (`folded`), written by the app with the same
 *   locale; without one they are refused, as are events without an activities table, computed fields without a
 *   column, and plugin operators.
 */
import { CrmUnsupportedError, CrmValidationError } from '@crmkit/core';
import { parseRuleOrThrow } from '../check.js';
import {
  planContext,
  planGroup,
  type Bound,
  type EventPlan,
  type LeafPlan,
  type Plan,
  type SegmentOptions,
} from '../plan.js';
import type { Primitive } from '../rule.js';

export type SqlDialect = 'postgres' | 'sqlite';

/** `text[]` is a PostgreSQL text array, or in SQLite a JSON array in a TEXT column. */
export type SqlColumnType = 'text' | 'number' | 'boolean' | 'text[]';

export interface SqlColumn {
  name: string;
  type: SqlColumnType;
  /** A column holding the value case-folded by the rule's locale, for case-insensitive tests. */
  folded?: string;
}

export interface SqlActivities {
  table: string;
  /** The column holding the customer's id. */
  customerId: string;
  /** The activity type column. Default `type`. */
  type?: string;
  /** The ISO-8601 time column (text). Default `at`. */
  at?: string;
  /** Columns for the fields an event's `where` reads (`data.total` → `total`). */
  columns?: Readonly<Record<string, SqlColumn>>;
}

export interface ToSqlOptions extends SegmentOptions {
  dialect: SqlDialect;
  table: string;
  /** Field path → column. A condition on a field without a column is refused. */
  columns: Readonly<Record<string, SqlColumn>>;
  /** The customers' id column, for event subqueries. Default `id`. */
  id?: string;
  activities?: SqlActivities;
}

export interface SqlQuery {
  /** `SELECT "c".* FROM <table> AS "c" WHERE <where>`. */
  text: string;
  /** The condition alone (the customers table is aliased `"c"`), to embed in a query of your own. */
  where: string;
  params: unknown[];
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function toSql(rule: unknown, options: ToSqlOptions): SqlQuery {
  const ctx = planContext(options);
  const parsed = parseRuleOrThrow(rule, new Set(ctx.operators.keys()));
  const writer = new SqlWriter(options);
  const where = writer.plan(planGroup(parsed, ctx), 'c', options.columns);
  const text = `SELECT "c".* FROM ${writer.table(options.table)} AS "c" WHERE ${where}`;
  return { text, where, params: writer.params };
}

class SqlWriter {
  readonly params: unknown[] = [];
  private readonly pg: boolean;

  constructor(private readonly options: ToSqlOptions) {
    if (options.dialect !== 'postgres' && options.dialect !== 'sqlite') {
      throw new CrmValidationError(
        [{ path: ['dialect'], message: 'must be postgres or sqlite', code: 'invalid_value' }],
        'toSql options',
      );
    }
    this.pg = options.dialect === 'postgres';
  }

  plan(plan: Plan, alias: string, columns: Readonly<Record<string, SqlColumn>>): string {
    switch (plan.k) {
      case 'and':
      case 'or':
        if (plan.nodes.length === 0) return plan.k === 'and' ? 'TRUE' : 'FALSE';
        return `(${plan.nodes.map((node) => this.plan(node, alias, columns)).join(plan.k === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `(NOT COALESCE(${this.plan(plan.node, alias, columns)}, FALSE))`;
      case 'leaf':
        return this.leaf(plan, alias, columns);
      case 'event':
        return this.event(plan);
    }
  }

  table(name: string): string {
    return name
      .split('.')
      .map((part) => this.identifier(part, ['table']))
      .join('.');
  }

  private identifier(name: string, path: (string | number)[]): string {
    if (!IDENTIFIER.test(name)) {
      throw new CrmValidationError(
        [{ path, message: `"${name}" is not a plain SQL identifier (letters, digits, _)`, code: 'invalid_identifier' }],
        'toSql options',
      );
    }
    return `"${name}"`;
  }

  private param(value: unknown, cast: string): string {
    if (typeof value === 'string' && this.pg && value.includes('\u0000')) {
      throw new CrmUnsupportedError('PostgreSQL text cannot hold the NUL character');
    }
    this.params.push(this.pg || typeof value !== 'boolean' ? value : value ? 1 : 0);
    const index = this.params.length;
    return this.pg ? `$${index}::${cast}` : `?${index}`;
  }

  private column(alias: string, name: string, path: (string | number)[]): string {
    return `"${alias}".${this.identifier(name, path)}`;
  }

  private leaf(leaf: LeafPlan, alias: string, columns: Readonly<Record<string, SqlColumn>>): string {
    const { test, at } = leaf;
    const column = Object.hasOwn(columns, leaf.field) ? columns[leaf.field] : undefined;
    if (!column) {
      throw new CrmUnsupportedError(`field "${leaf.field}" has no column in the column map`, at);
    }
    if (test.t === 'custom') throw new CrmUnsupportedError(`plugin operator "${test.operator.id}" has no SQL form`, at);
    const type = column.type;
    // A test on values of another type than the column's holds for no row: decided before any parameter is bound.
    if (!applies(test, type)) return 'FALSE';
    // Folding changes strings only: a number or boolean column never needs its folded twin.
    const folded = 'fold' in test && test.fold && (type === 'text' || type === 'text[]');
    if (folded && !column.folded) {
      throw new CrmUnsupportedError(
        `case-insensitive matching on "${leaf.field}" needs a folded column (SqlColumn.folded), or caseSensitive: true`,
        at,
      );
    }
    const ref = this.column(alias, folded ? column.folded! : column.name, ['columns', leaf.field]);
    switch (test.t) {
      case 'eq':
        return `${ref} = ${this.param(test.value, castOf(type))}`;
      case 'in': {
        const values = test.values.filter((value) => sqlTypeOf(value) === type);
        return `${ref} IN (${values.map((value) => this.param(value, castOf(type))).join(', ')})`;
      }
      case 'range':
        return this.range(ref, type, test.lo, test.hi);
      case 'text':
        return this.text(ref, test.mode, test.value);
      case 'empty':
        if (type === 'text') return `(${ref} IS NULL OR ${ref} = '')`;
        if (type === 'text[]') {
          return `(${ref} IS NULL OR ${this.pg ? `cardinality(${ref})` : `json_array_length(${ref})`} = 0)`;
        }
        return `${ref} IS NULL`;
      case 'has':
        return this.has(ref, test.mode, test.values);
    }
  }

  private range(ref: string, type: SqlColumnType, lo?: Bound, hi?: Bound): string {
    const subject = type === 'text' ? `${ref} COLLATE ${this.pg ? '"C"' : 'BINARY'}` : ref;
    const cast = castOf(type);
    const parts: string[] = [];
    if (lo) parts.push(`${subject} ${lo.inclusive ? '>=' : '>'} ${this.param(lo.value, cast)}`);
    if (hi) parts.push(`${subject} ${hi.inclusive ? '<=' : '<'} ${this.param(hi.value, cast)}`);
    return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
  }

  private text(ref: string, mode: 'contains' | 'startsWith' | 'endsWith', needle: string): string {
    if (needle === '') return `${ref} IS NOT NULL`;
    const value = this.param(needle, 'text');
    if (this.pg) {
      if (mode === 'contains') return `strpos(${ref}, ${value}) > 0`;
      if (mode === 'startsWith') return `starts_with(${ref}, ${value})`;
      return `right(${ref}, char_length(${value})) = ${value}`;
    }
    if (mode === 'contains') return `instr(${ref}, ${value}) > 0`;
    if (mode === 'startsWith') return `substr(${ref}, 1, length(${value})) = ${value}`;
    return `substr(${ref}, -length(${value})) = ${value}`;
  }

  private has(ref: string, mode: 'any' | 'all', values: readonly Primitive[]): string {
    const strings = values.filter((value): value is string => typeof value === 'string');
    if (this.pg) return `${ref} ${mode === 'any' ? '&&' : '@>'} ${this.param(strings, 'text[]')}`;
    const exists = (needles: string[]) =>
      `EXISTS (SELECT 1 FROM json_each(${ref}) WHERE json_each.type = 'text' AND json_each.value IN (${needles
        .map((needle) => this.param(needle, 'text'))
        .join(', ')}))`;
    if (mode === 'any') return exists(strings);
    return `(${strings.map((needle) => exists([needle])).join(' AND ')})`;
  }

  private event(event: EventPlan): string {
    const activities = this.options.activities;
    if (!activities)
      throw new CrmUnsupportedError('event conditions need the activities table (options.activities)', event.at);
    const { op, value } = event.count;
    if (op === 'gte' && value === 0) return 'TRUE';
    const table = this.table(activities.table);
    const parts = [
      `${this.column('a', activities.customerId, ['activities', 'customerId'])} = ${this.column('c', this.options.id ?? 'id', ['id'])}`,
      `${this.column('a', activities.type ?? 'type', ['activities', 'type'])} = ${this.param(event.activityType, 'text')}`,
    ];
    if (event.from !== undefined) {
      const at = `${this.column('a', activities.at ?? 'at', ['activities', 'at'])} COLLATE ${this.pg ? '"C"' : 'BINARY'}`;
      parts.push(`${at} >= ${this.param(event.from, 'text')}`, `${at} <= ${this.param(event.to, 'text')}`);
    }
    if (event.where) {
      const columns: Record<string, SqlColumn> = {
        type: { name: activities.type ?? 'type', type: 'text' },
        at: { name: activities.at ?? 'at', type: 'text' },
        ...activities.columns,
      };
      parts.push(this.plan(event.where, 'a', columns));
    }
    const from = `FROM ${table} AS "a" WHERE ${parts.join(' AND ')}`;
    if (op === 'gte' && value === 1) return `EXISTS (SELECT 1 ${from})`;
    if (op !== 'gte' && value === 0) return `NOT EXISTS (SELECT 1 ${from})`;
    const comparison = op === 'gte' ? '>=' : op === 'lte' ? '<=' : '=';
    return `(SELECT COUNT(*) ${from}) ${comparison} ${this.param(value, 'bigint')}`;
  }
}

/** Whether any row of a column of this type can pass the test (the compiler compares like with like). */
function applies(test: Exclude<LeafPlan['test'], { t: 'custom' }>, type: SqlColumnType): boolean {
  switch (test.t) {
    case 'eq':
      return sqlTypeOf(test.value) === type;
    case 'in':
      return test.values.some((value) => sqlTypeOf(value) === type);
    case 'range':
      return test.type === 'number' ? type === 'number' : type === 'text';
    case 'text':
      return type === 'text';
    case 'empty':
      return true;
    case 'has': {
      if (type !== 'text[]') return false;
      const strings = test.values.filter((value) => typeof value === 'string').length;
      return test.mode === 'any' ? strings > 0 : strings === test.values.length;
    }
  }
}

function sqlTypeOf(value: Primitive): SqlColumnType {
  return typeof value === 'string' ? 'text' : typeof value === 'number' ? 'number' : 'boolean';
}

function castOf(type: SqlColumnType): string {
  return type === 'number' ? 'double precision' : type;
}
