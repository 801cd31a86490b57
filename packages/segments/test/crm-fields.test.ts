import { expect } from 'chai';
import { z } from 'zod';
import { CrmUnsupportedError, createCrm, definePlugin, type Crm } from '@crmkit/core';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
import {
  DEFAULT_OPERATORS,
  SegmentRuleSchema,
  compileSegment,
  segmentFields,
  segmentOperators,
  segmentsPlugin,
  validateSegment,
  type SegmentRule,
} from '../src/index.js';
import { extrasPlugin, now } from './support/crm.js';

const vipRule: SegmentRule = {
  kind: 'group',
  combinator: 'and',
  rules: [{ kind: 'condition', field: 'metrics.vipTier', op: 'in', value: ['gold', 'platinum'] }],
};

describe('segmentFields(crm)', () => {
  let crm: Crm;
  before(async () => {
    crm = await createCrm({ now, plugins: [vipTierPlugin(), extrasPlugin({ bandAt: 1000 }), segmentsPlugin()] });
  });
  after(() => crm.close());

  it("lists the schema's fields, custom fields, metrics and plugin fields, with types, labels and groups", () => {
    const fields = new Map(segmentFields(crm).map((field) => [field.path, field]));
    expect(fields.get('address.city')).to.include({ type: 'string', group: 'customer' });
    expect(fields.get('address.city')!.label).to.deep.equal({ en: 'City', tr: 'Şehir' });
    expect(fields.get('createdAt')!.type).to.equal('date');
    expect(fields.get('tags')!.type).to.equal('array');
    expect(fields.get('lifecycle.stage')!.enumValues).to.deep.equal([
      'acquisition',
      'development',
      'retention',
      'decline',
    ]);
    expect(fields.get('custom.score')).to.include({ type: 'number', group: 'custom' });
    expect(fields.get('metrics.vipTier')).to.include({ type: 'enum', group: 'analytics' });
    expect(fields.get('metrics.vipTier')!.enumValues).to.deep.equal(['standard', 'silver', 'gold', 'platinum']);
    expect(fields.get('metrics.spendBand')).to.include({ type: 'enum', group: 'metrics' });
    expect(fields.get('nameLength')).to.include({ type: 'number', group: 'test' });
    expect(fields.has('id')).to.equal(false);
    // What the builder lists is what the crm describes, path for path.
    expect([...fields.keys()]).to.deep.equal(crm.fields().map((field) => field.path));
  });

  it("offers each type's operators and the plugins' operators that fit the type", () => {
    const fields = new Map(segmentFields(crm).map((field) => [field.path, field]));
    expect(fields.get('lifecycle.totalSpent')!.operators).to.deep.equal([...DEFAULT_OPERATORS.number, 'isEven']);
    expect(fields.get('address.city')!.operators).to.deep.equal(DEFAULT_OPERATORS.string);
    expect(segmentOperators(crm).map((operator) => operator.id)).to.deep.equal(['isEven']);
    expect(segmentOperators(crm)[0]!.evaluate(4, undefined)).to.equal(true);
  });

  it("keeps a plugin field's own operators and leaves out operators that would replace built-in ones", async () => {
    const custom = await createCrm({
      plugins: [
        definePlugin({
          id: 'narrow',
          version: '1.0.0',
          kit: '^0.1.0',
          register(ctx) {
            ctx.segments.addField({
              path: 'custom.card',
              label: { en: 'Card', tr: 'Kart' },
              type: 'string',
              operators: ['eq', 'isEmpty'],
            });
            ctx.segments.addOperator({
              id: 'eq',
              label: { en: 'equals', tr: 'eşittir' },
              types: ['string'],
              evaluate: () => true,
            });
          },
        }),
      ],
    });
    try {
      const card = segmentFields(custom).find((field) => field.path === 'custom.card')!;
      expect(card.operators).to.deep.equal(['eq', 'isEmpty']);
      expect(segmentOperators(custom)).to.deep.equal([]);
    } finally {
      await custom.close();
    }
  });

  it('validates rules against the crm: unknown fields, operators and enum values by path', () => {
    const fields = segmentFields(crm);
    const rule = {
      kind: 'group',
      combinator: 'and',
      rules: [
        { kind: 'condition', field: 'metrics.vipTier', op: 'eq', value: 'diamond' },
        { kind: 'condition', field: 'custom.score', op: 'isEven' },
        { kind: 'condition', field: 'address.city', op: 'isEven' },
        { kind: 'condition', field: 'metrics.nothing', op: 'isEmpty' },
      ],
    };
    const issues = validateSegment(rule, fields, { operators: segmentOperators(crm) });
    expect(issues.map((issue) => [issue.path, issue.code])).to.deep.equal([
      [['rules', 0, 'value'], 'invalid_value'],
      [['rules', 2, 'op'], 'operator_not_allowed'],
      [['rules', 3, 'field'], 'unknown_field'],
    ]);
  });

  it('computes metric fields through crm.metrics.attach, so rules work on stored customers as they are', async () => {
    const [standard, gold, platinum, none] = await crm.customers.putMany([
      { name: 'Standard', lifecycle: { totalSpent: 500 } },
      { name: 'Gold', lifecycle: { totalSpent: 60_000 } },
      { name: 'Platinum', lifecycle: { totalSpent: 200_000 } },
      { name: 'Nothing known' },
    ]);
    const isVip = compileSegment(vipRule, { fields: segmentFields(crm) });
    expect([standard, gold, platinum, none].map((customer) => isVip(customer))).to.deep.equal([
      false,
      true,
      true,
      false,
    ]);
    expect(crm.metrics.attach(gold!).metrics.vipTier).to.equal('gold');
    // Not a stored customer (no id and revision): the metrics it carries are read as they are.
    expect(isVip({ name: 'Plain', metrics: { vipTier: 'gold' } })).to.equal(true);
    expect(isVip({ name: 'Plain', lifecycle: { totalSpent: 200_000 } })).to.equal(false);
    // The computed field `nameLength` runs the plugin's getter.
    const long = compileSegment(
      { kind: 'group', combinator: 'and', rules: [{ kind: 'condition', field: 'nameLength', op: 'gt', value: 8 }] },
      { fields: segmentFields(crm) },
    );
    expect([standard, gold, none].map((customer) => long(customer))).to.deep.equal([false, false, true]);
  });

  it('contains a plugin whose field getter throws: the plugin is disabled, the field reads as missing', async () => {
    const fragile = await createCrm({
      plugins: [
        definePlugin({
          id: 'fragile',
          version: '1.0.0',
          kit: '^0.1.0',
          register(ctx) {
            ctx.segments.addField({
              path: 'fragile',
              label: { en: 'Fragile', tr: 'Kırılgan' },
              type: 'number',
              get: () => {
                throw new Error('broken');
              },
            });
          },
        }),
      ],
    });
    try {
      const rule: SegmentRule = {
        kind: 'group',
        combinator: 'and',
        rules: [{ kind: 'condition', field: 'fragile', op: 'isEmpty' }],
      };
      expect(compileSegment(rule, { fields: segmentFields(fragile) })({ id: 'a', rev: '1-a' })).to.equal(true);
      expect(fragile.plugins.isActive('fragile')).to.equal(false);
    } finally {
      await fragile.close();
    }
  });
});

describe('segmentsPlugin()', () => {
  it('is the plugin "segments"; without it the crm refuses rule counts with CrmUnsupportedError', async () => {
    expect(segmentsPlugin().id).to.equal('segments');
    const bare = await createCrm();
    try {
      const error: unknown = await bare.segments.count(vipRule).catch((thrown: unknown) => thrown);
      expect(error).to.be.instanceOf(CrmUnsupportedError);
      // Saved segments still count by `where`.
      expect(await bare.segments.count()).to.deep.equal({ count: 0, exact: true });
    } finally {
      await bare.close();
    }
  });

  it('watches crm.metrics.invalidate while it caches, and gives the crm its own back when disposed', async () => {
    const crm = await createCrm({ now, plugins: [vipTierPlugin(), segmentsPlugin()] });
    await crm.customers.put({ name: 'Gold', lifecycle: { totalSpent: 60_000 } });
    expect((await crm.segments.count(vipRule)).count).to.equal(1);
    expect(Object.hasOwn(crm.metrics, 'invalidate')).to.equal(true);
    await crm.close();
    expect(Object.hasOwn(crm.metrics, 'invalidate')).to.equal(false);
  });
});

describe('zod without its JIT (strict CSP)', () => {
  it('builds and parses schemas without new Function once the segments module is loaded', () => {
    expect(z.config().jitless).to.equal(true);
    const globals = globalThis as unknown as { Function: unknown };
    const saved = globals.Function;
    const calls: string[] = [];
    globals.Function = function trap() {
      calls.push('Function');
      throw new EvalError('new Function is forbidden here');
    };
    try {
      const schema = z.strictObject({ a: z.string(), b: z.number().optional(), c: z.array(z.boolean()) });
      expect(schema.parse({ a: 'x', c: [true] })).to.deep.equal({ a: 'x', c: [true] });
      expect(
        SegmentRuleSchema.safeParse({
          kind: 'group',
          combinator: 'or',
          rules: [{ kind: 'condition', field: 'x', op: 'eq', value: 1 }],
        }).success,
      ).to.equal(true);
    } finally {
      globals.Function = saved;
    }
    expect(calls).to.deep.equal([]);
  });
});
