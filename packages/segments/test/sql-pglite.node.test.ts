// Node only: PGlite (PostgreSQL compiled to WebAssembly) loads its files from node_modules.
import { expect } from 'chai';
import fc from 'fast-check';
import { PGlite } from '@electric-sql/pglite';
import { CrmUnsupportedError } from '@crmkit/core';
import { compileSegment, toSql, type SegmentActivity, type SegmentLocale, type SegmentRule } from '../src/index.js';
import { activitiesArb, NOW, ruleArb, ruleWithEventsArb, typedCustomerArb } from './support/arbitraries.js';
import {
  activityValues,
  createTables,
  customerColumns,
  customerValues,
  sqlOptions,
  type Row,
} from './support/sql-dataset.js';

const placeholders = (count: number) => Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ');

async function load(db: PGlite, rows: Row[]): Promise<void> {
  for (const statement of createTables('postgres')) await db.exec(statement);
  const columns = customerColumns();
  for (const { customer, activities } of rows) {
    const values = customerValues(customer, 'postgres');
    await db.query(`INSERT INTO customers (${columns.join(', ')}) VALUES (${placeholders(values.length)})`, values);
    for (const activity of activities) {
      const activityRow = activityValues(customer.id as string, activity);
      await db.query(`INSERT INTO activities VALUES (${placeholders(activityRow.length)})`, activityRow);
    }
  }
}

async function selectedIds(db: PGlite, rule: SegmentRule, locale: SegmentLocale): Promise<string[]> {
  const { text, params } = toSql(rule, sqlOptions('postgres', locale, NOW));
  const result = await db.query<{ id: string }>(text, params);
  return result.rows.map((row) => row.id).sort();
}

function compiledIds(rows: Row[], rule: SegmentRule, locale: SegmentLocale): string[] {
  const predicate = compileSegment(rule, { now: NOW, locale });
  return rows
    .filter(({ customer, activities }) => predicate(customer, { activities }))
    .map(({ customer }) => customer.id as string)
    .sort();
}

describe('toSql against PostgreSQL (PGlite)', function () {
  this.timeout(120_000);
  let db: PGlite;
  let rows: Row[];

  before(async () => {
    const customers = fc.sample(typedCustomerArb, { numRuns: 250, seed: 20240630 });
    const activities = fc.sample(activitiesArb, { numRuns: 250, seed: 7 }) as unknown as SegmentActivity[][];
    rows = customers.map((customer, i) => ({ customer: { ...customer, id: `c${i}` }, activities: activities[i]! }));
    db = new PGlite();
    await load(db, rows);
  });

  after(async () => {
    await db.close();
  });

  it('selects exactly the customers compileSegment selects, on hand-written rules', async () => {
    const rules: SegmentRule[] = [
      {
        kind: 'group',
        combinator: 'and',
        rules: [{ kind: 'condition', field: 'address.city', op: 'eq', value: 'istanbul' }],
      },
      {
        kind: 'group',
        combinator: 'and',
        rules: [
          { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip', 'gold'] },
          { kind: 'condition', field: 'metrics.clv', op: 'between', value: [100, 2000] },
          { kind: 'condition', field: 'createdAt', op: 'withinLastDays', value: 365 },
          {
            kind: 'group',
            combinator: 'or',
            not: true,
            rules: [{ kind: 'condition', field: 'name', op: 'contains', value: 'yılmaz' }],
          },
        ],
      },
      {
        kind: 'group',
        combinator: 'or',
        rules: [
          { kind: 'condition', field: 'custom.consent', op: 'eq', value: true },
          { kind: 'condition', field: 'tags', op: 'isEmpty' },
          {
            kind: 'event',
            activityType: 'purchase',
            withinDays: 90,
            where: {
              kind: 'group',
              combinator: 'and',
              rules: [{ kind: 'condition', field: 'data.total', op: 'gt', value: 500 }],
            },
          },
        ],
      },
    ];
    for (const locale of ['en', 'tr'] as const) {
      for (const rule of rules) {
        const expected = compiledIds(rows, rule, locale);
        expect(await selectedIds(db, rule, locale), `${locale} ${JSON.stringify(rule)}`).to.deep.equal(expected);
      }
    }
  });

  it('selects exactly the customers compileSegment selects, on random rules (property)', async () => {
    await fc.assert(
      fc.asyncProperty(ruleArb, fc.constantFrom<SegmentLocale>('en', 'tr'), async (rule, locale) => {
        expect(await selectedIds(db, rule, locale)).to.deep.equal(compiledIds(rows, rule, locale));
      }),
      { numRuns: 300 },
    );
  });

  it('and on random rules with event conditions (EXISTS and COUNT subqueries)', async () => {
    await fc.assert(
      fc.asyncProperty(ruleWithEventsArb, fc.constantFrom<SegmentLocale>('en', 'tr'), async (rule, locale) => {
        expect(await selectedIds(db, rule, locale)).to.deep.equal(compiledIds(rows, rule, locale));
      }),
      { numRuns: 150 },
    );
  });
});

describe('toSql: injection corpus against PostgreSQL (PGlite)', function () {
  this.timeout(60_000);
  const corpus = [
    "'",
    "''",
    "O'Brien",
    "'; DROP TABLE customers; --",
    '" OR 1=1 --',
    "') OR ('1'='1",
    '/* comment */',
    '*/ SELECT 1 /*',
    '-- trailing',
    ';',
    '\\',
    "\\'; SELECT pg_sleep(1); --",
    '%',
    '_',
    '%_%',
    '$1',
    '$$ dollar $$',
    '?',
    '\n\r\t',
    'İSTANBUL',
    'ﬁ ligature',
    '\u202Eevil\u202C',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂',
    "E'\\x27",
    'ARRAY[1]::text',
  ];
  let db: PGlite;

  before(async () => {
    db = new PGlite();
    await db.exec('CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT, tags TEXT[])');
    for (const [i, value] of corpus.entries()) {
      await db.query('INSERT INTO customers VALUES ($1, $2, $3)', [`c${i}`, value, [value, 'x']]);
    }
  });

  after(async () => {
    await db.close();
  });

  const options = {
    dialect: 'postgres' as const,
    table: 'customers',
    columns: { name: { name: 'name', type: 'text' as const }, tags: { name: 'tags', type: 'text[]' as const } },
  };
  const ops = ['eq', 'neq', 'in', 'contains', 'startsWith', 'endsWith', 'lt', 'hasAny', 'hasAll'];
  const rule = (op: string, value: string): SegmentRule => ({
    kind: 'group',
    combinator: 'and',
    rules: [
      {
        kind: 'condition',
        field: op.startsWith('has') ? 'tags' : 'name',
        op,
        value: ['in', 'hasAny', 'hasAll'].includes(op) ? [value] : value,
        caseSensitive: true,
      },
    ],
  });

  it('keeps every value in params: the SQL text is the same whatever the value', () => {
    for (const op of ops) {
      const reference = toSql(rule(op, 'plain'), options).text;
      for (const value of corpus) {
        const sql = toSql(rule(op, value), options);
        expect(sql.text, `${op} ${JSON.stringify(value)}`).to.equal(reference);
        expect(JSON.stringify(sql.params)).to.contain(JSON.stringify(value));
      }
    }
  });

  it('finds each hostile value literally, and the table survives', async () => {
    const customers = corpus.map((name, i) => ({ id: `c${i}`, name, tags: [name, 'x'] }));
    // Outside the Basic Multilingual Plane, PostgreSQL orders by code point and JavaScript by UTF-16 unit
    // (docs/decisions/0024): the ordering test leaves those values out; equality and matching keep them.
    const astral = (value: string) => [...value].some((char) => char.codePointAt(0)! > 0xffff);
    for (const op of ops) {
      for (const value of corpus) {
        if (op === 'lt' && astral(value)) continue;
        const compared = (id: string) => op !== 'lt' || !astral(customers.find((customer) => customer.id === id)!.name);
        const { text, params } = toSql(rule(op, value), options);
        const result = await db.query<{ id: string }>(text, params);
        const predicate = compileSegment(rule(op, value));
        const expected = customers.filter((customer) => predicate(customer)).map((customer) => customer.id);
        expect(
          result.rows
            .map((row) => row.id)
            .filter(compared)
            .sort(),
          `${op} ${JSON.stringify(value)}`,
        ).to.deep.equal(expected.filter(compared).sort());
      }
    }
    const count = await db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM customers');
    expect(count.rows[0]!.n).to.equal(corpus.length);
  });

  it('refuses a NUL character, which PostgreSQL text cannot hold', () => {
    expect(() => toSql(rule('eq', 'a\u0000b'), options)).to.throw(CrmUnsupportedError);
  });
});
