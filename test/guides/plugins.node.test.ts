/** The plugin guide's examples, run: the engraving plugin's contributions, the failure modes, the VIP tier in use. */
import { CrmValidationError, createCrm } from '@crmkit/core';
import { expect } from 'chai';
import { engravingPlugin } from '../../docs/examples/plugins/engraving.js';
import { vipCustomers } from '../../docs/examples/plugins/vip-tier-in-use.js';
import { whenPluginsFail } from '../../docs/examples/plugins/when-plugins-fail.js';

describe('guide: writing a plugin', () => {
  it('the engraving plugin adds a typed custom field, a timeline type in both languages, a veto and a card action', async () => {
    const crm = await createCrm({ plugins: [engravingPlugin()], locale: 'tr' });
    const customer = await crm.customers.put({ name: 'Deniz Aksoy', custom: { ringSize: 54 } });
    const ringSize: number | undefined = customer.custom.ringSize;
    expect(ringSize).to.equal(54);

    const refused = await crm.customers.put({ name: 'Deniz Aksoy', custom: { ringSize: 12 } }).then(
      () => expect.fail('a ring size of 12 should be refused'),
      (error: unknown) => error,
    );
    expect(refused).to.be.instanceOf(CrmValidationError);
    expect((refused as CrmValidationError).issues[0]?.path).to.deep.equal(['custom', 'ringSize']);

    const vetoed = await crm.activities
      .put({
        customerId: customer.id,
        type: 'engraving',
        at: '2026-11-20T10:00:00Z',
        data: { text: 'Sevgiyle 💍', place: 'inside' },
      })
      .then(
        () => expect.fail('the engraving machine cannot cut an emoji'),
        (error: unknown) => error,
      );
    expect(vetoed).to.be.instanceOf(CrmValidationError);
    expect((vetoed as CrmValidationError).issues[0]?.message).to.contain('cannot cut');

    const action = crm.plugins.cardActions().find((candidate) => candidate.id === 'engraving.order')!;
    expect(action.when!(customer)).to.equal(true);
    await action.run(customer, crm);
    const { items } = await crm.activities.forCustomer(customer.id);
    expect(items.map((activity) => activity.type)).to.deep.equal(['engraving']);

    const type = crm.plugins.timelineTypes().find((candidate) => candidate.type === 'engraving')!;
    const view = (locale: 'en' | 'tr') =>
      type.render(items[0] as never, { locale, t: (key, params) => crm.t(key, params, locale) });
    expect(view('tr')).to.deep.include({ title: '“Deniz” gravürü', summary: 'Halkanın içine' });
    expect(view('en')).to.deep.include({ title: 'Engraving “Deniz”', summary: 'Inside the band' });
    expect(crm.plugins.segmentFields().map((field) => field.path)).to.include('custom.ringSize');
    await crm.close();
  });

  it('a throwing metric and a hanging hook are disabled and reported; a fail-closed hook refuses the write', async () => {
    expect(await whenPluginsFail()).to.deep.equal([
      'disabled slow-observer in hook',
      'disabled broken-metric in metric',
      'metrics: {}',
      'disabled compliance-guard in hook',
      'ticket refused by compliance-guard',
      'broken-metric: disabled (division by zero)',
      'slow-observer: disabled (did not finish within 50 ms)',
      'compliance-guard: disabled (the compliance service is down)',
    ]);
  });

  it('the VIP tier plugin, installed with the segment engine, sets and explains the tier and answers a segment', async () => {
    const { tier, why, golds } = await vipCustomers();
    expect(tier).to.equal('gold');
    expect(why).to.match(/^Altın: bugüne kadarki toplam harcama .*82\.500,00/);
    expect(golds).to.equal(1);
  });
});
