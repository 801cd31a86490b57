/**
 * The demo's customer page in Chromium, on memoryStorage with the demo's own crm assembly (every plugin): a
 * hand-made customer of the jewellery retailer with consents, a purchase, a repair job, sales documents, an NPS
 * answer and tickets, next to a second customer whose rows must stay untouched by the first one's erasure.
 */
import { aTimeout, expect as openWcExpect } from '@open-wc/testing';
import type { expect as chaiExpect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { flushNpsOutbox } from '@crmkit/components';
import {
  CrmStorageError,
  memoryStorage,
  type Crm,
  type CrmStorage,
  type Customer,
  type SalesDocumentInput,
} from '@crmkit/core';
import { createDemoCrm } from '../../demo/src/crm.js';
import { AFTER_ERASE_ROUTE, type DemoCustomerPage } from '../../demo/src/pages/customer/customer-page.js';
import { DemoNoticeEvent } from '../../demo/src/pages/customer/erased-notice.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Chai {
    interface Assertion {
      accessible(options?: { ignoredRules?: string[] }): Promise<void>;
    }
  }
}
/** @open-wc/testing's chai (with its axe plugin), typed as chai's own. */
const expect = openWcExpect as unknown as typeof chaiExpect;

const NOW = new Date('2025-03-14T10:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

const line = (description: string, unitPrice: number, quantity = 1) => ({
  description,
  quantity,
  unitPrice,
  taxRate: 0.2,
});

interface Seeded {
  crm: Crm;
  storage: CrmStorage;
  ayse: Customer;
  other: Customer;
}

async function seed(): Promise<Seeded> {
  const storage = memoryStorage();
  const crm = await createDemoCrm({ storage, tenant: 't', now: () => NOW });
  const ayse = await crm.customers.put({
    name: 'Ayşe Yılmaz',
    emails: ['ayse@example.com'],
    phones: ['+90 212 555 01 01'],
    address: { district: 'Nişantaşı', city: 'İstanbul', country: 'TR' },
    tags: ['gold-buyer'],
    acquisition: { channel: 'store', at: daysAgo(700) },
    lifecycle: { totalSpent: 48_000, currency: 'TRY' },
  });
  const other = await crm.customers.put({ name: 'Mehmet Demir', address: { city: 'Ankara', country: 'TR' } });
  for (const [customer, recipient] of [
    [ayse, 'ayse@example.com'],
    [other, 'mehmet@example.com'],
  ] as const) {
    await crm.consents.put({
      customerId: customer.id,
      channel: 'email',
      status: 'granted',
      recipient,
      source: 'HS_WEB',
      recordedAt: daysAgo(300),
    });
  }
  await crm.consents.put({
    customerId: ayse.id,
    channel: 'sms',
    status: 'denied',
    recipient: '+90 212 555 01 01',
    source: 'HS_FIZIKSEL_ORTAM',
    recordedAt: daysAgo(200),
  });
  await crm.activities.putMany([
    {
      customerId: ayse.id,
      type: 'purchase',
      at: daysAgo(40),
      data: { total: 18_500, currency: 'TRY', items: 1, store: 'Nişantaşı' },
    },
    {
      customerId: ayse.id,
      type: 'repairJob',
      at: daysAgo(3),
      data: { item: 'Gold ring, resize to 54', jobNumber: 'R-1042', status: 'ready', price: 750 },
    },
    { customerId: other.id, type: 'note', at: daysAgo(2), data: { text: 'Asked about earrings' } },
  ]);
  const documents: SalesDocumentInput[] = [
    {
      customerId: ayse.id,
      kind: 'quote',
      number: 'Q-2025-0007',
      status: 'accepted',
      currency: 'TRY',
      lines: [line('Emerald necklace', 15_000)],
      issuedAt: daysAgo(60),
    },
    {
      customerId: ayse.id,
      kind: 'invoice',
      number: 'INV-2025-0031',
      status: 'paid',
      currency: 'TRY',
      lines: [line('Emerald necklace', 15_000), line('Gift box', 208.75, 2)],
      issuedAt: daysAgo(40),
    },
    {
      customerId: ayse.id,
      kind: 'order',
      number: 'ORD-2025-0019',
      status: 'fulfilled',
      currency: 'TRY',
      lines: [line('Emerald necklace', 15_000)],
      issuedAt: daysAgo(50),
    },
    {
      customerId: other.id,
      kind: 'quote',
      number: 'Q-OTHER-1',
      status: 'sent',
      currency: 'TRY',
      lines: [line('Watch strap', 900)],
      issuedAt: daysAgo(1),
    },
  ];
  await crm.salesDocuments.putMany(documents);
  await crm.tickets.putMany([
    {
      customerId: ayse.id,
      subject: 'Clasp came loose',
      status: 'solved',
      priority: 'normal',
      createdAt: daysAgo(30),
    },
    { customerId: ayse.id, subject: 'Invoice copy needed', status: 'open', priority: 'high', createdAt: daysAgo(5) },
    { customerId: other.id, subject: 'Strap size', status: 'open', priority: 'low' },
  ]);
  // Answered long enough ago that the store-visit survey asks again.
  await crm.npsResponses.put({ customerId: ayse.id, score: 9, touchpoint: 'web-order', at: daysAgo(200) });
  await crm.npsResponses.put({ customerId: other.id, score: 6, touchpoint: 'store-visit', at: daysAgo(20) });
  return { crm, storage, ayse, other };
}

const mounted: Element[] = [];

async function mountPage(crm: Crm, customerId: string): Promise<DemoCustomerPage> {
  const page = document.createElement('demo-customer-page');
  page.crm = crm;
  page.now = NOW;
  page.setAttribute('customer-id', customerId);
  document.body.append(page);
  mounted.push(page);
  await page.updateComplete;
  return page;
}

function root(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
}

function $<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = root(element).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in ${element.localName}`);
  return found;
}

function $$<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
  return [...root(element).querySelectorAll<T>(selector)];
}

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

// Generous: `npm test` runs two browser sessions at once beside other work, and a busy machine renders late.
async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(10);
  }
}

/** Waits until every section shows its data, including the kit's elements. */
async function ready(page: DemoCustomerPage): Promise<void> {
  await until(() => !!root(page).querySelector('h1') && !!root(page).querySelector('crm-customer-card'), 'page');
  const card = $(page, 'crm-customer-card');
  const timeline = $(page, 'crm-timeline');
  const nps = $(page, 'crm-nps-widget');
  await until(() => !!card.shadowRoot?.querySelector('[part="name"]'), 'card');
  // The timeline renders the items in view (it is virtualised).
  timeline.scrollIntoView();
  await until(() => !!timeline.shadowRoot?.querySelector('[part="feed"] [part="item"]'), 'timeline');
  await until(() => !!nps.shadowRoot?.querySelector('[part="scale"]'), 'NPS question');
  await until(() => $$(page, '[data-demo="sales-documents"] tbody tr').length > 0, 'sales documents');
  await until(() => $$(page, '[data-demo="tickets"] tbody tr').length > 0, 'tickets');
}

const headings = (page: DemoCustomerPage) => $$(page, '.page h1, .page h2').map((h) => `${h.localName} ${text(h)}`);

const documentRows = (page: DemoCustomerPage) =>
  $$(page, '[data-demo="sales-documents"] tbody tr').map((row) =>
    [...row.children].map((cell) => text(cell)).join(' | '),
  );

const ticketRows = (page: DemoCustomerPage) =>
  $$(page, '[data-demo="tickets"] tbody tr').map((row) => [...row.children].map((cell) => text(cell)).join(' | '));

/** Intl's currency output has narrow no-break spaces in some locales; compare with plain spaces. */
const plain = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ');

describe('demo customer page', () => {
  let originalLang: string;
  let originalHash: string;

  before(async () => {
    // Wide enough for the two-column layout.
    await setViewport({ width: 1280, height: 900 });
  });

  beforeEach(() => {
    originalLang = document.documentElement.lang;
    originalHash = location.hash;
    document.documentElement.lang = 'en';
  });

  afterEach(() => {
    for (const element of mounted.splice(0)) element.remove();
    document.querySelectorAll('demo-erased-notice').forEach((notice) => notice.remove());
    localStorage.removeItem('crmkit.nps-outbox.t');
    document.documentElement.lang = originalLang;
    if (location.hash !== originalHash) history.replaceState(null, '', originalHash || location.pathname);
  });

  it('shows the customer in every section: card, NPS at the store visit, timeline, documents and tickets', async () => {
    const { crm, ayse } = await seed();
    const page = await mountPage(crm, ayse.id);
    await ready(page);

    expect(headings(page)).to.deep.equal([
      'h1 Ayşe Yılmaz',
      'h2 Profile',
      'h2 Satisfaction (NPS)',
      'h2 Timeline',
      'h2 Sales documents',
      'h2 Tickets',
      'h2 Personal data (KVKK/GDPR)',
    ]);
    expect($<HTMLAnchorElement>(page, 'a.back').getAttribute('href')).to.equal('#/customers');
    expect(text($(page, 'a.back'))).to.equal('← Back to customers');

    const card = $(page, 'crm-customer-card');
    expect(card.getAttribute('customer-id')).to.equal(ayse.id);
    expect(text(card.shadowRoot!.querySelector('[part="name"]'))).to.equal('Ayşe Yılmaz');
    expect(card.shadowRoot!.querySelector('[part="name"]')!.getAttribute('aria-level')).to.equal('3');
    expect(card.shadowRoot!.querySelector('[part="plugin-action"][data-action="iys-export"]')).to.not.equal(null);

    const nps = $(page, 'crm-nps-widget');
    expect(nps.getAttribute('touchpoint')).to.equal('store-visit');
    expect(nps.getAttribute('customer-id')).to.equal(ayse.id);

    const timeline = $(page, 'crm-timeline');
    await until(
      () => [...timeline.shadowRoot!.querySelectorAll('[part="item"]')].some((item) => /R-1042/.test(text(item))),
      'repair job on the timeline',
    );
    const items = [...timeline.shadowRoot!.querySelectorAll('[part="feed"] [part="item"]')].map((item) => text(item));
    expect(items.some((item) => item.includes('Repair R-1042: Gold ring, resize to 54'))).to.equal(true);
    expect(items.some((item) => item.includes('Purchase'))).to.equal(true);

    // Newest first, only hers, totals with 20% KDV in Turkish lira.
    expect(documentRows(page).map(plain)).to.deep.equal([
      'INV-2025-0031 | Invoice | Paid | 2 Feb 2025 | TRY 18,501.00',
      'ORD-2025-0019 | Order | Fulfilled | 23 Jan 2025 | TRY 18,000.00',
      'Q-2025-0007 | Quote | Accepted | 13 Jan 2025 | TRY 18,000.00',
    ]);
    expect(ticketRows(page)).to.deep.equal([
      'Invoice copy needed | Open | High | 9 Mar 2025',
      'Clasp came loose | Solved | Normal | 12 Feb 2025',
    ]);
    expect($$(page, '[data-demo="sales-documents"] time')[0]!.getAttribute('datetime')).to.equal(daysAgo(40));
    expect($$(page, 'button[data-action="erase"]')).to.have.length(1);
  });

  it('speaks Turkish when <html lang> switches, and English again', async () => {
    const { crm, ayse } = await seed();
    const page = await mountPage(crm, ayse.id);
    await ready(page);
    document.documentElement.lang = 'tr';
    await until(() => text($(page, '#documents-heading')) === 'Satış belgeleri', 'Turkish headings');
    expect(headings(page)).to.deep.equal([
      'h1 Ayşe Yılmaz',
      'h2 Profil',
      'h2 Memnuniyet (NPS)',
      'h2 Zaman çizelgesi',
      'h2 Satış belgeleri',
      'h2 Destek talepleri',
      'h2 Kişisel veriler (KVKK/GDPR)',
    ]);
    expect(text($(page, 'a.back'))).to.equal('← Müşterilere dön');
    expect(documentRows(page).map(plain)).to.deep.equal([
      'INV-2025-0031 | Fatura | Ödendi | 2 Şub 2025 | ₺18.501,00',
      'ORD-2025-0019 | Sipariş | Tamamlandı | 23 Oca 2025 | ₺18.000,00',
      'Q-2025-0007 | Teklif | Kabul edildi | 13 Oca 2025 | ₺18.000,00',
    ]);
    expect(ticketRows(page)).to.deep.equal([
      'Invoice copy needed | Açık | Yüksek | 9 Mar 2025',
      'Clasp came loose | Çözüldü | Normal | 12 Şub 2025',
    ]);
    expect(text($(page, 'button[data-action="erase"]'))).to.equal('Müşteriyi sil (KVKK/GDPR)');
    // The kit's elements follow the same switch.
    const timeline = $(page, 'crm-timeline');
    await until(
      () => [...timeline.shadowRoot!.querySelectorAll('[part="item"]')].some((item) => /Tamir R-1042/.test(text(item))),
      'the repair job in Turkish',
    );
    document.documentElement.lang = 'en';
    await until(() => text($(page, '#documents-heading')) === 'Sales documents', 'English again');
    expect(documentRows(page)[0]).to.contain('Invoice | Paid');
  });

  it('keeps documents and tickets live, and adds a note through the timeline composer', async () => {
    const { crm, ayse, other } = await seed();
    const page = await mountPage(crm, ayse.id);
    await ready(page);

    await crm.salesDocuments.put({
      customerId: ayse.id,
      kind: 'invoice',
      number: 'INV-2025-0040',
      status: 'overdue',
      currency: 'TRY',
      lines: [line('Repair R-1042', 625)],
      issuedAt: daysAgo(1),
    });
    await crm.salesDocuments.put({
      customerId: other.id,
      kind: 'order',
      number: 'ORD-OTHER-2',
      status: 'open',
      currency: 'TRY',
      lines: [line('Strap', 100)],
      issuedAt: daysAgo(0),
    });
    await until(() => documentRows(page).length === 4, 'the new document');
    expect(plain(documentRows(page)[0]!)).to.equal('INV-2025-0040 | Invoice | Overdue | 13 Mar 2025 | TRY 750.00');
    const [open] = await crm.tickets.all({ customerId: ayse.id, status: 'open' });
    await crm.tickets.put({ ...open!, status: 'pending' });
    await until(() => ticketRows(page)[0] === 'Invoice copy needed | Pending | High | 9 Mar 2025', 'ticket status');

    const timeline = $(page, 'crm-timeline');
    const field = timeline.shadowRoot!.querySelector<HTMLTextAreaElement>('#composer-text')!;
    field.value = 'Called: the ring is ready, she collects on Saturday';
    field.dispatchEvent(new Event('input'));
    await (timeline as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    timeline.shadowRoot!.querySelector<HTMLButtonElement>('[part="composer"] button[type="submit"]')!.click();
    await until(
      () =>
        [...timeline.shadowRoot!.querySelectorAll('[part="feed"] [part="item"]')].some((item) =>
          text(item).includes('Called: the ring is ready'),
        ),
      'the new note on the timeline',
    );
    const notes = await crm.activities.all({ customerId: ayse.id, type: 'note' });
    expect(notes.map((note) => (note.data as { text: string }).text)).to.deep.equal([
      'Called: the ring is ready, she collects on Saturday',
    ]);
  });

  it('keeps a card edit through another tab’s change: the heading follows, the card shows the conflict', async () => {
    const { crm, storage, ayse } = await seed();
    const page = await mountPage(crm, ayse.id);
    await ready(page);
    const card = $(page, 'crm-customer-card');
    const inCard = <T extends Element = HTMLElement>(selector: string) => card.shadowRoot!.querySelector<T>(selector);
    inCard('[part="edit-button"]')!.click();
    await until(() => !!inCard('[data-field="name"] input'), 'the editor');
    const city = inCard<HTMLInputElement>('[data-field="address.city"] input')!;
    city.value = 'İzmir';
    city.dispatchEvent(new Event('input', { bubbles: true }));

    // Another tab renames her meanwhile.
    const otherTab = await createDemoCrm({ storage, tenant: 't', now: () => NOW });
    await otherTab.customers.put({ ...(await otherTab.customers.require(ayse.id)), name: 'Ayşe Yılmaz Demir' });
    await until(() => text($(page, 'h1')) === 'Ayşe Yılmaz Demir', 'the heading follows');
    expect($(page, 'crm-customer-card'), 'the same card element').to.equal(card);
    expect(inCard<HTMLInputElement>('[data-field="address.city"] input')?.value, 'the draft').to.equal('İzmir');

    inCard('form button[type="submit"]')!.click();
    await until(() => !!inCard('[part="conflict"]'), 'the conflict view');
    inCard('[data-conflict="save"]')!.click();
    await until(() => !inCard('[part="conflict"]'), 'the choice saved');
    const stored = await crm.customers.require(ayse.id);
    expect(stored.name).to.equal('Ayşe Yılmaz Demir');
    expect(stored.address?.city).to.equal('İzmir');
    await otherTab.close();
  });

  it('asks the store-visit NPS question, keeps the thanks on screen, and queues the answer when the storage fails', async () => {
    const { crm, ayse, other } = await seed();
    const page = await mountPage(crm, ayse.id);
    await ready(page);
    const widget = $(page, 'crm-nps-widget');
    const inWidget = (selector: string) => widget.shadowRoot!.querySelector<HTMLElement>(selector);
    inWidget('[role="radio"][data-score="9"]')!.click();
    await until(() => !!inWidget('[part="send-button"]'), 'the follow-up');
    inWidget('[part="send-button"]')!.click();
    await until(() => !!inWidget('[part="thanks"]'), 'thanks');
    const timeline = $(page, 'crm-timeline');
    await until(
      () =>
        [...timeline.shadowRoot!.querySelectorAll('[part="feed"] [part="item"]')].some((item) =>
          /NPS/.test(text(item)),
        ),
      'the answer on the timeline',
    );
    expect(inWidget('[part="thanks"]'), 'the thanks survives the live updates').to.not.equal(null);
    const [answer] = await crm.npsResponses.all({ customerId: ayse.id, touchpoint: 'store-visit' });
    expect(answer).to.include({ score: 9, at: NOW.toISOString() });

    // Another customer answered at a store visit three weeks ago: not asked again, and the page says why.
    const skipped = await mountPage(crm, other.id);
    await until(() => !!root(skipped).querySelector('[data-nps-skip]'), 'the reason for not asking');
    expect(text($(skipped, '[data-nps-skip]'))).to.equal('Not asked now: this customer answered the survey recently.');

    // With the storage failing, the answer waits in the outbox and is written once it is back (decision 0081).
    const { crm: failing, ayse: her } = await seed();
    const down = await mountPage(failing, her.id);
    // Only the widget matters here; the third page of this test sits below two others, and a virtualised timeline
    // far out of view in a background tab (two sessions run at once) may never render its rows.
    await until(() => !!root(down).querySelector('crm-nps-widget')?.shadowRoot?.querySelector('[part="scale"]'), 'NPS');
    const write = failing.transaction.bind(failing);
    failing.transaction = () => Promise.reject(new CrmStorageError('unavailable', 'offline', { retryable: true }));
    const queued = $(down, 'crm-nps-widget');
    const inQueued = (selector: string) => queued.shadowRoot!.querySelector<HTMLElement>(selector);
    inQueued('[role="radio"][data-score="4"]')!.click();
    await until(() => !!inQueued('[part="send-button"]'), 'the follow-up');
    inQueued('[part="send-button"]')!.click();
    await until(() => !!inQueued('[part="thanks"]'), 'thanks while offline');
    expect(text(inQueued('[part="thanks"]'))).to.contain('kept on this device');
    expect(await failing.npsResponses.count({ customerId: her.id, touchpoint: 'store-visit' })).to.include({
      count: 0,
    });
    failing.transaction = write;
    expect(await flushNpsOutbox(failing)).to.equal(1);
    expect(await failing.npsResponses.count({ customerId: her.id, touchpoint: 'store-visit' })).to.include({
      count: 1,
    });
  });

  it('downloads the İYS export of the card action as a file through a Blob URL', async () => {
    const { crm, ayse } = await seed();
    const page = await mountPage(crm, ayse.id);
    await ready(page);
    const downloads: Array<{ name: string; href: string; body: Promise<string> }> = [];
    const realCreate = URL.createObjectURL.bind(URL);
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = realCreate(blob);
      if (blob instanceof Blob) blobs.set(url, blob);
      return url;
    };
    // An own `click` on the anchor prototype shadows HTMLElement's; deleting it restores the real one.
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.href, body: blobs.get(this.href)!.text() });
    };
    try {
      const card = $(page, 'crm-customer-card');
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part="plugin-action"][data-action="iys-export"]')!.click();
      await until(() => downloads.length === 1, 'the download');
    } finally {
      delete (HTMLAnchorElement.prototype as Partial<HTMLAnchorElement>).click;
      URL.createObjectURL = realCreate;
    }
    expect(downloads[0]!.name).to.equal(`iys-${ayse.id}.csv`);
    expect(downloads[0]!.href).to.match(/^blob:/);
    const csv = await downloads[0]!.body;
    expect(csv.split('\r\n').filter(Boolean)).to.deep.equal([
      'type,recipient,recipientType,source,status,consentDate',
      `EPOSTA,ayse@example.com,BIREYSEL,HS_WEB,ONAY,${iys(daysAgo(300))}`,
      `MESAJ,+90 212 555 01 01,BIREYSEL,HS_FIZIKSEL_ORTAM,RET,${iys(daysAgo(200))}`,
    ]);
  });

  it('lets keyboard users skip the timeline to the sales documents', async () => {
    const { crm, ayse } = await seed();
    const page = await mountPage(crm, ayse.id);
    await ready(page);
    const composerType = $(page, 'crm-timeline').shadowRoot!.querySelector<HTMLElement>('#composer-type')!;
    $(page, '[data-action="skip-timeline"]').focus();
    await sendKeys({ press: 'Tab' });
    expect($(page, 'crm-timeline').shadowRoot!.activeElement, 'the timeline comes next').to.equal(composerType);
    $(page, '[data-action="skip-timeline"]').focus();
    await sendKeys({ press: 'Enter' });
    expect(root(page).activeElement?.id).to.equal('documents-heading');
    await sendKeys({ press: 'Tab' });
    expect(root(page).activeElement?.classList.contains('scroller'), 'then the documents table').to.equal(true);
  });

  it('erases by keyboard through a modal dialog: Escape closes it, confirming leaves only the audit record', async () => {
    const { crm, ayse, other } = await seed();
    const page = await mountPage(crm, ayse.id);
    await ready(page);
    // An answer of hers waits in the device's outbox (the storage refused it earlier).
    localStorage.setItem(
      'crmkit.nps-outbox.t',
      JSON.stringify([
        {
          id: 'waiting-answer',
          kind: 'answer',
          customerId: ayse.id,
          queuedAt: NOW.toISOString(),
          attempts: 1,
          rows: [
            {
              collection: 'npsResponses',
              input: { id: 'waiting-answer', customerId: ayse.id, score: 3, touchpoint: 'store-visit', at: daysAgo(1) },
            },
          ],
        },
      ]),
    );
    const erase = $<HTMLButtonElement>(page, 'button[data-action="erase"]');
    const dialog = $<HTMLDialogElement>(page, 'dialog');
    expect(dialog.open).to.equal(false);

    erase.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog.open, 'the dialog opens');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(text(root(page).getElementById(dialog.getAttribute('aria-labelledby')!))).to.equal('Erase Ayşe Yılmaz?');
    expect(text(root(page).getElementById(dialog.getAttribute('aria-describedby')!))).to.contain('permanently deletes');
    expect(root(page).activeElement?.getAttribute('data-action')).to.equal('cancel-erase');
    await expect(page).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'Escape closes the dialog');
    await until(() => root(page).activeElement === erase, 'focus back on the erase button');
    expect(await crm.customers.get(ayse.id)).to.not.equal(undefined);

    await sendKeys({ press: 'Enter' });
    await until(() => dialog.open, 'the dialog opens again');
    await sendKeys({ press: 'Tab' });
    expect(root(page).activeElement?.getAttribute('data-action')).to.equal('confirm-erase');
    const notices: string[] = [];
    page.addEventListener(DemoNoticeEvent.type, (event) => notices.push(event.message));
    await sendKeys({ press: 'Enter' });
    await until(() => location.hash === AFTER_ERASE_ROUTE, 'navigation to the customers');
    expect(dialog.open).to.equal(false);
    expect(notices).to.deep.equal([
      'The customer was erased. An audit record of the erasure, without personal data, was kept.',
    ]);
    const notice = document.querySelector('demo-erased-notice');
    await until(() => text(notice?.shadowRoot?.querySelector('[role="status"]')) === notices[0], 'the notice');
    expect(text(notice!.shadowRoot)).to.not.contain('Ayşe');

    // Nothing of hers is left in any collection; the other customer keeps everything.
    expect(await crm.customers.get(ayse.id)).to.equal(undefined);
    for (const name of ['consents', 'activities', 'salesDocuments', 'npsResponses', 'tickets'] as const) {
      expect((await crm.collection(name).count({ customerId: ayse.id })).count, name).to.equal(0);
      expect((await crm.collection(name).count({ customerId: other.id })).count, `${name} of another`).to.be.above(0);
    }
    const audit = await crm.audit.all();
    expect(audit).to.have.length(1);
    expect(audit[0]!.kind).to.equal('erasure');
    expect(audit[0]!.counts).to.deep.equal({
      customers: 1,
      consents: 2,
      activities: 2,
      salesDocuments: 3,
      npsResponses: 1,
      tickets: 2,
    });
    expect(JSON.stringify(audit[0])).to.not.contain(ayse.id).and.to.not.contain('Ayşe');
    expect(localStorage.getItem('crmkit.nps-outbox.t'), 'nothing of hers waits on the device').to.equal(null);

    // Without a shell to change the route, the page says the customer is gone.
    await until(() => !!root(page).querySelector('[data-demo="not-found"]'), 'not found after the erasure');
    expect(text($(page, 'h1'))).to.equal('Customer not found');
    expect(text(root(page))).to.not.contain('Ayşe');
  });

  it('shows an error in the dialog when the erasure fails, and keeps the customer', async () => {
    const { crm, ayse } = await seed();
    const page = await mountPage(crm, ayse.id);
    await ready(page);
    crm.erase = () => Promise.reject(new Error('storage unavailable'));
    $<HTMLButtonElement>(page, 'button[data-action="erase"]').click();
    $<HTMLButtonElement>(page, 'button[data-action="confirm-erase"]').click();
    await until(() => !!root(page).querySelector('dialog [role="alert"]'), 'the error');
    expect(text($(page, 'dialog [role="alert"]'))).to.equal(
      'The customer could not be erased, and nothing was deleted. Please try again.',
    );
    expect($<HTMLDialogElement>(page, 'dialog').open).to.equal(true);
    expect(location.hash).to.not.equal(AFTER_ERASE_ROUTE);
    expect(await crm.customers.get(ayse.id)).to.not.equal(undefined);
    await expect(page).to.be.accessible();
  });

  it('says "not found" for an unknown id, an impossible id, and a customer erased elsewhere', async () => {
    const { crm, ayse } = await seed();
    for (const id of ['nobody', 'not an id!']) {
      const page = await mountPage(crm, id);
      await until(() => !!root(page).querySelector('[data-demo="not-found"]'), `not found: ${id}`);
      expect(text($(page, 'h1'))).to.equal('Customer not found');
      expect($$(page, 'crm-customer-card, [data-demo="sales-documents"]')).to.have.length(0);
      expect($<HTMLAnchorElement>(page, 'a.back').getAttribute('href')).to.equal('#/customers');
      await expect(page).to.be.accessible();
    }
    const page = await mountPage(crm, ayse.id);
    await ready(page);
    await crm.erase(ayse.id);
    await until(() => !!root(page).querySelector('[data-demo="not-found"]'), 'not found once erased');
  });

  it('says when the customer cannot be read, and tries again on request', async () => {
    const { crm, ayse } = await seed();
    const read = crm.customers.get.bind(crm.customers);
    let failing = true;
    crm.customers.get = (id: string) =>
      failing ? Promise.reject(new CrmStorageError('unavailable', 'offline', { retryable: true })) : read(id);
    const page = await mountPage(crm, ayse.id);
    await until(() => !!root(page).querySelector('[role="alert"]'), 'the error');
    expect(text($(page, 'h1'))).to.equal('Customer unavailable');
    expect(text($(page, '[role="alert"]'))).to.equal('The customer could not be loaded.');
    await expect(page).to.be.accessible();
    failing = false;
    $(page, 'button[data-action="retry"]').click();
    await ready(page);
    expect(text($(page, 'h1'))).to.equal('Ayşe Yılmaz');
  });

  it('shows a loading state until the crm arrives', async () => {
    const page = document.createElement('demo-customer-page');
    page.setAttribute('customer-id', 'someone');
    document.body.append(page);
    mounted.push(page);
    await page.updateComplete;
    expect(text($(page, '[role="status"]'))).to.equal('Loading the customer…');
    await expect(page).to.be.accessible();
  });

  it('is accessible with everything shown, in English and in Turkish', async () => {
    const { crm, ayse } = await seed();
    const page = await mountPage(crm, ayse.id);
    await ready(page);
    await expect(page).to.be.accessible();
    document.documentElement.lang = 'tr';
    await until(() => text($(page, '#documents-heading')) === 'Satış belgeleri', 'Turkish');
    await aTimeout(50);
    await expect(page).to.be.accessible();
  });
});

/** İYS's consent date (Turkey time, UTC+3 all year). */
function iys(iso: string): string {
  const local = new Date(Date.parse(iso) + 3 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}
