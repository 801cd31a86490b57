/** A crm on memoryStorage with one well-filled customer, for stories. Each story gets its own. */
import { createCrm, definePlugin, memoryStorage, type Crm, type Customer } from '@crmkit/core';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
import { AYSE, recordAyseConsents } from '../../packages/components/test/ayse.fixture.js';

export interface StoryData {
  crm: Crm;
  customer: Customer;
}

const quoteAction = definePlugin({
  id: 'story-actions',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    ctx.card.addAction({ id: 'quote', label: { en: 'New quote', tr: 'Yeni teklif' }, run: () => {} });
  },
});

export async function seed(options: { consents?: boolean; metrics?: boolean } = {}): Promise<StoryData> {
  const crm = await createCrm({
    storage: memoryStorage(),
    plugins: options.metrics === false ? [] : [vipTierPlugin(), quoteAction],
  });
  const customer = await crm.customers.put({ ...AYSE, tags: [...(AYSE.tags ?? []), 'istanbul'] });
  if (options.consents !== false) await recordAyseConsents(crm, customer);
  return { crm, customer };
}

/** Waits until an element's shadow root holds `selector` (stories load asynchronously). */
export async function shadowReady(host: Element | null, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 200; i++) {
    const found = host?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${selector} did not appear`);
}
