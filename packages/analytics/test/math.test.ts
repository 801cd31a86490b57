import { expect } from 'chai';
import { hyp2f1, lnGamma, nelderMead, quantileSorted } from '@crmkit/analytics';

describe('analytics math', () => {
  it('ln Γ agrees with scipy.special.gammaln to 1e-13', () => {
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
    expect(lnGamma(-1)).to.be.NaN;
  });

  it('₂F₁ agrees with scipy.special.hyp2f1, including z close to 1', () => {
    const scipy: [number, number, number, number, number][] = [
      [0.243, 2.426, 2.219, 78 / (4.414 + 78), 2.3900055962688564],
      [2.243, 4.426, 4.219, 39 / (4.414 + 38.86 + 39), 4.575315897643688],
      [1.5, 2.5, 3.5, 0.9, 8.305412172132199],
      [0.5, 1.5, 0.7, 0.99, 296.6653773042087],
      [3, 4, 5, 0, 1],
    ];
    for (const [a, b, c, z, expected] of scipy) expect(hyp2f1(a, b, c, z)).to.be.closeTo(expected, 1e-11 * expected);
    expect(hyp2f1(1, 1, 1, 1)).to.be.NaN;
    expect(hyp2f1(1, 1, 1, -0.5)).to.be.NaN;
  });

  it('Nelder–Mead finds the minimum of the Rosenbrock valley', () => {
    const rosenbrock = ([x, y]: readonly number[]) => (1 - x!) ** 2 + 100 * (y! - x! * x!) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).to.be.true;
    expect(result.x[0]).to.be.closeTo(1, 1e-4);
    expect(result.x[1]).to.be.closeTo(1, 1e-4);
  });

  it('Nelder–Mead steps back from non-finite values', () => {
    const f = ([x]: readonly number[]) => (x! < 0 ? NaN : (x! - 2) ** 2);
    expect(nelderMead(f, [5]).x[0]).to.be.closeTo(2, 1e-4);
  });

  it('quantiles are type 7 (R default, numpy linear)', () => {
    const sorted = [1, 2, 3, 4, 10];
    expect(quantileSorted(sorted, 0)).to.equal(1);
    expect(quantileSorted(sorted, 0.5)).to.equal(3);
    expect(quantileSorted(sorted, 0.9)).to.be.closeTo(7.6, 1e-12); // numpy.quantile([1,2,3,4,10], .9)
    expect(quantileSorted(sorted, 1)).to.equal(10);
    expect(quantileSorted([], 0.5)).to.be.NaN;
  });
});
