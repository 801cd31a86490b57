import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { fitGammaGamma, gammaGamma, summarizeTransactions, type FittedGammaGammaModel } from '@crmkit/analytics';
import { cdnowSampleTransactions } from './reference.js';

describe('Gamma-Gamma', () => {
  describe('on CDNOW (Node: reads shared/reference)', () => {
    let model: FittedGammaGammaModel;
    before(async function () {
      const transactions = await cdnowSampleTransactions();
      if (!transactions) return this.skip();
      model = fitGammaGamma(summarizeTransactions(transactions, { observationEnd: '1997-09-30', unit: 'week' }));
    });

    it('fits the published p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat buyers', () => {
      // Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value"; lifetimes asserts 2 decimals.
      expect(model.customers).to.equal(946);
      expect(model.params.p).to.be.closeTo(6.25, 0.015);
      expect(model.params.q).to.be.closeTo(3.74, 0.015);
      expect(model.params.gamma).to.be.closeTo(15.44, 0.015);
      expect(model.converged).to.be.true;
    });
  });

  it('expects the population mean for a customer without repeat purchases, and leans to the own mean with more', () => {
    const model = gammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 });
    const population = (6.25 * 15.44) / 2.74;
    expect(model.expectedAverageSpend({ frequency: 0, monetary: 0 })).to.be.closeTo(population, 1e-9);
    const few = model.expectedAverageSpend({ frequency: 1, monetary: 100 });
    const many = model.expectedAverageSpend({ frequency: 50, monetary: 100 });
    expect(few).to.be.within(population, 100);
    expect(many).to.be.within(few, 100);
    expect(many).to.be.closeTo((6.25 * (15.44 + 50 * 100)) / (6.25 * 50 + 3.74 - 1), 1e-9);
  });

  it('recovers the parameters of simulated spend', () => {
    // ν ~ Gamma(q, rate γ); each transaction ~ Gamma(p, rate ν); the mean of x transactions is what the model sees.
    const { p, q, gamma } = { p: 4, q: 3, gamma: 20 };
    let seed = 12345;
    const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const g = (shape: number): number => {
      // sum of exponentials for integer shapes keeps the helper tiny
      let s = 0;
      for (let i = 0; i < shape; i++) s -= Math.log(1 - rand());
      return s;
    };
    const data = Array.from({ length: 3000 }, (_, i) => {
      const nu = g(q) / gamma;
      const x = 1 + (i % 6);
      let total = 0;
      for (let k = 0; k < x; k++) total += g(p) / nu;
      return { frequency: x, monetary: total / x };
    });
    const fit = fitGammaGamma(data);
    expect(fit.params.p).to.be.closeTo(p, 0.4);
    expect(fit.params.q).to.be.closeTo(q, 0.4);
    expect(fit.params.gamma).to.be.closeTo(gamma, 4);
  });

  it('leaves one-time buyers out of the fit and refuses non-positive spend of repeat buyers', () => {
    const data = [
      { frequency: 0, monetary: 0 },
      { frequency: 2, monetary: 10 },
      { frequency: 3, monetary: 12 },
      { frequency: 1, monetary: 30 },
    ];
    expect(fitGammaGamma(data).customers).to.equal(3);
    expect(() => fitGammaGamma([{ frequency: 0, monetary: 0 }])).to.throw(CrmValidationError, /repeat purchase/);
    expect(() => fitGammaGamma([{ frequency: 2, monetary: 0 }])).to.throw(
      CrmValidationError,
      /\[0\]\.monetary: must be greater than 0/,
    );
    expect(() => gammaGamma({ p: 1, q: -1, gamma: 1 })).to.throw(CrmValidationError, /params\.q/);
  });
});
