import { expect } from 'chai';
import { createCrm, memoryStorage, type Crm } from '@crmkit/core';
import { analyticsPlugin } from '@crmkit/analytics';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
import {
  amountHistogram,
  churnDistribution,
  heatLevel,
  nearestRank,
  niceCeil,
} from '../../demo/src/pages/insights/compute-bins.js';
import { InsightsTally, RFM_NAMES, rfmKey } from '../../demo/src/pages/insights/compute-tally.js';
import { factsAsPurchases, retentionByChannel } from '../../demo/src/pages/insights/compute-cohorts.js';
import { loadInsights, type InsightsProgress } from '../../demo/src/pages/insights/load-insights.js';

describe('demo insights: computation', () => {
  describe('round bins', () => {
    it('rounds a step up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
      expect([0, 1, 2.4, 20, 101, 330, 4_999, 12_000].map(niceCeil)).to.deep.equal([
        1, 1, 2.5, 20, 200, 500, 5_000, 20_000,
      ]);
    });

    it('takes quantiles by nearest rank', () => {
      expect(nearestRank([1, 2, 3, 4], 0.5)).to.equal(2);
      expect(nearestRank([1, 2, 3, 4], 0.95)).to.equal(4);
      expect(nearestRank([], 0.5)).to.equal(undefined);
    });

    it('covers the amounts with round bins when nothing stands out', () => {
      // p95 = 990 → 990 / 3 = 330 → steps of 500; the largest, 990, needs two bins.
      expect(amountHistogram([0, 50, 120, 180, 260, 990], { maxBins: 4 })).to.deep.equal([
        { from: 0, to: 500, count: 5 },
        { from: 500, to: 1000, count: 1 },
      ]);
    });

    it('puts the few above the 95th percentile into one open bin', () => {
      const values = [...Array.from({ length: 20 }, (_, i) => i * 50), 100_000];
      // 21 values: p95 is the 20th, 950 → 950 / 3 ≈ 317 → steps of 500; 100,000 goes to "1,500 and more".
      expect(amountHistogram(values, { maxBins: 4 })).to.deep.equal([
        { from: 0, to: 500, count: 10 },
        { from: 500, to: 1000, count: 10 },
        { from: 1000, to: 1500, count: 0 },
        { from: 1500, to: null, count: 1 },
      ]);
    });

    it('ignores negative and non-finite amounts and gives no bins for none', () => {
      expect(amountHistogram([])).to.deep.equal([]);
      expect(amountHistogram([-5, Number.NaN, Number.POSITIVE_INFINITY])).to.deep.equal([]);
      expect(amountHistogram([0, 0, 0], { maxBins: 3 })).to.deep.equal([{ from: 0, to: 1, count: 3 }]);
    });
  });

  describe('churn bands', () => {
    it('counts risks in right-closed tenths, so the band limits fall on bin edges', () => {
      const result = churnDistribution([0, 0.1, 0.15, 0.2, 0.21, 0.1 * 3, 0.5, 0.51, 0.99, 1, Number.NaN]);
      expect(result.bins.map((bin) => bin.count)).to.deep.equal([2, 2, 2, 0, 1, 1, 0, 0, 0, 2]);
      expect(result.bins.map((bin) => bin.band)).to.deep.equal([
        'low',
        'low',
        'medium',
        'medium',
        'medium',
        'high',
        'high',
        'high',
        'high',
        'high',
      ]);
      expect(result.bands).to.deep.equal({ low: 4, medium: 3, high: 3 });
      expect(result.above50).to.equal(3);
      expect(result.total).to.equal(10);
    });

    it('clamps risks outside 0–1', () => {
      const result = churnDistribution([-0.2, 1.4]);
      expect(result.bins[0]!.count).to.equal(1);
      expect(result.bins[9]!.count).to.equal(1);
    });
  });

  it('steps rates for the heat map: 0 only for none, the top step only for all', () => {
    expect([0, 0.01, 0.2, 0.21, 0.99, 1, Number.NaN].map((rate) => heatLevel(rate))).to.deep.equal([
      0, 1, 1, 2, 5, 5, 0,
    ]);
  });

  describe('tally', () => {
    it('counts segments in the analytics order, tiers, values and risks, and who has none', () => {
      const tally = new InsightsTally();
      tally.add({ rfmSegment: 'Lost', vipTier: 'standard', clv: 100, churnRisk: 0.9 }, true);
      tally.add({ rfmSegment: 'Champions', vipTier: 'gold', clv: 60_000, churnRisk: 0.05 }, true);
      tally.add({ rfmSegment: 'Champions', vipTier: 'silver', clv: 12_000, churnRisk: 0.3 });
      tally.add({ rfmSegment: 'Lost', vipTier: 'standard', clv: 300, churnRisk: 0.6 });
      tally.add({});
      const figures = tally.figures({ clvBins: 4 });
      expect(figures.customers).to.equal(5);
      expect(figures.buyers).to.equal(2);
      expect(figures.rfm.segments.map((bar) => bar.key)).to.deep.equal(RFM_NAMES);
      expect(figures.rfm.segments.find((bar) => bar.key === 'Champions')!.count).to.equal(2);
      expect(figures.rfm.segments.find((bar) => bar.key === 'Lost')!.count).to.equal(2);
      expect(figures.rfm.unscored).to.equal(1);
      expect(figures.vip.tiers).to.deep.equal([
        { key: 'standard', count: 2 },
        { key: 'silver', count: 1 },
        { key: 'gold', count: 1 },
        { key: 'platinum', count: 0 },
      ]);
      expect(figures.vip.none).to.equal(1);
      expect(figures.clv).to.include({ predicted: 4, unpredicted: 1, median: 6_150, mean: 18_100, total: 72_400 });
      // p95 = 60,000 → 20,000 steps: [0, 20k) holds three, [20k, 40k) none, [40k, 60k) none, 60k+ one.
      expect(figures.clv.bins.map((bin) => bin.count)).to.deep.equal([3, 0, 0, 1]);
      expect(figures.churn).to.include({ total: 4, above50: 2, unscored: 1 });
      expect(figures.churn.bands).to.deep.equal({ low: 1, medium: 1, high: 2 });
    });

    it('names the RFM segments as the analytics plugin’s messages do', () => {
      expect(rfmKey("Can't Lose Them")).to.equal('cant-lose-them');
      expect(rfmKey('Others')).to.equal('others');
    });
  });

  describe('cohort matrix', () => {
    const customers = [
      { id: 'a', acquisition: { channel: 'store', at: '2024-01-15T10:00:00.000Z' } },
      { id: 'b', acquisition: { channel: 'store', at: '2024-02-01T10:00:00.000Z' } },
      { id: 'c', acquisition: { channel: 'store', at: '2024-04-10T10:00:00.000Z' } },
      { id: 'd', acquisition: { channel: 'web', at: '2024-01-20T10:00:00.000Z' } },
      // No acquisition date: acquired with the first purchase.
      { id: 'e', acquisition: { channel: 'web' } },
      // Neither: belongs to no cohort.
      { id: 'f' },
    ];
    const purchases = [
      ['a', '2024-01-15'],
      ['a', '2024-04-02'],
      ['a', '2024-07-01'],
      ['b', '2024-02-01'],
      ['c', '2024-04-10'],
      ['c', '2024-10-01'],
      ['d', '2024-01-20'],
      ['d', '2024-04-20'],
      ['e', '2024-05-05'],
    ].map(([customerId, day]) => ({ customerId: customerId!, at: `${day}T12:00:00.000Z` }));

    it('has one pooled row per channel, largest first, and one row per quarter of each channel', () => {
      const matrix = retentionByChannel(customers, purchases, { period: 'quarter' });
      expect(matrix).to.include({ period: 'quarter', asOf: '2024-Q4', columns: 4, unplaced: 1 });
      const rates = (row: { cells: ({ rate: number } | null)[] }) =>
        row.cells.map((cell) => (cell ? Math.round(cell.rate * 1000) / 1000 : null));
      // store: exposed [3, 3, 3, 2] (c's cohort has not reached k = 3), retained [3, 2, 2, 0].
      expect(matrix.channels.map((row) => [row.group, row.size])).to.deep.equal([
        ['store', 3],
        ['web', 2],
      ]);
      expect(rates(matrix.channels[0]!)).to.deep.equal([1, 0.667, 0.667, 0]);
      expect(matrix.channels[0]!.cells[1]).to.deep.equal({ rate: 2 / 3, count: 2, base: 3 });
      expect(matrix.channels[0]!.cells[3]).to.deep.equal({ rate: 0, count: 0, base: 2 });
      // web: d bought in Q1 and Q2; e joined in Q2 and bought once.
      expect(rates(matrix.channels[1]!)).to.deep.equal([1, 0.5, 0, 0]);
      expect(matrix.cohorts.map((row) => `${row.group} ${row.cohort} ${row.size}`)).to.deep.equal([
        'store 2024-Q1 2',
        'store 2024-Q2 1',
        'web 2024-Q1 1',
        'web 2024-Q2 1',
      ]);
      expect(rates(matrix.cohorts[0]!)).to.deep.equal([1, 0.5, 0.5, 0]);
      // Every row is as wide as the matrix; periods a cohort has not reached are empty.
      expect(rates(matrix.cohorts[1]!)).to.deep.equal([1, 1, 1, null]);
      expect(matrix.cohorts.every((row) => row.cells.length === 4)).to.be.true;
    });

    it('gives the same retention from each customer’s first and last purchase as from every purchase', () => {
      const facts = new Map<string, { firstPurchaseAt: string; lastPurchaseAt: string }>();
      for (const { customerId, at } of purchases) {
        const seen = facts.get(customerId);
        if (!seen) facts.set(customerId, { firstPurchaseAt: at, lastPurchaseAt: at });
        else {
          if (at < seen.firstPurchaseAt) seen.firstPurchaseAt = at;
          if (at > seen.lastPurchaseAt) seen.lastPurchaseAt = at;
        }
      }
      const fromFacts = customers.flatMap((c) => factsAsPurchases(c.id, facts.get(c.id)));
      // a bought three times: only the first and the last count; b once: one transaction.
      expect(fromFacts.filter((t) => t.customerId === 'b')).to.have.length(1);
      expect(fromFacts).to.have.length(8);
      expect(retentionByChannel(customers, fromFacts, { period: 'quarter' })).to.deep.equal(
        retentionByChannel(customers, purchases, { period: 'quarter' }),
      );
      expect(factsAsPurchases('x', { firstPurchaseAt: purchases[0]!.at, currency: 'EUR' })).to.deep.equal([]);
      expect(factsAsPurchases('x', undefined)).to.deep.equal([]);
    });

    it('keeps at most the periods asked for', () => {
      const matrix = retentionByChannel(customers, purchases, { period: 'quarter', maxColumns: 2 });
      expect(matrix.columns).to.equal(2);
      expect(matrix.channels.every((row) => row.cells.length === 2)).to.be.true;
    });

    it('is empty without customers', () => {
      const matrix = retentionByChannel([], [], { period: 'month' });
      expect(matrix).to.include({ columns: 0, unplaced: 0 });
      expect(matrix.channels).to.deep.equal([]);
    });
  });

  describe('loading from a crm', () => {
    const NOW = new Date('2025-06-30T12:00:00.000Z');
    let crm: Crm;
    beforeEach(async () => {
      crm = await createCrm({
        storage: memoryStorage(),
        tenant: 't',
        now: () => NOW,
        plugins: [analyticsPlugin({ currency: 'TRY', now: () => NOW }), vipTierPlugin()],
      });
    });
    afterEach(() => crm.close());

    it('reads in pages, fits the models the empty start could not, and counts every customer once', async () => {
      // Written after createCrm, as the demo's first start seeds: the fit on init saw nothing.
      const people = await crm.customers.putMany(
        Array.from({ length: 7 }, (_, i) => ({
          name: `Customer ${i + 1}`,
          acquisition: { channel: i % 2 ? 'web' : 'store', at: `2024-0${(i % 6) + 1}-10T10:00:00.000Z` },
        })),
      );
      const buyers = people.slice(0, 5);
      await crm.activities.putMany(
        buyers.flatMap((customer, i) =>
          Array.from({ length: i + 1 }, (_, k) => ({
            customerId: customer.id,
            type: 'purchase' as const,
            at: new Date(Date.UTC(2024, i, 10 + k * 40)).toISOString(),
            data: { total: 1000 * (k + 1), currency: 'TRY' as const },
          })),
        ),
      );
      const progress: InsightsProgress[] = [];
      const figures = await loadInsights(crm, { pageSize: 2, onProgress: (p) => progress.push(p) });
      expect(figures.refitted).to.be.true;
      expect(figures.fittedAt).to.equal(NOW.toISOString());
      expect(figures.customers).to.equal(7);
      expect(figures.buyers).to.equal(5);
      // The two without purchases have no segment and no churn risk; the five buyers have a segment.
      expect(figures.rfm.unscored).to.equal(2);
      expect(figures.rfm.segments.reduce((sum, bar) => sum + bar.count, 0)).to.equal(5);
      expect(figures.vip.tiers.reduce((sum, bar) => sum + bar.count, 0) + figures.vip.none).to.equal(7);
      expect(figures.cohorts.channels.map((row) => row.group).sort()).to.deep.equal(['store', 'web']);
      const customerSteps = progress.filter((p) => p.phase === 'customers');
      expect(customerSteps.length).to.be.greaterThan(3);
      expect(customerSteps.at(-1)).to.deep.equal({ phase: 'customers', done: 7, total: 7 });
      expect(progress.at(-1)!.phase).to.equal('cohorts');
      expect(progress[0]!.phase).to.equal('models');
      // Fitted once: a second load reads the models as they are.
      expect((await loadInsights(crm)).refitted).to.be.false;
    });

    it('stops when its signal aborts', async () => {
      await crm.customers.putMany(Array.from({ length: 5 }, (_, i) => ({ name: `C${i}` })));
      const controller = new AbortController();
      const loading = loadInsights(crm, {
        pageSize: 1,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'customers' && p.done === 2) controller.abort(new Error('left the page'));
        },
      });
      let error: unknown;
      await loading.catch((e: unknown) => (error = e));
      expect((error as Error).message).to.equal('left the page');
    });
  });
});
