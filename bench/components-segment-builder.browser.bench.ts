/**
 * <crm-segment-builder> with a 30-condition rule, a field registry of 2,000 fields and 100,000 customers, in
 * Chromium, as issue 6 asks:
 *  - keystroke → updated count: a digit typed into a value editor until `<crm-segment-audience>` shows the new
 *    count (target < 100 ms), with the default pause (30 ms, one count at a time) and with none;
 *    the named peer is the engine alone, `crm.segments.count` on the same edited rule (no element, no pause);
 *  - opening the field picker (click → listbox in the DOM and laid out; target < 50 ms) and one keystroke in its
 *    search; the named peer is a native <select> with the same 2,000 fields in <optgroup>s, rendered by Lit.
 * Customers are in memoryStorage (written around the schema, as a bulk import would); segmentsPlugin's warm cache
 * is loaded by the first count, which is reported apart.
 *
 *   pnpm bench components-segment-builder
 */
import { html, render } from 'lit';
import { CORE_COLLECTIONS, createCrm, definePlugin, memoryStorage, type StoredDocument } from '@crmkit/core';
import { segmentFields, segmentsPlugin, type SegmentRule } from '../packages/segments/src/index.js';
import '../packages/components/src/index.js';
import type { CrmSegmentAudience, CrmSegmentBuilder } from '../packages/components/src/index.js';
import { random } from './support/random.js';

type Log = (line: string) => void;

const CUSTOMERS = 100_000;
const EXTRA_FIELDS = 1_980;
const ROUNDS = 15;
const DAY = 86_400_000;
const NOW = Date.now();

const FIRST = ['Ayşe', 'Mehmet', 'Zeynep', 'Mustafa', 'Elif', 'Ahmet', 'Emine', 'Ali', 'Hatice', 'İrem'];
const LAST = ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan'];
const CITIES = ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Antalya', 'Konya', 'Eskişehir'];
const CHANNELS = ['store', 'web', 'referral', 'agent', 'social'];
const TAGS = ['vip', 'b2b', 'newsletter', 'loyal', 'wholesale', 'complaint'];
const STAGES = ['acquisition', 'development', 'retention', 'decline'];

function customers(): StoredDocument[] {
  const next = random(2025);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: CUSTOMERS }, (_, i) => {
    const created = new Date(NOW - Math.floor(next() * 1500 * DAY)).toISOString();
    const purchases = Math.floor(next() * 40);
    return {
      id: `cus_${i.toString(36).padStart(6, '0')}`,
      rev: '1-seed',
      createdAt: created,
      updatedAt: created,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      emails: next() < 0.9 ? [`customer${i}@example.com.tr`] : [],
      phones: [],
      ...(next() < 0.3 ? { company: `${pick(LAST)} A.Ş.` } : {}),
      address: { city: pick(CITIES), country: next() < 0.9 ? 'TR' : 'DE' },
      language: next() < 0.85 ? 'tr' : 'en',
      tags: TAGS.filter(() => next() < 0.2),
      acquisition: { channel: pick(CHANNELS), at: created },
      lifecycle: {
        stage: pick(STAGES),
        purchases,
        totalSpent: Math.round(purchases * (50 + next() * 4000)),
        currency: 'TRY',
      },
      custom: {},
    };
  });
}

/** A plugin's worth of segment fields, so that the registry holds 2,000 fields in 20 groups. */
const manyFields = definePlugin({
  id: 'many-fields',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    for (let i = 0; i < EXTRA_FIELDS; i++) {
      ctx.segments.addField({
        path: `custom.f${i}`,
        label: { en: `Extension field ${i}`, tr: `Ek alan ${i}` },
        type: (['string', 'number', 'date', 'boolean'] as const)[i % 4]!,
        group: `Extension ${Math.floor(i / 99)}`,
      });
    }
  },
});

const c = (field: string, op: string, value?: unknown, caseSensitive?: boolean) => ({
  kind: 'condition' as const,
  field,
  op,
  ...(value === undefined ? {} : { value }),
  ...(caseSensitive ? { caseSensitive } : {}),
});

/** Thirty conditions: five at the root, five groups of five (one of them negated). */
const RULE: SegmentRule = {
  kind: 'group',
  combinator: 'and',
  rules: [
    c('createdAt', 'withinLastDays', 1000),
    { ...c('lifecycle.totalSpent', 'gt', 1000), id: 'spent' },
    c('address.country', 'eq', 'TR', true),
    c('language', 'in', ['tr', 'en']),
    c('name', 'isNotEmpty'),
    {
      kind: 'group',
      combinator: 'or',
      rules: [
        c('address.city', 'eq', 'İstanbul'),
        c('address.city', 'eq', 'Ankara'),
        c('address.city', 'eq', 'İzmir'),
        c('address.city', 'startsWith', 'bur'),
        c('address.city', 'eq', 'Antalya'),
      ],
    },
    {
      kind: 'group',
      combinator: 'or',
      rules: [
        c('tags', 'hasAny', ['vip']),
        c('tags', 'hasAny', ['loyal']),
        c('lifecycle.stage', 'in', ['retention', 'development']),
        c('lifecycle.purchases', 'gte', 10),
        c('acquisition.channel', 'eq', 'referral', true),
      ],
    },
    {
      kind: 'group',
      combinator: 'or',
      not: true,
      rules: [
        c('tags', 'hasAny', ['complaint']),
        c('lifecycle.stage', 'eq', 'decline'),
        c('company', 'contains', 'test'),
        c('emails', 'isEmpty'),
        c('acquisition.channel', 'eq', 'agent', true),
      ],
    },
    {
      kind: 'group',
      combinator: 'and',
      rules: [
        c('custom.f1', 'isEmpty'),
        c('custom.f2', 'isEmpty'),
        c('custom.f7', 'isEmpty'),
        c('lifecycle.totalSpent', 'lt', 100_000_000),
        c('updatedAt', 'isNotEmpty'),
      ],
    },
    {
      kind: 'group',
      combinator: 'or',
      rules: [
        c('language', 'eq', 'tr'),
        c('language', 'eq', 'en'),
        c('address.country', 'eq', 'DE', true),
        c('name', 'contains', 'a'),
        c('name', 'contains', 'e'),
      ],
    },
  ],
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves when the audience has gone busy and settled again: the new count is on screen. */
function settled(audience: CrmSegmentAudience): Promise<number> {
  const count = audience.shadowRoot!.querySelector('[part="count"]')!;
  return new Promise((resolve) => {
    let busy = false;
    const observer = new MutationObserver(() => {
      if (count.getAttribute('aria-busy') === 'true') busy = true;
      else if (busy) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(count, { attributes: true, attributeFilter: ['aria-busy'] });
  });
}

export default async function run(log: Log): Promise<void> {
  let started = performance.now();
  const storage = memoryStorage();
  const crm = await createCrm({ storage, plugins: [manyFields, segmentsPlugin()] });
  const raw = await storage.open({ tenant: 'default', collections: CORE_COLLECTIONS });
  const docs = customers();
  for (let i = 0; i < docs.length; i += 10_000) {
    await raw
      .collection('customers')
      .bulkWrite(docs.slice(i, i + 10_000).map((doc) => ({ op: 'put' as const, doc, expectedRev: null })));
  }
  log(`${CUSTOMERS.toLocaleString('en')} customers written in ${ms(performance.now() - started)}`);
  log(`field registry: ${segmentFields(crm).length} fields; rule: 30 conditions in 5 groups`);

  const container = document.createElement('div');
  container.style.inlineSize = '1000px';
  document.body.append(container);
  render(
    html`<crm-segment-builder id="bench" .crm=${crm}></crm-segment-builder>
      <crm-segment-audience for="bench" .crm=${crm}></crm-segment-audience>`,
    container,
  );
  const builder = container.querySelector<CrmSegmentBuilder>('crm-segment-builder')!;
  const audience = container.querySelector<CrmSegmentAudience>('crm-segment-audience')!;
  await builder.updateComplete;
  await audience.updateComplete;

  started = performance.now();
  const first = settled(audience);
  builder.value = RULE;
  log(`first count (loads the warm cache): ${ms((await first) - started)} → ${audience.result?.count} customers`);

  const input = () => builder.shadowRoot!.querySelector<HTMLInputElement>('[data-node="spent"] [part="value-input"]')!;
  async function keystrokes(label: string): Promise<number[]> {
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Typing the next digit: 1000 → 10001 → …, alternating with deleting it again.
      const field = input();
      const value = round % 2 ? field.value.slice(0, -1) : `${field.value}${round % 10}`;
      const done = settled(audience);
      const start = performance.now();
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      times.push((await done) - start);
      await frame();
    }
    log(`keystroke → updated count, ${label}: median ${ms(median(times))}, p95 ${ms(p95(times))}`);
    return times;
  }
  await keystrokes('warming up');
  const adaptive = await keystrokes('default pause (30 ms)');
  audience.countDelay = 0;
  const immediate = await keystrokes('no pause (count-delay="0")');

  const engine: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const rule = structuredClone(builder.countable!);
    (rule.rules[1] as { value: number }).value = 1000 + round;
    const start = performance.now();
    await crm.segments.count(rule);
    engine.push(performance.now() - start);
  }
  log(`peer — crm.segments.count alone on the edited rule: median ${ms(median(engine))}`);
  log(
    `ratio keystroke→count / engine: ${(median(immediate) / median(engine)).toFixed(2)}× without the pause, ` +
      `${(median(adaptive) / median(engine)).toFixed(2)}× with it; target < 100 ms: ` +
      `${median(adaptive) < 100 ? 'met' : 'MISSED'} (${ms(median(adaptive))})`,
  );

  // ——— the field picker ———
  const opens: number[] = [];
  const typing: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const button = builder.shadowRoot!.querySelector<HTMLButtonElement>('[data-node="spent"] button.field')!;
    const start = performance.now();
    button.click();
    await builder.updateComplete;
    const list = builder.shadowRoot!.querySelector('[part="field-options"]')!;
    void list.getBoundingClientRect();
    opens.push(performance.now() - start);
    const search = builder.shadowRoot!.querySelector<HTMLInputElement>('[part="field-search"]')!;
    const typed = performance.now();
    search.value = 'e';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await builder.updateComplete;
    void list.getBoundingClientRect();
    typing.push(performance.now() - typed);
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await builder.updateComplete;
    await frame();
  }
  const options = segmentFields(crm);
  const groups = new Map<string, typeof options>();
  for (const field of options) groups.set(field.group ?? '', [...(groups.get(field.group ?? '') ?? []), field]);
  const natives: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const host = document.createElement('div');
    document.body.append(host);
    const start = performance.now();
    render(
      html`<select aria-label="Field">
        ${[...groups].map(
          ([group, fields]) =>
            html`<optgroup label=${group}>
              ${fields.map((field) => html`<option value=${field.path}>${field.path}</option>`)}
            </optgroup>`,
        )}
      </select>`,
      host,
    );
    void host.getBoundingClientRect();
    natives.push(performance.now() - start);
    host.remove();
    await frame();
  }
  log(
    `open the field picker (${options.length} fields): median ${ms(median(opens))}, p95 ${ms(p95(opens))}; ` +
      `one keystroke in its search: median ${ms(median(typing))}`,
  );
  log(`peer — a native <select> of the same fields in <optgroup>s: median ${ms(median(natives))}`);
  log(
    `ratio picker / native select: ${(median(opens) / median(natives)).toFixed(2)}×; target < 50 ms: ` +
      `${median(opens) < 50 ? 'met' : 'MISSED'} (${ms(median(opens))})`,
  );
  container.remove();
  await crm.close();
}
