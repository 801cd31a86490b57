// Node only: sql.js (SQLite compiled to WebAssembly) reads its .wasm file from node_modules.
import { expect } from 'chai';
import fc from 'fast-check';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
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

const marks = (count: number) => Array.from({ length: count }, () => '?').join(', ');

function selectedIds(db: Database, rule: SegmentRule, locale: SegmentLocale): string[] {
  const { text, params } = toSql(rule, sqlOptions('sqlite', locale, NOW));
  const result = db.exec(text, params as SqlValue[]);
  if (result.length === 0) return [];
  const idColumn = result[0]!.columns.indexOf('id');
  return result[0]!.values.map((row) => row[idColumn] as string).sort();
}

function compiledIds(rows: Row[], rule: SegmentRule, locale: SegmentLocale): string[] {
  const predicate = compileSegment(rule, { now: NOW, locale });
  return rows
    .filter(({ customer, activities }) => predicate(customer, { activities }))
    .map(({ customer }) => customer.id as string)
    .sort();
}

describe('toSql against SQLite (sql.js)', function () {
  this.timeout(120_000);
  let db: Database;
  let rows: Row[];

  before(async () => {
    const SQL = await initSqlJs();
    db = new SQL.Database();
    const customers = fc.sample(typedCustomerArb, { numRuns: 250, seed: 20240630 });
    const activities = fc.sample(activitiesArb, { numRuns: 250, seed: 7 }) as unknown as SegmentActivity[][];
    rows = customers.map((customer, i) => ({ customer: { ...customer, id: `c${i}` }, activities: activities[i]! }));
    for (const statement of createTables('sqlite')) db.run(statement);
    const columns = customerColumns();
    for (const { customer, activities: own } of rows) {
      const values = customerValues(customer, 'sqlite');
      db.run(`INSERT INTO customers (${columns.join(', ')}) VALUES (${marks(values.length)})`, values as SqlValue[]);
      for (const activity of own) {
        const row = activityValues(customer.id as string, activity);
        db.run(`INSERT INTO activities VALUES (${marks(row.length)})`, row as SqlValue[]);
      }
    }
  });

  after(() => db.close());

  it('selects exactly the customers compileSegment selects, on random rules (property)', () => {
    fc.assert(
      fc.property(ruleArb, fc.constantFrom<SegmentLocale>('en', 'tr'), (rule, locale) => {
        expect(selectedIds(db, rule, locale)).to.deep.equal(compiledIds(rows, rule, locale));
      }),
      { numRuns: 300 },
    );
  });

  it('and on random rules with event conditions', () => {
    fc.assert(
      fc.property(ruleWithEventsArb, fc.constantFrom<SegmentLocale>('en', 'tr'), (rule, locale) => {
        expect(selectedIds(db, rule, locale)).to.deep.equal(compiledIds(rows, rule, locale));
      }),
      { numRuns: 150 },
    );
  });
});
