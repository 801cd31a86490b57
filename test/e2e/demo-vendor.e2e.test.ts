import { join } from 'node:path';
import { expect } from 'chai';
import { ARTIFACTS, DEMO_SIZE, eventually, textOf, useDemoHarness } from './demo-harness.js';
import {
  answerNps,
  askableListedCustomer,
  customerPageReady,
  goTo,
  linkTo,
  listedIds,
  liveCount,
  npsReportReady,
  reportedAnswers,
  stored,
} from './demo-steps.js';

const NOTE = 'Asked to resize her engagement ring before Friday (e2e)';
const COMMENT = 'Kind staff at the Nişantaşı shop (e2e)';

describe('the demo: a vendor’s path from a segment to the NPS report (Chromium)', function () {
  const harness = useDemoHarness(this);

  it('builds “Istanbul customers with churn risk above 50% who allow SMS”, adds a note and an NPS answer to one customer, and sees it reported', async () => {
    const page = await harness().open();
    const start = await stored(page);
    expect(start.customers, 'seeded customers').to.have.length(DEMO_SIZE);
    const answersBefore = start.npsResponses.length;
    const byId = new Map(start.customers.map((customer) => [customer.id, customer]));

    // ——— Customers: the segment, built as a user would ———
    const builder = page.locator('demo-customers-page crm-segment-builder');
    const audience = page.locator('demo-customers-page crm-segment-audience');
    await builder.locator('[data-act="add-condition"]').first().waitFor({ timeout: 20_000 });
    // By keyboard: Enter on "Add condition" opens the field search; typing filters it; Enter takes the active field.
    await builder.locator('[data-act="add-condition"]').first().focus();
    await page.keyboard.press('Enter');
    await builder.locator('[part="field-search"]').waitFor();
    await page.keyboard.type('address.city');
    await page.keyboard.press('Enter');
    const city = builder.locator('[part="condition"]').nth(0);
    expect(await city.locator('[part="field-button"]').textContent()).to.contain('City');
    await city.locator('[part="operator"]').selectOption('eq');
    await city.locator('[part="value-input"]').click();
    await page.keyboard.type('İstanbul');
    const inIstanbul = await liveCount(page);
    const istanbul = start.customers.filter((c) => c.address?.city?.toLocaleLowerCase('tr') === 'istanbul').length;
    expect(istanbul, 'seeded customers in İstanbul').to.be.within(1, DEMO_SIZE - 1);
    expect(inIstanbul, 'live count of İstanbul customers').to.equal(istanbul);

    // By mouse: the second condition, on the analytics plugin's churn risk (a share: 50% is 0.5).
    await builder.locator('[data-act="add-condition"]').first().click();
    await builder.locator('[part="field-search"]').fill('churn');
    await builder.locator('[role="option"]', { hasText: 'metrics.churnRisk' }).first().click();
    const churn = builder.locator('[part="condition"]').nth(1);
    await churn.locator('[part="operator"]').selectOption('gt');
    await churn.locator('[part="value-input"]').fill('0.5');
    const atRisk = await liveCount(page, inIstanbul);
    expect(atRisk, 'İstanbul customers with churn risk above 50%').to.be.within(1, inIstanbul - 1);
    expect(await builder.evaluate((el) => (el as unknown as { value: unknown }).value)).to.deep.include({
      combinator: 'and',
    });

    // Who may be texted: the audience's consent guard on the SMS channel, leaving out the others.
    await audience.locator('[part="consent"] select').selectOption('sms');
    const contactable = audience.locator('.contactable');
    await contactable.waitFor();
    const sms = Number(
      /^(\d+) of them may be contacted by SMS\.$/.exec(await textOf(page, 'crm-segment-audience .contactable'))?.[1],
    );
    expect(sms, 'who allow SMS').to.be.within(0, atRisk);
    await audience.locator('[part="consent"] input[type="checkbox"]').check();
    await eventually(
      () => audience.locator('[part="preview"] li:not(.muted)').count(),
      (n) => n === Math.min(5, sms),
    );
    expect(await audience.locator('[part="preview"] li:not(.muted)').count()).to.equal(Math.min(5, sms));
    // The list below follows the segment: every row is one of its members.
    const rows = await eventually(
      () => listedIds(page),
      (ids) => ids.length <= atRisk && ids.every((id) => byId.get(id)?.address?.city === 'İstanbul'),
    );
    expect(rows.length, 'rows of the segment').to.be.within(1, atRisk);
    expect(rows.map((id) => byId.get(id)?.address?.city)).to.deep.equal(rows.map(() => 'İstanbul'));
    await page.screenshot({ path: join(ARTIFACTS, 'customers.png'), fullPage: true });

    // ——— Customer: open one from the list, add a note, answer the survey ———
    const id = await askableListedCustomer(page);
    await page
      .locator(`demo-customers-page ${linkTo(id)}`)
      .first()
      .click();
    await customerPageReady(page, id);
    const customer = start.customers.find((c) => c.id === id)!;
    expect(await textOf(page, 'demo-customer-page crm-customer-card [part="name"]')).to.equal(customer.name);

    const timeline = page.locator('demo-customer-page crm-timeline');
    await timeline.locator('#composer-text').fill(NOTE);
    await timeline.locator('[part="composer"] button[type="submit"]').click();
    await timeline.locator('[part="feed"] [part="item"]', { hasText: NOTE }).first().waitFor();

    await answerNps(page, 9, COMMENT);
    const widget = page.locator('demo-customer-page crm-nps-widget');
    await widget.locator('[part="thanks"]').waitFor();
    expect(await textOf(page, 'demo-customer-page crm-nps-widget [part="thanks"]')).to.equal(
      'Thank you for your feedback!',
    );
    await timeline.locator('[part="feed"] [part="item"]', { hasText: 'NPS response: 9' }).first().waitFor();
    expect(await timeline.locator('[part="feed"]').textContent()).to.contain(COMMENT);

    const after = await stored(page);
    const note = after.activities.filter((a) => a.customerId === id && a.type === 'note' && a.data.text === NOTE);
    expect(note, 'the note in IndexedDB').to.have.length(1);
    const answer = after.npsResponses.filter((r) => r.customerId === id && r.comment === COMMENT);
    expect(answer, 'the answer in IndexedDB').to.have.length(1);
    expect(answer[0]).to.include({ score: 9, touchpoint: 'store-visit' });
    expect(
      after.activities.filter((a) => a.type === 'nps' && a.data.responseId === answer[0]!.id),
      'its nps activity',
    ).to.have.length(1);
    await page.screenshot({ path: join(ARTIFACTS, 'customer.png'), fullPage: true });

    // The same page in the dark theme, then in Turkish (light).
    await page.locator('button[data-action="theme"]').click();
    await page.waitForFunction(() => document.documentElement.classList.contains('crm-theme-dark'));
    await page.screenshot({ path: join(ARTIFACTS, 'customer-dark.png'), fullPage: true });
    await page.locator('button[data-action="theme"]').click();
    await page.waitForFunction(() => !document.documentElement.classList.contains('crm-theme-dark'));
    await page.locator('button[data-action="locale"]').click();
    await page.waitForFunction(() => document.documentElement.lang.startsWith('tr'));
    await timeline.locator('[part="feed"] [part="item"]', { hasText: 'NPS yanıtı: 9' }).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'customer-tr.png'), fullPage: true });
    await page.locator('button[data-action="locale"]').click();
    await page.waitForFunction(() => document.documentElement.lang.startsWith('en'));

    // ——— Insights: the report counts the new answer ———
    await goTo(page, '#/insights');
    await npsReportReady(page);
    const reported = await eventually(
      () => reportedAnswers(page),
      (n) => n === answersBefore + 1,
    );
    expect(reported, 'answers in the NPS report').to.equal(answersBefore + 1);
    for (const section of ['rfm', 'clv', 'vip', 'churn', 'cohorts']) {
      expect(await page.locator(`demo-insights-page [data-demo="${section}"]`).count(), section).to.equal(1);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'insights.png'), fullPage: true });

    expect(page.errors).to.deep.equal([]);
  });
});
