import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { ARTIFACTS, DEMO_SIZE, eventually, textOf, useDemoHarness } from './demo-harness.js';
import {
  answerNps,
  askableListedCustomer,
  customerPageReady,
  goTo,
  linkTo,
  listedIds,
  stored,
  type StoredCustomer,
} from './demo-steps.js';

const OUTBOX = 'crmkit.nps-outbox.demo';

async function storedCustomer(page: Page, id: string): Promise<StoredCustomer | undefined> {
  return (await stored(page)).customers.find((customer) => customer.id === id);
}

/** Opens the card's editor and types into its fields (by id: `name`, `company`…). */
async function edit(page: Page, fields: Record<string, string>): Promise<void> {
  const card = page.locator('demo-customer-page crm-customer-card');
  await card.locator('[part="edit-button"]').click();
  for (const [field, value] of Object.entries(fields)) await card.locator(`#field-${field}`).fill(value);
}

async function save(page: Page): Promise<void> {
  await page.locator('demo-customer-page crm-customer-card [part="editor"] button[type="submit"]').click();
}

describe('the demo when things go wrong (Chromium)', function () {
  const harness = useDemoHarness(this);

  it('two tabs edit one customer: the second save shows the conflict, keeps the user’s choices, loses nothing', async () => {
    const context = await harness().context();
    const first = await harness().open({}, context);
    const id = (await listedIds(first))[0]!;
    const second = await harness().open({ route: `#/customer/${encodeURIComponent(id)}` }, context);
    await goTo(first, `#/customer/${encodeURIComponent(id)}`);
    await customerPageReady(first, id);
    await customerPageReady(second, id);
    const original = (await storedCustomer(first, id))!;

    // Both start editing the same revision.
    await edit(second, { name: 'Second Tab Name', company: 'İkinci Sekme Kuyumculuk' });
    await edit(first, { name: 'First Tab Name', company: 'Birinci Sekme Kuyumculuk' });
    await save(first);
    await eventually(
      () => storedCustomer(first, id),
      (c) => c?.name === 'First Tab Name',
    );
    expect((await storedCustomer(first, id))?.company).to.equal('Birinci Sekme Kuyumculuk');

    await save(second);
    const card = second.locator('demo-customer-page crm-customer-card');
    const conflict = card.locator('[part="conflict"]');
    await conflict.waitFor();
    const rows = await conflict
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-field')));
    expect(rows).to.include.members(['name', 'company']);
    // Nothing is written until the user chooses.
    expect((await storedCustomer(second, id))?.name).to.equal('First Tab Name');
    // The user keeps the first tab's name and their own company.
    await conflict.locator('tr[data-field="name"] input[value="theirs"]').check();
    await conflict.locator('tr[data-field="company"] input[value="mine"]').check();
    await card.locator('[data-conflict="save"]').click();
    await conflict.waitFor({ state: 'detached' });

    const final = (await eventually(
      () => storedCustomer(second, id),
      (c) => c?.company === 'İkinci Sekme Kuyumculuk',
    ))!;
    expect(final.name, 'the first tab’s name, chosen').to.equal('First Tab Name');
    expect(final.company, 'the second tab’s company, chosen').to.equal('İkinci Sekme Kuyumculuk');
    expect(final.rev).to.not.equal(original.rev);
    // The first tab follows the change from the other tab.
    await eventually(
      () => textOf(first, 'demo-customer-page crm-customer-card [part="header"]'),
      (text) => text.includes('İkinci Sekme Kuyumculuk'),
    );
    expect(await textOf(first, 'demo-customer-page crm-customer-card [part="header"]')).to.contain(
      'İkinci Sekme Kuyumculuk',
    );
    expect([...first.errors, ...second.errors]).to.deep.equal([]);
  });

  it('the storage fails in the middle of an NPS answer: the customer is thanked, the answer is kept and written later', async () => {
    const page = await harness().open();
    const id = await askableListedCustomer(page);
    await goTo(page, `#/customer/${encodeURIComponent(id)}`);
    await customerPageReady(page, id);
    const widget = page.locator('demo-customer-page crm-nps-widget');
    await widget.locator('[role="radio"]').first().waitFor({ timeout: 15_000 });

    // IndexedDB refuses every write from here on (reads still work), as when the disk or the browser fails.
    await page.evaluate(() => {
      const proto = IDBDatabase.prototype;
      const original = Object.getOwnPropertyDescriptor(proto, 'transaction')!;
      const transaction = original.value as IDBDatabase['transaction'];
      (window as unknown as { restoreIdb: () => void }).restoreIdb = () =>
        Object.defineProperty(proto, 'transaction', original);
      Object.defineProperty(proto, 'transaction', {
        ...original,
        value(
          this: IDBDatabase,
          stores: string | string[],
          mode?: IDBTransactionMode,
          options?: IDBTransactionOptions,
        ) {
          if (mode === 'readwrite') throw new DOMException('e2e: the storage is unavailable', 'UnknownError');
          return transaction.call(this, stores, mode, options);
        },
      });
    });
    const comment = 'Answered while the storage was down (e2e)';
    await answerNps(page, 3, comment);
    await widget.locator('[part="thanks"]').waitFor();
    expect(await textOf(page, 'demo-customer-page crm-nps-widget [part="thanks"]')).to.equal(
      'Thank you for your feedback! Your answer is kept on this device and will be saved as soon as the connection is back.',
    );
    const outbox = await page.evaluate((key) => localStorage.getItem(key), OUTBOX);
    expect(outbox, 'the outbox entry').to.be.a('string').and.to.contain(comment);
    expect((await stored(page)).npsResponses.filter((r) => r.comment === comment)).to.have.length(0);

    await page.waitForTimeout(500);
    await page.evaluate(() => (window as unknown as { restoreIdb: () => void }).restoreIdb());
    const after = await eventually(
      () => stored(page),
      (data) => data.npsResponses.some((r) => r.comment === comment),
      20_000,
    );
    const [response] = after.npsResponses.filter((r) => r.comment === comment);
    expect(response, 'the answer, written once the storage was back').to.include({
      customerId: id,
      score: 3,
      touchpoint: 'store-visit',
    });
    expect(after.npsResponses.filter((r) => r.comment === comment)).to.have.length(1);
    expect(after.activities.filter((a) => a.type === 'nps' && a.data.responseId === response!.id)).to.have.length(1);
    expect(await page.evaluate((key) => localStorage.getItem(key), OUTBOX), 'the outbox, emptied').to.equal(null);
    await page
      .locator('demo-customer-page crm-timeline [part="feed"] [part="item"]', { hasText: 'NPS response: 3' })
      .first()
      .waitFor();
  });

  it('the quota runs out while seeding: a clear message, and the demo goes on with what was written', async () => {
    const page = await harness().open({
      ready: false,
      before: async (p) => {
        // Room for the first chunk of customers, not for all the data (an override of this context's origin only).
        const cdp = await p.context().newCDPSession(p);
        await cdp.send('Storage.overrideQuotaForOrigin', { origin: harness().origin, quotaSize: 1500 * 1024 });
      },
    });
    const alert = page.locator('[role="alert"][data-demo-error]');
    await alert.waitFor({ timeout: 60_000 });
    expect(await textOf(page, '[role="alert"][data-demo-error]')).to.match(/ran out of storage space/);
    await page.waitForFunction(() => document.documentElement.dataset.demoState !== 'seeding');
    await page.screenshot({ path: join(ARTIFACTS, 'quota.png') });
    const written = (await stored(page)).customers.length;
    expect(written, 'customers written before the quota ran out').to.be.within(1, DEMO_SIZE - 1);

    // Still a working application on the data written so far: the list, a customer, the insights, the switches.
    const [id] = await listedIds(page);
    await page.locator(`demo-customers-page ${linkTo(id!)}`).click();
    await customerPageReady(page, id!);
    await goTo(page, '#/insights');
    await page.locator('demo-insights-page [data-demo="churn"]').waitFor({ timeout: 15_000 });
    await goTo(page, '#/customers');
    await page.locator('button[data-action="locale"]').click();
    await page.waitForFunction(() => document.documentElement.lang.startsWith('tr'));
    expect(await listedIds(page)).to.include(id);
    expect(
      page.errors.filter((e) => e.startsWith('pageerror')),
      'uncaught errors',
    ).to.deep.equal([]);
  });
});
