import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import {
  bgNbdExpectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  historicalClv,
  predictClv,
  retentionClv,
  summarizeTransactions,
} from '@crmkit/analytics';
import { CDNOW_CALIBRATION_END, cdnowSampleTransactions } from './support.js';

describe('customer lifetime value', () => {
  it('reproduces the CLVs that lifetimes documents for CDNOW', () => {
    const rows = summarizeTransactions(cdnowSampleTransactions(), {
      unit: 'week',
      observationEnd: CDNOW_CALIBRATION_END,
      later: 'ignore',
    });
    const models = { bgNbd: fitBgNbd(rows), gammaGamma: fitGammaGamma(rows) };
    const byId = new Map(rows.map((row) => [row.customerId, row]));
    // lifetimes' README: ggf.customer_lifetime_value(bgf, ..., time=12, discount_rate=0.01) with its default
    // freq='D', i.e. 12 periods of 30 time units (here weeks); customer 1 → 140.096218, 2 → 18.943466,
    // 3 → 38.180575, 6 → 1003.868107, 9 → 167.418216. Fitted parameters differ from lifetimes' in the 4th digit.
    const documented: [string, number][] = [
      ['1', 140.096218],
      ['2', 18.943466],
      ['3', 38.180575],
      ['6', 1003.868107],
      ['9', 167.418216],
    ];
    for (const [id, value] of documented) {
      const clv = predictClv(models, byId.get(id)!, { horizon: 360, periods: 12, discountRate: 0.01 });
      expect(clv, `customer ${id}`).to.be.closeTo(value, value * 1e-3);
    }
  });

  const models = {
    bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
  };
  const row = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };

  it('is expected purchases times expected spend when nothing is discounted', () => {
    const clv = predictClv(models, row, { horizon: 52, discountRate: 0, margin: 1 });
    const expected = bgNbdExpectedPurchases(models.bgNbd, 52, row) * gammaGammaExpectedSpend(models.gammaGamma, row);
    expect(clv).to.be.closeTo(expected, 1e-9);
  });

  it('falls with the discount rate, scales with the margin, and is 0 over no time', () => {
    const at = (options: { discountRate?: number; margin?: number; horizon?: number }) =>
      predictClv(models, row, { horizon: 52, ...options });
    expect(at({ discountRate: 0.05 })).to.be.lessThan(at({ discountRate: 0.01 }));
    expect(at({ margin: 0.3 })).to.be.closeTo(0.3 * at({}), 1e-9);
    expect(at({ horizon: 0 })).to.equal(0);
  });

  it('refuses bad rows and options with their paths', () => {
    expect(() => predictClv(models, { ...row, recency: 50 }, { horizon: 52 })).to.throw(
      CrmValidationError,
      /row\.recency/,
    );
    expect(() => predictClv(models, row, { horizon: -1 })).to.throw(CrmValidationError, /options\.horizon/);
    expect(() => predictClv(models, row, { horizon: 1, margin: 2 })).to.throw(CrmValidationError, /options\.margin/);
    expect(() => predictClv({ ...models, bgNbd: { ...models.bgNbd, a: NaN } }, row, { horizon: 1 })).to.throw(
      CrmValidationError,
      /models\.bgNbd\.a/,
    );
  });

  it('historical CLV adds up past purchases per customer, times the margin', () => {
    expect(
      historicalClv(
        [
          { customerId: 'a', at: '2024-01-05', amount: 100 },
          { customerId: 'b', at: '2024-02-01', amount: 40 },
          { customerId: 'a', at: '2024-03-01', amount: 50 },
        ],
        { margin: 0.5 },
      ),
    ).to.deep.equal([
      { customerId: 'a', value: 75, purchases: 2, firstPurchaseAt: '2024-01-05', lastPurchaseAt: '2024-03-01' },
      { customerId: 'b', value: 20, purchases: 1, firstPurchaseAt: '2024-02-01', lastPurchaseAt: '2024-02-01' },
    ]);
    expect(() =>
      historicalClv([
        { customerId: 'a', at: '2024-01-05', amount: -1 },
        { customerId: 'a', at: '2024-01-05', amount: Infinity },
      ]),
    ).to.throw(CrmValidationError, /\[0\]\.amount.*\[1\]\.amount/s);
  });

  it('retention CLV is m·r / (1 + d − r)', () => {
    expect(retentionClv({ marginPerPeriod: 100, retentionRate: 0.8, discountRate: 0.1 })).to.be.closeTo(266.6667, 1e-4);
    expect(() => retentionClv({ marginPerPeriod: 100, retentionRate: 1, discountRate: 0.1 })).to.throw(
      CrmValidationError,
      /retentionRate/,
    );
  });
});
