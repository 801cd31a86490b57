import { html } from '@open-wc/testing';
import { memoryStorage, type ActivityInput, type Crm, type CustomerInput } from '@crmkit/core';
import { adoptCrmTheme } from '@crmkit/components';
import { createDemoCrm } from '../../demo/src/crm.js';
import '../../demo/src/pages/insights/insights-page.js';
import type { DemoInsightsPage } from '../../demo/src/pages/insights/insights-page.js';
import { expect } from '../../packages/components/test/expect.js';
import { $, $$, mount, text, until } from '../../packages/components/test/support.js';

const NOW = new Date('2025-06-30T12:00:00.000Z');
const CHANNELS = ['store', 'web', 'referral'];
const SECTIONS = ['rfm', 'clv', 'vip', 'churn', 'cohorts'];
const DAY = 86_400_000;

/** 30 customers acquired through 2023 by three channels; the first 24 bought, the last 6 never. */
function customers(): CustomerInput[] {
  return Array.from({ length: 30 }, (_, i) => ({
    id: `c${String(i).padStart(2, '0')}`,
    name: `Customer ${i}`,
    acquisition: { channel: CHANNELS[i % 3]!, at: new Date(Date.UTC(2023, i % 12, 5, 10)).toISOString() },
  }));
}

/** A small deterministic random source (the seed was picked so that both models converge on so few buyers). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Purchases as BG/NBD pictures them: each buyer buys at their own rate and may drop out after any purchase,
 * spending around their own mean. The first is on the acquisition day.
 */
function purchases(): ActivityInput[] {
  const next = random(2);
  const out: ActivityInput[] = [];
  for (const customer of customers().slice(0, 24)) {
    let at = Date.parse(customer.acquisition!.at);
    const perDay = 0.01 + next() * 0.05;
    const dropout = 0.1 + next() * 0.4;
    const mean = 1000 + next() * 20_000;
    for (;;) {
      const total = Math.round(mean * (0.5 + next()));
      out.push({
        customerId: customer.id!,
        type: 'purchase',
        at: new Date(at).toISOString(),
        data: { total, currency: 'TRY' },
      });
      if (next() < dropout) break;
      at += (-Math.log(1 - next()) / perDay) * DAY;
      if (at > NOW.getTime()) break;
    }
  }
  return out;
}

/** A demo crm started empty and filled afterwards, as on the demo's first start (the fit on init saw nothing). */
async function demoCrm(): Promise<Crm> {
  const crm = await createDemoCrm({ storage: memoryStorage(), tenant: 't', now: () => NOW });
  await crm.customers.putMany(customers());
  await crm.activities.putMany(purchases());
  await crm.npsResponses.putMany(
    [10, 9, 9, 8, 7, 6, 10, 3, 9, 10].map((score, i) => ({
      customerId: `c${String(i).padStart(2, '0')}`,
      score,
      touchpoint: 'store-visit',
      at: new Date(Date.UTC(2025, i % 6, 10)).toISOString(),
    })),
  );
  return crm;
}

const ready = (page: DemoInsightsPage) =>
  SECTIONS.every((key) => $$(page, `[data-demo="${key}"] svg.chart, [data-demo="${key}"] #${key}-summary`).length) &&
  !$$(page, 'progress').length;

async function mountPage(crm: Crm): Promise<DemoInsightsPage> {
  const page = await mount<DemoInsightsPage>(html`<demo-insights-page .crm=${crm}></demo-insights-page>`);
  await until(() => ready(page), 'the figures', 20_000);
  return page;
}

/** Rows of a section's table as [key, cell texts after the row header]. */
function tableRows(page: DemoInsightsPage, key: string): Map<string, string[]> {
  return new Map(
    $$(page, `details[data-table="${key}"] tbody tr`).map((row) => [
      row.dataset.key!,
      [...row.querySelectorAll('td')].map((cell) => text(cell)),
    ]),
  );
}

async function setLang(page: DemoInsightsPage, lang: string): Promise<void> {
  document.documentElement.lang = lang;
  await until(() => text($(page, 'h1')) === (lang === 'tr' ? 'Analizler' : 'Insights'), `the page in ${lang}`);
  await page.updateComplete;
}

describe('demo: <demo-insights-page>', function () {
  this.timeout(60_000);
  let crm: Crm;

  before(async () => {
    crm = await demoCrm();
  });
  after(() => crm.close());
  afterEach(() => {
    document.documentElement.lang = 'en';
    document.documentElement.classList.remove('crm-theme-dark');
  });

  it('shows a loading state, then every section with a chart named by its summary and a table', async () => {
    const page = await mount<DemoInsightsPage>(html`<demo-insights-page .crm=${crm}></demo-insights-page>`);
    // The first render comes before the first read: placeholders, busy sections and a progress bar.
    expect($$(page, 'section[aria-busy="true"] .placeholder')).to.have.length(SECTIONS.length);
    expect($$(page, 'progress')).to.have.length(1);
    await until(() => ready(page), 'the figures', 20_000);

    expect($$(page, 'crm-nps-report')).to.have.length(1);
    for (const key of SECTIONS) {
      const section = $(page, `section[data-demo="${key}"]`);
      expect(section.getAttribute('aria-busy'), key).to.equal('false');
      const chart = section.querySelector('svg.chart')!;
      expect(chart, key).to.exist;
      expect(chart.getAttribute('role')).to.equal('img');
      const name = page.shadowRoot!.getElementById(chart.getAttribute('aria-labelledby')!);
      expect(text(name), key).to.have.length.greaterThan(20);
      expect(section.querySelector(`details[data-table="${key}"] table caption`), key).to.exist;
    }
    // The page had to fit the models (the crm started empty), and says when they were fitted.
    expect(text($(page, '[role="status"]'))).to.equal('Figures for 30 customers; models fitted on 30 June 2025.');
  });

  it('counts what the metrics say, the same in the charts and the tables', async () => {
    const page = await mountPage(crm);
    const all = await crm.customers.all();
    const metrics = all.map((customer) => crm.metrics.attach(customer).metrics);

    // RFM: one bar per segment and one for the six who never bought; the table says the same.
    const rfmTable = tableRows(page, 'rfm');
    const rfmBars = $$(page, '[data-demo="rfm"] g.bar-row');
    expect(rfmBars).to.have.length(12);
    for (const bar of rfmBars) {
      const key = bar.dataset.key!;
      const expected = key === 'none' ? 6 : metrics.filter((m) => m.rfmSegment === key).length;
      expect(Number(bar.dataset.count), key).to.equal(expected);
      expect(rfmTable.get(key)![0], key).to.equal(text(bar.querySelector('.value')));
      expect(text(bar.querySelector('.value'))).to.equal(String(expected));
    }

    // VIP tiers from @crmkit/plugin-vip-tier.
    const vipTable = tableRows(page, 'vip');
    for (const bar of $$(page, '[data-demo="vip"] g.bar-row')) {
      const key = bar.dataset.key!;
      const expected = metrics.filter((m) => (key === 'none' ? m.vipTier === undefined : m.vipTier === key)).length;
      expect(Number(bar.dataset.count), key).to.equal(expected);
      expect(vipTable.get(key)![0]).to.equal(text(bar.querySelector('.value')));
    }

    // Churn: the headline counts those above 50 %, the columns add up to everyone scored.
    const risks = metrics.map((m) => m.churnRisk).filter((r): r is number => typeof r === 'number');
    expect(risks).to.have.length(24);
    const above = risks.filter((r) => r > 0.5).length;
    expect(text($(page, '[data-demo="churn-above-50"]'))).to.match(new RegExp(`^${above} customers \\(`));
    const churnColumns = $$(page, '[data-demo="churn"] g.column');
    expect(churnColumns).to.have.length(10);
    expect(churnColumns.reduce((sum, column) => sum + Number(column.dataset.count), 0)).to.equal(24);
    const churnTable = tableRows(page, 'churn');
    for (const column of churnColumns)
      expect(churnTable.get(column.dataset.key!)![1]).to.equal(text(column.querySelector('.value')));

    // Lifetime value: every predicted customer in one bin, bins as in the table.
    const clvs = metrics.map((m) => m.clv).filter((v): v is number => typeof v === 'number');
    expect(clvs).to.have.length(24);
    const clvColumns = $$(page, '[data-demo="clv"] g.column');
    expect(clvColumns.reduce((sum, column) => sum + Number(column.dataset.count), 0)).to.equal(24);
    const clvTable = tableRows(page, 'clv');
    expect([...clvTable.keys()]).to.deep.equal(clvColumns.map((column) => column.dataset.key));
    for (const column of clvColumns)
      expect(clvTable.get(column.dataset.key!)![0]).to.equal(text(column.querySelector('.value')));
    expect(text($(page, '#clv-summary'))).to.match(
      /^Half of the 24 customers with a prediction are expected to spend less than TRY [\d,]+; together TRY [\d,]+\.$/,
    );
  });

  it('draws retention by channel as a heat map that prints each share, and its cohorts per channel', async () => {
    const page = await mountPage(crm);
    const rows = $$(page, '[data-demo="cohorts"] g.heat-row');
    // Ten customers per channel: three channel rows, their shares printed in the cells and in the table.
    expect(rows.map((row) => row.dataset.key).sort()).to.deep.equal(['referral', 'store', 'web']);
    const table = tableRows(page, 'cohorts');
    for (const row of rows) {
      const cells = [...row.querySelectorAll('g.cell')];
      expect(cells.length).to.be.greaterThan(1);
      const printed = cells.map((cell) => text(cell.querySelector('.cell-text')));
      expect(printed.every((share) => /^\d+%$/.test(share))).to.be.true;
      const [size, ...shares] = table.get(row.dataset.key!)!;
      expect(size).to.equal('10');
      expect(shares.filter((share) => share !== 'not yet')).to.deep.equal(printed);
    }
    // Period 0 of a channel counts those who bought at all: 8 of the 10 customers of each channel.
    expect(table.get('store')![1]).to.equal('80%');

    const select = $<HTMLSelectElement>(page, 'select[data-demo="cohort-view"]');
    select.value = 'store';
    select.dispatchEvent(new Event('change'));
    await page.updateComplete;
    const cohortRows = $$(page, '[data-demo="cohorts"] g.heat-row');
    expect(cohortRows.map((row) => row.dataset.key)).to.deep.equal([
      'store 2023-Q1',
      'store 2023-Q2',
      'store 2023-Q3',
      'store 2023-Q4',
    ]);
    expect(text($(page, '[data-demo="cohorts"] g.heat-row .label'))).to.equal('Q1 2023');
    expect(text($(page, 'details[data-table="cohorts"] caption'))).to.contain('from shops');
  });

  it('speaks Turkish when the page does, numbers included', async () => {
    const page = await mountPage(crm);
    await setLang(page, 'tr');
    expect(text($(page, '#rfm-title'))).to.equal('RFM segmentleri');
    expect(text($(page, 'details[data-table="rfm"] summary'))).to.equal('Tablo olarak göster');
    expect(text($(page, '[role="status"]'))).to.equal(
      '30 müşterinin rakamları; modeller 30 Haziran 2025 tarihinde hesaplandı.',
    );
    // Turkish puts the percent sign first; the table and the chart change together.
    const printed = text($(page, '[data-demo="cohorts"] g.cell .cell-text'));
    expect(printed).to.match(/^%\d+$/);
    expect(tableRows(page, 'cohorts').get($$(page, '[data-demo="cohorts"] g.heat-row')[0]!.dataset.key!)![1]).to.equal(
      printed,
    );
    expect(text($(page, '[data-demo="vip"] g.bar-row[data-key="standard"] .label'))).to.equal('Standart');
    expect(text($(page, '[data-demo="churn"] .band-label'))).to.equal('Düşük');
    await setLang(page, 'en');
    expect(text($(page, '[data-demo="vip"] g.bar-row[data-key="standard"] .label'))).to.equal('Standard');
  });

  it('is accessible with its tables open, in both languages and both themes', async () => {
    const page = await mountPage(crm);
    for (const details of $$<HTMLDetailsElement>(page, 'details')) details.open = true;
    await expect(page).to.be.accessible();
    adoptCrmTheme();
    document.documentElement.classList.add('crm-theme-dark');
    await setLang(page, 'tr');
    await expect(page).to.be.accessible();
  });

  it('shows the figures again at once, and offers a refresh when a purchase changes them', async () => {
    const first = await mountPage(crm);
    const before = Number($(first, '[data-demo="rfm"] g.bar-row[data-key="none"]').dataset.count);
    first.remove();
    // Back on the page: no second read.
    const again = await mount<DemoInsightsPage>(html`<demo-insights-page .crm=${crm}></demo-insights-page>`);
    expect($$(again, 'progress')).to.have.length(0);
    expect($$(again, '[data-demo="rfm"] svg.chart')).to.have.length(1);

    await crm.activities.put({
      customerId: 'c29',
      type: 'purchase',
      at: '2025-06-01T10:00:00.000Z',
      data: { total: 4200, currency: 'TRY' },
    });
    await until(() => $$(again, 'button[data-action="refresh"]').length === 1, 'the refresh offer');
    $(again, 'button[data-action="refresh"]').click();
    await until(
      () =>
        ready(again) && Number($(again, '[data-demo="rfm"] g.bar-row[data-key="none"]').dataset.count) === before - 1,
      'one customer fewer without a purchase',
      20_000,
    );
    expect($$(again, 'button[data-action="refresh"]')).to.have.length(0);
  });

  it('says so when the analytics plugin is switched off, and still shows what does not need it', async () => {
    const off = await createDemoCrm({ storage: memoryStorage(), tenant: 'off', now: () => NOW });
    await off.customers.putMany(customers());
    await off.activities.putMany(purchases());
    // As at full size in IndexedDB, where its init outlives the host's time limit.
    off.host.disable('analytics', 'init', new Error('did not finish within 2000 ms'));
    try {
      const page = await mountPage(off);
      for (const key of ['rfm', 'clv', 'churn'])
        expect(text($(page, `#${key}-summary`)), key).to.equal(
          'The analytics plugin is switched off (init: did not finish within 2000 ms): no lifetime value, churn risk or RFM segment can be shown.',
        );
      // VIP tiers fall back to the spend so far; the cohorts need only the purchase facts.
      expect(Number($(page, '[data-demo="vip"] g.bar-row[data-key="none"]').dataset.count)).to.equal(6);
      expect($$(page, '[data-demo="cohorts"] g.heat-row')).to.have.length(3);
      await expect(page).to.be.accessible();
    } finally {
      await off.close();
    }
  });
});
