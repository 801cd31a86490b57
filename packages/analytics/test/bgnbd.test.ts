import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { bgNbd, bgNbdLogLikelihood, fitBgNbd, type FittedBgNbdModel } from '@crmkit/analytics';
import { cdnowSummary, simulateBgNbd } from './reference.js';

// Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2), on the
// CDNOW cohort of 2,357 customers in weeks: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD', () => {
  describe('on CDNOW (Node: reads shared/reference)', () => {
    let model: FittedBgNbdModel;
    before(async function () {
      const rows = await cdnowSummary();
      if (!rows) return this.skip();
      model = fitBgNbd(rows);
    });

    it('fits the published parameters to 3 decimals and the published log-likelihood', () => {
      for (const key of ['r', 'alpha', 'a', 'b'] as const)
        expect(model.params[key], key).to.be.closeTo(PUBLISHED[key], 1.5e-3);
      expect(model.logLikelihood).to.be.closeTo(-9582.4, 0.05);
      expect(model.customers).to.equal(2357);
      expect(model.converged).to.be.true;
    });

    it("reproduces the paper's conditional expectation: x = 2, tx = 30.43, T = 38.86 → 1.226 in 39 weeks", () => {
      expect(model.conditionalExpectedPurchases(39, { frequency: 2, recency: 30.43, T: 38.86 })).to.be.closeTo(
        1.226,
        0.001,
      );
    });

    it("reproduces the paper's expected repeat purchases of a new customer", () => {
      const times = [0.1429, 1, 3, 31.8571, 32, 78];
      const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
      times.forEach((t, i) => expect(model.expectedPurchases(t), `t = ${t}`).to.be.closeTo(expected[i]!, 1.5e-3));
    });
  });

  it('computes the same likelihood as a customer-by-customer sum', () => {
    const params = { r: 1, alpha: 1, a: 1, b: 1 };
    const one = bgNbdLogLikelihood(params, [{ frequency: 1, recency: 2, T: 5 }]);
    const two = bgNbdLogLikelihood(params, [{ frequency: 3, recency: 2, T: 6 }]);
    expect(
      bgNbdLogLikelihood(params, [
        { frequency: 1, recency: 2, T: 5 },
        { frequency: 3, recency: 2, T: 6 },
      ]),
    ).to.be.closeTo(one + two, 1e-12);
  });

  it('recovers the parameters of simulated customers', () => {
    const truth = { r: 0.5, alpha: 6, a: 0.8, b: 2.5 };
    const model = fitBgNbd(simulateBgNbd(truth, 6000, 52, 7));
    expect(model.params.r).to.be.closeTo(truth.r, 0.1);
    expect(model.params.alpha).to.be.closeTo(truth.alpha, 1.5);
    expect(model.params.a).to.be.closeTo(truth.a, 0.35);
    expect(model.params.b).to.be.closeTo(truth.b, 1.2);
  });

  it('does not depend on the time unit: days fit like weeks, with α scaled', () => {
    const weeks = simulateBgNbd({ r: 0.4, alpha: 5, a: 0.9, b: 2 }, 1500, 40, 3);
    const days = weeks.map((c) => ({ frequency: c.frequency, recency: c.recency * 7, T: c.T * 7 }));
    const w = fitBgNbd(weeks);
    const d = fitBgNbd(days);
    expect(d.params.r).to.be.closeTo(w.params.r, 1e-3);
    expect(d.params.alpha / 7).to.be.closeTo(w.params.alpha, 1e-2);
    expect(d.probabilityAlive({ frequency: 2, recency: 70, T: 140 })).to.be.closeTo(
      w.probabilityAlive({ frequency: 2, recency: 10, T: 20 }),
      1e-4,
    );
  });

  it('P(alive) is 1 without a repeat purchase and stays within [0, 1]', () => {
    const model = bgNbd(PUBLISHED);
    expect(model.probabilityAlive({ frequency: 0, recency: 0, T: 30 })).to.equal(1);
    for (let x = 0; x < 100; x += 10) {
      for (let tx = 0; tx < 100; tx += 10) {
        for (let T = tx; T < 100; T += 10) {
          const p = model.probabilityAlive({ frequency: x, recency: x === 0 ? 0 : tx, T });
          expect(p).to.be.within(0, 1);
        }
      }
    }
    // A customer who bought recently is more likely alive than one with the same frequency who did not.
    expect(model.probabilityAlive({ frequency: 5, recency: 35, T: 38 })).to.be.greaterThan(
      model.probabilityAlive({ frequency: 5, recency: 10, T: 38 }),
    );
  });

  it('forecasts a cumulative curve equal to one horizon at a time, checking the history once', () => {
    const model = bgNbd(PUBLISHED);
    const history = { frequency: 2, recency: 30.43, T: 38.86 };
    const times = [0, 4.345, 13, 39, 52];
    expect(model.conditionalExpectedPurchasesAt(times, history)).to.deep.equal(
      times.map((t) => model.conditionalExpectedPurchases(t, history)),
    );
    expect(() => model.conditionalExpectedPurchasesAt([1, -1], { frequency: 0, recency: 1, T: 2 }))
      .to.throw(CrmValidationError)
      .with.property('issues')
      .that.satisfies((issues: { path: unknown[] }[]) => {
        expect(issues.map((issue) => issue.path)).to.deep.equal([
          ['times', 1],
          ['history', 'recency'],
        ]);
        return true;
      });
  });

  it('expects nothing in a horizon of 0', () => {
    const model = bgNbd(PUBLISHED);
    expect(model.expectedPurchases(0)).to.equal(0);
    expect(model.conditionalExpectedPurchases(0, { frequency: 1, recency: 1, T: 2 })).to.equal(0);
  });

  it('refuses bad histories with the field path, before fitting anything', () => {
    const bad = [
      { frequency: 1, recency: 2, T: 5 },
      { frequency: -1, recency: 0, T: 5 },
      { frequency: 1.5, recency: 1, T: 5 },
      { frequency: 2, recency: 6, T: 5 },
      { frequency: 0, recency: 3, T: 5 },
      { frequency: 1, recency: NaN, T: 5 },
    ];
    const copy = structuredClone(bad);
    let error: unknown;
    try {
      fitBgNbd(bad);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(CrmValidationError);
    const issues = (error as CrmValidationError).issues;
    expect(issues.map((issue) => issue.path)).to.deep.equal([
      [1, 'frequency'],
      [2, 'frequency'],
      [3, 'recency'],
      [4, 'recency'],
      [5, 'recency'],
    ]);
    expect((error as Error).message).to.match(/^invalid fitBgNbd: \[1\]\.frequency: must be at least 0/);
    expect(bad).to.deep.equal(copy);
  });

  it('refuses data that cannot identify the model, and bad parameters', () => {
    expect(() => fitBgNbd([])).to.throw(CrmValidationError, /at least one customer/);
    expect(() => fitBgNbd([{ frequency: 0, recency: 0, T: 5 }])).to.throw(CrmValidationError, /repeat purchase/);
    expect(() => fitBgNbd([{ frequency: 1, recency: 1, T: 5 }], { penalizer: -1 })).to.throw(
      CrmValidationError,
      /penalizer/,
    );
    expect(() => bgNbd({ r: 0, alpha: 1, a: 1, b: 1 })).to.throw(CrmValidationError, /params\.r/);
    expect(() => bgNbd(PUBLISHED).expectedPurchases(-1)).to.throw(CrmValidationError, /\bt\b/);
  });

  it('a penalizer shrinks the parameters', () => {
    const data = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, 800, 52, 11);
    const free = fitBgNbd(data);
    const penalized = fitBgNbd(data, { penalizer: 0.1 });
    expect(penalized.params.alpha).to.be.lessThan(free.params.alpha);
    expect(penalized.params.b).to.be.lessThan(free.params.b);
  });
});
