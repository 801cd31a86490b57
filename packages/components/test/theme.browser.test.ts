import { html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/index.js';
import { adoptCrmTheme, type CrmCustomerCard } from '../src/index.js';
import { expect } from './expect.js';
import { $, NOW, seededCrm, until, mount } from './support.js';
import { seededTimeline } from './timeline-support.js';

async function cardIn(wrapper: ReturnType<typeof html>): Promise<CrmCustomerCard> {
  const { crm, customer } = await seededCrm();
  const host = await mount<HTMLElement>(wrapper);
  const el = host.querySelector('crm-customer-card') ?? (host as CrmCustomerCard);
  el.crm = crm;
  el.customerId = customer.id;
  await until(() => !!el.shadowRoot?.querySelector('[part="name"]'), 'ready card');
  return el;
}

const background = (el: CrmCustomerCard) => getComputedStyle($(el, '[part="base"]')).backgroundColor;
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(27, 30, 36)';

describe('themes and direction', () => {
  before(() => adoptCrmTheme());
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('is light by default and dark under .crm-theme-dark, accessible in both', async () => {
    const light = await cardIn(html`<div><crm-customer-card></crm-customer-card></div>`);
    expect(background(light)).to.equal(LIGHT);
    await expect(light).to.be.accessible();
    const dark = await cardIn(html`<div class="crm-theme-dark"><crm-customer-card></crm-customer-card></div>`);
    expect(background(dark)).to.equal(DARK);
    await expect(dark).to.be.accessible();
  });

  it('follows prefers-color-scheme unless a class pins the theme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = await cardIn(html`<div><crm-customer-card></crm-customer-card></div>`);
    expect(background(auto)).to.equal(DARK);
    await expect(auto).to.be.accessible();
    const pinned = await cardIn(html`<div class="crm-theme-light"><crm-customer-card></crm-customer-card></div>`);
    expect(background(pinned)).to.equal(LIGHT);
  });

  it('lets a host app override a semantic token and a card property', async () => {
    const el = await cardIn(html`<div class="crm-theme-light"><crm-customer-card></crm-customer-card></div>`);
    el.style.setProperty('--crm-color-surface', 'rgb(1, 2, 3)');
    expect(background(el)).to.equal('rgb(1, 2, 3)');
    el.style.setProperty('--crm-card-background', 'rgb(4, 5, 6)');
    expect(background(el)).to.equal('rgb(4, 5, 6)');
  });

  it('mirrors its layout in right-to-left pages', async () => {
    const ltr = await cardIn(html`<div dir="ltr"><crm-customer-card></crm-customer-card></div>`);
    const rtl = await cardIn(html`<div dir="rtl"><crm-customer-card></crm-customer-card></div>`);
    const avatarSide = (el: CrmCustomerCard) => {
      const avatar = $(el, '[part="avatar"]').getBoundingClientRect();
      const base = $(el, '[part="base"]').getBoundingClientRect();
      return avatar.left - base.left < base.right - avatar.right ? 'left' : 'right';
    };
    expect(avatarSide(ltr)).to.equal('left');
    expect(avatarSide(rtl)).to.equal('right');
    await expect(rtl).to.be.accessible();
  });

  it('keeps the timeline accessible in the dark theme and right to left', async () => {
    const { crm, customer } = await seededTimeline();
    const host = await mount<HTMLElement>(
      html`<div class="crm-theme-dark" dir="rtl" lang="tr">
        <crm-timeline .crm=${crm} .now=${NOW} customer-id=${customer.id}></crm-timeline>
      </div>`,
    );
    const el = host.querySelector('crm-timeline')!;
    await until(() => !!el.shadowRoot?.querySelector('[part="pinned"] [part="item"]'), 'items');
    expect(getComputedStyle($(el, '[part="base"]')).backgroundColor).to.equal(DARK);
    await expect(el).to.be.accessible();
  });
});
