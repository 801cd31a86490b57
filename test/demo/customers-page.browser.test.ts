import { fixture, html } from '@open-wc/testing';
import { memoryStorage, type Crm, type CustomerInput } from '@crmkit/core';
import type { CrmSegmentBuilder } from '@crmkit/components';
import { createDemoCrm } from '../../demo/src/crm.js';
import '../../demo/src/pages/customers/customers-page.js';
import type { DemoCustomersPage } from '../../demo/src/pages/customers/customers-page.js';
import { expect } from '../../packages/components/test/expect.js';
import { text, until } from '../../packages/components/test/support.js';

const CITIES = ['İstanbul', 'Ankara', 'İzmir'];

/** 30 customers: 10 per city, names sorted alike by code unit and by English, one with an e-mail only. */
function customers(): CustomerInput[] {
  const list: CustomerInput[] = [];
  for (let i = 0; i < 27; i++) {
    list.push({
      id: `c${String(i).padStart(2, '0')}`,
      name: `Customer ${String(i).padStart(2, '0')}`,
      address: { city: CITIES[i % 3]!, country: 'TR' },
      emails: [`customer${i}@example.com`],
      lifecycle: { totalSpent: 1000 * i, currency: 'TRY', purchases: i, lastPurchaseAt: '2026-10-01T10:00:00.000Z' },
    });
  }
  list.push(
    { id: 'isik', name: 'Deniz Işık', address: { city: 'Ankara', country: 'TR' }, emails: ['deniz@example.com'] },
    { id: 'sisli', name: 'Ayşe Şişlioğlu', address: { city: 'İstanbul', country: 'TR' }, emails: [] },
    { id: 'mail', name: 'Zeynep Kaya', address: { city: 'İzmir', country: 'TR' }, emails: ['zk.sisli@example.com'] },
  );
  return list;
}

async function demoCrm(): Promise<Crm> {
  const crm = await createDemoCrm({ storage: memoryStorage(), tenant: 'customers-test', locale: 'en' });
  await crm.customers.putMany(customers());
  return crm;
}

async function mount(crm: Crm): Promise<DemoCustomersPage> {
  const page = await fixture<DemoCustomersPage>(html`<demo-customers-page .crm=${crm}></demo-customers-page>`);
  await until(() => rows(page).length > 0, 'the first page', 10_000);
  return page;
}

const rows = (page: Element) => [...page.querySelectorAll('tbody tr')];
const names = (page: Element) => rows(page).map((row) => text(row.querySelector('th')));
const range = (page: Element) => text(page.querySelector('.demo-range'));

async function search(page: DemoCustomersPage, value: string): Promise<void> {
  const input = page.querySelector<HTMLInputElement>('input[type="search"][data-demo="search"]')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function settled(page: DemoCustomersPage, expected: string): Promise<void> {
  await until(() => range(page) === expected, `“${expected}” (saw “${range(page)}”)`, 10_000);
}

describe('demo: <demo-customers-page>', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('lists 25 customers a page by name, with links, and pages forward and back', async () => {
    const page = await mount(await demoCrm());
    await settled(page, '1–25 of 30 customers');
    expect(rows(page)).to.have.length(25);
    expect(names(page)[0]).to.equal('Ayşe Şişlioğlu');
    const link = rows(page)[1]!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('#/customer/c00');
    expect(text(link)).to.equal('Customer 00');
    const cells = [...rows(page)[1]!.querySelectorAll('td')].map((cell) => text(cell));
    expect(cells[0]).to.equal('İstanbul');
    expect(cells[3]).to.equal('1 Oct 2026');
    expect(cells[4]).to.match(/^₺0\.00$|^TRY/);

    const next = page.querySelector<HTMLButtonElement>('button[data-action="next"]')!;
    const previous = page.querySelector<HTMLButtonElement>('button[data-action="previous"]')!;
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    next.focus();
    next.click();
    await settled(page, '26–30 of 30 customers');
    expect(names(page)).to.deep.equal(['Customer 24', 'Customer 25', 'Customer 26', 'Deniz Işık', 'Zeynep Kaya']);
    // The last page: "next" says it is off but keeps the keyboard's focus.
    expect(next.getAttribute('aria-disabled')).to.equal('true');
    expect(document.activeElement).to.equal(next);
    next.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(range(page)).to.equal('26–30 of 30 customers');
    previous.click();
    await settled(page, '1–25 of 30 customers');
    expect(names(page)[0]).to.equal('Ayşe Şişlioğlu');
  });

  it('searches names and e-mail addresses without regard to case or accents, Turkish-aware', async () => {
    const page = await mount(await demoCrm());
    await search(page, 'sisli');
    await settled(page, '1–2 of 2 customers');
    expect(names(page)).to.deep.equal(['Ayşe Şişlioğlu', 'Zeynep Kaya']);
    expect(text(page.querySelector('caption'))).to.contain('“sisli”');

    document.documentElement.lang = 'tr';
    await search(page, 'ISIK');
    await settled(page, '1 müşteriden 1–1');
    expect(names(page)).to.deep.equal(['Deniz Işık']);
    await search(page, 'DENİZ');
    await settled(page, '1 müşteriden 1–1');

    await search(page, 'nobody here');
    await until(() => range(page) === 'Eşleşen müşteri yok. Aramayı veya segmenti değiştirin.', 'the empty state');
    expect(page.querySelector('table')).to.equal(null);
    expect(page.querySelector('button[data-action="next"]')).to.equal(null);
  });

  it('narrows the list to the segment builder’s rule, and the search within it', async () => {
    const page = await mount(await demoCrm());
    const builder = page.querySelector<CrmSegmentBuilder>('crm-segment-builder')!;
    builder.applyRule({
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'condition', field: 'address.city', op: 'eq', value: 'ankara' }],
    });
    await settled(page, '1–10 of 10 customers');
    for (const row of rows(page)) expect(text(row.querySelectorAll('td')[0])).to.equal('Ankara');
    await search(page, 'ISIK');
    await settled(page, '1–1 of 1 customers');
    expect(names(page)).to.deep.equal(['Deniz Işık']);
    // A rule with a mistake in it leaves the list as it is.
    builder.applyRule({
      kind: 'group',
      combinator: 'and',
      rules: [
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'ankara' },
        { kind: 'condition', field: 'lifecycle.totalSpent', op: 'gt', value: 'lots' },
      ],
    });
    await until(() => builder.issues.length > 0, 'the issue');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(names(page)).to.deep.equal(['Deniz Işık']);
  });

  it('opens a saved segment from the library into the builder, and the list follows it', async () => {
    const crm = await demoCrm();
    await crm.segments.put({
      name: 'İzmir',
      rule: {
        kind: 'group',
        combinator: 'and',
        rules: [{ kind: 'condition', field: 'address.city', op: 'eq', value: 'İzmir' }],
      },
    });
    const page = await mount(crm);
    const library = page.querySelector('crm-segment-library')!;
    await until(() => !!library.shadowRoot?.querySelector('[data-load]'), 'the saved segment');
    library.shadowRoot!.querySelector<HTMLButtonElement>('[data-load]')!.click();
    await settled(page, '1–10 of 10 customers');
    for (const row of rows(page)) expect(text(row.querySelectorAll('td')[0])).to.equal('İzmir');
  });

  it('follows changes to the customers', async () => {
    const crm = await demoCrm();
    const page = await mount(crm);
    await search(page, 'Kaya');
    await settled(page, '1–1 of 1 customers');
    await crm.customers.put({ id: 'new', name: 'Elif Kaya', emails: [] });
    await settled(page, '1–2 of 2 customers');
    expect(names(page)).to.deep.equal(['Elif Kaya', 'Zeynep Kaya']);
  });

  it('is accessible in English and Turkish', async () => {
    const page = await mount(await demoCrm());
    await settled(page, '1–25 of 30 customers');
    expect(page.querySelector('table caption')).to.exist;
    expect([...page.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    await expect(page).to.be.accessible();
    document.documentElement.lang = 'tr';
    await settled(page, '30 müşteriden 1–25');
    expect(text(page.querySelector('thead th'))).to.equal('Ad');
    await expect(page).to.be.accessible();
  });

  it('sorts names as the page language does, and starts again at page 1 when it changes', async () => {
    const crm = await demoCrm();
    await crm.customers.putMany([
      { id: 'cagla', name: 'Çağla Ak', emails: [] },
      { id: 'sule', name: 'Şule Er', emails: [] },
    ]);
    const page = await mount(crm);
    await settled(page, '1–25 of 32 customers');
    // English sorts Ç with C and Ş with S.
    expect(names(page).slice(0, 3)).to.deep.equal(['Ayşe Şişlioğlu', 'Çağla Ak', 'Customer 00']);
    page.querySelector<HTMLButtonElement>('button[data-action="next"]')!.click();
    await settled(page, '26–32 of 32 customers');
    expect(names(page)).to.deep.equal([
      'Customer 23',
      'Customer 24',
      'Customer 25',
      'Customer 26',
      'Deniz Işık',
      'Şule Er',
      'Zeynep Kaya',
    ]);

    document.documentElement.lang = 'tr';
    await settled(page, '32 müşteriden 1–25');
    expect(names(page)[0]).to.equal('Ayşe Şişlioğlu');
    expect(names(page)).not.to.include('Çağla Ak');
    page.querySelector<HTMLButtonElement>('button[data-action="next"]')!.click();
    await settled(page, '32 müşteriden 26–32');
    // Turkish sorts Ç after every C, and Ş after every S.
    expect(names(page)).to.deep.equal([
      'Customer 24',
      'Customer 25',
      'Customer 26',
      'Çağla Ak',
      'Deniz Işık',
      'Şule Er',
      'Zeynep Kaya',
    ]);
  });

  it('leaves out those without consent on the channel when the audience says so, and lists all again after', async () => {
    const crm = await demoCrm();
    const record = (customerId: string, channel: 'sms' | 'email', status: 'granted' | 'denied', day: number) =>
      crm.consents.put({
        customerId,
        channel,
        status,
        recipient: channel === 'sms' ? '+90 532 555 01 01' : `${customerId}@example.com`,
        source: 'HS_WEB',
        recordedAt: `2026-09-${String(day).padStart(2, '0')}T10:00:00.000Z`,
      });
    for (let i = 0; i < 10; i++) await record(`c0${i}`, 'sms', 'granted', 1);
    await record('c03', 'sms', 'denied', 2); // granted, then withdrawn
    await record('c21', 'sms', 'denied', 1);
    await record('c21', 'sms', 'granted', 2); // denied, then granted
    await record('c15', 'email', 'granted', 1); // another channel
    const page = await mount(crm);
    const builder = page.querySelector<CrmSegmentBuilder>('crm-segment-builder')!;
    builder.applyRule({
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'condition', field: 'address.city', op: 'eq', value: 'İstanbul' }],
    });
    await settled(page, '1–10 of 10 customers');

    const audience = page.querySelector('crm-segment-audience')!;
    const select = () => audience.shadowRoot!.querySelector('select')!;
    await until(() => !!audience.shadowRoot?.querySelector('select'), 'the consent channel');
    select().value = 'sms';
    select().dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    const checkbox = () => audience.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]');
    await until(() => !!checkbox(), 'the consent checkbox', 10_000);
    // Choosing the channel alone leaves the list as it is.
    expect(range(page)).to.equal('1–10 of 10 customers');
    checkbox()!.click();
    await settled(page, '1–4 of 4 customers');
    expect(names(page)).to.deep.equal(['Customer 00', 'Customer 06', 'Customer 09', 'Customer 21']);
    expect(text(page.querySelector('caption'))).to.contain('leaving out those without SMS consent');

    // A consent withdrawn while the list shows: the list follows.
    await record('c06', 'sms', 'denied', 3);
    await settled(page, '1–3 of 3 customers');
    expect(names(page)).to.deep.equal(['Customer 00', 'Customer 09', 'Customer 21']);

    checkbox()!.click();
    await settled(page, '1–10 of 10 customers');
    expect(names(page)[0]).to.equal('Ayşe Şişlioğlu');
    expect(text(page.querySelector('caption'))).not.to.contain('consent');
  });
});
