import { html } from '@open-wc/testing';
import { z } from 'zod';
import { definePlugin } from '@crmkit/core';
import { analyticsPlugin } from '@crmkit/analytics';
import '../src/index.js';
import type { CrmCustomerCard } from '../src/index.js';
import { expect } from './expect.js';
import { $$, seededCrm, text, until, mount } from './support.js';

/** Custom fields of every type the card formats, beside the analytics plugin's `lastNpsAt` (a date-time). */
const store = definePlugin({
  id: 'store',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    ctx.fields.add({
      name: 'memberSince',
      label: { en: 'Member since', tr: 'Üyelik' },
      type: 'date',
      schema: z.string(),
    });
    ctx.fields.add({ name: 'points', label: { en: 'Points', tr: 'Puan' }, type: 'number', schema: z.number() });
    ctx.fields.add({
      name: 'newsletter',
      label: { en: 'Newsletter', tr: 'Bülten' },
      type: 'boolean',
      schema: z.boolean(),
    });
    ctx.fields.add({ name: 'renewsOn', label: { en: 'Renews on', tr: 'Yenileme' }, type: 'date', schema: z.string() });
    ctx.fields.add({
      name: 'ringMetal',
      label: { en: 'Ring metal', tr: 'Yüzük metali' },
      type: 'enum',
      enumValues: ['gold', 'platinum', 'titanium'],
      schema: z.enum(['gold', 'platinum', 'titanium']),
    });
    // Value labels under `<field>.<value>`; `titanium` has none and shows as stored.
    ctx.i18n.add({
      en: { 'ringMetal.gold': 'Gold', 'ringMetal.platinum': 'Platinum' },
      tr: { 'ringMetal.gold': 'Altın', 'ringMetal.platinum': 'Platin' },
    });
  },
});

async function details(lang: string, custom: Record<string, unknown>): Promise<Record<string, string>> {
  const { crm, customer } = await seededCrm({ plugins: [analyticsPlugin(), store] });
  const stored = await crm.customers.put({ ...customer, custom: { ...customer.custom, ...custom } });
  const el = await mount<CrmCustomerCard>(
    html`<crm-customer-card .crm=${crm} customer-id=${stored.id} variant="full" lang=${lang}></crm-customer-card>`,
  );
  await until(() => $$(el, '[part="details"] dt').length > 0, 'details');
  await expect(el).to.be.accessible();
  const terms = $$(el, '[part="details"] dt').map(text);
  const values = $$(el, '[part="details"] dd').map(text);
  return Object.fromEntries(terms.map((term, i) => [term, values[i]!]));
}

const CUSTOM = {
  lastNpsAt: '2025-03-03T12:30:00.000Z',
  memberSince: '2019-07-01',
  points: 12345.5,
  newsletter: true,
  renewsOn: 'not a date',
  ringMetal: 'platinum',
};

describe('crm-customer-card custom fields', () => {
  it('reads dates, numbers and booleans in English', async () => {
    const rows = await details('en', CUSTOM);
    expect(rows['Latest NPS answer on']).to.match(/^Mar 3, 2025, \d{1,2}:\d{2}\s?[AP]M$/);
    expect(rows['Member since']).to.equal('Jul 1, 2019');
    expect(rows['Points']).to.equal('12,345.5');
    expect(rows['Newsletter']).to.equal('Yes');
    // What cannot be read as a date is shown as it is, rather than "Invalid Date" or an error.
    expect(rows['Renews on']).to.equal('not a date');
    expect(rows['Ring metal']).to.equal('Platinum');
  });

  it('reads them in Turkish', async () => {
    const rows = await details('tr', { ...CUSTOM, newsletter: false });
    expect(rows['Son NPS yanıt tarihi']).to.match(/^3 Mar 2025 \d{2}:\d{2}$/);
    expect(rows['Üyelik']).to.equal('1 Tem 2019');
    expect(rows['Puan']).to.equal('12.345,5');
    expect(rows['Bülten']).to.equal('Hayır');
    expect(rows['Yüzük metali']).to.equal('Platin');
  });

  it('shows an enum value without a label as it is stored', async () => {
    const rows = await details('en', { ringMetal: 'titanium' });
    expect(rows['Ring metal']).to.equal('titanium');
  });
});
