import { expect } from 'chai';
import { DEMO_SIZE, type DemoPage, useDemoHarness } from './demo-harness.js';
import { customerPageReady, goTo, linkTo, listedIds, npsReportReady, stored } from './demo-steps.js';

const POLICIES = ["script-src 'self'", "script-src 'self'; style-src 'self'"];

/** Seeds, then visits every page (and both switches) the way a user would. */
async function visitEverything(page: DemoPage): Promise<void> {
  expect((await stored(page)).customers, 'seeded under the policy').to.have.length(DEMO_SIZE);
  const [id] = await listedIds(page);
  await page
    .locator(`demo-customers-page ${linkTo(id!)}`)
    .first()
    .click();
  await customerPageReady(page, id!);
  await page.locator('demo-customer-page crm-nps-widget').waitFor();
  await page.locator('demo-customer-page section[data-demo="sales-documents"]').waitFor();
  await goTo(page, '#/insights');
  await npsReportReady(page);
  await page.locator('demo-insights-page [data-demo="cohorts"]').waitFor();
  await page.locator('button[data-action="theme"]').click();
  await page.waitForFunction(() => document.documentElement.classList.contains('crm-theme-dark'));
  await page.locator('button[data-action="locale"]').click();
  await page.waitForFunction(() => document.documentElement.lang.startsWith('tr'));
  await goTo(page, '#/customers');
  await listedIds(page);
  // Late reports (a style applied on the last render) arrive asynchronously.
  await page.waitForTimeout(300);
}

describe('the demo under a Content-Security-Policy (Chromium)', function () {
  const harness = useDemoHarness(this);

  for (const policy of POLICIES) {
    it(`seeds and shows every page under “${policy}” without a violation or an error`, async () => {
      const page = await harness().open({ csp: policy });
      const header = await page.evaluate(async () =>
        (await fetch(location.href)).headers.get('content-security-policy'),
      );
      expect(header, 'the policy is really in force').to.equal(policy);
      await visitEverything(page);
      expect(await page.evaluate(() => window.demoViolations)).to.deep.equal([]);
      expect(page.errors).to.deep.equal([]);
      // The listener hears a violation when there is one: an inline script, refused.
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true';
        document.body.append(script);
      });
      await page.waitForFunction(() => window.demoViolations.length > 0);
      expect(await page.evaluate(() => window.demoViolations[0])).to.match(/^script-src-elem inline/);
    });
  }
});
