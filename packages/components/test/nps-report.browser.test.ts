import { html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CrmStorageError, createCrm, type Crm, type Customer, type NpsResponseInput } from '@crmkit/core';
import { nps, npsBy } from '@crmkit/analytics';
import { segmentsPlugin } from '@crmkit/segments';
import '../src/index.js';
import { adoptCrmTheme, CrmErrorEvent, type CrmNpsReport } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, mount, shadow, text, until } from './support.js';
import { tagSegments } from './tag-segments.fixture.js';

/** Answers: `[score, touchpoint, at]` for one customer each (or for `customer` when given). */
function answers(
  customers: readonly Customer[],
  rows: ReadonlyArray<readonly [number, string, string]>,
): NpsResponseInput[] {
  return rows.map(([score, touchpoint, at], i) => ({
    customerId: customers[i % customers.length]!.id,
    score,
    touchpoint,
    at,
  }));
}

/** `count` answers of `score`, all at `touchpoint` in `month` (`2025-01`). */
function many(count: number, score: number, touchpoint: string, month: string): Array<[number, string, string]> {
  return Array.from({ length: count }, (_, i) => [
    score,
    touchpoint,
    `${month}-${String((i % 27) + 1).padStart(2, '0')}T10:00:00Z`,
  ]);
}

interface Seed {
  crm: Crm;
  customers: Customer[];
}

async function seed(options: { segments?: boolean } = {}): Promise<Seed> {
  const crm = await createCrm({ plugins: options.segments ? [tagSegments] : [] });
  const customers: Customer[] = [];
  for (let i = 0; i < 10; i++)
    customers.push(await crm.customers.put({ name: `Customer ${i}`, tags: i < 4 ? ['wholesale'] : ['retail'] }));
  return { crm, customers };
}

async function report(crm: Crm, attrs: { lang?: string; groupBy?: string; period?: string } = {}) {
  const el = await mount<CrmNpsReport>(
    html`<crm-nps-report
      .crm=${crm}
      lang=${attrs.lang ?? 'en'}
      group-by=${attrs.groupBy ?? 'touchpoint'}
      period=${attrs.period ?? 'month'}
    ></crm-nps-report>`,
  );
  await until(() => !!el.shadowRoot?.querySelector('[part="score"], [part="empty"], [part="error"]'), 'the report');
  return el;
}

/** 25 promoters, 15 passives, 10 detractors over January–March 2025 (none in February), at two touchpoints. */
const FIFTY = [
  ...many(15, 10, 'store-visit', '2025-01'),
  ...many(5, 8, 'store-visit', '2025-01'),
  ...many(4, 3, 'web-order', '2025-01'),
  ...many(10, 9, 'web-order', '2025-03'),
  ...many(10, 7, 'store-visit', '2025-03'),
  ...many(6, 0, 'web-order', '2025-03'),
];

describe('crm-nps-report', () => {
  it('shows a skeleton without a crm and explains an empty report, accessibly', async () => {
    const waiting = await mount<CrmNpsReport>(html`<crm-nps-report></crm-nps-report>`);
    expect($$(waiting, '[part="skeleton"]')).to.have.length(1);
    await expect(waiting).to.be.accessible();
    const { crm } = await seed();
    const el = await report(crm);
    expect(text($(el, '[part="empty"]'))).to.equal(
      'No NPS answers yet. The score, its trend and the breakdown appear here after the first answer.',
    );
    expect(text($(el, '#title'))).to.equal('Net Promoter Score');
    expect($(el, '#title').getAttribute('aria-level')).to.equal('2');
    await expect(el).to.be.accessible();
  });

  it('shows the score with its 95% confidence interval and the number of answers', async () => {
    const { crm, customers } = await seed();
    await crm.npsResponses.putMany(answers(customers, FIFTY));
    const el = await report(crm);
    const expected = nps(FIFTY.map(([score]) => score));
    expect(expected.score).to.equal(30);
    const ci = expected.confidenceInterval!;
    const signed = (n: number) => (Math.round(n) > 0 ? '+' : Math.round(n) < 0 ? '-' : '') + Math.abs(Math.round(n));
    expect(text($(el, '.score'))).to.equal('+30NPS');
    expect(text($(el, '[part="score"]'))).to.contain(
      `95% confidence interval: ${signed(ci.low)} to ${signed(ci.high)}`,
    );
    expect(text($(el, '[part="score"]'))).to.contain('50 answers');
    expect($$(el, '[part="small-sample"]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('explains a small sample, and that one answer has no interval', async () => {
    const { crm, customers } = await seed();
    await crm.npsResponses.putMany(answers(customers, many(5, 9, 'kiosk', '2025-02')));
    const el = await report(crm);
    expect(text($(el, '[part="small-sample"]'))).to.equal(
      'Only 5 answers so far: with this few answers the score can still move a lot, so read it with its interval. It settles from about 30 answers.',
    );
    expect($(el, '[part="small-sample"]').getAttribute('role')).to.equal('note');
    await expect(el).to.be.accessible();

    const single = await seed();
    await single.crm.npsResponses.put({
      customerId: single.customers[0]!.id,
      score: 4,
      touchpoint: 'kiosk',
      at: '2025-02-02T00:00:00Z',
    });
    const one = await report(single.crm);
    expect(text($(one, '[part="score"]'))).to.contain('One answer is not enough for a confidence interval.');
    expect(text($(one, '[part="score"]'))).to.contain('1 answer');
    expect(text($(one, '.score'))).to.equal('-100NPS');
    await expect(one).to.be.accessible();
  });

  it('draws promoters, passives and detractors as one bar with a text alternative, patterned as well as coloured', async () => {
    const { crm, customers } = await seed();
    await crm.npsResponses.putMany(answers(customers, FIFTY));
    const el = await report(crm);
    const bar = $(el, '[part="distribution-bar"]');
    expect(bar.getAttribute('role')).to.equal('img');
    expect(bar.getAttribute('aria-label')).to.equal('50% promoters, 30% passives and 20% detractors.');
    const widths = $$(el, '[part="distribution-bar"] .seg').map((rect) => [
      rect.dataset.category,
      Number(rect.getAttribute('width')),
    ]);
    expect(widths).to.deep.equal([
      ['detractor', 80],
      ['passive', 120],
      ['promoter', 200],
    ]);
    expect($$(el, '.overlay').map((rect) => rect.getAttribute('fill'))).to.deep.equal(['url(#hatch)', 'url(#dots)']);
    expect($$(el, '[part="legend"] li').map((item) => text(item))).to.deep.equal([
      'Detractors (0–6): 20% (10 answers)',
      'Passives (7–8): 30% (15 answers)',
      'Promoters (9–10): 50% (25 answers)',
    ]);
    const swatch = (category: string) => getComputedStyle($(el, `.swatch.${category}`)).backgroundImage;
    expect(swatch('detractor')).to.contain('repeating-linear-gradient');
    expect(swatch('passive')).to.contain('radial-gradient');
  });

  it('draws the trend per period, with a gap where a period had no answers, and gives its numbers as a table', async () => {
    const { crm, customers } = await seed();
    await crm.npsResponses.putMany(answers(customers, FIFTY));
    const el = await report(crm);
    const chart = $(el, '[part="trend-chart"]');
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.equal(
      'NPS from Jan 2025 to Mar 2025: +46 in the first period with answers, +15 in the last.',
    );
    expect($(el, '.line').getAttribute('d')!.match(/M/g)).to.have.length(2);
    expect($$(el, '.point').map((point) => point.dataset.period)).to.deep.equal(['2025-01', '2025-03']);
    expect($$(el, '.point.small'), 'fewer than 30 answers each').to.have.length(2);
    expect($$(el, '.whisker')).to.have.length(2);
    const rows = $$(el, '[part="data-table"] tbody tr').map((row) => [...row.children].map((cell) => text(cell)));
    expect(rows.map((row) => [row[0], row[1], row[3]])).to.deep.equal([
      ['Jan 2025', '+46', '24'],
      ['Feb 2025', 'no answers', '0'],
      ['Mar 2025', '+15', '26'],
    ]);
    expect(rows[1]![2]).to.equal('–');
    $(el, '[part="data-table"] summary').click();
    await expect(el).to.be.accessible();

    el.period = 'quarter';
    await until(() => $$(el, '[part="data-table"] tbody tr').length === 1, 'one quarter');
    expect(text($(el, '[part="data-table"] tbody th'))).to.equal('2025-Q1');
    expect($(el, '[part="trend-chart"]').getAttribute('aria-label')).to.equal('NPS in 2025-Q1: +30.');
  });

  it('breaks the score down by touchpoint, flagging small samples', async () => {
    const { crm, customers } = await seed();
    await crm.npsResponses.putMany(answers(customers, FIFTY));
    const el = await report(crm);
    expect(text($(el, '#breakdown-title'))).to.equal('Breakdown: Touchpoint');
    const expected = npsBy(
      FIFTY.map(([score, touchpoint]) => ({ score, touchpoint })),
      'touchpoint',
    );
    const rows = $$(el, '[part="breakdown"] tbody tr').map((row) => [...row.children].map((cell) => text(cell)));
    expect(rows.map((row) => row[0])).to.deep.equal(['store-visit', 'web-order']);
    const store = expected.find((group) => group.group === 'store-visit')!;
    expect(rows[0]![1]).to.equal(`+${Math.round(store.score!)}`);
    expect(rows[0]![3]).to.equal('30');
    expect(rows[1]![3]).to.equal('20small sample');
    expect($$(el, '[part="breakdown"] .group-bar')).to.have.length(2);
    expect($$(el, '[part="breakdown"] .group-bar')[0]!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('breaks the score down by saved segment through the segment engine, and says when there is none', async () => {
    const { crm, customers } = await seed({ segments: true });
    await crm.npsResponses.putMany(answers(customers, FIFTY));
    await crm.segments.put({
      name: 'Wholesale',
      rule: { kind: 'group', combinator: 'and', rules: [{ tag: 'wholesale' }] },
    });
    await crm.segments.put({ name: 'Retail', rule: { kind: 'group', combinator: 'and', rules: [{ tag: 'retail' }] } });
    const el = await report(crm, { groupBy: 'segment' });
    await until(() => $$(el, '[part="breakdown"] tbody tr').length === 2, 'segment rows');
    const rows = $$(el, '[part="breakdown"] tbody tr').map((row) => [...row.children].map((cell) => text(cell)));
    const wholesale = new Set(customers.slice(0, 4).map((customer) => customer.id));
    const all = answers(customers, FIFTY);
    const expected = nps(all.filter((answer) => wholesale.has(answer.customerId)).map((answer) => answer.score));
    expect(rows.map((row) => row[0])).to.deep.equal(['Retail', 'Wholesale']);
    expect(rows[1]![3]).to.equal(`${expected.total}small sample`);
    expect(rows[1]![1]).to.equal(`${expected.score! > 0 ? '+' : ''}${Math.round(expected.score!)}`);
    expect($$<HTMLOptionElement>(el, '#group-by option').map((option) => option.value)).to.deep.equal([
      'touchpoint',
      'segment',
    ]);
    await expect(el).to.be.accessible();

    const plain = await seed();
    await plain.crm.npsResponses.putMany(answers(plain.customers, FIFTY));
    const without = await report(plain.crm, { groupBy: 'segment' });
    expect(text($(without, '[part="breakdown"] p'))).to.equal(
      'Breaking the score down by segment needs the segment engine (segmentsPlugin).',
    );
    expect($$<HTMLOptionElement>(without, '#group-by option').map((option) => option.value)).to.deep.equal([
      'touchpoint',
    ]);
  });

  it('breaks down by segment with the kit’s own segment engine', async () => {
    const crm = await createCrm({ plugins: [segmentsPlugin()] });
    const customers: Customer[] = [];
    for (let i = 0; i < 10; i++)
      customers.push(await crm.customers.put({ name: `Customer ${i}`, tags: i < 4 ? ['wholesale'] : ['retail'] }));
    await crm.npsResponses.putMany(answers(customers, FIFTY));
    const rule = (tag: string) => ({
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'condition', field: 'tags', op: 'hasAny', value: [tag] }],
    });
    const wholesale = await crm.segments.put({ name: 'Wholesale', rule: rule('wholesale') });
    await crm.segments.put({ name: 'Retail', rule: rule('retail') });
    const el = await mount<CrmNpsReport>(
      html`<crm-nps-report .crm=${crm} group-by="segment" .segmentIds=${[wholesale.id]}></crm-nps-report>`,
    );
    await until(() => $$(el, '[part="breakdown"] tbody tr').length === 1, 'one segment');
    const ids = new Set(customers.slice(0, 4).map((customer) => customer.id));
    const expected = nps(
      answers(customers, FIFTY)
        .filter((answer) => ids.has(answer.customerId))
        .map((answer) => answer.score),
    );
    const cells = [...$(el, '[part="breakdown"] tbody tr').children].map((cell) => text(cell));
    expect(cells[0]).to.equal('Wholesale');
    expect(cells[3]).to.equal(`${expected.total}small sample`);
  });

  it('is used with the keyboard: period and grouping choices, and the table disclosure', async () => {
    const { crm, customers } = await seed({ segments: true });
    await crm.npsResponses.putMany(answers(customers, FIFTY));
    const before = await mount<HTMLButtonElement>(html`<button>before</button>`);
    const el = await report(crm);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.id).to.equal('period');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => el.period === 'quarter', 'quarter chosen');
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.id).to.equal('group-by');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => el.groupBy === 'segment', 'segment chosen');
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.localName).to.equal('summary');
    await sendKeys({ press: 'Enter' });
    expect($<HTMLDetailsElement>(el, '[part="data-table"]').open).to.equal(true);
  });

  it('follows new answers live, and counts only the chosen touchpoint and days', async () => {
    const { crm, customers } = await seed();
    await crm.npsResponses.putMany(answers(customers, FIFTY));
    const el = await report(crm);
    await crm.npsResponses.put({
      customerId: customers[0]!.id,
      score: 10,
      touchpoint: 'kiosk',
      at: '2025-03-20T09:00:00Z',
    });
    await until(() => text($(el, '[part="score"]')).includes('51 answers'), 'the new answer');
    el.touchpoint = 'web-order';
    await until(() => text($(el, '[part="score"]')).includes('20 answers'), 'one touchpoint');
    el.from = '2025-03-01';
    el.to = '2025-03-31';
    await until(() => text($(el, '[part="score"]')).includes('16 answers'), 'March only');
    el.to = '2025-03-05';
    // Up to and including the 5th: five promoters and five detractors.
    await until(() => text($(el, '[part="score"]')).includes('10 answers'), 'up to the 5th');
    expect(text($(el, '.score'))).to.equal('0NPS');
  });

  it('is accessible in the dark theme, right to left, and without a segment engine', async () => {
    adoptCrmTheme();
    const { crm, customers } = await seed();
    await crm.npsResponses.putMany(answers(customers, FIFTY));
    const wrapper = await mount<HTMLElement>(
      html`<div class="crm-theme-dark" dir="rtl">
        <crm-nps-report .crm=${crm} group-by="segment"></crm-nps-report>
      </div>`,
    );
    const el = wrapper.querySelector('crm-nps-report')!;
    await until(() => $$(el, '[part="breakdown"]').length === 1, 'the report');
    expect(getComputedStyle($(el, '[part="base"]')).backgroundColor).to.equal('rgb(27, 30, 36)');
    $(el, '[part="data-table"] summary').click();
    await expect(el).to.be.accessible();
  });

  it('speaks Turkish', async () => {
    const { crm, customers } = await seed();
    await crm.npsResponses.putMany(answers(customers, FIFTY));
    const el = await report(crm, { lang: 'tr' });
    expect(text($(el, '#title'))).to.equal('Net Tavsiye Skoru');
    expect(text($(el, '[part="score"]'))).to.contain('50 yanıt');
    expect(text($(el, '[part="score"]'))).to.contain('%95 güven aralığı:');
    expect($$(el, '[part="legend"] li').map((item) => text(item))[2]).to.equal('Destekleyenler (9–10): %50 (25 yanıt)');
    expect(text($(el, '[part="data-table"] tbody th'))).to.equal('Oca 2025');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that loads again', async () => {
    const { crm, customers } = await seed();
    await crm.npsResponses.putMany(answers(customers, FIFTY));
    const real = crm.npsResponses.all.bind(crm.npsResponses);
    let failures = 1;
    crm.npsResponses.all = (where) =>
      failures-- > 0 ? Promise.reject(new CrmStorageError('unavailable', 'offline')) : real(where);
    const container = await mount<HTMLDivElement>(html`<div></div>`);
    const errored = oneEvent(container, CrmErrorEvent.type);
    const el = document.createElement('crm-nps-report');
    el.crm = crm;
    container.append(el);
    expect(((await errored) as unknown as CrmErrorEvent).error).to.be.instanceOf(CrmStorageError);
    await until(() => $$(el, '[part="error"]').length === 1, 'the error');
    await expect(el).to.be.accessible();
    $(el, '[part="retry-button"]').click();
    await until(() => $$(el, '[part="score"]').length === 1, 'loaded');
  });
});
