import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesAt,
  bgNbdLogLikelihood,
  bgNbdPAlive,
  bgNbdUnconditionalExpected,
  fitBgNbd,
  nelderMead,
  type BgNbdFit,
} from '@crmkit/analytics';
import { cdnowSummary, simulateCustomers } from './support.js';

// Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2), on the
// CDNOW cohort of 2,357 customers in weeks: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const within = (value: number, target: number, share: number) => expect(value).to.be.closeTo(target, target * share);

describe('BG/NBD', () => {
  describe('on CDNOW', () => {
    let fit: BgNbdFit;
    before(() => {
      fit = fitBgNbd(cdnowSummary());
    });

    it('reproduces the published parameters within 0.5 % and the published log-likelihood', () => {
      expect(Object.keys(fit)).to.include.members(['r', 'alpha', 'a', 'b', 'logLikelihood', 'iterations', 'converged']);
      for (const key of ['r', 'alpha', 'a', 'b'] as const) within(fit[key], PUBLISHED[key], 0.005);
      expect(fit.logLikelihood).to.be.closeTo(-9582.4, 0.05);
      expect(fit.converged).to.be.true;
      expect(fit.reason).to.be.undefined;
      expect(fit.customers).to.equal(2357);
      expect(fit.iterations).to.be.greaterThan(0);
    });

    it("reproduces the paper's conditional expectation: x = 2, tx = 30.43, T = 38.86 → 1.226 in 39 weeks", () => {
      within(bgNbdExpectedPurchases(fit, 39, { frequency: 2, recency: 30.43, T: 38.86 }), 1.226, 0.001);
    });

    it("reproduces the paper's expected repeat purchases of a new customer, E[X(t)]", () => {
      const times = [1, 3, 31.8571, 32, 78];
      const expected = [0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
      times.forEach((t, i) => within(bgNbdUnconditionalExpected(fit, t), expected[i]!, 0.005));
    });
  });

  it('recovers the parameters of customers simulated from known ones (seeded)', () => {
    const truth = { r: 0.5, alpha: 6, a: 0.8, b: 2.5 };
    const fit = fitBgNbd(simulateCustomers(truth, 6000, (i) => 26 + (i % 27), 7));
    expect(fit.converged).to.be.true;
    expect(fit.r).to.be.closeTo(truth.r, 0.1);
    expect(fit.alpha).to.be.closeTo(truth.alpha, 1.5);
    expect(fit.a).to.be.closeTo(truth.a, 0.35);
    expect(fit.b).to.be.closeTo(truth.b, 1.2);
  });

  it('fits the optimum a derivative-free search finds (a check on the analytic gradient)', () => {
    const rows = simulateCustomers({ r: 0.8, alpha: 3, a: 1.5, b: 4 }, 1500, (i) => 10 + (i % 30), 5);
    const fit = fitBgNbd(rows);
    const search = nelderMead(
      (logs) => {
        const [r, alpha, a, b] = logs.map(Math.exp) as [number, number, number, number];
        return -bgNbdLogLikelihood({ r, alpha, a, b }, rows) / rows.length;
      },
      [0, 0, 0, 0],
    );
    const [r, alpha, a, b] = search.x.map(Math.exp) as [number, number, number, number];
    expect(fit.converged).to.be.true;
    expect(fit.logLikelihood).to.be.at.least(-search.value * rows.length - 1e-6);
    for (const [ours, theirs] of [
      [fit.r, r],
      [fit.alpha, alpha],
      [fit.a, a],
      [fit.b, b],
    ] as const)
      expect(ours).to.be.closeTo(theirs, theirs * 1e-3);
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

  it('P(alive) is 1 without a repeat purchase, within [0, 1], and higher for a recent buyer', () => {
    expect(bgNbdPAlive(PUBLISHED, { frequency: 0, recency: 0, T: 30 })).to.equal(1);
    for (let x = 1; x < 100; x += 10) {
      for (let tx = 0; tx < 100; tx += 10) {
        for (let T = tx; T < 100; T += 10)
          expect(bgNbdPAlive(PUBLISHED, { frequency: x, recency: tx, T })).to.be.within(0, 1);
      }
    }
    expect(bgNbdPAlive(PUBLISHED, { frequency: 5, recency: 35, T: 38 })).to.be.greaterThan(
      bgNbdPAlive(PUBLISHED, { frequency: 5, recency: 10, T: 38 }),
    );
  });

  it('forecasts a cumulative curve equal to one horizon at a time; nothing in a horizon of 0', () => {
    const row = { frequency: 2, recency: 30.43, T: 38.86 };
    const times = [0, 4.345, 13, 39, 52];
    expect(bgNbdExpectedPurchasesAt(PUBLISHED, times, row)).to.deep.equal(
      times.map((t) => bgNbdExpectedPurchases(PUBLISHED, t, row)),
    );
    expect(bgNbdUnconditionalExpected(PUBLISHED, 0)).to.equal(0);
  });

  describe('edge cases', () => {
    it('everyone with zero repeats: not converged, with the reason, never NaN', () => {
      const fit = fitBgNbd(Array.from({ length: 50 }, (_, i) => ({ frequency: 0, recency: 0, T: 10 + i })));
      expect(fit.converged).to.be.false;
      expect(fit.reason).to.match(/no customer made a repeat purchase/);
      for (const value of [fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood])
        expect(Number.isFinite(value)).to.be.true;
    });

    it('one customer: finite numbers and an honest converged flag', () => {
      const fit = fitBgNbd([{ frequency: 3, recency: 20, T: 30 }]);
      for (const value of [fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood])
        expect(Number.isFinite(value)).to.be.true;
      if (!fit.converged) expect(fit.reason).to.be.a('string').and.not.empty;
    });

    it('huge T: customers observed for 10⁶ weeks give finite, sensible predictions', () => {
      const row = { frequency: 3, recency: 999_000, T: 1_000_000 };
      const p = bgNbdPAlive(PUBLISHED, row);
      expect(p).to.be.within(0, 1);
      const expected = bgNbdExpectedPurchases(PUBLISHED, 52, row);
      expect(Number.isFinite(expected) && expected >= 0).to.be.true;
      const fit = fitBgNbd([...simulateCustomers(PUBLISHED, 300, 40, 3), { frequency: 2, recency: 5e5, T: 1e6 }]);
      expect(Number.isFinite(fit.logLikelihood)).to.be.true;
    });

    it('extreme parameters where ₂F₁ converges slowly (z → 1): the conditional expectation matches mpmath', () => {
      // α tiny and T short, forecasting far ahead: z = t / (α + T + t) = 1 − 1e-7 and 1 − 1e-8, where the
      // power series would need 10⁸–10⁹ terms. Reference values: the paper's equation 10 evaluated with
      // mpmath 1.3.0 at 50 digits (constants; no test runs Python).
      const params = { r: 0.5, alpha: 1e-4, a: 0.6, b: 0.9 };
      const row = { frequency: 1, recency: 0.5, T: 1 };
      within(bgNbdExpectedPurchases(params, 1e7, row), 818.7074466301318, 1e-7);
      within(bgNbdExpectedPurchases(params, 1e8, row), 2058.465014368459, 1e-7);
      within(
        bgNbdExpectedPurchases({ r: 2, alpha: 1e-3, a: 3, b: 2 }, 1e5, { frequency: 4, recency: 0.9, T: 1 }),
        1.8794747111920147,
        1e-7,
      );
    });
  });

  it('a = 1 exactly (0/0 in the formula) gives the limit, not NaN', () => {
    const row = { frequency: 2, recency: 20, T: 30 };
    const at = (a: number) => bgNbdExpectedPurchases({ ...PUBLISHED, a }, 26, row);
    expect(at(1)).to.be.closeTo((at(1 - 1e-4) + at(1 + 1e-4)) / 2, 1e-6);
    const unconditional = (a: number) => bgNbdUnconditionalExpected({ ...PUBLISHED, a }, 26);
    expect(unconditional(1)).to.be.closeTo((unconditional(1 - 1e-4) + unconditional(1 + 1e-4)) / 2, 1e-6);
  });

  describe('bad input', () => {
    it('refuses bad rows with the field path, before fitting anything', () => {
      const bad = [
        { frequency: 1, recency: 2, T: 5 },
        { frequency: -1, recency: 0, T: 5 },
        { frequency: 1.5, recency: 1, T: 5 },
        { frequency: 2, recency: 6, T: 5 },
        { frequency: 0, recency: 3, T: 5 },
        { frequency: 1, recency: NaN, T: 5 },
        { frequency: 1, recency: 1, T: Infinity },
      ];
      const copy = structuredClone(bad);
      let error: unknown;
      try {
        fitBgNbd(bad);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(CrmValidationError);
      expect((error as CrmValidationError).issues.map((issue) => issue.path)).to.deep.equal([
        [1, 'frequency'],
        [2, 'frequency'],
        [3, 'recency'],
        [4, 'recency'],
        [5, 'recency'],
        [6, 'T'],
      ]);
      expect((error as Error).message).to.match(/^invalid fitBgNbd: \[1\]\.frequency: must be at least 0/);
      expect(bad).to.deep.equal(copy);
    });

    it('refuses empty input, bad options, bad parameters and bad horizons', () => {
      expect(() => fitBgNbd([])).to.throw(CrmValidationError, /at least one customer/);
      expect(() => fitBgNbd([{ frequency: 1, recency: 1, T: 5 }], { penalizer: -1 })).to.throw(
        CrmValidationError,
        /penalizer/,
      );
      expect(() => bgNbdPAlive({ ...PUBLISHED, r: 0 }, { frequency: 0, recency: 0, T: 1 })).to.throw(
        CrmValidationError,
        /params\.r/,
      );
      expect(() => bgNbdUnconditionalExpected(PUBLISHED, -1)).to.throw(CrmValidationError, /\bt\b/);
      expect(() => bgNbdExpectedPurchases(PUBLISHED, 1, { frequency: 1, recency: 9, T: 5 })).to.throw(
        CrmValidationError,
        /row\.recency: must not exceed T/,
      );
    });

    it('a penalizer shrinks the parameters', () => {
      const data = simulateCustomers({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, 800, 52, 11);
      const free = fitBgNbd(data);
      const penalized = fitBgNbd(data, { penalizer: 0.1 });
      expect(penalized.alpha).to.be.lessThan(free.alpha);
      expect(penalized.b).to.be.lessThan(free.b);
    });
  });
});
