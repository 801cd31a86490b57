import { expect } from 'chai';
import {
  applyJsonLogic,
  compileJsonLogic,
  compileSegment,
  fromJsonLogic,
  splitForStorage,
  toJsonLogic,
  toSql,
  validateSegment,
  type SegmentRule,
} from '../src/index.js';

/**
 * The kit must run under `script-src 'self'`. Here eval and the Function constructor are replaced by traps while
 * every entry point compiles and runs a rule; the page-level CSP test of the kit checks the real policy.
 * zod compiles its object parsers with `new Function` when a probe says it may (under a CSP the probe fails and
 * zod interprets instead); it caches them, so the rule schema is warmed up before the traps are set.
 */
describe('no eval, no new Function', () => {
  const globals = globalThis as unknown as { eval: unknown; Function: unknown };
  const saved = { eval: globals.eval, Function: globals.Function };
  const calls: string[] = [];

  before(() => {
    validateSegment(
      { kind: 'group', combinator: 'and', rules: [{ kind: 'condition', field: 'a', op: 'isEmpty' }] },
      [],
    );
    globals.eval = () => {
      calls.push('eval');
      throw new EvalError('eval is forbidden here');
    };
    globals.Function = function trap() {
      calls.push('Function');
      throw new EvalError('new Function is forbidden here');
    };
  });

  after(() => {
    globals.eval = saved.eval;
    globals.Function = saved.Function;
  });

  it('compiles and evaluates segments and JsonLogic with closures only', () => {
    const rule: SegmentRule = {
      kind: 'group',
      combinator: 'and',
      rules: [
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'İstanbul', caseSensitive: true },
        { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'], caseSensitive: true },
        { kind: 'condition', field: 'metrics.clv', op: 'between', value: [1, 5000] },
      ],
    };
    const customer = { address: { city: 'İstanbul' }, tags: ['vip'], metrics: { clv: 10 } };
    expect(validateSegment(rule, [])).to.have.length(3);
    expect(compileSegment(rule)(customer)).to.be.true;
    const logic = toJsonLogic(rule);
    expect(applyJsonLogic(logic, customer)).to.be.true;
    expect(compileJsonLogic(logic)(customer)).to.be.true;
    expect(compileSegment(fromJsonLogic(logic))(customer)).to.be.true;
    expect(splitForStorage(rule, ['tags']).where).to.deep.equal({ tags: { in: ['vip'] } });
    const columns = { 'address.city': { name: 'city', type: 'text' as const } };
    expect(() => toSql(rule, { dialect: 'sqlite', table: 't', columns })).to.throw(/no column/);
    expect(calls).to.deep.equal([]);
  });
});
