import { expect } from 'chai';
import fc from 'fast-check';
import { CrmError, matchesWhere } from '@crmkit/core';
import {
  applyJsonLogic,
  compileSegment,
  fromJsonLogic,
  splitForStorage,
  toJsonLogic,
  truthy,
  validateSegment,
  type SegmentLocale,
  type SegmentRule,
} from '../src/index.js';
import {
  customersArb,
  exportableRuleArb,
  FIELD_DESCRIPTORS,
  FIELD_PATHS,
  NOW,
  ruleArb,
  typedCustomerArb,
} from './support/arbitraries.js';

const localeArb = fc.constantFrom<SegmentLocale>('en', 'tr');
const RUNS = { numRuns: 400 };

/** The JsonLogic export when the rule has one, else undefined (the refusal is tested elsewhere). */
function exported(rule: SegmentRule, locale: SegmentLocale) {
  try {
    return toJsonLogic(rule, { now: NOW, locale });
  } catch {
    return undefined;
  }
}

describe('properties (fast-check)', () => {
  it('compileSegment agrees with applyJsonLogic(toJsonLogic(rule)) on every exportable rule', () => {
    fc.assert(
      fc.property(exportableRuleArb, customersArb, localeArb, (rule, customers, locale) => {
        const logic = toJsonLogic(rule, { now: NOW, locale });
        const predicate = compileSegment(rule, { now: NOW, locale });
        for (const customer of customers) {
          expect(truthy(applyJsonLogic(logic, customer)), JSON.stringify(customer)).to.equal(predicate(customer));
        }
      }),
      RUNS,
    );
  });

  it('and on every rule toJsonLogic accepts, case-insensitive caseless values included', () => {
    let exportedCount = 0;
    fc.assert(
      fc.property(ruleArb, customersArb, localeArb, (rule, customers, locale) => {
        const logic = exported(rule, locale);
        if (logic === undefined) return;
        exportedCount++;
        const predicate = compileSegment(rule, { now: NOW, locale });
        for (const customer of customers) expect(truthy(applyJsonLogic(logic, customer))).to.equal(predicate(customer));
      }),
      RUNS,
    );
    expect(exportedCount).to.be.greaterThan(40);
  });

  it('fromJsonLogic(toJsonLogic(rule)) selects what the rule selects', () => {
    fc.assert(
      fc.property(exportableRuleArb, customersArb, localeArb, (rule, customers, locale) => {
        const back = fromJsonLogic(toJsonLogic(rule, { now: NOW, locale }));
        const original = compileSegment(rule, { now: NOW, locale });
        const roundTripped = compileSegment(back, { now: NOW, locale });
        for (const customer of customers) expect(roundTripped(customer)).to.equal(original(customer));
      }),
      RUNS,
    );
  });

  it('splitForStorage is exact without field types, on any customers', () => {
    fc.assert(
      fc.property(ruleArb, customersArb, fc.subarray(FIELD_PATHS), localeArb, (rule, customers, indexed, locale) => {
        const { where, residual } = splitForStorage(rule, indexed, { now: NOW, locale });
        const full = compileSegment(rule, { now: NOW, locale });
        const rest = residual ? compileSegment(residual, { now: NOW, locale }) : () => true;
        for (const customer of customers) {
          expect(matchesWhere(customer, where) && rest(customer)).to.equal(full(customer));
        }
      }),
      RUNS,
    );
  });

  it('splitForStorage is exact with field types, on customers that fit them', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.array(typedCustomerArb, { minLength: 1, maxLength: 25 }),
        fc.subarray(FIELD_PATHS),
        localeArb,
        (rule, customers, indexed, locale) => {
          const options = { now: NOW, locale, fields: FIELD_DESCRIPTORS };
          const { where, residual } = splitForStorage(rule, indexed, options);
          const full = compileSegment(rule, options);
          const rest = residual ? compileSegment(residual, options) : () => true;
          for (const customer of customers) {
            expect(matchesWhere(customer, where) && rest(customer)).to.equal(full(customer));
          }
        },
      ),
      RUNS,
    );
  });
});

/** A rule with one node's key replaced by an arbitrary value: the typical shape of bad input. */
const corruptedRuleArb = fc
  .tuple(
    ruleArb,
    fc.nat(),
    fc.constantFrom('op', 'value', 'field', 'kind', 'combinator', 'rules', 'caseSensitive', 'not'),
    fc.anything(),
  )
  .map(([rule, pick, key, junk]): unknown => {
    const copy = JSON.parse(JSON.stringify(rule)) as SegmentRule;
    const nodes: Record<string, unknown>[] = [];
    const visit = (node: Record<string, unknown>) => {
      nodes.push(node);
      if (Array.isArray(node.rules)) for (const child of node.rules as Record<string, unknown>[]) visit(child);
    };
    visit(copy as unknown as Record<string, unknown>);
    nodes[pick % nodes.length]![key] = junk;
    return copy;
  });

describe('properties: bad input', () => {
  it('validateSegment never throws, and compile/export refuse only with typed errors', () => {
    fc.assert(
      fc.property(corruptedRuleArb, (rule) => {
        const issues = validateSegment(rule, FIELD_DESCRIPTORS);
        expect(issues).to.be.an('array');
        for (const run of [
          () => compileSegment(rule, { now: NOW }),
          () => toJsonLogic(rule, { now: NOW }),
          () => splitForStorage(rule, FIELD_PATHS, { now: NOW }),
        ]) {
          try {
            run();
          } catch (error) {
            expect(error).to.be.instanceOf(CrmError);
          }
        }
        // A rule that validates (against its own shape) compiles.
        if (validateSegment(rule, []).every((issue) => issue.code === 'unknown_field')) {
          expect(() => compileSegment(rule, { now: NOW })).not.to.throw();
        }
      }),
      { numRuns: 500 },
    );
  });
});
