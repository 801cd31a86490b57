/**
 * Segments on the analytics plugin's metrics (RFM segment, churn risk, lifecycle stage, predicted CLV, and the
 * VIP tier that reads the predicted CLV): counts and members agree with the reference before and after the
 * models are refitted on new purchases (`refit()` calls `crm.metrics.invalidate()`).
 */
import { expect } from 'chai';
import { createCrm, type Crm } from '@crmkit/core';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
// The analytics package is a sibling in the workspace (not a dependency of segments): its sources directly.
import { analyticsPlugin, fitModels, type AnalyticsPlugin } from '../../analytics/src/index.js';
import { segmentsPlugin, type SegmentRule } from '../src/index.js';
import { NAMES, NOW, expectAgreement, extrasPlugin, makePurchaseHistories, now } from './support/crm.js';

const and = (...rules: SegmentRule['rules']): SegmentRule => ({ kind: 'group', combinator: 'and', rules });

const RULES: Record<string, SegmentRule> = {
  'champions and loyal customers': and({
    kind: 'condition',
    field: 'metrics.rfmSegment',
    op: 'in',
    value: ['Champions', 'Loyal Customers', 'Potential Loyalist'],
  }),
  'likely to churn': and({ kind: 'condition', field: 'metrics.churnRisk', op: 'gt', value: 0.5 }),
  'in retention or decline': and({
    kind: 'condition',
    field: 'metrics.lifecycle',
    op: 'in',
    value: ['retention', 'decline'],
  }),
  'predicted value over 1,000, not yet gold': and(
    { kind: 'condition', field: 'metrics.clv', op: 'gte', value: 1000 },
    { kind: 'condition', field: 'metrics.vipTier', op: 'notIn', value: ['gold', 'platinum'] },
  ),
  'VIP-tagged, silver or nearly lost': and(
    { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'] },
    {
      kind: 'group',
      combinator: 'or',
      rules: [
        { kind: 'condition', field: 'metrics.vipTier', op: 'eq', value: 'silver' },
        { kind: 'condition', field: 'metrics.pAlive', op: 'lt', value: 0.2 },
      ],
    },
  ),
  'at risk and bought in the last 60 days': and(
    { kind: 'condition', field: 'metrics.churnRisk', op: 'gte', value: 0.2 },
    { kind: 'event', activityType: 'purchase', withinDays: 60 },
  ),
};

describe('crm.segments on the analytics metrics', function () {
  this.timeout(60_000);
  let crm: Crm;
  let analytics: AnalyticsPlugin;

  before(async () => {
    analytics = analyticsPlugin({ now, waitForFit: true, fit: (rows) => Promise.resolve(fitModels(rows)) });
    crm = await createCrm({
      now,
      limits: { hookTimeoutMs: 30_000 },
      plugins: [
        analytics,
        vipTierPlugin({ thresholds: { silver: 500, gold: 2000, platinum: 4000 } }),
        extrasPlugin({ bandAt: 1000 }),
        segmentsPlugin({ now }),
      ],
    });
    // The purchase facts on customer.lifecycle are the analytics plugin's to keep.
    const customers = await crm.customers.putMany(
      Array.from({ length: 150 }, (_, i) => ({ name: NAMES[i % NAMES.length]!, tags: i % 3 ? [] : ['vip'] })),
    );
    await crm.activities.putMany(makePurchaseHistories(customers));
    await analytics.refit();
  });
  after(() => crm.close());

  it('fitted the models on the purchases (the metrics have values)', () => {
    expect(analytics.models()?.bgNbd.converged).to.equal(true);
    expect(analytics.models()?.gammaGamma.converged).to.equal(true);
  });

  afterEach(() => {
    // A metric that throws disables its plugin, and the rules on its metrics become unknown fields.
    expect(crm.plugins.status().every((plugin) => plugin.state === 'active')).to.equal(true);
  });

  for (const [name, rule] of Object.entries(RULES)) {
    it(`counts and lists "${name}" as compileSegment selects`, async () => {
      await expectAgreement(crm, rule);
    });
  }

  it('follows a refit on new purchases', async () => {
    const before = await Promise.all(Object.values(RULES).map((rule) => crm.segments.count(rule)));
    for (const { count } of before) expect(count).to.be.above(0).and.below(150);
    const customers = await crm.customers.all();
    const at = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
    await crm.activities.putMany(
      customers.slice(0, 25).flatMap((customer, i) =>
        [1, 3, 5].map((days) => ({
          customerId: customer.id,
          type: 'purchase' as const,
          at: at(days + i),
          data: { total: 2500 + i * 10, currency: 'TRY' as const },
        })),
      ),
    );
    await analytics.refit();
    for (const rule of Object.values(RULES)) await expectAgreement(crm, rule);
    const after = await Promise.all(Object.values(RULES).map((rule) => crm.segments.count(rule)));
    expect(after).not.to.deep.equal(before);
  });
});
