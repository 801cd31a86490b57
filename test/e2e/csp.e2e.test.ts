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
