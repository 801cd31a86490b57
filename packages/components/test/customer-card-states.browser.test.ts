import { html, oneEvent } from '@open-wc/testing';
import { expect } from './expect.js';
import { CrmStorageError } from '@crmkit/core';
import '../src/index.js';
import type { CrmCustomerCard } from '../src/index.js';
import { CrmErrorEvent } from '../src/index.js';
import { $, $$, seededCrm, text, until, mount } from './support.js';

describe('crm-customer-card states', () => {
  it('shows a loading skeleton until it has a crm, and it is accessible', async () => {
    const el = await mount<CrmCustomerCard>(html`<crm-customer-card customer-id="c1"></crm-customer-card>`);
    expect($(el, '[part="skeleton"]').getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state without a customer id', async () => {
    const { crm } = await seededCrm();
    const el = await mount<CrmCustomerCard>(html`<crm-customer-card .crm=${crm}></crm-customer-card>`);
    expect(text($(el, '[part="empty"]'))).to.equal('No customer selected');
    await expect(el).to.be.accessible();
  });

  it('says so when the customer does not exist', async () => {
    const { crm } = await seededCrm();
    const el = await mount<CrmCustomerCard>(
      html`<crm-customer-card .crm=${crm} customer-id="nobody"></crm-customer-card>`,
    );
    await until(() => $$(el, '[part="empty"]').length === 1, 'empty state');
    expect(text($(el, '[part="empty"]'))).to.equal('This record does not exist (any more).');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that loads again', async () => {
    const { crm, customer } = await seededCrm();
    const real = crm.customers.require.bind(crm.customers);
    let failures = 1;
    crm.customers.require = (id: string) => {
      if (failures-- > 0) return Promise.reject(new CrmStorageError('unavailable', 'offline'));
      return real(id);
    };
    const container = await mount<HTMLDivElement>(html`<div></div>`);
    const errored = oneEvent(container, CrmErrorEvent.type);
    const el = document.createElement('crm-customer-card');
    el.crm = crm;
    el.customerId = customer.id;
    container.append(el);
    const event = (await errored) as unknown as CrmErrorEvent;
    expect(event.error).to.be.instanceOf(CrmStorageError);
    await until(() => $$(el, '[part="error"]').length === 1, 'error state');
    expect($(el, '[part="error"]').getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    $(el, '[part="retry-button"]').click();
    await until(() => $$(el, '[part="name"]').length === 1, 'ready state');
    expect(text($(el, '[part="name"]'))).to.equal('Ayşe Yılmaz');
  });

  it('renders the customer when ready, and it is accessible', async () => {
    const { crm, customer } = await seededCrm();
    const el = await mount<CrmCustomerCard>(
      html`<crm-customer-card .crm=${crm} customer-id=${customer.id}></crm-customer-card>`,
    );
    await until(() => $$(el, '[part="name"]').length === 1, 'ready state');
    expect(text($(el, '[part="name"]'))).to.equal('Ayşe Yılmaz');
    expect(text($(el, '.subtitle'))).to.equal('Deniz Tekstil · İstanbul');
    expect(text($(el, '[part="avatar"]'))).to.equal('AY');
    await expect(el).to.be.accessible();
  });
});
