import { expect } from 'chai';
import fc from 'fast-check';
import type { SegmentFieldContribution, SegmentOperatorContribution } from '@crmkit/core';
import { DEFAULT_OPERATORS, validateSegment, type SegmentField, type SegmentRule } from '../src/index.js';

const fields: SegmentField[] = [
  { path: 'name', type: 'string', label: { en: 'Name', tr: 'Ad' } },
  { path: 'address.city', type: 'string' },
  { path: 'metrics.clv', type: 'number' },
  { path: 'createdAt', type: 'date' },
  { path: 'custom.consent', type: 'boolean' },
  { path: 'lifecycle.stage', type: 'enum', enumValues: ['acquisition', 'development', 'retention', 'decline'] },
  { path: 'tags', type: 'array' },
  { path: 'owner', type: 'string', operators: ['eq'] },
];
const weekend = { id: 'onWeekend', types: ['date' as const], evaluate: () => true };

const codes = (rule: unknown, options = {}) =>
  validateSegment(rule, fields, options).map((issue) => `${issue.path.join('.')}:${issue.code}`);

describe('validateSegment', () => {
  it('accepts a good rule', () => {
    const rule: SegmentRule = {
      kind: 'group',
      combinator: 'and',
      rules: [
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'İstanbul' },
        { kind: 'condition', field: 'createdAt', op: 'withinLastDays', value: 30 },
        { kind: 'condition', field: 'createdAt', op: 'after', value: '2024-01-01T00:00:00.000Z' },
        { kind: 'condition', field: 'lifecycle.stage', op: 'in', value: ['retention', 'decline'] },
        { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'] },
        {
          kind: 'group',
          combinator: 'or',
          not: true,
          rules: [{ kind: 'condition', field: 'metrics.clv', op: 'between', value: [1, 2] }],
        },
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
    };
    expect(validateSegment(rule, fields)).to.deep.equal([]);
  });

  it('names unknown fields, disallowed operators, wrong values and empty groups by path', () => {
    const rule = {
      kind: 'group',
      combinator: 'and',
      rules: [
        { kind: 'condition', field: 'nickname', op: 'eq', value: 'x' },
        { kind: 'condition', field: 'metrics.clv', op: 'contains', value: '1' },
        { kind: 'condition', field: 'metrics.clv', op: 'gt', value: 'much' },
        { kind: 'condition', field: 'createdAt', op: 'after', value: '2024-01-01T00:00:00+03:00' },
        { kind: 'condition', field: 'createdAt', op: 'gt', value: '2024-02-30' },
        { kind: 'condition', field: 'lifecycle.stage', op: 'eq', value: 'churned' },
        { kind: 'condition', field: 'custom.consent', op: 'eq', value: 'yes' },
        { kind: 'condition', field: 'owner', op: 'neq', value: 'u1' },
        { kind: 'condition', field: 'tags', op: 'hasAny', value: [] },
        { kind: 'group', combinator: 'or', rules: [] },
      ],
    };
    expect(codes(rule)).to.deep.equal(['rules.8.value:invalid_value']);
    rule.rules.splice(8, 1);
    expect(codes(rule)).to.deep.equal([
      'rules.0.field:unknown_field',
      'rules.1.op:operator_not_allowed',
      'rules.2.value:invalid_value',
      'rules.3.value:invalid_value',
      'rules.4.value:invalid_value',
      'rules.5.value:invalid_value',
      'rules.6.value:invalid_value',
      'rules.7.op:operator_not_allowed',
      'rules.8.rules:empty_group',
    ]);
  });

  it('reports shape problems with zod paths, and every one of them at once', () => {
    expect(
      codes({
        kind: 'group',
        combinator: 'and',
        rules: [
          { kind: 'condition', field: 'name', op: 'eq', value: 'x', colour: 'red' },
          { kind: 'condition', field: '', op: 'eq' },
          { kind: 'event', activityType: 'purchase', count: { op: 'gt', value: -1 } },
          { kind: 'widget' },
        ],
      }),
    ).to.deep.equal([
      'rules.0:unrecognized_keys',
      'rules.1.field:custom',
      'rules.2.count.op:invalid_value',
      'rules.2.count.value:too_small',
      'rules.3.kind:invalid_union',
    ]);
  });

  it('knows plugin operators, and offers them on their types', () => {
    const rule = {
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'condition', field: 'createdAt', op: 'onWeekend' }],
    };
    expect(codes(rule)).to.deep.equal(['rules.0.op:unknown_operator']);
    expect(codes(rule, { operators: [weekend] })).to.deep.equal([]);
    const onName = { ...rule, rules: [{ kind: 'condition', field: 'name', op: 'onWeekend' }] };
    expect(codes(onName, { operators: [weekend] })).to.deep.equal(['rules.0.op:operator_not_allowed']);
  });

  it('refuses events inside events and trees deeper than the limit', () => {
    const inner = { kind: 'event', activityType: 'email' };
    const rule = {
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'event', activityType: 'purchase', where: { kind: 'group', combinator: 'and', rules: [inner] } }],
    };
    expect(codes(rule)).to.deep.equal(['rules.0.where.rules.0:nested_event']);
    let deep: unknown = { kind: 'group', combinator: 'and', rules: [] };
    for (let i = 0; i < 5000; i++) deep = { kind: 'group', combinator: 'and', rules: [deep] };
    expect(codes(deep)[0]).to.match(/too_deep$/);
  });

  it('checks activity fields when it is given them', () => {
    const rule = {
      kind: 'group',
      combinator: 'and',
      rules: [
        {
          kind: 'event',
          activityType: 'purchase',
          where: {
            kind: 'group',
            combinator: 'and',
            rules: [{ kind: 'condition', field: 'data.totl', op: 'gt', value: 5 }],
          },
        },
      ],
    };
    expect(codes(rule)).to.deep.equal([]);
    expect(codes(rule, { activityFields: [{ path: 'data.total', type: 'number' }] })).to.deep.equal([
      'rules.0.where.rules.0.field:unknown_field',
    ]);
  });

  it("takes core's plugin contributions as fields and operators as they are", () => {
    const contributed: SegmentFieldContribution = {
      path: 'metrics.vipTier',
      label: { en: 'VIP tier', tr: 'VIP seviyesi' },
      type: 'enum',
      enumValues: ['gold', 'silver'],
    };
    const operator: SegmentOperatorContribution = {
      id: 'onWeekend',
      label: { en: 'on a weekend', tr: 'hafta sonu' },
      types: ['enum'],
      evaluate: () => false,
    };
    const rule = {
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'condition', field: 'metrics.vipTier', op: 'onWeekend' }],
    };
    expect(validateSegment(rule, [contributed], { operators: [operator] })).to.deep.equal([]);
  });

  it('offers sensible defaults per type', () => {
    expect(DEFAULT_OPERATORS.array).to.include('hasAll');
    expect(DEFAULT_OPERATORS.date).to.include('withinLastDays');
    expect(DEFAULT_OPERATORS.number).not.to.include('contains');
  });

  it('never throws, whatever it is given', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(validateSegment(hostile, fields)).to.have.length(1);
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (input) => {
        const issues = validateSegment(input, fields);
        return Array.isArray(issues) && issues.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});
