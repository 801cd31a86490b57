import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { bgNbdPAlive, churnRisk } from '@crmkit/analytics';

const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('churn risk', () => {
  it('is 1 − P(alive), with the log-odds split into frequency and silence', () => {
    const row = { frequency: 4, recency: 10, T: 38 };
    const { risk, pAlive, explanation } = churnRisk(CDNOW, row);
    expect(pAlive).to.equal(bgNbdPAlive(CDNOW, row));
    expect(risk).to.be.closeTo(1 - pAlive, 1e-15);
    // odds(dead) = exp(frequency term + silence term) = (1 − P(alive)) / P(alive): the explanation is exact.
    expect(Math.exp(explanation.frequencyLogOdds + explanation.silenceLogOdds)).to.be.closeTo(risk / pAlive, 1e-12);
    expect(explanation).to.include({ frequency: 4, recency: 10, T: 38, sinceLastPurchase: 28, usualGap: 2.5 });
  });

  it('names what drove it: silence, few purchases, or no repeat purchase', () => {
    expect(churnRisk(CDNOW, { frequency: 6, recency: 5, T: 38 }).explanation.driver).to.equal('silence');
    const fresh = churnRisk(CDNOW, { frequency: 1, recency: 37.9, T: 38 });
    expect(fresh.explanation.driver).to.equal('few_purchases');
    const none = churnRisk(CDNOW, { frequency: 0, recency: 0, T: 38 });
    expect(none.risk).to.equal(0);
    expect(none.explanation.driver).to.equal('no_repeat_purchase');
    expect(none.explanation.summary.en).to.match(/No repeat purchase/);
    expect(churnRisk(CDNOW, { frequency: 6, recency: 5, T: 38 }).explanation.summary.tr).to.match(/sessizlik/);
    expect(churnRisk(CDNOW, { frequency: 6, recency: 5, T: 38 }, { unit: 'week' }).explanation.summary.en).to.match(
      /33 weeks since the last purchase, against a usual gap of 0\.8 weeks\.$/,
    );
  });

  it('refuses bad rows with their paths', () => {
    expect(() => churnRisk(CDNOW, { frequency: 2, recency: 40, T: 38 })).to.throw(CrmValidationError, /row\.recency/);
  });
});
