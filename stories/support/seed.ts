/** A crm on memoryStorage with one well-filled customer, for stories. Each story gets its own. */
import { createCrm, definePlugin, memoryStorage, type Crm, type Customer } from '@crmkit/core';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';

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
  const customer = await crm.customers.put({
    name: 'Ayşe Yılmaz',
    company: 'Deniz Tekstil',
    emails: ['ayse@example.com'],
    phones: ['+90 212 555 01 01'],
    address: { district: 'Şişli', city: 'İstanbul', country: 'TR' },
    tags: ['wholesale', 'istanbul'],
    lifecycle: { stage: 'retention', ladder: 'client', totalSpent: 62_000, currency: 'TRY' },
  });
  if (options.consents !== false) {
    await crm.consents.put({
      customerId: customer.id,
      channel: 'email',
      status: 'granted',
      recipient: 'ayse@example.com',
      source: 'HS_WEB',
      recordedAt: '2024-11-02T09:30:00Z',
    });
    await crm.consents.put({
      customerId: customer.id,
      channel: 'call',
      status: 'denied',
      recipient: '+90 212 555 01 01',
      source: 'HS_CAGRI_MERKEZI',
      recordedAt: '2025-01-20T14:00:00Z',
    });
  }
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
