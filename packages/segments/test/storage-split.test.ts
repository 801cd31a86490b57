import { expect } from 'chai';
import { matchesWhere } from '@crmkit/core';
import { compileSegment, splitForStorage, type RuleNode, type SegmentField, type SegmentRule } from '../src/index.js';

const rule = (...rules: RuleNode[]): SegmentRule => ({ kind: 'group', combinator: 'and', rules });
const fields: SegmentField[] = [
  { path: 'address.country', type: 'string' },
  { path: 'metrics.clv', type: 'number' },
  { path: 'createdAt', type: 'date' },
  { path: 'tags', type: 'array' },
  { path: 'name', type: 'string' },
];
const now = '2024-06-30T12:00:00.000Z';

describe('splitForStorage', () => {
  it('pushes AND-ed exact conditions on indexed fields, and keeps the rest', () => {
    const split = splitForStorage(
      rule(
        { kind: 'condition', field: 'address.country', op: 'in', value: ['TR', 'DE'], caseSensitive: true },
        {
          kind: 'group',
          combinator: 'and',
          rules: [{ kind: 'condition', field: 'metrics.clv', op: 'between', value: [100, 500] }],
        },
        { kind: 'condition', field: 'createdAt', op: 'withinLastDays', value: 30 },
        { kind: 'condition', field: 'name', op: 'startsWith', value: 'Ay', caseSensitive: true },
        { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'], caseSensitive: true },
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'Ankara' },
      ),
      ['address.country', 'metrics.clv', 'createdAt', 'name', 'tags', 'address.city'],
      { fields, now },
    );
    expect(split.where).to.deep.equal({
      'address.country': { in: ['TR', 'DE'] },
      'metrics.clv': { gte: 100, lte: 500 },
      createdAt: { gte: '2024-05-31T12:00:00.000Z', lte: '2024-06-30T12:00:00.000Z' },
      name: { prefix: 'Ay' },
      tags: { in: ['vip'] },
    });
    // The case-insensitive city stays in memory: an index compares exactly.
    expect(split.residual).to.deep.equal(rule({ kind: 'condition', field: 'address.city', op: 'eq', value: 'Ankara' }));
  });

  it('keeps a pushed condition in the residual when the field type is unknown (arrays match by element in a where)', () => {
    const split = splitForStorage(rule({ kind: 'condition', field: 'code', op: 'eq', value: 7 }), ['code']);
    expect(split.where).to.deep.equal({ code: 7 });
    expect(split.residual).to.deep.equal(rule({ kind: 'condition', field: 'code', op: 'eq', value: 7 }));
    const doc = { code: [7, 8] };
    expect(matchesWhere(doc, split.where)).to.be.true;
    expect(compileSegment(split.residual!)(doc)).to.be.false;
  });

  it('returns a null residual when the where is the whole rule', () => {
    const split = splitForStorage(
      rule({ kind: 'condition', field: 'metrics.clv', op: 'gt', value: 5 }),
      ['metrics.clv'],
      { fields },
    );
    expect(split).to.deep.equal({ where: { 'metrics.clv': { gt: 5 } }, residual: null });
  });

  it('pushes nothing out of an or, a negated group or a negated operator', () => {
    const original = rule(
      {
        kind: 'group',
        combinator: 'or',
        rules: [
          { kind: 'condition', field: 'metrics.clv', op: 'gt', value: 5 },
          { kind: 'condition', field: 'metrics.clv', op: 'lt', value: 1 },
        ],
      },
      {
        kind: 'group',
        combinator: 'and',
        not: true,
        rules: [{ kind: 'condition', field: 'metrics.clv', op: 'gt', value: 5 }],
      },
      { kind: 'condition', field: 'metrics.clv', op: 'neq', value: 5 },
    );
    const split = splitForStorage(original, ['metrics.clv'], { fields });
    expect(split.where).to.deep.equal({});
    expect(split.residual).to.deep.equal(original);
  });

  it('pushes one condition per field and one value of hasAll, checking the rest in memory', () => {
    const split = splitForStorage(
      rule(
        { kind: 'condition', field: 'metrics.clv', op: 'gt', value: 5 },
        { kind: 'condition', field: 'metrics.clv', op: 'lt', value: 50 },
        { kind: 'condition', field: 'tags', op: 'hasAll', value: ['a', 'b'], caseSensitive: true },
      ),
      ['metrics.clv', 'tags'],
      { fields },
    );
    expect(split.where).to.deep.equal({ 'metrics.clv': { gt: 5 }, tags: 'a' });
    expect(split.residual?.rules).to.have.length(2);
  });
});
