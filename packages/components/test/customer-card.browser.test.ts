import { html, oneEvent } from '@open-wc/testing';
import { createCrm, definePlugin, type Crm } from '@crmkit/core';
import '../src/index.js';
import type { CrmCustomerCard } from '../src/index.js';
import { CrmCardActionEvent, CrmContactEvent } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, seededCrm, text, until, mount } from './support.js';

async function ready(el: CrmCustomerCard): Promise<CrmCustomerCard> {
  await until(() => !!el.shadowRoot?.querySelector('[part="name"]'), 'ready card');
  return el;
}

async function card(crm: Crm, id: string, attrs: { variant?: string; lang?: string } = {}) {
  return ready(
    await mount<CrmCustomerCard>(
      html`<crm-customer-card
        .crm=${crm}
        customer-id=${id}
        variant=${attrs.variant ?? 'full'}
        lang=${attrs.lang ?? 'en'}
      ></crm-customer-card>`,
    ),
  );
}

describe('crm-customer-card', () => {
  it('takes its crm from a <crm-provider> around it', async () => {
    const { crm, customer } = await seededCrm();
    const wrapper = await mount<HTMLElement>(
      html`<crm-provider .crm=${crm}
        ><div><crm-customer-card customer-id=${customer.id}></crm-customer-card></div
      ></crm-provider>`,
    );
    const el = await ready(wrapper.querySelector('crm-customer-card')!);
    expect(text($(el, '[part="name"]'))).to.equal('Ayşe Yılmaz');
  });

  it('prefers its own .crm over the provider’s', async () => {
    const a = await seededCrm();
    const b = await createCrm();
    const other = await b.customers.put({ name: 'Other Person' });
    const wrapper = await mount<HTMLElement>(
      html`<crm-provider .crm=${a.crm}
        ><crm-customer-card .crm=${b} customer-id=${other.id}></crm-customer-card
      ></crm-provider>`,
    );
    const el = await ready(wrapper.querySelector('crm-customer-card')!);
    expect(text($(el, '[part="name"]'))).to.equal('Other Person');
  });

  it('shows a consent badge per channel with source and date on focus', async () => {
    const { crm, customer } = await seededCrm();
    const el = await card(crm, customer.id);
    const badges = $$(el, '[part="consent-badge"]');
    expect(badges.map((badge) => badge.dataset.channel)).to.deep.equal(['email', 'sms', 'call']);
    expect(badges.map((badge) => [...badge.classList].at(-1))).to.deep.equal(['granted', 'none', 'denied']);
    const tip = $(el, `#${badges[0]!.getAttribute('aria-describedby')}`);
    expect(tip.getAttribute('role')).to.equal('tooltip');
    expect(text(tip)).to.equal('Source: HS_WEB · Recorded on Nov 2, 2024');
    expect(getComputedStyle(tip).display).to.equal('none');
    badges[0]!.focus();
    expect(getComputedStyle(tip).display).to.equal('block');
    badges[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await el.updateComplete;
    expect(getComputedStyle(tip).display).to.equal('none');
    expect(text($(el, '#consent-sms-tip'))).to.equal('No consent recorded');
  });

  it('disables contact actions without consent and says why', async () => {
    const { crm, customer } = await seededCrm();
    const el = await card(crm, customer.id);
    const [email, sms, call] = $$(el, '[part="contact-action"]');
    expect(email!.localName).to.equal('a');
    expect(email!.getAttribute('href')).to.equal('mailto:ayse@example.com');
    for (const [action, reason] of [
      [sms!, 'No SMS consent recorded.'],
      [call!, 'Phone call consent was refused.'],
    ] as const) {
      expect(action.localName).to.equal('button');
      expect(action.getAttribute('aria-disabled')).to.equal('true');
      expect(text($(el, `#${action.getAttribute('aria-describedby')}`))).to.equal(reason);
    }
    await expect(el).to.be.accessible();
  });

  it('lets the host app take over a contact action', async () => {
    const { crm, customer } = await seededCrm();
    const el = await card(crm, customer.id);
    el.addEventListener(CrmContactEvent.type, (event) => event.preventDefault(), { once: true });
    const seen = oneEvent(el, CrmContactEvent.type);
    const link = $(el, 'a[part="contact-action"]');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    const event = (await seen) as unknown as CrmContactEvent;
    expect(event.channel).to.equal('email');
    expect(event.address).to.equal('ayse@example.com');
    expect(click.defaultPrevented).to.equal(true);
  });

  it('shows lifecycle, ladder, spend and the VIP tier with how it was computed', async () => {
    const { crm, customer } = await seededCrm();
    const el = await card(crm, customer.id);
    const metrics = $$(el, '.metric');
    expect(metrics.map((m) => m.dataset.metric)).to.deep.equal(['lifecycle', 'ladder', 'totalSpent', 'vipTier']);
    const vip = $(el, '[data-metric="vipTier"]');
    expect(text(vip.querySelector('.metric-value'))).to.equal('Gold');
    const details = vip.querySelector('details')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    expect(details.open).to.equal(true);
    expect(text(details.querySelector('p'))).to.contain('total spent so far of TRY 62,000.00');
    expect(text(details.querySelector('.factors'))).to.contain('Platinum from 150,000');
    await expect(el).to.be.accessible();
  });

  it('hides metrics that no plugin provides', async () => {
    const crm = await createCrm();
    const plain = await crm.customers.put({ name: 'Plain Customer' });
    const el = await card(crm, plain.id);
    expect($$(el, '[part="metrics"]')).to.have.length(0);
  });

  it('speaks Turkish when the page or an ancestor says lang="tr", and follows a change', async () => {
    const { crm, customer } = await seededCrm();
    const wrapper = await mount<HTMLElement>(
      html`<div lang="tr"><crm-customer-card .crm=${crm} customer-id=${customer.id}></crm-customer-card></div>`,
    );
    const el = await ready(wrapper.querySelector('crm-customer-card')!);
    expect(text($(el, '[part="edit-button"]'))).to.equal('Düzenle: Ayşe Yılmaz');
    expect(text($(el, '[data-metric="vipTier"] .metric-value'))).to.equal('Altın');
    expect(text($(el, '[data-metric="totalSpent"] .metric-value'))).to.match(/^₺62\.000,00$/);
    expect(text($(el, '#consent-email-tip'))).to.equal('Kaynak: HS_WEB · Kayıt tarihi: 2 Kas 2024');
    await expect(el).to.be.accessible();
    wrapper.setAttribute('lang', 'en-GB');
    await until(() => text($(el, '[part="edit-button"]')).startsWith('Edit'), 'English again');
    expect(text($(el, '#consent-email-tip'))).to.equal('Source: HS_WEB · Recorded on 2 Nov 2024');
  });

  it('compact shows who, consents and actions but not details and metrics', async () => {
    const { crm, customer } = await seededCrm();
    const el = await card(crm, customer.id, { variant: 'compact' });
    expect($$(el, '[part="consent-badge"]')).to.have.length(3);
    expect($$(el, '[part="details"]')).to.have.length(0);
    expect($$(el, '[part="metrics"]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('re-renders when the customer changes, also from another tab', async () => {
    const { crm, storage, customer } = await seededCrm();
    const el = await card(crm, customer.id);
    await crm.customers.put({ ...customer, name: 'Ayşe Demir' });
    await until(() => text($(el, '[part="name"]')) === 'Ayşe Demir', 'local change');
    const otherTab = await createCrm({ storage });
    const latest = await otherTab.customers.require(customer.id);
    await otherTab.customers.put({ ...latest, company: 'Kuzey Lojistik' });
    await until(() => text($(el, '.subtitle')) === 'Kuzey Lojistik · İstanbul', 'remote change');
    await otherTab.consents.put({
      customerId: customer.id,
      channel: 'sms',
      status: 'granted',
      recipient: '+90 212 555 01 01',
      source: 'HS_MESAJ',
      recordedAt: '2025-03-01T08:00:00Z',
    });
    await until(() => $(el, '[data-channel="sms"][part="consent-badge"]').classList.contains('granted'), 'consent');
    expect($(el, '[part="contact-action"][data-channel="sms"]').localName).to.equal('a');
  });

  it('shows the host app’s slotted actions and the plugins’ card actions', async () => {
    let ran = '';
    const actions = definePlugin({
      id: 'actions',
      version: '1.0.0',
      kit: '^0.1.0',
      register(ctx) {
        ctx.card.addAction({
          id: 'quote',
          label: { en: 'New quote', tr: 'Yeni teklif' },
          run: (customer) => {
            ran = customer.name;
          },
        });
        ctx.card.addAction({ id: 'never', label: { en: 'Hidden', tr: 'Gizli' }, when: () => false, run: () => {} });
      },
    });
    const { crm, customer } = await seededCrm({ plugins: [actions] });
    const wrapper = await mount<HTMLElement>(
      html`<div>
        <crm-customer-card .crm=${crm} customer-id=${customer.id}
          ><button slot="actions">Host</button></crm-customer-card
        >
      </div>`,
    );
    const el = await ready(wrapper.querySelector('crm-customer-card')!);
    expect($(el, 'slot[name="actions"]').parentElement!.getAttribute('part')).to.equal('actions');
    const buttons = $$(el, '[part="plugin-action"]');
    expect(buttons.map((b) => text(b))).to.deep.equal(['New quote']);
    const chosen = oneEvent(el, CrmCardActionEvent.type);
    buttons[0]!.click();
    expect(((await chosen) as unknown as CrmCardActionEvent).actionId).to.equal('quote');
    await until(() => ran === 'Ayşe Yılmaz', 'action ran');
  });

  it('switches off a plugin whose card action check throws, and keeps working', async () => {
    const broken = definePlugin({
      id: 'broken',
      version: '1.0.0',
      kit: '^0.1.0',
      register(ctx) {
        ctx.card.addAction({
          id: 'boom',
          label: { en: 'Boom', tr: 'Bum' },
          when: () => {
            throw new Error('boom');
          },
          run: () => {},
        });
      },
    });
    const { crm, customer } = await seededCrm({ plugins: [broken] });
    const el = await card(crm, customer.id);
    expect($$(el, '[part="plugin-action"]')).to.have.length(0);
    expect(crm.plugins.isActive('broken')).to.equal(false);
    expect(text($(el, '[part="name"]'))).to.equal('Ayşe Yılmaz');
  });
});
