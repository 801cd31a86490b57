import { expect } from 'chai';
import { CrmUnsupportedError } from '@crmkit/core';
import {
  applyJsonLogic,
  compileJsonLogic,
  compileSegment,
  fromJsonLogic,
  toJsonLogic,
  type RuleNode,
  type SegmentRule,
} from '../src/index.js';

const rule = (...rules: RuleNode[]): SegmentRule => ({ kind: 'group', combinator: 'and', rules });
const now = '2024-06-30T12:00:00.000Z';

function refusal(run: () => unknown): CrmUnsupportedError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(CrmUnsupportedError);
    return error as CrmUnsupportedError;
  }
  return expect.fail('should have refused');
}

describe('toJsonLogic', () => {
  it('writes strict equality, guarded orderings and absolute dates', () => {
    const logic = toJsonLogic(
      rule(
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'İstanbul', caseSensitive: true },
        { kind: 'condition', field: 'metrics.clv', op: 'gt', value: 1000 },
        { kind: 'condition', field: 'createdAt', op: 'withinLastDays', value: 30 },
        { kind: 'condition', field: 'phones', op: 'hasAny', value: ['+90 212 555 01 01'] },
      ),
      { now },
    );
    expect(logic).to.deep.equal({
      and: [
        { '===': [{ var: 'address.city' }, 'İstanbul'] },
        {
          and: [
            { '===': [{ '+': [{ var: 'metrics.clv' }] }, { var: 'metrics.clv' }] },
            { '>': [{ var: 'metrics.clv' }, 1000] },
          ],
        },
        {
          and: [
            { '===': [{ cat: [{ var: 'createdAt' }] }, { var: 'createdAt' }] },
            { '<=': ['2024-05-31T12:00:00.000Z', { var: 'createdAt' }, '2024-06-30T12:00:00.000Z'] },
          ],
        },
        // A caseless value needs no folding, so the default case-insensitive condition exports as it is.
        { some: [{ var: 'phones' }, { in: [{ var: '' }, ['+90 212 555 01 01']] }] },
      ],
    });
  });

  it('guards orderings, so a missing or mistyped value is not selected as JsonLogic alone would', () => {
    const logic = toJsonLogic(rule({ kind: 'condition', field: 'age', op: 'lt', value: 18 }));
    for (const age of [undefined, null, '6', [6], true, false, '']) {
      expect(applyJsonLogic({ '<': [{ var: 'age' }, 18] }, { age }), `raw JsonLogic on ${JSON.stringify(age)}`).to.be
        .true;
      expect(applyJsonLogic(logic, { age }), JSON.stringify(age)).to.be.false;
    }
    expect(applyJsonLogic(logic, { age: 6 })).to.be.true;
  });

  it('writes empty groups as constants and negation as "!"', () => {
    expect(toJsonLogic(rule())).to.equal(true);
    expect(toJsonLogic({ kind: 'group', combinator: 'or', rules: [] })).to.equal(false);
    expect(toJsonLogic({ ...rule({ kind: 'condition', field: 'x', op: 'eq', value: 1 }), not: true })).to.deep.equal({
      '!': [{ '===': [{ var: 'x' }, 1] }],
    });
  });

  it('refuses what has no exact form, naming the node', () => {
    const ci = refusal(() =>
      toJsonLogic(
        rule({
          kind: 'group',
          combinator: 'or',
          rules: [{ kind: 'condition', field: 'name', op: 'eq', value: 'Ali' }],
        }),
      ),
    );
    expect(ci.path).to.deep.equal(['rules', 0, 'rules', 0]);
    expect(ci.message).to.contain('caseSensitive');
    expect(refusal(() => toJsonLogic(rule({ kind: 'event', activityType: 'purchase' }))).path).to.deep.equal([
      'rules',
      0,
    ]);
    const fields = [{ path: 'ltv', type: 'number' as const, get: () => 1 }];
    expect(
      refusal(() => toJsonLogic(rule({ kind: 'condition', field: 'ltv', op: 'gt', value: 1 }), { fields })).message,
    ).to.contain('computed');
    const operators = [{ id: 'near', types: ['string' as const], evaluate: () => true }];
    expect(
      refusal(() => toJsonLogic(rule({ kind: 'condition', field: 'x', op: 'near', value: 1 }), { operators })).message,
    ).to.contain('plugin');
  });
});

describe('fromJsonLogic', () => {
  it('reads hand-written strict rules', () => {
    expect(
      fromJsonLogic({
        and: [
          { '===': [{ var: 'address.city' }, 'Ankara'] },
          { '!': { in: [{ var: 'language' }, ['tr', 'az']] } },
          { '!==': [5, { var: 'metrics.orders' }] },
          { some: [{ var: 'tags' }, { '===': [{ var: '' }, 'vip'] }] },
        ],
      }),
    ).to.deep.equal(
      rule(
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'Ankara', caseSensitive: true },
        { kind: 'condition', field: 'language', op: 'notIn', value: ['tr', 'az'], caseSensitive: true },
        { kind: 'condition', field: 'metrics.orders', op: 'neq', value: 5 },
        { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'], caseSensitive: true },
      ),
    );
  });

  it('reads JsonLogic "in" on a field as substring-or-element, and if/then/else as and/or', () => {
    const imported = fromJsonLogic({ in: ['vip', { var: 'tags' }] });
    const logic = { in: ['vip', { var: 'tags' }] };
    for (const tags of [['vip'], 'a vip', ['VIP'], null, 5, ['x', 'vip!']]) {
      expect(compileSegment(imported)({ tags }), JSON.stringify(tags)).to.equal(
        Boolean(applyJsonLogic(logic, { tags })),
      );
    }
    const branching = {
      if: [{ '===': [{ var: 'a' }, 1] }, { '===': [{ var: 'b' }, 2] }, { '===': [{ var: 'c' }, 3] }],
    };
    const compiled = compileSegment(fromJsonLogic(branching));
    const evaluate = compileJsonLogic(branching);
    for (const doc of [{ a: 1, b: 2 }, { a: 1, c: 3 }, { a: 0, c: 3 }, { a: 0, b: 2 }, {}]) {
      expect(compiled(doc), JSON.stringify(doc)).to.equal(Boolean(evaluate(doc)));
    }
  });

  it('refuses loose and coercing forms with the reason', () => {
    expect(refusal(() => fromJsonLogic({ '==': [{ var: 'a' }, 1] })).message).to.contain('loose equality');
    expect(refusal(() => fromJsonLogic({ and: [{ '<': [{ var: 'age' }, 18] }] })).message).to.contain('coerces');
    expect(refusal(() => fromJsonLogic({ and: [true, { '<': [{ var: 'age' }, 18] }] })).path).to.deep.equal([
      'and',
      1,
      '<',
    ]);
    expect(refusal(() => fromJsonLogic({ '===': [{ var: ['a', 1] }, 1] })).message).to.contain('{"var": path}');
    expect(refusal(() => fromJsonLogic({ '===': [{ var: 'a' }, null] })).message).to.contain(
      'string, number or boolean',
    );
    expect(refusal(() => fromJsonLogic({ cat: ['a'] })).message).to.contain('"cat"');
    expect(refusal(() => fromJsonLogic('yes')).message).to.contain('not a condition');
  });
});

describe('applyJsonLogic: safety', () => {
  it('reads own properties only', () => {
    expect(applyJsonLogic({ var: 'constructor' }, {})).to.equal(null);
    expect(applyJsonLogic({ var: '__proto__' }, {})).to.equal(null);
    expect(applyJsonLogic({ var: 'a.length' }, { a: [1, 2] })).to.equal(2);
  });

  it('refuses unknown operations when compiling, and runs custom ones', () => {
    expect(() => compileJsonLogic({ if: [true, 1, { frobnicate: [] }] })).to.throw(CrmUnsupportedError, /frobnicate/);
    const double = compileJsonLogic({ twice: [{ var: 'n' }] }, { operations: { twice: ([n]) => (n as number) * 2 } });
    expect(double({ n: 21 })).to.equal(42);
  });
});
