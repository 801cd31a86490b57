import { expect } from 'chai';
import { CrmUnsupportedError, CrmValidationError } from '@crmkit/core';
import { toSql, type RuleNode, type SegmentRule, type ToSqlOptions } from '../src/index.js';

const rule = (...rules: RuleNode[]): SegmentRule => ({ kind: 'group', combinator: 'and', rules });
const base: ToSqlOptions = {
  dialect: 'postgres',
  table: 'customers',
  now: '2024-06-30T12:00:00.000Z',
  columns: {
    'address.city': { name: 'city', type: 'text', folded: 'city_folded' },
    name: { name: 'name', type: 'text' },
    'metrics.clv': { name: 'clv', type: 'number' },
    tags: { name: 'tags', type: 'text[]' },
    createdAt: { name: 'created_at', type: 'text' },
  },
  activities: {
    table: 'activities',
    customerId: 'customer_id',
    columns: { 'data.total': { name: 'total', type: 'number' } },
  },
};

describe('toSql', () => {
  it('writes parameterised PostgreSQL with quoted identifiers', () => {
    const sql = toSql(
      rule(
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'İstanbul' },
        { kind: 'condition', field: 'metrics.clv', op: 'between', value: [100, 500] },
        { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'], caseSensitive: true },
        { kind: 'condition', field: 'name', op: 'contains', value: '+90' },
      ),
      { ...base, locale: 'tr' },
    );
    expect(sql.text).to.equal(
      'SELECT "c".* FROM "customers" AS "c" WHERE ("c"."city_folded" = $1::text AND ("c"."clv" >= $2::double precision AND "c"."clv" <= $3::double precision) AND "c"."tags" && $4::text[] AND strpos("c"."name", $5::text) > 0)',
    );
    expect(sql.params).to.deep.equal(['istanbul', 100, 500, ['vip'], '+90']);
  });

  it('writes SQLite with numbered ? parameters, JSON arrays and 0/1 booleans', () => {
    const sql = toSql(
      rule(
        { kind: 'condition', field: 'tags', op: 'hasAll', value: ['a', 'b'], caseSensitive: true },
        { kind: 'condition', field: 'name', op: 'endsWith', value: 'son', caseSensitive: true },
        { kind: 'condition', field: 'flag', op: 'eq', value: true },
      ),
      { ...base, dialect: 'sqlite', columns: { ...base.columns, flag: { name: 'flag', type: 'boolean' } } },
    );
    expect(sql.where).to.equal(
      `((EXISTS (SELECT 1 FROM json_each("c"."tags") WHERE json_each.type = 'text' AND json_each.value IN (?1)) AND EXISTS (SELECT 1 FROM json_each("c"."tags") WHERE json_each.type = 'text' AND json_each.value IN (?2))) AND substr("c"."name", -length(?3)) = ?3 AND "c"."flag" = ?4)`,
    );
    expect(sql.params).to.deep.equal(['a', 'b', 'son', 1]);
  });

  it('keeps NULL out of negations, so neq and notIn hold on missing values as in memory', () => {
    const sql = toSql(rule({ kind: 'condition', field: 'name', op: 'neq', value: 'Ali', caseSensitive: true }), base);
    expect(sql.where).to.equal('(NOT COALESCE("c"."name" = $1::text, FALSE))');
  });

  it('turns a comparison with a value of another type than the column into FALSE, binding nothing', () => {
    const sql = toSql(rule({ kind: 'condition', field: 'metrics.clv', op: 'eq', value: 'high' }), base);
    expect(sql.where).to.equal('FALSE');
    expect(sql.params).to.deep.equal([]);
  });

  it('needs no folded column for the numbers of a mixed case-insensitive list', () => {
    const sql = toSql(rule({ kind: 'condition', field: 'metrics.clv', op: 'in', value: ['newsletter', 391] }), base);
    expect(sql.where).to.equal('"c"."clv" IN ($1::double precision)');
    expect(sql.params).to.deep.equal([391]);
  });

  it('writes events as EXISTS or COUNT subqueries over the activities table', () => {
    const purchase = {
      kind: 'event' as const,
      activityType: 'purchase',
      withinDays: 30,
      where: rule({ kind: 'condition', field: 'data.total', op: 'gt', value: 500 }),
    };
    const exists = toSql(rule(purchase), base);
    expect(exists.where).to.equal(
      'EXISTS (SELECT 1 FROM "activities" AS "a" WHERE "a"."customer_id" = "c"."id" AND "a"."type" = $1::text AND "a"."at" COLLATE "C" >= $2::text AND "a"."at" COLLATE "C" <= $3::text AND "a"."total" > $4::double precision)',
    );
    expect(exists.params).to.deep.equal(['purchase', '2024-05-31T12:00:00.000Z', '2024-06-30T12:00:00.000Z', 500]);
    const atLeastThree = toSql(rule({ ...purchase, count: { op: 'gte', value: 3 } }), base);
    expect(atLeastThree.where).to.match(/^\(SELECT COUNT\(\*\) FROM "activities" .* >= \$5::bigint$/);
    expect(toSql(rule({ ...purchase, count: { op: 'eq', value: 0 } }), base).where).to.match(/^NOT EXISTS/);
  });

  it('refuses what it cannot write exactly, naming the node', () => {
    const refuse = (node: RuleNode, options: ToSqlOptions = base) => {
      try {
        toSql(rule(node), options);
      } catch (error) {
        expect(error).to.be.instanceOf(CrmUnsupportedError);
        return (error as CrmUnsupportedError).message;
      }
      return expect.fail('should refuse');
    };
    expect(refuse({ kind: 'condition', field: 'phone', op: 'eq', value: '1' })).to.contain('no column');
    expect(refuse({ kind: 'condition', field: 'name', op: 'eq', value: 'Ali' })).to.contain('folded column');
    expect(refuse({ kind: 'event', activityType: 'nps' }, { ...base, activities: undefined })).to.contain('activities');
    const plugin = { id: 'near', types: ['string' as const], evaluate: () => true };
    expect(
      refuse({ kind: 'condition', field: 'name', op: 'near', value: 1 }, { ...base, operators: [plugin] }),
    ).to.contain('plugin operator');
  });

  it('accepts only plain identifiers from the column map', () => {
    const hostile = [
      { ...base, table: 'customers"; DROP TABLE x; --' },
      { ...base, columns: { name: { name: 'name" OR 1=1 --', type: 'text' as const } } },
      { ...base, columns: { name: { name: 'na me', type: 'text' as const } } },
    ];
    for (const options of hostile) {
      expect(() => toSql(rule({ kind: 'condition', field: 'name', op: 'isEmpty' }), options)).to.throw(
        CrmValidationError,
      );
    }
    expect(toSql(rule(), { ...base, table: 'crm.customers' }).text).to.equal(
      'SELECT "c".* FROM "crm"."customers" AS "c" WHERE TRUE',
    );
  });
});
