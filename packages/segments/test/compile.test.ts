import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { compileSegment, type Condition, type RuleNode, type SegmentOptions, type SegmentRule } from '../src/index.js';

const and = (...rules: RuleNode[]): SegmentRule => ({ kind: 'group', combinator: 'and', rules });
const or = (...rules: RuleNode[]): SegmentRule => ({ kind: 'group', combinator: 'or', rules });
const when = (field: string, op: string, value?: unknown, extra: Partial<Condition> = {}): Condition => ({
  kind: 'condition',
  field,
  op,
  ...(value === undefined ? {} : { value }),
  ...extra,
});
const test = (condition: Condition, customer: unknown, options?: SegmentOptions) =>
  compileSegment(and(condition), options)(customer);

const ayse = {
  id: 'c1',
  name: 'Ayşe Yılmaz',
  emails: ['ayse@example.com'],
  phones: ['+90 212 555 01 01'],
  address: { city: 'İSTANBUL', country: 'TR' },
  tags: ['VIP', 'newsletter'],
  metrics: { clv: 1250.5, orders: 7 },
  custom: { consent: true, score: 0, note: '' },
  acquisition: { channel: 'web', at: '2024-03-10T08:00:00.000Z' },
  createdAt: '2024-03-10T08:00:00.000Z',
};

describe('compileSegment: operators', () => {
  it('eq / neq compare like with like', () => {
    expect(test(when('metrics.orders', 'eq', 7), ayse)).to.be.true;
    expect(test(when('metrics.orders', 'eq', '7'), ayse)).to.be.false;
    expect(test(when('custom.consent', 'eq', true), ayse)).to.be.true;
    expect(test(when('custom.consent', 'eq', 'true'), ayse)).to.be.false;
    expect(test(when('metrics.orders', 'neq', 7), ayse)).to.be.false;
    expect(test(when('metrics.orders', 'neq', 8), ayse)).to.be.true;
    expect(test(when('tags', 'eq', 'VIP'), ayse), 'an array is not its element').to.be.false;
  });

  it('orders numbers and strings, between inclusive at both ends', () => {
    expect(test(when('metrics.clv', 'gt', 1000), ayse)).to.be.true;
    expect(test(when('metrics.clv', 'gte', 1250.5), ayse)).to.be.true;
    expect(test(when('metrics.clv', 'lt', 1250.5), ayse)).to.be.false;
    expect(test(when('metrics.clv', 'lte', 1250.5), ayse)).to.be.true;
    expect(test(when('metrics.orders', 'between', [7, 9]), ayse)).to.be.true;
    expect(test(when('metrics.orders', 'between', [1, 7]), ayse)).to.be.true;
    expect(test(when('metrics.orders', 'between', [8, 9]), ayse)).to.be.false;
    expect(test(when('metrics.orders', 'gt', '1'), ayse), 'a number is not in a string range').to.be.false;
    expect(test(when('name', 'gt', 'a'), ayse), 'case-insensitive order').to.be.true;
    expect(test(when('name', 'gt', 'a', { caseSensitive: true }), ayse), 'A sorts before a').to.be.false;
  });

  it('in / notIn, contains / notContains, startsWith / endsWith', () => {
    expect(test(when('address.country', 'in', ['tr', 'de']), ayse)).to.be.true;
    expect(test(when('address.country', 'notIn', ['tr', 'de']), ayse)).to.be.false;
    expect(test(when('metrics.orders', 'in', [1, 7]), ayse)).to.be.true;
    expect(test(when('metrics.orders', 'in', ['7']), ayse)).to.be.false;
    expect(test(when('name', 'contains', 'yılmaz'), ayse)).to.be.true;
    expect(test(when('name', 'notContains', 'yılmaz'), ayse)).to.be.false;
    expect(test(when('name', 'startsWith', 'ayş'), ayse)).to.be.true;
    expect(test(when('name', 'endsWith', 'MAZ'), ayse)).to.be.true;
    expect(test(when('name', 'endsWith', 'MAZ', { caseSensitive: true }), ayse)).to.be.false;
    expect(test(when('emails', 'contains', 'ayse'), ayse), 'contains is for strings; hasAny is for arrays').to.be.false;
  });

  it('isEmpty holds for missing, null, empty string and empty array, not for 0 or false', () => {
    const doc = { a: null, b: '', c: [], d: 0, e: false, f: 'x', g: [1], h: {} };
    const empty = (field: string) => test(when(field, 'isEmpty'), doc);
    expect(['a', 'b', 'c', 'missing', 'a.deeper'].map(empty)).to.deep.equal([true, true, true, true, true]);
    expect(['d', 'e', 'f', 'g', 'h'].map(empty)).to.deep.equal([false, false, false, false, false]);
    expect(test(when('d', 'isNotEmpty'), doc)).to.be.true;
    expect(test(when('b', 'isNotEmpty'), doc)).to.be.false;
  });

  it('hasAny / hasAll / hasNone on arrays, case-insensitively by default', () => {
    expect(test(when('tags', 'hasAny', ['vip', 'gold']), ayse)).to.be.true;
    expect(test(when('tags', 'hasAll', ['vip', 'NEWSLETTER']), ayse)).to.be.true;
    expect(test(when('tags', 'hasAll', ['vip', 'gold']), ayse)).to.be.false;
    expect(test(when('tags', 'hasNone', ['gold']), ayse)).to.be.true;
    expect(test(when('tags', 'hasAny', ['vip'], { caseSensitive: true }), ayse)).to.be.false;
    expect(test(when('name', 'hasAny', ['Ayşe Yılmaz']), ayse), 'a string is not an array').to.be.false;
  });

  it('a missing or null field fails every operator except isEmpty, neq, notIn, notContains, hasNone', () => {
    const values: Record<string, unknown> = {
      eq: 'x',
      neq: 'x',
      lt: 5,
      lte: 5,
      gt: 5,
      gte: 5,
      between: [1, 9],
      in: ['x'],
      notIn: ['x'],
      contains: 'x',
      notContains: 'x',
      startsWith: 'x',
      endsWith: 'x',
      isEmpty: undefined,
      isNotEmpty: undefined,
      withinLastDays: 30,
      notWithinLastDays: 30,
      before: '2024-01-01',
      after: '2024-01-01',
      hasAny: ['x'],
      hasAll: ['x'],
      hasNone: ['x'],
    };
    const trueOnMissing = ['isEmpty', 'neq', 'notIn', 'notContains', 'hasNone'];
    for (const doc of [{}, { f: null }]) {
      for (const [op, value] of Object.entries(values)) {
        expect(test(when('f', op, value), doc), `${op} on ${JSON.stringify(doc)}`).to.equal(trueOnMissing.includes(op));
      }
    }
  });
});

describe('compileSegment: case folding by locale', () => {
  const city = (value: string, locale: 'en' | 'tr') => (target: string) =>
    test(when('city', 'eq', value), { city: target }, { locale });

  it('under tr, İSTANBUL equals istanbul and ISPARTA equals ısparta, both ways', () => {
    expect(city('istanbul', 'tr')('İSTANBUL')).to.be.true;
    expect(city('İSTANBUL', 'tr')('istanbul')).to.be.true;
    expect(city('ısparta', 'tr')('ISPARTA')).to.be.true;
    expect(city('ISPARTA', 'tr')('ısparta')).to.be.true;
    // The dotless and dotted i stay different letters in Turkish.
    expect(city('isparta', 'tr')('ISPARTA')).to.be.false;
    expect(city('ıstanbul', 'tr')('İSTANBUL')).to.be.false;
  });

  it('I ı İ i pairwise under tr and en', () => {
    const letters = ['I', 'ı', 'İ', 'i'];
    const sameTr = new Set(['I|ı', 'ı|I', 'İ|i', 'i|İ']);
    const sameEn = new Set(['I|i', 'i|I']);
    for (const a of letters) {
      for (const b of letters) {
        const key = `${a}|${b}`;
        expect(city(a, 'tr')(b), `tr ${key}`).to.equal(a === b || sameTr.has(key));
        expect(city(a, 'en')(b), `en ${key}`).to.equal(a === b || sameEn.has(key));
      }
    }
  });

  it('under en, ISPARTA does not equal ısparta and İSTANBUL does not equal istanbul', () => {
    expect(city('ısparta', 'en')('ISPARTA')).to.be.false;
    expect(city('istanbul', 'en')('İSTANBUL')).to.be.false;
    expect(city('isparta', 'en')('ISPARTA')).to.be.true;
  });

  it('caseSensitive compares exactly', () => {
    expect(test(when('city', 'eq', 'istanbul', { caseSensitive: true }), { city: 'İSTANBUL' }, { locale: 'tr' })).to.be
      .false;
    expect(test(when('city', 'eq', 'İSTANBUL', { caseSensitive: true }), { city: 'İSTANBUL' })).to.be.true;
  });

  it('folds inside lists, text tests and tags too', () => {
    const doc = { city: 'IĞDIR', tags: ['İzmir Şube'] };
    expect(test(when('city', 'in', ['ığdır']), doc, { locale: 'tr' })).to.be.true;
    expect(test(when('city', 'contains', 'ğdı'), doc, { locale: 'tr' })).to.be.true;
    expect(test(when('tags', 'hasAny', ['izmir şube']), doc, { locale: 'tr' })).to.be.true;
    expect(test(when('tags', 'hasAny', ['izmir şube']), doc, { locale: 'en' })).to.be.false;
  });
});

describe('compileSegment: dates', () => {
  const now = '2024-06-30T12:00:00.000Z';
  const doc = {
    lastPurchaseAt: '2024-06-20T09:00:00.000Z',
    createdAt: '2023-01-05T00:00:00.000Z',
    birthday: '1990-02-14',
    future: '2024-07-02T00:00:00.000Z',
  };
  const at = (field: string, op: string, value: unknown) => test(when(field, op, value), doc, { now });

  it('withinLastDays / notWithinLastDays count back from now', () => {
    expect(at('lastPurchaseAt', 'withinLastDays', 30)).to.be.true;
    expect(at('lastPurchaseAt', 'withinLastDays', 5)).to.be.false;
    expect(at('lastPurchaseAt', 'notWithinLastDays', 5)).to.be.true;
    expect(at('createdAt', 'notWithinLastDays', 30)).to.be.true;
    expect(at('future', 'withinLastDays', 30), 'the future is not in the last days').to.be.false;
    expect(at('future', 'notWithinLastDays', 30)).to.be.true;
    expect(at('missing', 'notWithinLastDays', 30)).to.be.false;
  });

  it('refuses windows so long that their start has no four-digit year', () => {
    expect(() => compileSegment(and(when('t', 'withinLastDays', 1e8)))).to.throw(CrmValidationError, /100000/);
    expect(test(when('t', 'withinLastDays', 100_000), { t: '1800-01-01' }, { now })).to.be.true;
  });

  it('the window edges are inclusive', () => {
    expect(test(when('t', 'withinLastDays', 1), { t: '2024-06-29T12:00:00.000Z' }, { now })).to.be.true;
    expect(test(when('t', 'withinLastDays', 1), { t: now }, { now })).to.be.true;
    expect(test(when('t', 'withinLastDays', 1), { t: '2024-06-29T11:59:59.999Z' }, { now })).to.be.false;
  });

  it('before / after / between compare ISO strings in time order, never case-folded', () => {
    expect(at('createdAt', 'before', '2024-01-01')).to.be.true;
    expect(at('createdAt', 'after', '2024-01-01')).to.be.false;
    expect(at('lastPurchaseAt', 'between', ['2024-06-01', '2024-06-30'])).to.be.true;
    expect(at('birthday', 'between', ['1990-01-01', '1990-12-31'])).to.be.true;
    expect(at('lastPurchaseAt', 'eq', '2024-06-20T09:00:00.000Z')).to.be.true;
    expect(test(when('t', 'eq', '2024-06-20T09:00:00.000Z'), { t: '2024-06-20t09:00:00.000z' })).to.be.false;
  });

  it('a plain day sorts before every instant of that day', () => {
    expect(at('lastPurchaseAt', 'gte', '2024-06-20')).to.be.true;
    expect(at('lastPurchaseAt', 'lt', '2024-06-21')).to.be.true;
  });
});

describe('compileSegment: groups, events, computed fields, plugins', () => {
  it('combines with and / or / not; an empty and is true, an empty or is false', () => {
    const vip = when('tags', 'hasAny', ['vip']);
    const berlin = when('address.city', 'eq', 'Berlin');
    expect(compileSegment(and(vip, berlin))(ayse)).to.be.false;
    expect(compileSegment(or(vip, berlin))(ayse)).to.be.true;
    expect(compileSegment({ ...and(vip, berlin), not: true })(ayse)).to.be.true;
    expect(compileSegment(and())(ayse)).to.be.true;
    expect(compileSegment(or())(ayse)).to.be.false;
    expect(compileSegment(and(or(berlin, and(vip, when('metrics.orders', 'gte', 5)))))(ayse)).to.be.true;
  });

  it('event conditions count the matching activities of the context', () => {
    const now = '2024-06-30T00:00:00.000Z';
    const activities = [
      { type: 'purchase', at: '2024-06-25T10:00:00.000Z', data: { total: 650, store: 'Kadıköy' } },
      { type: 'purchase', at: '2024-05-01T10:00:00.000Z', data: { total: 80 } },
      { type: 'purchase', at: '2023-01-01T10:00:00.000Z', data: { total: 900 } },
      { type: 'nps', at: '2024-06-26T10:00:00.000Z', data: { score: 9 } },
    ];
    const bigPurchase = {
      kind: 'event' as const,
      activityType: 'purchase',
      withinDays: 90,
      where: and(when('data.total', 'gt', 500)),
    };
    const run = (node: RuleNode, context = { activities }) => compileSegment(and(node), { now })(ayse, context);
    expect(run(bigPurchase)).to.be.true;
    expect(run({ ...bigPurchase, withinDays: 1 })).to.be.false;
    expect(run({ kind: 'event', activityType: 'purchase' })).to.be.true;
    expect(run({ kind: 'event', activityType: 'purchase', count: { op: 'gte', value: 3 } })).to.be.true;
    expect(run({ kind: 'event', activityType: 'purchase', count: { op: 'eq', value: 2 } })).to.be.false;
    expect(run({ kind: 'event', activityType: 'purchase', withinDays: 365, count: { op: 'eq', value: 2 } })).to.be.true;
    expect(run({ kind: 'event', activityType: 'purchase', count: { op: 'lte', value: 2 } })).to.be.false;
    expect(run({ kind: 'event', activityType: 'email', count: { op: 'eq', value: 0 } })).to.be.true;
    expect(run({ kind: 'event', activityType: 'nps', where: and(when('data.score', 'gte', 9)) })).to.be.true;
    const kadikoy: RuleNode = {
      kind: 'event',
      activityType: 'purchase',
      where: and(when('data.store', 'eq', 'KADIKÖY')),
    };
    expect(compileSegment(and(kadikoy), { now, locale: 'tr' })(ayse, { activities })).to.be.true;
    expect(compileSegment(and(kadikoy), { now, locale: 'en' })(ayse, { activities })).to.be.false;
    expect(compileSegment(and(bigPurchase), { now })(ayse), 'no context: no activities').to.be.false;
  });

  it('reads computed fields through their get()', () => {
    const fields = [
      { path: 'orderCount', type: 'number' as const, get: (c: unknown) => (c as typeof ayse).metrics.orders * 2 },
    ];
    expect(test(when('orderCount', 'eq', 14), ayse, { fields })).to.be.true;
  });

  it('runs plugin operators with the raw field value and the rule value', () => {
    const divisibleBy = {
      id: 'divisibleBy',
      types: ['number' as const],
      evaluate: (v: unknown, by: unknown) => typeof v === 'number' && v % (by as number) === 0,
    };
    expect(test(when('metrics.orders', 'divisibleBy', 7), ayse, { operators: [divisibleBy] })).to.be.true;
    expect(test(when('metrics.orders', 'divisibleBy', 2), ayse, { operators: [divisibleBy] })).to.be.false;
  });

  it('refuses a malformed rule with a CrmValidationError naming each path', () => {
    const bad = and(when('name', 'between', [1]), when('name', 'frobnicate', 1), {
      kind: 'group',
      combinator: 'xor' as 'and',
      rules: [],
    });
    try {
      compileSegment(bad);
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(CrmValidationError);
      const issues = (error as CrmValidationError).issues.map((issue) => issue.path.join('.'));
      expect(issues).to.include('rules.2.combinator');
    }
    try {
      compileSegment(and(when('name', 'between', [1]), when('name', 'frobnicate', 1)));
      expect.fail('should throw');
    } catch (error) {
      const issues = (error as CrmValidationError).issues.map((issue) => issue.path.join('.'));
      expect(issues).to.deep.equal(['rules.0.value', 'rules.1.op']);
    }
  });

  it('refuses bad options with a typed error naming the option', () => {
    const option = (options: SegmentOptions) => {
      try {
        compileSegment(and(), options);
      } catch (error) {
        expect(error).to.be.instanceOf(CrmValidationError);
        return (error as CrmValidationError).issues[0]!.path[0];
      }
      return expect.fail('should refuse');
    };
    expect(option({ locale: 'de' as 'en' })).to.equal('locale');
    expect(option({ now: 'yesterday' })).to.equal('now');
    expect(option({ now: Date.UTC(10_000, 0, 1) }), 'a six-digit year does not sort with the rest').to.equal('now');
    expect(option({ operators: [{ id: 'eq', types: ['string'], evaluate: () => true }] })).to.equal('operators');
  });

  it('never reads through the prototype', () => {
    expect(() => compileSegment(and(when('constructor.name', 'eq', 'Object')))).to.throw(CrmValidationError);
    expect(test(when('tags.map', 'isEmpty'), ayse), 'inherited methods read as missing').to.be.true;
    expect(test(when('tags.length', 'eq', 2), ayse), 'own properties of arrays are read').to.be.true;
  });
});
