import { expect } from 'chai';
import fc from 'fast-check';
import { compileSegment, type SegmentField, type SegmentLocale, type SegmentRule } from '../src/index.js';
import { cheapestFirst } from '../src/crm/order.js';
import {
  activitiesArb,
  customersArb,
  FIELD_DESCRIPTORS,
  NOW,
  ruleArb,
  ruleWithEventsArb,
} from './support/arbitraries.js';

/** A field computed by a getter, as plugin fields and metrics are. */
const FIELDS: SegmentField[] = [
  ...FIELD_DESCRIPTORS,
  { path: 'score', type: 'number', get: (customer) => (customer as { custom?: { score?: unknown } }).custom?.score },
];
const byPath = new Map(FIELDS.map((field) => [field.path, field]));

describe('cheapest first (the order the engine evaluates a rule in)', () => {
  const localeArb = fc.constantFrom<SegmentLocale>('en', 'tr');

  it('selects what the rule as written selects', () => {
    fc.assert(
      fc.property(
        fc.oneof(ruleArb, ruleWithEventsArb),
        customersArb,
        activitiesArb,
        localeArb,
        (rule, customers, activities, locale) => {
          const options = { now: NOW, locale, fields: FIELDS };
          const written = compileSegment(rule, options);
          const reordered = compileSegment(cheapestFirst(rule, byPath), options);
          const context = { activities: activities as never };
          for (const customer of customers) expect(reordered(customer, context)).to.equal(written(customer, context));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('puts exact tests first, folded strings next, computed fields after them, events last', () => {
    const rule: SegmentRule = {
      kind: 'group',
      combinator: 'and',
      rules: [
        { kind: 'event', activityType: 'purchase' },
        { kind: 'condition', field: 'score', op: 'gt', value: 3 },
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'istanbul' },
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'istanbul', caseSensitive: true },
        { kind: 'condition', field: 'createdAt', op: 'withinLastDays', value: 30 },
      ],
    };
    const ordered = cheapestFirst(rule, byPath).rules;
    expect(
      ordered.map((node) => (node.kind === 'condition' ? `${node.field}${node.caseSensitive ? '!' : ''}` : node.kind)),
    ).to.deep.equal(['address.city!', 'createdAt', 'address.city', 'score', 'event']);
  });

  it('keeps every group within eight rules, nesting the costliest of a longer one', () => {
    const rules = Array.from({ length: 20 }, (_, i) => ({
      kind: 'condition' as const,
      field: 'metrics.orders',
      op: 'gt',
      value: i,
    }));
    const ordered = cheapestFirst({ kind: 'group', combinator: 'or', rules }, byPath);
    const sizes: number[] = [];
    const visit = (group: SegmentRule) => {
      sizes.push(group.rules.length);
      expect(group.combinator).to.equal('or');
      for (const node of group.rules) if (node.kind === 'group') visit(node);
    };
    visit(ordered);
    expect(sizes).to.deep.equal([8, 8, 6]);
  });
});
