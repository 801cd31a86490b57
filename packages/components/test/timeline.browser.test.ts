import { html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createCrm, CrmStorageError, type ActivityInput } from '@crmkit/core';
import '../src/index.js';
import { CrmActivityCreateEvent, CrmTimelineItemOpenEvent, type CrmTimeline } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, NOW, mount, seededCrm, shadow, text, until } from './support.js';
import { ago, brokenRenderer, seededTimeline } from './timeline-support.js';

async function timeline(
  crm: Awaited<ReturnType<typeof seededTimeline>>['crm'],
  id: string,
  lang = 'en',
  pinned = true,
) {
  const el = await mount<CrmTimeline>(
    html`<crm-timeline .crm=${crm} .now=${NOW} customer-id=${id} lang=${lang}></crm-timeline>`,
  );
  await until(() => !!el.shadowRoot?.querySelector('[part="feed"] [part="item"]'), 'items');
  // Pending items are read after the first page is shown.
  if (pinned) await until(() => !!el.shadowRoot?.querySelector('[part="pinned"]'), 'pinned items');
  return el;
}

const titles = (el: CrmTimeline, scope = '[part="feed"]') =>
  $$(el, `${scope} [part="item"] .title`).map((node) => text(node));

describe('crm-timeline', () => {
  it('shows loading, empty, not-found and error states, each accessible', async () => {
    const waiting = await mount<CrmTimeline>(html`<crm-timeline customer-id="c1"></crm-timeline>`);
    expect($$(waiting, '[part="skeleton"]')).to.have.length(1);
    await expect(waiting).to.be.accessible();

    const { crm, customer } = await seededCrm();
    const empty = await mount<CrmTimeline>(html`<crm-timeline .crm=${crm} customer-id=${customer.id}></crm-timeline>`);
    await until(() => $$(empty, '[part="empty"]').length === 1, 'empty state');
    expect(text($(empty, '[part="empty"]'))).to.equal('No activities yet');
    expect($$(empty, '[part="composer"]')).to.have.length(1);
    await expect(empty).to.be.accessible();

    const missing = await mount<CrmTimeline>(html`<crm-timeline .crm=${crm} customer-id="nobody"></crm-timeline>`);
    await until(() => $$(missing, '[part="empty"]').length === 1, 'not found');
    expect(text($(missing, '[part="empty"]'))).to.equal('This record does not exist (any more).');

    const broken = await createCrm();
    const someone = await broken.customers.put({ name: 'Someone' });
    let fail = true;
    const real = broken.activities.forCustomer.bind(broken.activities);
    broken.activities.forCustomer = (...args) =>
      fail ? Promise.reject(new CrmStorageError('unavailable', 'offline')) : real(...args);
    const failing = await mount<CrmTimeline>(
      html`<crm-timeline .crm=${broken} customer-id=${someone.id}></crm-timeline>`,
    );
    await until(() => $$(failing, '[part="error"]').length === 1, 'error state');
    await expect(failing).to.be.accessible();
    fail = false;
    $(failing, '[part="retry-button"]').click();
    await until(() => $$(failing, '[part="empty"]').length === 1, 'retried');
  });

  it('pins overdue and upcoming items above the past, grouped by day, newest first', async () => {
    const { crm, customer } = await seededTimeline();
    const el = await timeline(crm, customer.id);
    const pinned = $$(el, '[part="pinned"] [part="item"]');
    expect(pinned.map((item) => text(item.querySelector('.title')))).to.deep.equal([
      'Send the samples',
      'Follow up on the quote',
    ]);
    expect(pinned[0]!.classList.contains('overdue')).to.equal(true);
    expect(text(pinned[0]!.querySelector('.status'))).to.equal('Overdue');
    expect(text(pinned[1]!.querySelector('time'))).to.equal('Due in 2 days');
    expect($$(el, '[part="day"]').map((day) => text(day))).to.deep.equal([
      'Today',
      'Yesterday',
      '2 days ago',
      '4 days ago',
      'Saturday, February 22, 2025',
    ]);
    expect(titles(el)).to.deep.equal([
      'Note',
      'Call · Inbound',
      'Your quote',
      'Repair: Sewing machine',
      'Done already',
      'Purchase',
    ]);
    expect(text($(el, '[part="feed"] [part="item"] time'))).to.equal('1 hour ago');
    const feed = $(el, '[part="feed"]');
    expect(feed.getAttribute('role')).to.equal('feed');
    const first = $(el, '[part="feed"] [part="item"]');
    expect([first.getAttribute('aria-posinset'), first.getAttribute('aria-setsize')]).to.deep.equal(['1', '6']);
    await expect(el).to.be.accessible();
  });

  it('filters by type with chips and finds text Turkish-aware ("sisli" finds "Şişli")', async () => {
    const { crm, customer } = await seededTimeline();
    const el = await timeline(crm, customer.id);
    $(el, '[part="filter-chip"][data-type="call"]').click();
    await until(() => titles(el).length === 1, 'filtered');
    expect(titles(el)).to.deep.equal(['Call · Inbound']);
    expect($$(el, '[part="pinned"]')).to.have.length(0);
    expect($(el, '[part="filter-chip"][data-type="call"]').getAttribute('aria-pressed')).to.equal('true');
    $(el, '[part="filter-chip"]:not([data-type])').click();
    await until(() => titles(el).length === 6, 'unfiltered');
    const search = $<HTMLInputElement>(el, '[part="search"]');
    search.value = 'SISLI';
    search.dispatchEvent(new Event('input'));
    await until(() => titles(el).length === 1, 'search result');
    expect(titles(el)).to.deep.equal(['Note']);
    search.value = 'mehmet quote';
    search.dispatchEvent(new Event('input'));
    await until(() => titles(el).length === 1 && titles(el)[0] === 'Call · Inbound', 'by and outcome searched');
    search.value = 'nothing like this';
    search.dispatchEvent(new Event('input'));
    await until(() => $$(el, '[part="feed"]').length === 0, 'no results');
    expect(text($(el, '.empty'))).to.equal('No activities match the search and filters.');
    await expect(el).to.be.accessible();
  });

  it('expands an item to show its details and says so with an event', async () => {
    const { crm, customer } = await seededTimeline();
    const el = await timeline(crm, customer.id);
    const call = $(el, '[part="feed"] [part="item"][data-type="call"]');
    const toggle = call.querySelector<HTMLButtonElement>('[part="item-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const opened = oneEvent(el, CrmTimelineItemOpenEvent.type);
    toggle.click();
    expect(((await opened) as unknown as CrmTimelineItemOpenEvent).activity.type).to.equal('call');
    await el.updateComplete;
    const expanded = $(el, '[part="feed"] [part="item"][data-type="call"]');
    const pairs = [...expanded.querySelectorAll('.fields dt, .fields dd')].map((node) => text(node));
    expect(pairs).to.deep.equal(['Outcome', 'Quote requested', 'Duration (minutes)', '7']);
    expect(text(expanded.querySelector('.by'))).to.equal('by Mehmet');
    expect(expanded.querySelector('[part="item-toggle"]')!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('renders plugin item types with their renderer, and a fallback row when one throws', async () => {
    const { crm, customer } = await seededTimeline([brokenRenderer]);
    await crm.activities.put({ customerId: customer.id, type: 'glitch' as 'note', at: ago(0.5), data: {} as never });
    const el = await timeline(crm, customer.id);
    const repair = $(el, '[part="item"][data-type="repairJob"]');
    expect(text(repair.querySelector('.title'))).to.equal('Repair: Sewing machine');
    expect(text(repair.querySelector('.icon'))).to.equal('⚙');
    const glitch = $(el, '[part="item"][data-type="glitch"]');
    expect(text(glitch.querySelector('.title'))).to.equal('Glitch');
    expect(text(glitch.querySelector('.summary'))).to.equal('This item could not be shown.');
    expect(crm.plugins.isActive('broken-renderer')).to.equal(false);
    expect(titles(el)).to.include('Repair: Sewing machine');
  });

  it('adds a note, call or task through the composer, validated like every write', async () => {
    const { crm, customer } = await seededTimeline();
    const el = await timeline(crm, customer.id);
    const before = (await crm.activities.count({ customerId: customer.id })).count;
    $(el, '[part="composer"] button[type="submit"]').click();
    await el.updateComplete;
    expect(text($(el, '[data-field="text"] [part="field-error"]'))).to.equal('This field is required.');
    expect($(el, '#composer-text').getAttribute('aria-invalid')).to.equal('true');
    expect((await crm.activities.count({ customerId: customer.id })).count).to.equal(before);
    await expect(el).to.be.accessible();

    const text1 = $<HTMLTextAreaElement>(el, '#composer-text');
    text1.value = 'Called back about samples';
    text1.dispatchEvent(new Event('input'));
    const created = oneEvent(el, CrmActivityCreateEvent.type);
    $(el, '[part="composer"] button[type="submit"]').click();
    expect(((await created) as unknown as CrmActivityCreateEvent).activity.type).to.equal('note');
    await until(() => text($(el, '[part="feed"] .summary')) === 'Called back about samples', 'new note shown live');

    const type = $<HTMLSelectElement>(el, '#composer-type');
    type.value = 'task';
    type.dispatchEvent(new Event('change'));
    await el.updateComplete;
    for (const [id, value] of [
      ['#composer-title', 'Ship the order'],
      ['#composer-dueAt', '2025-03-20T09:00'],
    ] as const) {
      const input = $<HTMLInputElement>(el, id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    $(el, '[part="composer"] button[type="submit"]').click();
    await until(() => $$(el, '[part="pinned"] [part="item"]').length === 3, 'task pinned');
    expect(titles(el, '[part="pinned"]')).to.include('Ship the order');
  });

  it('shows activities added in another tab without a reload, keeping focus where it was', async () => {
    const { crm, storage, customer } = await seededTimeline();
    const el = await timeline(crm, customer.id);
    const focused = $(el, '[part="feed"] [part="item"][data-type="call"]');
    focused.focus();
    const otherTab = await createCrm({ storage });
    await otherTab.activities.put({
      customerId: customer.id,
      type: 'note',
      at: ago(0.1),
      data: { text: 'From the other tab' },
    });
    await until(() => titles(el).length === 7, 'remote activity');
    expect(text($(el, '[part="feed"] .summary'))).to.equal('From the other tab');
    expect(shadow(el).activeElement?.getAttribute('data-type')).to.equal('call');
  });

  it('moves between items with Page Down and Page Up (feed pattern)', async () => {
    const { crm, customer } = await seededTimeline();
    const el = await timeline(crm, customer.id);
    $(el, '[part="feed"] [part="item"]').focus();
    await sendKeys({ press: 'PageDown' });
    await until(() => shadow(el).activeElement?.getAttribute('data-type') === 'call', 'second item');
    await sendKeys({ press: 'PageDown' });
    await until(
      () => shadow(el).activeElement?.getAttribute('data-type') === 'email',
      'third item, past a day heading',
    );
    await sendKeys({ press: 'PageUp' });
    await until(() => shadow(el).activeElement?.getAttribute('data-type') === 'call', 'back');
  });

  it('speaks Turkish from lang="tr"', async () => {
    const { crm, customer } = await seededTimeline();
    const el = await timeline(crm, customer.id, 'tr');
    expect(
      $$(el, '[part="day"]')
        .map((day) => text(day))
        .slice(0, 2),
    ).to.deep.equal(['Bugün', 'Dün']);
    expect(text($(el, '[part="pinned"] .status'))).to.equal('Gecikmiş');
    expect(text($(el, '[part="feed"] [part="item"] time'))).to.equal('1 saat önce');
    await expect(el).to.be.accessible();
  });

  it('re-makes the loaded items in the new language when lang changes', async () => {
    const { crm, customer } = await seededTimeline();
    const el = await timeline(crm, customer.id, 'en');
    expect(titles(el)[0]).to.equal('Note');
    el.setAttribute('lang', 'tr');
    await until(() => titles(el)[0] === 'Not', 'the note in Turkish');
    expect(titles(el)).to.include('Arama · Gelen');
    el.setAttribute('lang', 'en');
    await until(() => titles(el)[0] === 'Note', 'English again');
  });
});

describe('crm-timeline with a long history', () => {
  it('renders only what is visible of 10,000 items and pages the rest in from the storage', async () => {
    const { crm, customer } = await seededCrm();
    const inputs: ActivityInput[] = Array.from({ length: 10_000 }, (_, i) => ({
      customerId: customer.id,
      type: 'note',
      at: ago(i * 0.5),
      data: { text: `Note number ${i}` },
    }));
    await crm.activities.putMany(inputs);
    const reads: Array<number | undefined> = [];
    const real = crm.activities.forCustomer.bind(crm.activities);
    crm.activities.forCustomer = (id, options) => {
      reads.push(options?.limit);
      return real(id, options);
    };
    const el = await timeline(crm, customer.id, 'en', false);
    expect(reads).to.have.length(1);
    expect($$(el, '[part="item"]').length).to.be.below(60);
    expect($(el, '[part="feed"] [part="item"]').getAttribute('aria-setsize')).to.equal('-1');
    const feed = $(el, '[part="feed"]');
    for (let i = 0; i < 5; i++) {
      feed.scrollTop = feed.scrollHeight;
      feed.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await until(() => reads.length > 1, 'next page read');
    expect($$(el, '[part="item"]').length).to.be.below(60);
  });
});
