import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { pageErrors, shadowText, startHarness, type Harness } from './harness.js';

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

describe('the elements under a strict Content-Security-Policy with Trusted Types (Chromium)', function () {
  this.timeout(60_000);
  let harness: Harness;
  let page: Page;

  before(async () => {
    harness = await startHarness({ '/csp.html': { 'content-security-policy': POLICY } });
    page = await harness.open('csp.html');
    await page.waitForFunction(() => !!document.querySelector('#card')?.shadowRoot?.querySelector('[part="name"]'));
  });
  after(() => harness?.close());

  it('renders the card, styled, in the page language', async () => {
    expect(await shadowText(page, '#card', '[part="name"]')).to.equal('Ayşe Yılmaz');
    expect(await shadowText(page, '#card', '[part="edit-button"]')).to.equal('Düzenle: Ayşe Yılmaz');
    const background = await page.evaluate(
      () =>
        getComputedStyle(document.querySelector('#card')!.shadowRoot!.querySelector('[part="base"]')!).backgroundColor,
    );
    expect(background).to.equal('rgb(27, 30, 36)');
  });

  it('edits and saves through the card without a violation', async () => {
    await page.evaluate(async () => {
      const root = document.querySelector('#card')!.shadowRoot!;
      root.querySelector<HTMLButtonElement>('[part="edit-button"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const company = root.querySelector<HTMLInputElement>('#field-company')!;
      company.value = 'CSP AŞ';
      company.dispatchEvent(new Event('input'));
      root.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
    });
    await page.waitForFunction(() =>
      document.querySelector('#card')?.shadowRoot?.querySelector('.subtitle')?.textContent?.includes('CSP AŞ'),
    );
  });

  it('renders the timeline: pinned task, virtualised history, search, and a note added through the composer', async () => {
    await page.waitForFunction(
      () => !!document.querySelector('#timeline')?.shadowRoot?.querySelector('[part="feed"] [part="item"]'),
    );
    expect(await shadowText(page, '#timeline', '[part="pinned"] .title')).to.equal('Follow up');
    const rendered = await page.evaluate(
      () => document.querySelector('#timeline')!.shadowRoot!.querySelectorAll('[part="feed"] [part="item"]').length,
    );
    expect(rendered).to.be.within(1, 60);
    await page.evaluate(async () => {
      const root = document.querySelector('#timeline')!.shadowRoot!;
      const search = root.querySelector<HTMLInputElement>('[part="search"]')!;
      search.value = 'NOTE 299';
      search.dispatchEvent(new Event('input'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      search.value = '';
      search.dispatchEvent(new Event('input'));
      const text = root.querySelector<HTMLTextAreaElement>('#composer-text')!;
      text.value = 'Added under CSP';
      text.dispatchEvent(new Event('input'));
      root.querySelector<HTMLButtonElement>('[part="composer"] button[type="submit"]')!.click();
    });
    await page.waitForFunction(() =>
      document
        .querySelector('#timeline')
        ?.shadowRoot?.querySelector('[part="feed"] .summary')
        ?.textContent?.includes('Added under CSP'),
    );
  });

  it('reports no CSP or Trusted Types violation and no error', async () => {
    expect(await page.evaluate(() => window.e2e.violations)).to.deep.equal([]);
    expect(pageErrors(page)).to.deep.equal([]);
  });
});

/** The live count's text once it is `expected`, or what it showed last after a few seconds. */
async function countText(page: Page, expected: string): Promise<string> {
  let last = '';
  for (let i = 0; i < 100 && last !== expected; i++) {
    last = await shadowText(page, '#audience', '[part="count"] .number');
    if (last !== expected) await page.waitForTimeout(50);
  }
  return last;
}

describe('the NPS widget and report, and the segment builder with its audience, under the same policy (Chromium)', function () {
  this.timeout(60_000);
  let harness: Harness;
  let page: Page;

  before(async () => {
    harness = await startHarness({ '/csp-kit.html': { 'content-security-policy': POLICY } });
    page = await harness.open('csp-kit.html');
  });
  after(() => harness?.close());

  it('answers the NPS widget with the keyboard alone and submits it', async () => {
    const radio = page.locator('#widget [role="radio"]');
    await radio.first().waitFor();
    expect(await radio.count()).to.equal(11);
    await radio.first().focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(
      await page.evaluate(() => (document.querySelector('#widget') as HTMLElement & { value: unknown }).value),
    ).to.equal(9);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Fast checkout');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.querySelector('#widget')!.shadowRoot!.activeElement?.getAttribute('part')),
    ).to.equal('send-button');
    await page.keyboard.press('Enter');
    await page.locator('#widget [part="thanks"]').waitFor();
    expect(await shadowText(page, '#widget', '[part="thanks"]')).to.equal('Thank you for your feedback!');
  });

  it('reports the answers with its SVG charts, the new answer included', async () => {
    await page.waitForFunction(() =>
      document
        .querySelector('#report')
        ?.shadowRoot?.querySelector('[part="score"]')
        ?.textContent?.includes('7 answers'),
    );
    const charts = await page.evaluate(
      () =>
        document.querySelector('#report')!.shadowRoot!.querySelectorAll('[part="distribution"] svg, [part="trend"] svg')
          .length,
    );
    expect(charts).to.be.greaterThan(0);
    expect(await shadowText(page, '#report', '[part="breakdown"]')).to.contain('checkout');
  });

  it('builds a rule with the field picker and shows its live count', async () => {
    await page.locator('#builder [data-act="add-condition"]').first().click();
    await page.locator('#builder [part="field-search"]').fill('address.city');
    await page.locator('#builder [role="option"]', { hasText: 'address.city' }).first().click();
    await page.locator('#builder [part="operator"]').selectOption('eq');
    await page.locator('#builder [part="value-input"]').fill('İstanbul');
    expect(await countText(page, '1 customer matches')).to.equal('1 customer matches');
    expect(await shadowText(page, '#audience', '[part="preview"]')).to.contain('Ayşe Yılmaz');
    await page.locator('#builder [part="value-input"]').fill('');
    await page.locator('#builder [part="operator"]').selectOption('isNotEmpty');
    expect(await countText(page, '2 customers match')).to.equal('2 customers match');
  });

  it('reports no CSP or Trusted Types violation and no error', async () => {
    expect(await page.evaluate(() => window.e2e.violations)).to.deep.equal([]);
    expect(pageErrors(page)).to.deep.equal([]);
  });
});
