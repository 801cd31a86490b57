import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { pageErrors, shadowText, startHarness, type Harness } from './harness.js';

describe('the customer card in React 19 and Vue 3 apps (Chromium)', function () {
  this.timeout(60_000);
  let harness: Harness;
  let page: Page;

  before(async () => {
    harness = await startHarness();
    page = await harness.open('frameworks.html');
  });
  after(() => harness?.close());

  for (const app of ['react', 'vue']) {
    it(`renders the card with its properties in the ${app} app`, async () => {
      const host = `#${app} crm-customer-card`;
      await page.waitForFunction((h) => !!document.querySelector(h)?.shadowRoot?.querySelector('[part="name"]'), host);
      expect(await shadowText(page, host, '[part="name"]')).to.equal('Ayşe Yılmaz');
      expect(await page.getAttribute(host, 'variant')).to.equal(app === 'react' ? 'compact' : 'full');
    });

    it(`delivers the card's events to the ${app} app's handler`, async () => {
      await page.evaluate((h) => {
        const link = document
          .querySelector(h)!
          .shadowRoot!.querySelector<HTMLAnchorElement>('a[part="contact-action"]')!;
        link.click();
      }, `#${app} crm-customer-card`);
      expect(await page.evaluate(() => window.e2e.contacts)).to.include(`${app}:email:ayse@example.com`);
    });
  }

  it('logs no errors', () => {
    expect(pageErrors(page)).to.deep.equal([]);
  });
});
