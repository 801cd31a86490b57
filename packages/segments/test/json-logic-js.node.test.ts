// Node only: json-logic-js is a CommonJS/UMD module that the browser test server does not convert.
import { expect } from 'chai';
import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { applyJsonLogic, compileSegment, toJsonLogic, truthy, type SegmentLocale } from '../src/index.js';
import { customersArb, exportableRuleArb, NOW, ruleArb } from './support/arbitraries.js';

const apply = (logic: unknown, data: unknown): unknown =>
  jsonLogic.apply(logic as jsonLogic.RulesLogic, data) as unknown;

/** Random JsonLogic over every standard operation (log aside), with paths that name data, not prototypes. */
const logicArb = fc.letrec<{ logic: unknown }>((tie) => {
  const leaf = fc.oneof(
    fc.integer({ min: -3, max: 5 }),
    fc.constantFrom('', 'a', 'A', 'ab', '1', '0', 'apple', 'İ', 'ı', null, true, false, 1.5),
    fc.record({ var: fc.constantFrom('a', 'b', 'a.b', 'a.0', 'list', 'list.1', '', 'n', 's', 'missing.deep') }),
    fc.record({ var: fc.tuple(fc.constantFrom('a', 'b', 'n', 'x.y'), fc.integer({ min: 0, max: 3 })) }),
  );
  const args = (min: number, max: number) => fc.array(tie('logic'), { minLength: min, maxLength: max });
  const op = (name: string, min: number, max: number) => args(min, max).map((list) => ({ [name]: list }));
  const binary = ['==', '===', '!=', '!==', '>', '>=', '%', '-', '/', 'in', 'substr'];
  return {
    logic: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: leaf },
      ...binary.map((name) => op(name, 2, 2)),
      op('<', 2, 3),
      op('<=', 2, 3),
      op('!', 1, 1),
      op('!!', 1, 1),
      op('and', 0, 3),
      op('or', 0, 3),
      op('if', 0, 5),
      op('?:', 3, 3),
      op('cat', 0, 3),
      op('+', 0, 3),
      op('*', 1, 3),
      op('min', 0, 3),
      op('max', 0, 3),
      op('merge', 0, 3),
      op('missing', 0, 3),
      op('missing_some', 2, 2),
      op('substr', 2, 3),
      ...['map', 'filter', 'all', 'some', 'none'].map((name) => op(name, 2, 2)),
      op('reduce', 2, 3),
      fc.array(tie('logic'), { maxLength: 2 }),
    ),
  };
}).logic;

const dataArb = fc.record(
  {
    a: fc.oneof(
      fc.integer(),
      fc.string({ maxLength: 3 }),
      fc.record({ b: fc.oneof(fc.integer(), fc.string({ maxLength: 2 })) }),
      fc.array(fc.integer({ min: -2, max: 3 }), { maxLength: 3 }),
    ),
    b: fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -2, max: 3 })),
    n: fc.integer({ min: -5, max: 5 }),
    s: fc.constantFrom('', 'apple', 'İstanbul', '0'),
    list: fc.array(fc.oneof(fc.integer({ min: -2, max: 5 }), fc.record({ a: fc.integer({ min: 0, max: 3 }) })), {
      maxLength: 4,
    }),
  },
  { requiredKeys: [] },
);

function outcome(run: () => unknown): { value?: unknown; threw?: true } {
  try {
    return { value: run() };
  } catch {
    return { threw: true };
  }
}

describe('against json-logic-js, the reference implementation (Node only)', () => {
  it('applyJsonLogic gives the same value as json-logic-js on random rules and data', () => {
    fc.assert(
      fc.property(logicArb, dataArb, (logic, data) => {
        expect(outcome(() => applyJsonLogic(logic, data))).to.deep.equal(outcome(() => apply(logic, data)));
      }),
      { numRuns: 3000 },
    );
  });

  it('compileSegment agrees with json-logic-js on the export of every exportable rule', () => {
    fc.assert(
      fc.property(
        exportableRuleArb,
        customersArb,
        fc.constantFrom<SegmentLocale>('en', 'tr'),
        (rule, customers, locale) => {
          const logic = toJsonLogic(rule, { now: NOW, locale });
          const predicate = compileSegment(rule, { now: NOW, locale });
          for (const customer of customers) expect(truthy(apply(logic, customer))).to.equal(predicate(customer));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('and on every other rule that toJsonLogic accepts', () => {
    fc.assert(
      fc.property(ruleArb, customersArb, (rule, customers) => {
        let logic: unknown;
        try {
          logic = toJsonLogic(rule, { now: NOW });
        } catch {
          return;
        }
        const predicate = compileSegment(rule, { now: NOW });
        for (const customer of customers) expect(truthy(apply(logic, customer))).to.equal(predicate(customer));
      }),
      { numRuns: 400 },
    );
  });
});
