import { html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { z } from 'zod';
import { createCrm, definePlugin, type Crm } from '@crmkit/core';
import '../src/index.js';
import type { CrmCustomerCard } from '../src/index.js';
import { CrmCustomerBeforeSaveEvent, CrmCustomerConflictEvent, CrmCustomerSaveEvent } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, seededCrm, shadow, text, until, mount } from './support.js';

async function card(crm: Crm, id: string): Promise<CrmCustomerCard> {
  const el = await mount<CrmCustomerCard>(html`<crm-customer-card .crm=${crm} customer-id=${id}></crm-customer-card>`);
  await until(() => !!el.shadowRoot?.querySelector('[part="edit-button"]'), 'ready card');
  return el;
}

function setField(el: CrmCustomerCard, key: string, value: string): void {
  const input = $<HTMLInputElement>(el, `[data-field="${key}"] input, [data-field="${key}"] select`);
  input.value = value;
  input.dispatchEvent(new Event(input.localName === 'select' ? 'change' : 'input', { bubbles: true }));
}

async function submit(el: CrmCustomerCard): Promise<void> {
  $(el, 'form button[type="submit"]').click();
  await el.updateComplete;
}

const loyalty = definePlugin({
  id: 'loyalty',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    ctx.fields.add({
      name: 'loyaltyCard',
      label: { en: 'Loyalty card', tr: 'Sadakat kartı' },
      type: 'string',
      schema: z.string().regex(/^LC-\d{6}$/, 'must look like LC-123456'),
    });
  },
});

describe('crm-customer-card editing', () => {
  it('opens an editor with the core and plugin fields, focused on the first', async () => {
    const { crm, customer } = await seededCrm({ plugins: [loyalty] });
    const el = await card(crm, customer.id);
    $(el, '[part="edit-button"]').click();
    await el.updateComplete;
    const keys = $$(el, '[data-field]').map((field) => field.dataset.field);
    expect(keys).to.deep.equal([
      'name',
      'company',
      'emails',
      'phones',
      'address.district',
      'address.city',
      'tags',
      'custom.loyaltyCard',
    ]);
    expect(shadow(el).activeElement?.id).to.equal('field-name');
    expect(text($(el, '[data-field="custom.loyaltyCard"] label'))).to.equal('Loyalty card');
    await expect(el).to.be.accessible();
  });

  it('shows errors at the fields and saves nothing until the draft is valid', async () => {
    const { crm, customer } = await seededCrm({ plugins: [loyalty] });
    const el = await card(crm, customer.id);
    $(el, '[part="edit-button"]').click();
    await el.updateComplete;
    setField(el, 'name', '   ');
    setField(el, 'emails', 'ayse@example.com, not-an-email');
    setField(el, 'custom.loyaltyCard', 'LC-12');
    await submit(el);
    const errorOf = (key: string) => text($(el, `[data-field="${key}"] [part="field-error"]`));
    expect(errorOf('name')).to.equal('This field is required.');
    expect(errorOf('emails')).to.equal('Enter an e-mail address such as name@example.com.');
    expect(errorOf('custom.loyaltyCard')).to.equal('Must look like LC-123456.');
    const email = $(el, '#field-emails');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.contain('field-emails-error');
    expect(shadow(el).activeElement?.id).to.equal('field-name');
    await expect(el).to.be.accessible();
    expect((await crm.customers.require(customer.id)).rev).to.equal(customer.rev);
    // Errors clear as they are fixed, then the save goes through.
    setField(el, 'name', 'Ayşe Kaya');
    await el.updateComplete;
    expect($$(el, '[data-field="name"] [part="field-error"]')).to.have.length(0);
    setField(el, 'emails', 'ayse@example.com, ayse.kaya@example.com');
    setField(el, 'custom.loyaltyCard', 'LC-123456');
    const saved = oneEvent(el, CrmCustomerSaveEvent.type);
    await submit(el);
    const event = (await saved) as unknown as CrmCustomerSaveEvent;
    expect(event.customer.name).to.equal('Ayşe Kaya');
    const stored = await crm.customers.require(customer.id);
    expect(stored.emails).to.deep.equal(['ayse@example.com', 'ayse.kaya@example.com']);
    expect(stored.custom.loyaltyCard).to.equal('LC-123456');
    await until(() => text($(el, '[part="name"]')) === 'Ayşe Kaya', 'saved name shown');
    expect(text($(el, '[role="status"]:not([part])'))).to.equal('Saved');
  });

  it('shows a plugin hook’s veto at its field', async () => {
    const guard = definePlugin({
      id: 'guard',
      version: '1.0.0',
      kit: '^0.1.0',
      register(ctx) {
        ctx.hooks.before('customers', ({ doc }) =>
          (doc as { company?: string }).company === 'ACME'
            ? { veto: 'ACME is a competitor', path: ['company'] }
            : undefined,
        );
      },
    });
    const { crm, customer } = await seededCrm({ plugins: [guard] });
    const el = await card(crm, customer.id);
    $(el, '[part="edit-button"]').click();
    await el.updateComplete;
    setField(el, 'company', 'ACME');
    await submit(el);
    await until(() => $$(el, '[data-field="company"] [part="field-error"]').length === 1, 'veto shown');
    expect(text($(el, '[data-field="company"] [part="field-error"]'))).to.equal('ACME is a competitor (guard)');
  });

  it('lets the host app cancel a save, keeping the draft', async () => {
    const { crm, customer } = await seededCrm();
    const el = await card(crm, customer.id);
    el.addEventListener(CrmCustomerBeforeSaveEvent.type, (event) => event.preventDefault());
    $(el, '[part="edit-button"]').click();
    await el.updateComplete;
    setField(el, 'company', 'Yeni Şirket');
    await submit(el);
    expect((await crm.customers.require(customer.id)).company).to.equal('Deniz Tekstil');
    expect($<HTMLInputElement>(el, '#field-company').value).to.equal('Yeni Şirket');
  });

  it('on a conflicting save shows both versions and lets the user choose, never overwriting silently', async () => {
    const { crm, storage, customer } = await seededCrm();
    const el = await card(crm, customer.id);
    $(el, '[part="edit-button"]').click();
    await el.updateComplete;
    setField(el, 'company', 'Mine Ltd');
    // Meanwhile, another tab changes the name and the company.
    const otherTab = await createCrm({ storage });
    await otherTab.customers.put({ ...customer, name: 'Ayşe Y. Demir', company: 'Theirs AŞ' });
    await until(() => $$(el, '.notice').length === 1, 'changed-meanwhile notice');
    const conflicted = oneEvent(el, CrmCustomerConflictEvent.type);
    await submit(el);
    const event = (await conflicted) as unknown as CrmCustomerConflictEvent;
    expect(event.theirs.company).to.equal('Theirs AŞ');
    expect((await crm.customers.require(customer.id)).company).to.equal('Theirs AŞ');
    await el.updateComplete;
    const rows = $$(el, '[part="conflict"] tbody tr');
    expect(rows.map((row) => row.dataset.field)).to.deep.equal(['name', 'company']);
    const checked = (key: string) =>
      $<HTMLInputElement>(el, `tr[data-field="${key}"] input:checked`).value as 'mine' | 'theirs';
    expect(checked('name')).to.equal('theirs');
    expect(checked('company')).to.equal('mine');
    expect(text(rows[1]!.querySelectorAll('td')[0])).to.equal('Your version: Mine Ltd');
    expect(text(rows[1]!.querySelectorAll('td')[1])).to.equal('Saved meanwhile: Theirs AŞ');
    expect(shadow(el).activeElement?.id).to.equal('conflict-title');
    await expect(el).to.be.accessible();
    $(el, '[data-conflict="save"]').click();
    await until(() => $$(el, '[part="conflict"]').length === 0, 'conflict resolved');
    const stored = await crm.customers.require(customer.id);
    expect(stored.name).to.equal('Ayşe Y. Demir');
    expect(stored.company).to.equal('Mine Ltd');
  });

  it('can discard my changes after a conflict', async () => {
    const { crm, customer } = await seededCrm();
    const el = await card(crm, customer.id);
    $(el, '[part="edit-button"]').click();
    await el.updateComplete;
    setField(el, 'company', 'Mine Ltd');
    await crm.customers.put({ ...customer, company: 'Theirs AŞ' });
    await submit(el);
    await until(() => $$(el, '[part="conflict"]').length === 1, 'conflict view');
    $(el, 'tr[data-field="company"] input[value="theirs"]').click();
    $(el, '[data-conflict="discard"]').click();
    await until(() => $$(el, '[part="conflict"]').length === 0, 'conflict closed');
    expect((await crm.customers.require(customer.id)).company).to.equal('Theirs AŞ');
    await until(() => text($(el, '.subtitle')).startsWith('Theirs AŞ'), 'their version shown');
  });

  it('works with the keyboard alone: open, type, save, and Escape to cancel', async () => {
    const { crm, customer } = await seededCrm();
    // Built by hand: fixture() waits for an animation frame, which a background tab (tests run two at a time) never gets.
    const wrapper = document.createElement('div');
    const before = document.createElement('button');
    before.textContent = 'before';
    const el = document.createElement('crm-customer-card');
    el.crm = crm;
    el.customerId = customer.id;
    wrapper.append(before, el);
    document.body.append(wrapper);
    after(() => wrapper.remove());
    await until(() => !!el.shadowRoot?.querySelector('[part="edit-button"]'), 'ready card');
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.getAttribute('part')).to.equal('edit-button');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('field-name');
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.id).to.equal('field-company');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ type: 'Klavye AŞ' });
    await sendKeys({ press: 'Enter' });
    await until(() => text($(el, '.subtitle')).startsWith('Klavye AŞ'), 'saved with Enter');
    expect(shadow(el).activeElement?.getAttribute('part')).to.equal('edit-button');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ type: 'x' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($$(el, 'form')).to.have.length(0);
    expect(shadow(el).activeElement?.getAttribute('part')).to.equal('edit-button');
    expect((await crm.customers.require(customer.id)).name).to.equal('Ayşe Yılmaz');
    // The consent badges and disabled contact actions are reachable by Tab, so their reasons can be read.
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.getAttribute('data-channel')).to.equal('email');
  });
});
