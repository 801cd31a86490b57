import { expect } from 'chai';
import { createCrm, memoryStorage, type Crm, type CustomerWithMetrics } from '@crmkit/core';
import {
  analyticsPlugin,
  bgNbdPAlive,
  fitModels,
  predictClv,
  type AnalyticsPlugin,
  type AnalyticsPluginOptions,
} from '@crmkit/analytics';
import { CDNOW_CALIBRATION_END, cdnowSampleTransactions } from './support.js';

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const limits = { hookTimeoutMs: 30_000 };

/** A crm whose storage already holds the CDNOW calibration purchases as purchase activities. */
async function cdnowCrm(options: AnalyticsPluginOptions = {}): Promise<{ crm: Crm; plugin: AnalyticsPlugin }> {
  const storage = memoryStorage();
  const seed = await createCrm({ storage, limits });
  const log = cdnowSampleTransactions().filter((t) => String(t.at) <= CDNOW_CALIBRATION_END);
  const ids = [...new Set(log.map((t) => String(t.customerId)))];
  await seed.customers.putMany(ids.map((id) => ({ id: `c${id}`, name: `CDNOW customer ${id}` })));
  for (let i = 0; i < log.length; i += 1000) {
    await seed.activities.putMany(
      log.slice(i, i + 1000).map((t) => ({
        customerId: `c${String(t.customerId)}`,
        type: 'purchase' as const,
        at: `${String(t.at)}T00:00:00.000Z`,
        data: { total: t.amount!, currency: 'USD' as const },
      })),
    );
  }
  await seed.close();
  const plugin = analyticsPlugin({
    currency: 'USD',
    unit: 'week',
    now: () => new Date(`${CDNOW_CALIBRATION_END}T12:00:00.000Z`),
    ...options,
  });
  const crm = await createCrm({ storage, plugins: [plugin], limits });
  await plugin.ready();
  return { crm, plugin };
}

describe('analytics plugin', () => {
  describe('on the CDNOW customers', () => {
    let crm: Crm;
    let plugin: AnalyticsPlugin;
    before(async () => {
      ({ crm, plugin } = await cdnowCrm());
    });
    after(() => crm.close());

    it('fits BG/NBD and Gamma-Gamma from the stored purchases on init', () => {
      expect(crm.plugins.isActive('analytics')).to.be.true;
      const models = plugin.models()!;
      expect(models.customers).to.equal(2357);
      for (const key of ['r', 'alpha', 'a', 'b'] as const)
        expect(models.bgNbd[key]).to.be.closeTo(PUBLISHED[key], PUBLISHED[key] * 0.005);
      expect(models.bgNbd.converged).to.be.true;
      expect(models.gammaGamma.p).to.be.closeTo(6.25, 6.25 * 0.005);
      expect(models.fittedAt).to.equal('1997-09-30T12:00:00.000Z');
    });

    it('keeps each customer’s purchase facts on customer.lifecycle', async () => {
      const customer = (await crm.customers.get('c1'))!;
      expect(customer.lifecycle).to.deep.equal({
        firstPurchaseAt: '1997-01-01T00:00:00.000Z',
        lastPurchaseAt: '1997-08-02T00:00:00.000Z',
        purchases: 3,
        totalSpent: 74.02,
        currency: 'USD',
      });
    });

    it('computes every metric with an explanation in en and tr, from the fitted models', async () => {
      const customer = (await crm.customers.get('c1'))!;
      const results = crm.metrics.compute(customer);
      expect(Object.keys(results)).to.include.members([
        'clv',
        'historicalClv',
        'pAlive',
        'churnRisk',
        'rfmSegment',
        'lifecycle',
        'ladder',
      ]);
      const models = plugin.models()!;
      // c1: first 1997-01-01, last 1997-08-02 (213 days), observed to 1997-09-30 (272 days): x = 2 in weeks.
      const row = { frequency: 2, recency: 213 / 7, T: 272 / 7, monetaryValue: 74.02 / 3 };
      expect(results.pAlive!.value).to.be.closeTo(bgNbdPAlive(models.bgNbd, row), 1e-12);
      expect(results.churnRisk!.value).to.be.closeTo(1 - (results.pAlive!.value as number), 1e-12);
      expect(results.clv!.value).to.be.closeTo(
        predictClv(models, row, { horizon: 365 / 7, periods: 12, discountRate: 0.01, margin: 1 }),
        1e-9,
      );
      expect(results.historicalClv!.value).to.equal(74.02);
      expect(results.ladder!.value).to.equal('client');
      expect(results.lifecycle!.value).to.be.oneOf(['development', 'retention', 'decline']);
      expect(results.rfmSegment!.value).to.be.a('string');
      for (const [id, result] of Object.entries(results)) {
        expect(result.explanation?.summary.en, id).to.be.a('string').and.not.empty;
        expect(result.explanation?.summary.tr, id).to.be.a('string').and.not.empty;
        expect(result.explanation?.factors, id).to.be.an('array').and.not.empty;
      }
      expect(results.churnRisk!.explanation!.factors!.map((factor) => factor.label.en)).to.include.members([
        'Repeat purchases (frequency)',
        'Days since last purchase (recency)',
        'Days as a customer (T)',
      ]);
      const attached: CustomerWithMetrics = crm.metrics.attach(customer);
      expect(attached.metrics.clv).to.equal(results.clv!.value);
    });

    it('names segments from the R package’s rules across the base, and offers every metric to segments', async () => {
      const customers = await crm.customers.all();
      const segments = new Set(customers.map((c) => crm.metrics.attach(c).metrics.rfmSegment));
      expect(segments.size).to.be.greaterThan(4);
      expect([...segments].every((s) => typeof s === 'string')).to.be.true;
      const paths = crm.host.contributions.segmentFields.map((field) => field.path);
      expect(paths).to.include.members([
        'metrics.clv',
        'metrics.historicalClv',
        'metrics.pAlive',
        'metrics.churnRisk',
        'metrics.rfmSegment',
        'metrics.lifecycle',
        'metrics.ladder',
        'metrics.nps',
      ]);
      expect(crm.t('analytics.lifecycle.decline', {}, 'tr')).to.equal('Düşüş');
      expect(crm.t('analytics.metric.churnRisk', {}, 'en')).to.equal('Churn risk');
      const formats = Object.fromEntries(crm.metrics.definitions().map((d) => [d.id, d.format]));
      expect(formats).to.include({
        clv: 'currency',
        historicalClv: 'currency',
        churnRisk: 'percent',
        pAlive: 'percent',
      });
    });
  });

  it('maintains purchase facts and the latest NPS with after hooks, and refits on demand', async () => {
    const plugin = analyticsPlugin({ currency: 'TRY', now: () => new Date('2024-06-30T12:00:00.000Z') });
    const crm = await createCrm({ plugins: [plugin], limits });
    expect(await plugin.ready()).to.be.undefined; // nothing to fit yet
    expect(plugin.models()).to.be.undefined;
    const ayse = await crm.customers.put({ id: 'ayse', name: 'Ayşe Yılmaz', lifecycle: { referrals: 2 } });
    expect(crm.metrics.attach(ayse).metrics).to.include({ lifecycle: 'acquisition', ladder: 'prospect' });

    const buy = (at: string, total: number, currency: 'TRY' | 'EUR' = 'TRY') =>
      crm.activities.put({ customerId: 'ayse', type: 'purchase', at, data: { total, currency } });
    await buy('2024-01-10T10:00:00.000Z', 100);
    let stored = (await crm.customers.get('ayse'))!;
    expect(stored.lifecycle).to.include({ purchases: 1, totalSpent: 100, referrals: 2 });
    const second = await buy('2024-03-01T10:00:00.000Z', 250);
    await buy('2024-04-01T10:00:00.000Z', 999, 'EUR'); // another currency: left out
    stored = (await crm.customers.get('ayse'))!;
    expect(stored.lifecycle).to.include({
      purchases: 2,
      totalSpent: 350,
      firstPurchaseAt: '2024-01-10T10:00:00.000Z',
      lastPurchaseAt: '2024-03-01T10:00:00.000Z',
      currency: 'TRY',
    });
    // Referred two people but has given no NPS answer yet: a supporter, not yet an advocate.
    expect(crm.metrics.attach(stored).metrics).to.include({ historicalClv: 350, ladder: 'supporter' });

    await crm.npsResponses.put({
      customerId: 'ayse',
      score: 10,
      touchpoint: 'store-visit',
      at: '2024-05-01T09:00:00.000Z',
    });
    stored = (await crm.customers.get('ayse'))!;
    expect(stored.custom).to.include({ lastNpsScore: 10, lastNpsAt: '2024-05-01T09:00:00.000Z' });
    const metrics = crm.metrics.compute(stored);
    expect(metrics.nps!.value).to.equal('promoter');
    expect(metrics.ladder!.value).to.equal('advocate'); // a promoter who refers others
    expect(metrics.ladder!.explanation!.summary.en).to.match(/promoter \(NPS 10\) who referred 2 people/);

    await crm.activities.remove(second.id);
    expect((await crm.customers.get('ayse'))!.lifecycle).to.include({ purchases: 1, totalSpent: 100 });

    const models = await plugin.refit();
    expect(models).to.not.be.undefined;
    expect(models!.customers).to.equal(1);
    // One customer cannot identify the models: no predicted value rather than a wrong one.
    if (!models!.bgNbd.converged)
      expect(crm.metrics.attach((await crm.customers.get('ayse'))!).metrics.clv).to.be.undefined;
    await crm.close();
  });

  it('gives no stage, and stays enabled, for an imported customer with purchases but no purchase dates', async () => {
    const crm = await createCrm({ plugins: [analyticsPlugin({ now: () => new Date('2024-06-30T00:00:00.000Z') })] });
    const imported = await crm.customers.put({ name: 'Eski Kayıt', lifecycle: { purchases: 4, totalSpent: 900 } });
    expect(crm.metrics.attach(imported).metrics.lifecycle).to.equal(undefined);
    expect(crm.plugins.isActive('analytics')).to.equal(true);
    await crm.close();
  });

  it('fits in the background by default (init stays short), or before init returns with waitForFit', async () => {
    const storage = memoryStorage();
    const seed = await createCrm({ storage });
    await seed.customers.put({ id: 'c1', name: 'Deniz Kaya' });
    await seed.activities.putMany(
      ['2024-01-02', '2024-02-03', '2024-04-05'].map((day, i) => ({
        customerId: 'c1',
        type: 'purchase' as const,
        at: `${day}T10:00:00.000Z`,
        data: { total: 100 + i, currency: 'TRY' as const },
      })),
    );
    await seed.close();
    const now = () => new Date('2024-06-30T00:00:00.000Z');
    const waiting = analyticsPlugin({ now, waitForFit: true, fit: (rows) => Promise.resolve(fitModels(rows)) });
    const crm = await createCrm({ storage, plugins: [waiting] });
    expect(waiting.models()?.customers).to.equal(1);
    expect((await crm.customers.get('c1'))!.lifecycle).to.include({ purchases: 3, totalSpent: 303 });
    await crm.close();

    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const background = analyticsPlugin({ now, fit: async (rows) => (await gate, fitModels(rows)) });
    const later = await createCrm({ storage, plugins: [background] });
    expect(later.plugins.isActive('analytics')).to.be.true;
    expect(background.models()).to.be.undefined; // init returned before the fit
    release();
    expect((await background.ready())?.customers).to.equal(1);
    expect(background.models()?.customers).to.equal(1);
    await later.close();
  });
});

describe('analytics plugin value labels', () => {
  it('names every value of every enum metric in en and tr, under the key the card reads (`<id>.<value>`)', async () => {
    const crm = await createCrm({ plugins: [analyticsPlugin()] });
    const enums = crm.metrics.definitions().filter((d) => d.type === 'enum');
    expect(enums.map((d) => d.id)).to.have.members(['rfmSegment', 'lifecycle', 'ladder', 'nps']);
    for (const { id, enumValues } of enums) {
      expect(enumValues, id).to.not.be.empty;
      for (const value of enumValues ?? []) {
        const key = `${id}.${value}`;
        expect(crm.messages.has(key, 'en') && crm.messages.has(key, 'tr'), key).to.be.true;
        expect(crm.t(key, {}, 'tr'), key).to.not.equal(crm.t(key, {}, 'en'));
      }
    }
    expect(crm.t('nps.detractor', {}, 'tr')).to.equal('Kötüleyen');
    expect(crm.t('nps.promoter', {}, 'tr')).to.equal('Destekleyen');
    expect(crm.t('rfmSegment.At Risk', {}, 'tr')).to.equal('Risk Altında');
    expect(crm.t("rfmSegment.Can't Lose Them", {}, 'tr')).to.equal('Kaybedilemezler');
    expect(crm.t('rfmSegment.Champions', {}, 'en')).to.equal('Champions');
    // The insights' keys read the same names.
    expect(crm.t('analytics.rfm.at-risk', {}, 'tr')).to.equal('Risk Altında');
    await crm.close();
  });
});
