/**
 * Where the feed stays when items arrive above what is shown: on a page that is itself scrolled (the demo's
 * customer page, where the NPS widget beside the timeline is below the fold), as the NPS widget writes them (an
 * answer and its activity in one transaction) and as the composer does.
 *
 * The jump needs the virtualiser to measure rows, which a background tab never does: when the runner tests two
 * files at a time and this one runs in the background, these tests pass without the fix too. Run this file alone
 * to see the bug (`pnpm exec wtr --files packages/components/test/timeline-scroll.browser.test.ts`).
 */
import { html } from 'lit';
import type { ActivityInput } from '@crmkit/core';
import '../src/index.js';
import { npsWidgetPlugin, type CrmNpsWidget, type CrmTimeline } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, NOW, mount, seededCrm, until, type Seeded } from './support.js';
import { ago } from './timeline-support.js';

/**
 * Time for the virtualiser to measure and correct: timers, not animation frames, which a background tab never gets
 * when the runner tests two files at a time.
 */
const frames = (count = 10) => new Promise((resolve) => setTimeout(resolve, count * 20));

/** A timeline of 400 items of mixed heights with a tall page below it, and the NPS widget beside it. */
async function page(): Promise<Seeded & { el: CrmTimeline; feed: HTMLElement; widget: CrmNpsWidget }> {
  const seeded = await seededCrm({
    tenant: `timeline-scroll-${Date.now().toString(36)}`,
    plugins: [npsWidgetPlugin()],
  });
  const { crm, customer } = seeded;
  const inputs: ActivityInput[] = Array.from({ length: 400 }, (_, i) =>
    i % 3 === 0
      ? {
          customerId: customer.id,
          type: 'call',
          at: ago(2 + i * 5),
          data: { direction: 'inbound', durationSec: 60, outcome: `Outcome ${i}`, notes: `Notes ${i}` },
        }
      : { customerId: customer.id, type: 'note', at: ago(2 + i * 5), data: { text: `Note ${i} `.repeat(1 + (i % 9)) } },
  );
  await crm.activities.putMany(inputs);
  const layout = await mount<HTMLElement>(
    html`<div style="display: grid; grid-template-columns: 1fr 2fr; align-items: start">
      <div>
        <div style="block-size: 700px">The card</div>
        <crm-nps-widget .crm=${crm} .now=${NOW} customer-id=${customer.id} touchpoint="store-visit"></crm-nps-widget>
      </div>
      <crm-timeline .crm=${crm} .now=${NOW} customer-id=${customer.id}></crm-timeline>
      <div style="block-size: 2000px">Below</div>
    </div>`,
  );
  const el = layout.querySelector('crm-timeline')!;
  const widget = layout.querySelector('crm-nps-widget')!;
  await until(() => !!el.shadowRoot?.querySelector('[part="feed"] [part="item"]'), 'items');
  await until(() => !!widget.shadowRoot?.querySelector('[role="radiogroup"]'), 'the question');
  await frames();
  return { ...seeded, el, feed: $(el, '[part="feed"]'), widget };
}

/** What the NPS widget writes: the answer and its activity in one transaction. */
async function answer({ crm, customer }: Seeded, id: string, hoursAgo = 0.1): Promise<void> {
  const at = ago(hoursAgo);
  await crm.transaction(async (batch) => {
    await batch.put('npsResponses', {
      id: `r-${id}`,
      customerId: customer.id,
      score: 9,
      touchpoint: 'store-visit',
      at,
    });
    await batch.put('activities', {
      id,
      customerId: customer.id,
      type: 'nps',
      at,
      data: { score: 9, touchpoint: 'store-visit', responseId: `r-${id}` },
    });
  });
}

/** How far below the feed's top the item is (px; the top third is what a reader sees first), or undefined when not rendered. */
function offsetInFeed(feed: HTMLElement, id: string): number | undefined {
  const item = feed.querySelector(`[part="item"][data-id="${CSS.escape(id)}"]`);
  return item ? item.getBoundingClientRect().top - feed.getBoundingClientRect().top : undefined;
}

afterEach(() => {
  window.scrollTo(0, 0);
  for (const key of Object.keys(localStorage)) if (key.startsWith('crmkit.nps-outbox.')) localStorage.removeItem(key);
});

describe('crm-timeline: where the feed is when items arrive', () => {
  it('at the top of the feed on a scrolled page, shows an item written in a transaction at the top', async () => {
    const seeded = await page();
    const { feed } = seeded;
    // The page is scrolled so that the feed's top is above the window: only its lower part is on screen.
    window.scrollTo(0, feed.getBoundingClientRect().top + window.scrollY + 300);
    await frames();
    expect(feed.scrollTop).to.equal(0);
    await answer(seeded, 'nps-1');
    await until(() => offsetInFeed(feed, 'nps-1') !== undefined, 'the answer rendered');
    await frames();
    expect(feed.scrollTop).to.equal(0);
    expect(offsetInFeed(feed, 'nps-1')).to.be.within(0, feed.clientHeight / 3);
    await answer(seeded, 'nps-2', 0.05);
    await until(() => offsetInFeed(feed, 'nps-2') !== undefined, 'the second answer rendered');
    await frames();
    expect(feed.scrollTop).to.equal(0);
    // Back at the top after reading further down, the feed stays there (it went back to the page's scroll).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    feed.scrollTop = 900;
    await frames();
    feed.scrollTop = 0;
    await frames(30);
    expect(feed.scrollTop).to.equal(0);
    expect(offsetInFeed(feed, 'nps-2')).to.be.within(0, feed.clientHeight / 3);
  });

  it('through the composer and the NPS widget, as the demo does, keeps the new items in view', async () => {
    const { el, feed, widget } = await page();
    const note = $<HTMLTextAreaElement>(el, '#composer-text');
    note.value = 'A new note';
    note.dispatchEvent(new Event('input'));
    $(el, '[part="composer"] button[type="submit"]').click();
    await until(() => $$(el, '[part="feed"] .summary')[0]?.textContent === 'A new note', 'the note');
    $(widget, '[data-score="9"]').click();
    await widget.updateComplete;
    // The widget is below the fold: the page is scrolled down to it, the feed's top above the window.
    window.scrollTo(0, feed.getBoundingClientRect().top + window.scrollY + 300);
    await frames();
    $(widget, '[part="send-button"]').click();
    await until(() => !!$$(widget, '[part="thanks"]').length, 'thanks');
    expect(feed.getBoundingClientRect().top).to.be.below(-200);
    expect(feed.getBoundingClientRect().bottom).to.be.above(0);
    await until(() => $$(el, '[part="feed"] [part="item"][data-type="nps"]').length === 1, 'the answer rendered');
    await frames();
    expect(feed.scrollTop).to.equal(0);
    const [first, second] = $$(el, '[part="feed"] [part="item"]');
    expect([first!.dataset.type, second!.dataset.type].sort()).to.deep.equal(['note', 'nps']);
    expect(first!.getBoundingClientRect().top - feed.getBoundingClientRect().top).to.be.within(
      0,
      feed.clientHeight / 3,
    );
  });

  it('scrolled down the feed, keeps the items being read in view when items arrive above', async () => {
    const seeded = await page();
    const { feed } = seeded;
    window.scrollTo(0, feed.getBoundingClientRect().top + window.scrollY + 300);
    feed.scrollTop = 1500;
    feed.dispatchEvent(new Event('scroll'));
    await frames();
    const read = [...feed.querySelectorAll<HTMLElement>('[part="item"]')].find(
      (item) => item.getBoundingClientRect().top >= feed.getBoundingClientRect().top + 300,
    )!;
    const before = read.getBoundingClientRect().top;
    await answer(seeded, 'nps-1');
    await seeded.el.updateComplete;
    await frames(20);
    expect(feed.scrollTop).to.be.within(1400, 1800);
    const after = feed.querySelector(`[data-id="${CSS.escape(read.dataset.id!)}"]`)?.getBoundingClientRect().top;
    expect(after, 'the item read').to.not.equal(undefined);
    expect(Math.abs(after! - before)).to.be.below(200);
  });
});
