import { html } from '@open-wc/testing';
import { analyticsPlugin, fitModels } from '@crmkit/analytics';
import '../src/index.js';
import type { CrmCustomerCard } from '../src/index.js';
import { expect } from './expect.js';
import { $, NOW, seededCrm, text, until, mount } from './support.js';

const RFM_TR = [
  'Şampiyonlar',
  'Potansiyel Sadıklar',
  'Sadık Müşteriler',
  'Umut Vaat Edenler',
  'Yeni Müşteriler',
  'Kaybedilemezler',
  'Risk Altında',
  'İlgi Gerektirenler',
  'Uyumak Üzere',
  'Kaybedilenler',
  'Diğerleri',
];

describe('crm-customer-card metric values', () => {
  it('names the analytics plugin’s enum values in Turkish', async () => {
    const plugin = analyticsPlugin({ now: () => NOW, fit: (rows) => Promise.resolve(fitModels(rows)) });
    const { crm, customer } = await seededCrm({ plugins: [plugin] });
    await crm.activities.putMany(
      ['2024-10-02', '2024-12-03', '2025-02-05'].map((day, i) => ({
        customerId: customer.id,
        type: 'purchase' as const,
        at: `${day}T10:00:00.000Z`,
        data: { total: 400 + i, currency: 'TRY' as const },
      })),
    );
    await plugin.refit();
    const current = (await crm.customers.get(customer.id))!;
    await crm.customers.put({ ...current, custom: { ...current.custom, lastNpsScore: 3 } });

    const el = await mount<CrmCustomerCard>(
      html`<crm-customer-card .crm=${crm} customer-id=${customer.id} variant="full" lang="tr"></crm-customer-card>`,
    );
    const value = (id: string) => text($(el, `[data-metric="${id}"] .metric-value`));
    await until(() => !!el.shadowRoot?.querySelector('[data-metric="rfmSegment"]'), 'metrics');
    expect(value('nps')).to.equal('Kötüleyen');
    expect(RFM_TR).to.include(value('rfmSegment'));
    const metrics = crm.metrics.compute(current);
    expect(value('lifecycle')).to.equal(crm.t(`lifecycle.${String(metrics.lifecycle?.value)}`, {}, 'tr'));
    expect(value('ladder')).to.equal(crm.t(`ladder.${String(metrics.ladder?.value)}`, {}, 'tr'));
    expect(['Edinim', 'Gelişim', 'Elde tutma', 'Düşüş']).to.include(value('lifecycle'));
    expect(['Aday', 'Müşteri', 'Sürekli müşteri', 'Destekçi', 'Savunucu', 'Ortak']).to.include(value('ladder'));
    await expect(el).to.be.accessible();
  });
});
