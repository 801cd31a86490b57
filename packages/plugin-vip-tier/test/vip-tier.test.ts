import { expect } from 'chai';
import { createCrm, definePlugin } from '@crmkit/core';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';

const customer = (totalSpent?: number) => ({
  name: 'Zeynep Kaya',
  address: { city: 'Ankara' },
  ...(totalSpent === undefined ? {} : { lifecycle: { totalSpent, purchases: 3 } }),
});

describe('plugin-vip-tier', () => {
  it('sets the tier from the total spent and explains it in both languages', async () => {
    const crm = await createCrm({ plugins: [vipTierPlugin()] });
    const gold = await crm.customers.put(customer(72_000));
    const result = crm.metrics.compute(gold).vipTier!;
    expect(result.value).to.equal('gold');
    expect(result.explanation!.summary.en).to.match(
      /^Gold: total spent so far of TRY\s72,000\.00; Platinum from TRY\s150,000\.00\.$/,
    );
    expect(result.explanation!.summary.tr).to.contain('Altın');
    expect(crm.metrics.attach(await crm.customers.put(customer(500))).metrics.vipTier).to.equal('standard');
    expect(crm.metrics.attach(await crm.customers.put(customer(150_000))).metrics.vipTier).to.equal('platinum');
    expect(crm.metrics.attach(await crm.customers.put(customer())).metrics).to.deep.equal({});
    expect(crm.t('vipTier.platinum', {}, 'tr')).to.equal('Platin');
  });

  it('prefers the predicted lifetime value when a metric gives one', async () => {
    const clv = definePlugin({
      id: 'fake-clv',
      version: '1.0.0',
      kit: '^0.1.0',
      register: (ctx) =>
        ctx.metrics.add({
          id: 'clv',
          label: { en: 'CLV', tr: 'CLV' },
          type: 'number',
          inputs: [],
          compute: () => 12_000,
        }),
    });
    const crm = await createCrm({ plugins: [vipTierPlugin(), clv] });
    const result = crm.metrics.compute(await crm.customers.put(customer(900_000))).vipTier!;
    expect(result.value).to.equal('silver');
    expect(result.explanation!.summary.en).to.contain('predicted lifetime value');
  });

  it('takes the vendor’s thresholds and refuses ones that do not rise', async () => {
    const crm = await createCrm({
      plugins: [vipTierPlugin({ thresholds: { silver: 100, gold: 200, platinum: 300 }, currency: 'EUR' })],
    });
    expect(crm.metrics.attach(await crm.customers.put(customer(250))).metrics.vipTier).to.equal('gold');
    expect(() => vipTierPlugin({ thresholds: { silver: 5, gold: 5, platinum: 9 } })).to.throw(RangeError);
  });

  it('offers the tier as a segment field', async () => {
    const crm = await createCrm({ plugins: [vipTierPlugin()] });
    const field = crm.host.contributions.segmentFields.find((f) => f.path === 'metrics.vipTier');
    expect(field?.enumValues).to.deep.equal(['standard', 'silver', 'gold', 'platinum']);
  });
});
