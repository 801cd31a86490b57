import { expect } from 'chai';
import fc from 'fast-check';
import {
  compileSegment,
  type Condition,
  type SegmentActivity,
  type SegmentLocale,
  type SegmentRule,
} from '../src/index.js';
import { compileSegmentUnfused } from '../src/compile.js';
import { activitiesArb, customersArb, NOW, ruleArb, ruleWithEventsArb } from './support/arbitraries.js';

/**
 * The compiler fuses the read, the fold and the comparison of most conditions into one closure (decision 0027).
 * Whatever it fuses must select what the generic closures (a getter, then the test) select.
 */
const WORDS = ['İstanbul', 'ISTANBUL', 'istanbul', 'ıstanbul', 'Isparta', 'ISPARTA', 'ısparta', 'isparta', 'İZMİR'];
const PIECES = ['is', 'IS', 'İs', 'ıs', 'tan', 'TAN', 'bul', 'BUL', 'parta', 'PARTA', 'vip', 'VIP', 'ır'];

/** Case-insensitive conditions, dense in values that differ only by case (and by the Turkish I's). */
const foldedConditionArb: fc.Arbitrary<Condition> = fc
  .oneof(
    fc.record({
      field: fc.constantFrom('address.city', 'name', 'language'),
      op: fc.constantFrom('eq', 'neq', 'contains', 'notContains', 'startsWith', 'endsWith'),
      value: fc.constantFrom(...WORDS, ...PIECES),
    }),
    fc.record({
      field: fc.constantFrom('address.city', 'name'),
      op: fc.constantFrom('in', 'notIn'),
      value: fc.array(fc.constantFrom(...WORDS, 5), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      field: fc.constantFrom('tags', 'address.city'),
      op: fc.constantFrom('hasAny', 'hasAll', 'hasNone'),
      value: fc.array(fc.constantFrom(...WORDS, 'vip', 'VIP', 7), { minLength: 1, maxLength: 3 }),
    }),
  )
  .map((condition) => ({ kind: 'condition', ...condition }));

const foldedRuleArb: fc.Arbitrary<SegmentRule> = fc.record({
  kind: fc.constant('group' as const),
  combinator: fc.constantFrom('and' as const, 'or' as const),
  rules: fc.array(foldedConditionArb, { minLength: 1, maxLength: 3 }),
});

const casedValue = fc.oneof(
  fc.constantFrom<unknown>(...WORDS, ...PIECES.map((piece) => `${piece}${piece}`), 5, 7, null, ''),
  fc.array(fc.constantFrom<unknown>(...WORDS, 'vip', 'VIP', 'Vip', 7, null), { maxLength: 3 }),
);
const casedCustomerArb = fc.record(
  { name: casedValue, language: casedValue, tags: casedValue, address: fc.record({ city: casedValue }) },
  { requiredKeys: [] },
);

describe('fused closures', () => {
  const localeArb = fc.constantFrom<SegmentLocale>('en', 'tr');

  it('fold as the generic closures fold, for every case-insensitive test and both locales', () => {
    fc.assert(
      fc.property(
        foldedRuleArb,
        fc.array(casedCustomerArb, { maxLength: 20 }),
        localeArb,
        (rule, customers, locale) => {
          const fused = compileSegment(rule, { now: NOW, locale });
          const generic = compileSegmentUnfused(rule, { now: NOW, locale });
          for (const customer of customers)
            expect(fused(customer), JSON.stringify(customer)).to.equal(generic(customer));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('select what the generic getter-and-test closures select, folded or exact, under en and tr', () => {
    fc.assert(
      fc.property(ruleArb, customersArb, localeArb, (rule, customers, locale) => {
        const fused = compileSegment(rule, { now: NOW, locale });
        const generic = compileSegmentUnfused(rule, { now: NOW, locale });
        for (const customer of customers) expect(fused(customer), JSON.stringify(customer)).to.equal(generic(customer));
      }),
      { numRuns: 600 },
    );
  });

  it('and inside event conditions', () => {
    fc.assert(
      fc.property(ruleWithEventsArb, customersArb, activitiesArb, localeArb, (rule, customers, generated, locale) => {
        // Activities with a null `at` too: the compiled tests must handle what a storage might hold.
        const activities = generated as SegmentActivity[];
        const fused = compileSegment(rule, { now: NOW, locale });
        const generic = compileSegmentUnfused(rule, { now: NOW, locale });
        for (const customer of customers) {
          expect(fused(customer, { activities })).to.equal(generic(customer, { activities }));
        }
      }),
      { numRuns: 200 },
    );
  });
});
