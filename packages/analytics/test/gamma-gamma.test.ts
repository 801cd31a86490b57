import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { fitGammaGamma, gammaGammaExpectedSpend, summarizeTransactions, type GammaGammaFit } from '@crmkit/analytics';
import { CDNOW_CALIBRATION_END, cdnowSampleTransactions, random, gammaVariate } from './support.js';

const within = (value: number, target: number, share: number) => expect(value).to.be.closeTo(target, target * share);

describe('Gamma-Gamma', () => {
  describe('on CDNOW', () => {
    let fit: GammaGammaFit;
    before(() => {
      const rows = summarizeTransactions(cdnowSampleTransactions(), {
        unit: 'week',
        observationEnd: CDNOW_CALIBRATION_END,
        later: 'ignore',
      });
      fit = fitGammaGamma(rows);
    });

    it('fits the published p = 6.25, q = 3.74, γ = 15.44 within 0.5 % on the 946 repeat buyers', () => {
      // Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value".
      expect(Object.keys(fit)).to.include.members(['p', 'q', 'gamma', 'logLikelihood', 'converged']);
      expect(fit.customers).to.equal(946);
      within(fit.p, 6.25, 0.005);
      within(fit.q, 3.74, 0.005);
      within(fit.gamma, 15.44, 0.005);
      expect(fit.converged).to.be.true;
      expect(Number.isFinite(fit.logLikelihood)).to.be.true;
    });
  });

  it('expects the population mean without repeat purchases, and leans to the own mean with more', () => {
    const params = { p: 6.25, q: 3.74, gamma: 15.44 };
    const population = (6.25 * 15.44) / 2.74;
    expect(gammaGammaExpectedSpend(params, { frequency: 0, monetaryValue: 0 })).to.be.closeTo(population, 1e-9);
    const few = gammaGammaExpectedSpend(params, { frequency: 1, monetaryValue: 100 });
    const many = gammaGammaExpectedSpend(params, { frequency: 50, monetaryValue: 100 });
    expect(few).to.be.within(population, 100);
    expect(many).to.be.within(few, 100);
    expect(many).to.be.closeTo((6.25 * (15.44 + 50 * 100)) / (6.25 * 50 + 3.74 - 1), 1e-9);
  });

  it('recovers the parameters of simulated spend (seeded)', () => {
    const truth = { p: 4, q: 3, gamma: 20 };
    const rand = random(12345);
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const nu = gammaVariate(rand, truth.q) / truth.gamma;
      const x = 1 + (i % 6);
      let total = 0;
      for (let k = 0; k < x; k++) total += gammaVariate(rand, truth.p) / nu;
      return { frequency: x, monetaryValue: total / x };
    });
    const fit = fitGammaGamma(rows);
    expect(fit.converged).to.be.true;
    expect(fit.p).to.be.closeTo(truth.p, 0.4);
    expect(fit.q).to.be.closeTo(truth.q, 0.4);
    expect(fit.gamma).to.be.closeTo(truth.gamma, 4);
  });

  it('edge cases: no repeat buyer is not converged with the reason; one repeat buyer gives finite numbers', () => {
    const none = fitGammaGamma([{ frequency: 0, monetaryValue: 0 }]);
    expect(none.converged).to.be.false;
    expect(none.reason).to.match(/no customer made a repeat purchase/);
    const one = fitGammaGamma([{ frequency: 3, monetaryValue: 25 }]);
    for (const value of [one.p, one.q, one.gamma, one.logLikelihood]) expect(Number.isFinite(value)).to.be.true;
    if (!one.converged) expect(one.reason).to.be.a('string');
  });

  it('leaves one-time buyers out and refuses empty input and bad spend with the row', () => {
    const rows = [
      { frequency: 0, monetaryValue: 0 },
      { frequency: 2, monetaryValue: 10 },
      { frequency: 3, monetaryValue: 12 },
      { frequency: 1, monetaryValue: 30 },
    ];
    expect(fitGammaGamma(rows).customers).to.equal(3);
    expect(() => fitGammaGamma([])).to.throw(CrmValidationError, /at least one customer/);
    expect(() =>
      fitGammaGamma([
        { frequency: 2, monetaryValue: 5 },
        { frequency: 2, monetaryValue: -1 },
        { frequency: 2, monetaryValue: NaN },
      ]),
    )
      .to.throw(CrmValidationError)
      .with.property('issues')
      .that.satisfies((issues: { path: unknown[] }[]) => {
        expect(issues.map((issue) => issue.path)).to.deep.equal([
          [1, 'monetaryValue'],
          [2, 'monetaryValue'],
        ]);
        return true;
      });
    expect(() => gammaGammaExpectedSpend({ p: 1, q: -1, gamma: 1 }, { frequency: 0, monetaryValue: 0 })).to.throw(
      CrmValidationError,
      /params\.q/,
    );
  });
});
