import { expect } from 'chai';
import { z } from 'zod';
import {
  CrmUnsupportedError,
  CrmPluginError,
  CrmPluginErrorEvent,
  CrmValidationError,
  createCrm,
  definePlugin,
  type CrmPlugin,
  type PluginContext,
} from '@crmkit/core';
import { john } from './fixtures.js';

declare module '@crmkit/core' {
  interface CrmCustomFields {
    loyaltyCard?: string;
  }
  interface CrmMetrics {
    nameLength: number;
  }
}

const plugin = (id: string, register: (ctx: PluginContext) => void, extra: Partial<CrmPlugin> = {}): CrmPlugin =>
  definePlugin({ id, version: '1.0.0', kit: '^0.1.0', register, ...extra });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('plugins', () => {
  it('refuses a malformed declaration where it is written', () => {
    expect(() => definePlugin({ id: 'Bad Id', version: '1.0.0', kit: '^0.1.0', register() {} })).to.throw(
      CrmPluginError,
      /id must be/,
    );
    expect(() => definePlugin({ id: 'ok', version: 'one', kit: '^0.1.0', register() {} })).to.throw(
      CrmPluginError,
      /semver version/,
    );
    expect(() => definePlugin({ id: 'ok', version: '1.0.0', kit: 'newest', register() {} })).to.throw(
      CrmPluginError,
      /semver range/,
    );
  });

  it('refuses duplicates, an incompatible kit and missing or incompatible requirements at createCrm', async () => {
    const a = plugin('a', () => {});
    expect(await rejection(createCrm({ plugins: [a, a] }))).to.match(/installed twice/);
    expect(await rejection(createCrm({ plugins: [plugin('old', () => {}, { kit: '^2.0.0' })] })))
      .to.be.instanceOf(CrmPluginError)
      .and.match(/needs kit/);
    expect(await rejection(createCrm({ plugins: [plugin('b', () => {}, { requires: { a: '^1.0.0' } })] }))).to.match(
      /not installed/,
    );
    const b2 = plugin('b', () => {}, { requires: { a: '^2.0.0' } });
    expect(await rejection(createCrm({ plugins: [a, b2] }))).to.match(/requires "a" \^2.0.0 but 1.0.0/);
    const c = plugin('c', () => {}, { requires: { d: '*' } });
    const d = plugin('d', () => {}, { requires: { c: '*' } });
    expect(await rejection(createCrm({ plugins: [c, d] }))).to.match(/cycle/);
  });

  it('registers requirements first', async () => {
    const order: string[] = [];
    const base = plugin('base', () => order.push('base'));
    const extension = plugin('extension', () => order.push('extension'), { requires: { base: '^1.0.0' } });
    const crm = await createCrm({ plugins: [extension, base] });
    expect(order).to.deep.equal(['base', 'extension']);
    expect(crm.plugins.status().map((s) => s.state)).to.deep.equal(['active', 'active']);
  });

  it('validates custom fields with the plugin’s schema', async () => {
    const loyalty = plugin('loyalty', (ctx) =>
      ctx.fields.add({
        name: 'loyaltyCard',
        schema: z.string().regex(/^LC-\d{6}$/),
        label: { en: 'Loyalty card', tr: 'Sadakat kartı' },
        type: 'string',
      }),
    );
    const crm = await createCrm({ plugins: [loyalty] });
    const saved = await crm.customers.put({ ...john, custom: { loyaltyCard: 'LC-123456' } });
    expect(saved.custom.loyaltyCard).to.equal('LC-123456');
    const bad = (await rejection(crm.customers.put({ ...john, custom: { loyaltyCard: '42' } }))) as CrmValidationError;
    expect(bad.issues[0]!.path).to.deep.equal(['custom', 'loyaltyCard']);
    const unknown = (await rejection(crm.customers.put({ ...john, custom: { shoeSize: 42 } }))) as CrmValidationError;
    expect(unknown.issues[0]!.code).to.equal('unrecognized_keys');
    expect((await crm.customers.count()).count).to.equal(1);
  });

  it('adds timeline types whose data is validated and whose renderer gives plain text', async () => {
    const repairs = plugin('repairs', (ctx) =>
      ctx.timeline.addType({
        type: 'repairJob',
        schema: z.strictObject({ item: z.string(), status: z.enum(['received', 'ready']) }),
        label: { en: 'Repair', tr: 'Tamir' },
        icon: 'tool',
        render: (activity) => ({
          title: `Repair: ${activity.data.item}`,
          status: { label: activity.data.status, tone: 'info' },
        }),
      }),
    );
    const crm = await createCrm({ plugins: [repairs] });
    const job = await crm.activities.put({
      customerId: 'c1',
      type: 'repairJob' as never,
      at: '2026-11-01T10:00:00Z',
      data: { item: 'Ring', status: 'received' },
    });
    expect(job.data).to.deep.equal({ item: 'Ring', status: 'received' });
    const bad = (await rejection(
      crm.activities.put({
        customerId: 'c1',
        type: 'repairJob' as never,
        at: '2026-11-01T10:00:00Z',
        data: { item: 'Ring', status: 'lost' },
      }),
    )) as CrmValidationError;
    expect(bad.issues[0]!.path).to.deep.equal(['data', 'status']);
    const type = crm.host.contributions.timelineTypes[0]!;
    expect(type.render(job, { locale: 'en', t: (k) => k }).title).to.equal('Repair: Ring');
  });

  it('computes metrics from declared inputs, caches them per revision and explains them', async () => {
    let calls = 0;
    const metrics = plugin('metrics', (ctx) => {
      ctx.metrics.add({
        id: 'nameLength',
        label: { en: 'Name length', tr: 'Ad uzunluğu' },
        type: 'number',
        inputs: ['name'],
        compute: (inputs) => {
          calls++;
          const value = String(inputs.name).length;
          return { value, explanation: { summary: { en: `${value} letters`, tr: `${value} harf` } } };
        },
      });
      ctx.metrics.add({
        id: 'longName',
        label: { en: 'Long name', tr: 'Uzun ad' },
        type: 'boolean',
        inputs: ['metrics.nameLength'],
        compute: (inputs) => (inputs['metrics.nameLength'] as number) > 8,
      });
    });
    const crm = await createCrm({ plugins: [metrics] });
    const customer = await crm.customers.put(john);
    expect(crm.metrics.attach(customer).metrics).to.deep.equal({ nameLength: 10, longName: true });
    expect(crm.metrics.compute(customer).nameLength!.explanation!.summary.tr).to.equal('10 harf');
    crm.metrics.compute(customer);
    expect(calls).to.equal(1);
    let invalidated = 0;
    crm.events.on('metrics-invalidate', () => invalidated++);
    crm.metrics.invalidate();
    expect(invalidated).to.equal(1);
    crm.metrics.compute(customer);
    expect(calls).to.equal(2);
    const renamed = await crm.customers.put({ ...customer, name: 'Jo' });
    expect(crm.metrics.attach(renamed).metrics.longName).to.equal(false);
    expect(calls).to.equal(3);
  });

  it('vetoes a write with a reason and writes nothing', async () => {
    const guard = plugin('no-competitors', (ctx) =>
      ctx.hooks.before('customers', (event) =>
        event.op === 'put' && (event.doc as { company?: string }).company === 'Rival A.Ş.'
          ? { veto: 'competitors cannot be customers', path: ['company'] }
          : undefined,
      ),
    );
    const crm = await createCrm({ plugins: [guard] });
    const error = (await rejection(crm.customers.put({ ...john, company: 'Rival A.Ş.' }))) as CrmValidationError;
    expect(error).to.be.instanceOf(CrmValidationError);
    expect(error.issues[0]).to.deep.include({ path: ['company'], code: 'vetoed' });
    expect(error.issues[0]!.message).to.contain('no-competitors');
    expect((await crm.customers.count()).count).to.equal(0);
  });

  it('disables a plugin whose register throws, reports it, and keeps its contributions out', async () => {
    const broken = plugin('broken', (ctx) => {
      ctx.fields.add({ name: 'half', schema: z.string(), label: { en: 'Half', tr: 'Yarım' }, type: 'string' });
      throw new Error('boom');
    });
    const dependent = plugin('dependent', () => {}, { requires: { broken: '^1.0.0' } });
    const crm = await createCrm({ plugins: [broken, dependent] });
    expect(crm.plugins.status()).to.deep.equal([
      { id: 'broken', version: '1.0.0', state: 'disabled', error: { phase: 'register', message: 'boom' } },
      {
        id: 'dependent',
        version: '1.0.0',
        state: 'disabled',
        error: { phase: 'register', message: 'plugin "dependent": its requirement "broken" is disabled' },
      },
    ]);
    const error = (await rejection(crm.customers.put({ ...john, custom: { half: 'x' } }))) as CrmValidationError;
    expect(error.issues[0]!.code).to.equal('unrecognized_keys');
    expect((await crm.customers.put(john)).name).to.equal('John Smith');
  });

  it('contains a throwing hook: the plugin is disabled and reported, the write goes on (fail open)', async () => {
    let afterCalls = 0;
    const flaky = plugin('flaky', (ctx) => {
      ctx.hooks.before('customers', () => {
        throw new Error('hook exploded');
      });
      ctx.hooks.after('customers', () => void afterCalls++);
    });
    const crm = await createCrm({ plugins: [flaky] });
    const reported: CrmPluginErrorEvent[] = [];
    crm.events.on('plugin-error', (event) => reported.push(event));
    const saved = await crm.customers.put(john);
    expect(saved.name).to.equal('John Smith');
    expect(reported).to.have.length(1);
    expect(reported[0]).to.be.instanceOf(CrmPluginErrorEvent);
    expect(reported[0]!.pluginId).to.equal('flaky');
    expect(reported[0]!.phase).to.equal('hook');
    expect(crm.plugins.isActive('flaky')).to.equal(false);
    await crm.customers.put(john);
    expect(afterCalls).to.equal(0);
    expect(reported).to.have.length(1);
  });

  it('runs the after hooks for each document of a transaction once all are committed, unless told not to', async () => {
    const seen: string[] = [];
    const observer = plugin('observer', (ctx) => {
      ctx.hooks.after('*', async (event) => {
        // Both documents are stored before the first observer runs: it may read the other one.
        const stored = await event.crm.customers.count();
        seen.push(`${event.collection}:${event.op}:${stored.count}`);
      });
    });
    const crm = await createCrm({ plugins: [observer] });
    await crm.transaction(async (batch) => {
      await batch.put('customers', john);
      await batch.put('customers', { ...john, name: 'Jane Smith' });
    });
    expect(seen).to.deep.equal(['customers:put:2', 'customers:put:2']);

    seen.length = 0;
    await crm.transaction(
      async (batch) => {
        await batch.put('customers', { ...john, name: 'Imported' });
      },
      { afterHooks: false },
    );
    expect(seen).to.deep.equal([]);
    expect((await crm.customers.count()).count).to.equal(3);
  });

  it('refuses the write when a fail-closed hook throws or times out', async () => {
    const compliance = plugin('compliance', (ctx) =>
      ctx.hooks.before('customers', () => new Promise(() => {}), { failClosed: true }),
    );
    const crm = await createCrm({ plugins: [compliance], limits: { hookTimeoutMs: 50 } });
    const error = await rejection(crm.customers.put(john));
    expect(error).to.be.instanceOf(CrmPluginError);
    expect((error as CrmPluginError).message).to.match(/refused.*within 50 ms/);
    expect((await crm.customers.count()).count).to.equal(0);
    expect(crm.plugins.status()[0]!.error!.phase).to.equal('hook');
  });

  it('contains a throwing or slow metric: no value, plugin disabled, other metrics still computed', async () => {
    const good = plugin('good', (ctx) =>
      ctx.metrics.add({ id: 'one', label: { en: 'One', tr: 'Bir' }, type: 'number', inputs: [], compute: () => 1 }),
    );
    const bad = plugin('bad', (ctx) =>
      ctx.metrics.add({
        id: 'bad',
        label: { en: 'Bad', tr: 'Kötü' },
        type: 'number',
        inputs: [],
        compute: () => {
          throw new Error('metric exploded');
        },
      }),
    );
    const slow = plugin('slow', (ctx) =>
      ctx.metrics.add({
        id: 'slow',
        label: { en: 'Slow', tr: 'Yavaş' },
        type: 'number',
        inputs: [],
        compute: () => {
          const until = performance.now() + 30;
          while (performance.now() < until) {
            // busy on purpose: longer than the limit below
          }
          return 2;
        },
      }),
    );
    const crm = await createCrm({ plugins: [good, bad, slow], limits: { syncTimeLimitMs: 10 } });
    const errors: string[] = [];
    crm.events.on('plugin-error', (event) => errors.push(event.pluginId));
    const customer = await crm.customers.put(john);
    expect(crm.metrics.attach(customer).metrics).to.deep.equal({ one: 1 });
    expect(errors).to.deep.equal(['bad', 'slow']);
  });

  it('contains a throwing init and adds translations', async () => {
    const words = plugin('words', (ctx) =>
      ctx.i18n.add({ en: { 'words.hello': 'Hello {name}' }, tr: { 'words.hello': 'Merhaba {name}' } }),
    );
    const failing = plugin('failing-init', () => {}, {
      init: () => {
        throw new Error('no network');
      },
    });
    const crm = await createCrm({ plugins: [words, failing], locale: 'tr-TR' });
    expect(crm.t('words.hello', { name: 'Ayşe' })).to.equal('Merhaba Ayşe');
    expect(crm.t('words.hello', { name: 'John' }, 'en')).to.equal('Hello John');
    expect(crm.t('common.save')).to.equal('Kaydet');
    expect(crm.plugins.isActive('failing-init')).to.equal(false);
    expect((await crm.customers.put(john)).id).to.be.a('string');
  });

  it('answers crm.segments.count(rule) and members(rule) through the provided segment engine', async () => {
    const rule = { kind: 'group' as const, combinator: 'and' as const, rules: [] };
    const without = await createCrm();
    expect(await rejection(without.segments.count(rule))).to.be.instanceOf(CrmUnsupportedError);
    expect((await without.segments.count()).count).to.equal(0);

    const engine = plugin('fake-engine', (ctx) =>
      ctx.segments.provideService((crm) => ({
        count: async () => ({ count: (await crm.customers.count()).count, exact: true }),
        members: async () => ({ items: [] }),
      })),
    );
    const second = plugin('second-engine', (ctx) =>
      ctx.segments.provideService(() => ({
        count: async () => ({ count: -1, exact: true }),
        members: async () => ({ items: [] }),
      })),
    );
    const crm = await createCrm({ plugins: [engine, second] });
    await crm.customers.put(john);
    await crm.segments.put({ name: 'Everyone', rule });
    expect(await crm.segments.count(rule)).to.deep.equal({ count: 1, exact: true });
    expect((await crm.segments.count({ name: 'Everyone' })).count).to.equal(1);
    expect((await crm.segments.members(rule)).items).to.deep.equal([]);
    expect(crm.plugins.status()[1]).to.deep.include({ id: 'second-engine', state: 'disabled' });
  });
});
