import { expect } from 'chai';
import { z } from 'zod';
import { createCrm, definePlugin } from '@crmkit/core';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';

describe('crm.fields()', () => {
  it('lists the schema’s leaf fields with types, enum values and en/tr labels', async () => {
    const crm = await createCrm();
    const fields = new Map(crm.fields().map((field) => [field.path, field]));
    expect(fields.get('name')).to.deep.include({
      type: 'string',
      group: 'customer',
      label: { en: 'Name', tr: 'Ad soyad' },
    });
    expect(fields.get('address.city')).to.deep.include({ type: 'string', label: { en: 'City', tr: 'Şehir' } });
    expect(fields.get('tags')!.type).to.equal('array');
    expect(fields.get('acquisition.at')!.type).to.equal('date');
    expect(fields.get('createdAt')!.type).to.equal('date');
    expect(fields.get('lifecycle.totalSpent')!.type).to.equal('number');
    expect(fields.get('lifecycle.stage')).to.deep.include({
      type: 'enum',
      enumValues: ['acquisition', 'development', 'retention', 'decline'],
    });
    expect(fields.has('id')).to.equal(false);
    expect(fields.has('rev')).to.equal(false);
  });

  it('adds custom fields, metrics and plugin segment fields, active plugins only', async () => {
    const loyalty = definePlugin({
      id: 'loyalty',
      version: '1.0.0',
      kit: '^0.1.0',
      register: (ctx) =>
        ctx.fields.add({ name: 'card', schema: z.string(), type: 'string', label: { en: 'Card', tr: 'Kart' } }),
    });
    const crm = await createCrm({ plugins: [loyalty, vipTierPlugin()] });
    const fields = new Map(crm.fields().map((field) => [field.path, field]));
    expect(fields.get('custom.card')).to.deep.include({ group: 'custom', label: { en: 'Card', tr: 'Kart' } });
    expect(fields.get('metrics.vipTier')).to.deep.include({ type: 'enum', group: 'analytics' });
    expect(crm.plugins.segmentFields().map((field) => field.path)).to.deep.equal(['metrics.vipTier']);
  });

  it('stores every date-time as UTC so strings sort as instants', async () => {
    const crm = await createCrm();
    const customer = await crm.customers.put({
      name: 'Ayşe',
      acquisition: { channel: 'store', at: '2024-03-01T10:00:00+03:00' },
    });
    expect(customer.acquisition!.at).to.equal('2024-03-01T07:00:00.000Z');
    const error = await crm.customers
      .put({ name: 'Ayşe', acquisition: { channel: 'store', at: '2024-02-31T10:00:00Z' } })
      .catch((e: unknown) => e);
    expect(error).to.have.property('code', 'validation');
  });
});
