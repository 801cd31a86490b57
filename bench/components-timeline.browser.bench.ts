/**
 * <crm-timeline> with a long history, in Chromium:
 *  - first render (element connected → first item on screen) with 10,000 activities against 100: the virtualiser
 *    and cursor paging should make the length irrelevant (target ratio ≤ 1.2×); the named peer is the same
 *    10,000 items rendered as a plain Lit list without virtualisation;
 *  - scrolling 10,000 items at a steady pace: frame times while the feed scrolls and pages in, with the 95th
 *    percentile (a 60 Hz display has 16.7 ms per frame).
 */
import { html, render } from 'lit';
import { createCrm, type ActivityInput, type Crm } from '@crmkit/core';
import { indexedDbStorage } from '@crmkit/storage-idb';
import '../packages/components/src/index.js';

const ROUNDS = 7;
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function seed(crm: Crm, count: number): Promise<string> {
  const customer = await crm.customers.put({ name: `Customer with ${count}` });
  const start = Date.parse('2025-03-14T10:00:00Z');
  const inputs: ActivityInput[] = Array.from({ length: count }, (_, i) => ({
    customerId: customer.id,
    type: i % 3 === 0 ? 'call' : 'note',
    at: new Date(start - i * 47 * 60_000).toISOString(),
    data:
      i % 3 === 0
        ? { direction: 'inbound', notes: `Call ${i} about the order` }
        : { text: `Note ${i}: visited the Şişli store` },
  }));
  for (let i = 0; i < inputs.length; i += 2000) await crm.activities.putMany(inputs.slice(i, i + 2000));
  return customer.id;
}

function host(): HTMLElement {
  const container = document.createElement('div');
  container.style.inlineSize = '640px';
  document.body.append(container);
  return container;
}

/** Resolves as soon as the first feed item is in the element's shadow root (a MutationObserver: no frame rounding). */
function firstItem(el: HTMLElement): Promise<void> {
  const root = el.shadowRoot!;
  const found = () => !!root.querySelector('[part="feed"] [part="item"]');
  if (found()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!found()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

async function firstRender(crm: Crm, customerId: string): Promise<number> {
  const container = host();
  const el = document.createElement('crm-timeline');
  const started = performance.now();
  el.crm = crm;
  el.customerId = customerId;
  container.append(el);
  await firstItem(el);
  const took = performance.now() - started;
  container.remove();
  // Let the element's deferred read of pending items finish, so that it does not queue ahead of the next round.
  await new Promise((resolve) => setTimeout(resolve, 400));
  return took;
}

async function plainList(crm: Crm, customerId: string): Promise<number> {
  const container = host();
  const started = performance.now();
  const items = await crm.activities.all({ customerId });
  render(
    html`<div role="feed">
      ${items.map(
        (a) =>
          html`<article>
            <b>${a.type}</b> <time>${a.at}</time>
            <p>${JSON.stringify(a.data)}</p>
          </article>`,
      )}
    </div>`,
    container,
  );
  await frame();
  const took = performance.now() - started;
  container.remove();
  return took;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

async function firstRenders(label: string, crm: Crm, log: (line: string) => void): Promise<string> {
  const small = await seed(crm, 100);
  const large = await seed(crm, 10_000);
  await firstRender(crm, small); // warm-up: module code, Intl formatters, the storage's caches
  await firstRender(crm, large);
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  const paired: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const a = await firstRender(crm, small);
    const b = await firstRender(crm, large);
    smallTimes.push(a);
    largeTimes.push(b);
    paired.push(b / a);
  }
  // What the storage alone costs to read the first page (memoryStorage has no index: it sorts the customer's items).
  const query = async (id: string) => {
    const started = performance.now();
    await crm.activities.forCustomer(id, { limit: 60 });
    return performance.now() - started;
  };
  const smallQuery: number[] = [];
  const largeQuery: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    smallQuery.push(await query(small));
    largeQuery.push(await query(large));
  }
  const elementSmall = median(smallTimes) - median(smallQuery);
  const elementLarge = median(largeTimes) - median(largeQuery);
  log(`crm-timeline first render on ${label} (connected → first item shown), median of ${ROUNDS} rounds`);
  log(`  100 activities:      ${median(smallTimes).toFixed(1)} ms`);
  log(`  10,000 activities:   ${median(largeTimes).toFixed(1)} ms`);
  log(
    `  ratio 10,000 / 100:  ${(median(largeTimes) / median(smallTimes)).toFixed(2)}× (median of paired rounds ${median(paired).toFixed(2)}×; target ≤ 1.2×)`,
  );
  log(
    `  of which the first-page query: ${median(smallQuery).toFixed(1)} ms / ${median(largeQuery).toFixed(1)} ms; the element alone: ${elementSmall.toFixed(1)} ms / ${elementLarge.toFixed(1)} ms = ${(elementLarge / elementSmall).toFixed(2)}×`,
  );
  return large;
}

export default async function run(log: (line: string) => void): Promise<void> {
  const crm = await createCrm();
  const large = await firstRenders('memoryStorage', crm, log);
  const idb = await createCrm({ storage: indexedDbStorage({ prefix: `crmkit-bench-${Date.now()}` }) });
  await firstRenders('IndexedDB (@crmkit/storage-idb)', idb, log);
  await idb.close();

  const plain = [await plainList(crm, large), await plainList(crm, large), await plainList(crm, large)];
  log(
    `  peer, a plain Lit list of the 10,000 (memoryStorage) without virtualisation: ${median(plain).toFixed(1)} ms to first paint`,
  );

  const container = host();
  const el = document.createElement('crm-timeline');
  el.crm = crm;
  el.customerId = large;
  container.append(el);
  while (!el.shadowRoot?.querySelector('[part="feed"] [part="item"]')) await frame();
  const feed = el.shadowRoot.querySelector<HTMLElement>('[part="feed"]')!;
  const frames: number[] = [];
  let maxRendered = 0;
  let last = await frame();
  for (let i = 0; i < 600; i++) {
    feed.scrollTop += 90;
    const now = await frame();
    frames.push(now - last);
    last = now;
    maxRendered = Math.max(maxRendered, el.shadowRoot.querySelectorAll('[part="item"]').length);
  }
  const loaded = (el as unknown as { entries: unknown[] }).entries.length;
  log(`crm-timeline scrolling 10,000 activities (memoryStorage; 600 frames, 90 px per frame)`);
  log(
    `  frame time: median ${median(frames).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms`,
  );
  log(`  items in the DOM at most: ${maxRendered}; activities paged in: ${loaded} of 10,000`);
  container.remove();
}
