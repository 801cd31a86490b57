import { expect } from 'chai';
import { bfgs, hyp2f1, lnAbsGamma, lnGamma, nelderMead, quantileSorted } from '@crmkit/analytics';
import { HYP2F1_MPMATH } from './fixtures/hyp2f1-mpmath.js';

describe('analytics math', () => {
  it('ln Γ agrees with scipy.special.gammaln to 1e-13', () => {
    // Values printed by scipy.special.gammaln (constants; no test runs Python).
    const scipy: [number, number][] = [
      [0.001, 6.907178885383853],
      [0.1, 2.252712651734206],
      [0.5, 0.5723649429247],
      [1, 0],
      [1.5, -0.12078223763524526],
      [2.5, 0.2846828704729192],
      [10, 12.801827480081469],
      [123.4, 469.3360974421906],
    ];
    for (const [x, expected] of scipy)
      expect(lnGamma(x)).to.be.closeTo(expected, 1e-13 * Math.max(1, Math.abs(expected)));
    expect(lnGamma(0)).to.be.NaN;
    // Γ(−0.5) = −2√π, Γ(−1.5) = 4√π/3; poles have sign 0.
    expect(lnAbsGamma(-0.5)).to.deep.include({ sign: -1 });
    expect(lnAbsGamma(-0.5).ln).to.be.closeTo(Math.log(2 * Math.sqrt(Math.PI)), 1e-13);
    expect(lnAbsGamma(-1.5).sign).to.equal(1);
    expect(lnAbsGamma(-2).sign).to.equal(0);
  });

  it('₂F₁ agrees with mpmath across its region: series, Pfaff (z < 0), 1 − z formula near 1, integer c − a − b', () => {
    for (const [a, b, c, z, expected] of HYP2F1_MPMATH) {
      expect(hyp2f1(a, b, c, z), `2F1(${a}, ${b}; ${c}; ${z})`).to.be.closeTo(expected, 1e-8 * Math.abs(expected));
    }
  });

  it('₂F₁ settles where the plain power series would need ~10⁹ terms (z = 1 − 1e-8)', () => {
    // The power series would need ~10⁹ terms here; the connection formula needs a few dozen.
    const value = hyp2f1(0.243, 2.426, 2.219, 0.99999999);
    expect(value).to.be.closeTo(1848.4814004316002, 1e-9 * 1848);
  });

  it('₂F₁ edge cases: z = 0, z = 1 (Gauss), polynomials, and NaN outside the region', () => {
    expect(hyp2f1(3, 4, 5, 0)).to.equal(1);
    expect(hyp2f1(3, 4, 8, 1)).to.be.closeTo(35, 1e-12); // Γ(8)Γ(1)/(Γ(5)Γ(4))
    expect(hyp2f1(1, 1, 1, 1)).to.equal(Infinity);
    expect(hyp2f1(-2, 1, 1, 0.5)).to.be.closeTo(0.25, 1e-15); // (1 − z)²
    expect(hyp2f1(1, 1, 1, 1.5)).to.be.NaN;
    expect(hyp2f1(1, 1, 0, 0.5)).to.be.NaN; // c a pole
    expect(hyp2f1(1, 1, -2, 0.5)).to.be.NaN;
    expect(hyp2f1(1, NaN, 1, 0.5)).to.be.NaN;
  });

  it('Nelder–Mead finds the minimum of the Rosenbrock valley and steps back from non-finite values', () => {
    const rosenbrock = ([x, y]: readonly number[]) => (1 - x!) ** 2 + 100 * (y! - x! * x!) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).to.be.true;
    expect(result.x[0]).to.be.closeTo(1, 1e-4);
    expect(result.x[1]).to.be.closeTo(1, 1e-4);
    const f = ([x]: readonly number[]) => (x! < 0 ? NaN : (x! - 2) ** 2);
    expect(nelderMead(f, [5]).x[0]).to.be.closeTo(2, 1e-4);
  });

  it('BFGS finds the minimum of the Rosenbrock valley from its gradient, and says when it cannot', () => {
    const rosenbrock = ([x, y]: readonly number[]) => ({
      value: (1 - x!) ** 2 + 100 * (y! - x! * x!) ** 2,
      gradient: [-2 * (1 - x!) - 400 * x! * (y! - x! * x!), 200 * (y! - x! * x!)],
    });
    const result = bfgs(rosenbrock, [-1.2, 1]);
    expect(result.converged).to.be.true;
    expect(result.x[0]).to.be.closeTo(1, 1e-6);
    expect(result.x[1]).to.be.closeTo(1, 1e-6);
    const nowhere = bfgs(() => ({ value: NaN, gradient: [NaN] }), [0]);
    expect(nowhere.converged).to.be.false;
  });

  it('quantiles are type 7 (R default, numpy linear)', () => {
    const sorted = [1, 2, 3, 4, 10];
    expect(quantileSorted(sorted, 0)).to.equal(1);
    expect(quantileSorted(sorted, 0.5)).to.equal(3);
    expect(quantileSorted(sorted, 0.9)).to.be.closeTo(7.6, 1e-12);
    expect(quantileSorted(sorted, 1)).to.equal(10);
    expect(quantileSorted([], 0.5)).to.be.NaN;
  });
});
