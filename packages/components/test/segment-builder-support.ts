/** A crm with a few customers, consents, purchases and a segment engine, for the segment builder's tests. */
import type { Crm, CrmPlugin } from '@crmkit/core';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
import { segmentsPlugin } from '@crmkit/segments';
import { html } from 'lit';
import type { CrmSegmentAudience, CrmSegmentBuilder, CrmSegmentExport, CrmSegmentLibrary } from '../src/index.js';
import { $$, NOW, mount, seededCrm, until } from './support.js';

export interface EngineProbe {
  /** The rules counted, in order. */
  counted: unknown[];
  /** Milliseconds each answer takes (to test cancellation). */
  delayMs: number;
  /** Makes the next counts fail with this error. */
  fail?: Error;
}

const day = 86_400_000;
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * day).toISOString();

/** Watches `crm.segments.count` (the real engine answers): which rules were counted, slower or failing on demand. */
function watchCounts(crm: Crm, probe: EngineProbe): void {
  const count = crm.segments.count.bind(crm.segments);
  crm.segments.count = async (rule) => {
    probe.counted.push(structuredClone(rule));
    await new Promise((resolve) => setTimeout(resolve, probe.delayMs));
    if (probe.fail) throw probe.fail;
    return count(rule);
  };
}

/**
 * Four customers: Ayşe (İstanbul, e-mail granted, three purchases this month), Mehmet (Ankara, VIP, e-mail refused,
 * one small purchase), Zeynep (İzmir, VIP and wholesale, e-mail granted, an old purchase), John (London, nothing).
 */
export async function segmentCrm(options: { probe?: EngineProbe; plugins?: CrmPlugin[] } = {}) {
  const seeded = await seededCrm({
    plugins: [vipTierPlugin(), segmentsPlugin({ now: () => NOW }), ...(options.plugins ?? [])],
  });
  const { crm, customer: ayse } = seeded;
  if (options.probe) watchCounts(crm, options.probe);
  const mehmet = await crm.customers.put({
    name: 'Mehmet Demir',
    emails: ['mehmet@example.com'],
    address: { city: 'Ankara', country: 'TR' },
    tags: ['vip'],
    lifecycle: { stage: 'development', ladder: 'customer', totalSpent: 900, currency: 'TRY' },
  });
  const zeynep = await crm.customers.put({
    name: 'Zeynep Kaya',
    emails: ['zeynep@example.com'],
    address: { city: 'İzmir', country: 'TR' },
    tags: ['vip', 'wholesale'],
    lifecycle: { stage: 'retention', ladder: 'supporter', totalSpent: 150_000, currency: 'TRY' },
  });
  const john = await crm.customers.put({ name: 'John Smith', address: { city: 'London', country: 'GB' } });
  const consent = (customerId: string, status: 'granted' | 'denied', recordedAt: string) =>
    crm.consents.put({
      customerId,
      channel: 'email',
      status,
      recipient: 'x@example.com',
      source: 'HS_WEB',
      recordedAt,
    });
  await consent(mehmet.id, 'granted', '2024-01-01T00:00:00Z');
  await consent(mehmet.id, 'denied', '2024-06-01T00:00:00Z');
  await consent(zeynep.id, 'granted', '2024-06-01T00:00:00Z');
  const purchase = (customerId: string, days: number, total: number) =>
    crm.activities.put({ customerId, type: 'purchase', at: daysAgo(days), data: { total, currency: 'TRY' } });
  await purchase(ayse.id, 2, 600);
  await purchase(ayse.id, 9, 200);
  await purchase(ayse.id, 20, 900);
  await purchase(mehmet.id, 10, 100);
  await purchase(zeynep.id, 100, 5000);
  return { ...seeded, ayse, mehmet, zeynep, john };
}

let mounts = 0;

/**
 * A builder with its three companions following it, as a page composes them; returns the builder. The audience
 * counts without a pause unless `delay` says otherwise.
 */
export async function builder(
  crm: Crm | undefined,
  attrs: { lang?: string; delay?: number; preview?: number } = {},
): Promise<CrmSegmentBuilder> {
  const id = `builder-${++mounts}`;
  const wrapper = await mount<HTMLElement>(
    html`<div lang=${attrs.lang ?? 'en'}>
      <crm-segment-builder id=${id} .crm=${crm}></crm-segment-builder>
      <crm-segment-audience
        for=${id}
        .crm=${crm}
        count-delay=${attrs.delay ?? 0}
        preview-size=${attrs.preview ?? 5}
      ></crm-segment-audience>
      <crm-segment-export for=${id} .crm=${crm}></crm-segment-export>
      <crm-segment-library for=${id} .crm=${crm}></crm-segment-library>
    </div>`,
  );
  const el = wrapper.querySelector<CrmSegmentBuilder>('crm-segment-builder')!;
  await el.updateComplete;
  return el;
}

export const audienceOf = (el: Element) => el.parentElement!.querySelector<CrmSegmentAudience>('crm-segment-audience')!;
export const exportOf = (el: Element) => el.parentElement!.querySelector<CrmSegmentExport>('crm-segment-export')!;
export const libraryOf = (el: Element) => el.parentElement!.querySelector<CrmSegmentLibrary>('crm-segment-library')!;

export const countText = (el: Element) => {
  const count = audienceOf(el).shadowRoot?.querySelector('[part="count"] .number');
  return (count?.textContent ?? '').trim();
};

/** Waits for the live count of the builder's audience to show `text`. */
export async function countIs(el: Element, text: string): Promise<void> {
  await until(() => countText(el) === text, `count "${text}" (was "${countText(el)}")`);
}

/** Types into an input or textarea as a user does: value, then an input event. */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Adds a condition to the root group and picks `path` from the field picker. */
export async function addCondition(el: CrmSegmentBuilder, path: string, op?: string): Promise<HTMLElement> {
  const before = new Set($$(el, '[part="condition"]').map((node) => node.dataset.node));
  const add = $$(el, '[data-act="add-condition"]').at(-1)!;
  add.click();
  await el.updateComplete;
  const node = $$(el, '[part="condition"]').find((candidate) => !before.has(candidate.dataset.node))!;
  await pickField(el, node, path);
  if (op) choose(node.querySelector<HTMLSelectElement>('[part="operator"]')!, op);
  await el.updateComplete;
  return node;
}

export async function pickField(el: CrmSegmentBuilder, node: HTMLElement, path: string): Promise<void> {
  if (!node.querySelector('[part="field-picker"]')) {
    node.querySelector<HTMLButtonElement>('button.field')!.click();
    await el.updateComplete;
  }
  const search = node.querySelector<HTMLInputElement>('[part="field-search"]')!;
  type(search, path);
  await el.updateComplete;
  const option = [...node.querySelectorAll<HTMLElement>('[role="option"]')].find(
    (candidate) => candidate.querySelector('.path')?.textContent === path,
  );
  if (!option) throw new Error(`no option for ${path}`);
  option.click();
  await el.updateComplete;
}

export { NOW };
