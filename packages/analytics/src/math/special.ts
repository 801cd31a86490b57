/**
 * Special functions the customer-base models need: ln Γ and the Gauss hypergeometric function ₂F₁.
 * Plain arithmetic only, so they run unchanged in browsers, workers and Node.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0, relative error about 1e-15: Stirling's series from x = 10 (one logarithm, the
 * common case in the likelihoods), Lanczos (g = 7) below. NaN for x ≤ 0.
 */
export function lnGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x >= 10) {
    const inv = 1 / x;
    const inv2 = inv * inv;
    const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
    return (x - 0.5) * Math.log(x) - x + HALF_LN_TWO_PI + series;
  }
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx); both factors are positive for 0 < x < 1.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LN_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ln Γ(x + n) − ln Γ(x) for an integer n ≥ 0: an exact sum of logarithms when n is small, which is both
 * faster and more accurate than two ln Γ calls; falls back to them for large n.
 */
export function lnRisingFactorial(x: number, n: number): number {
  if (n <= 32) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += Math.log(x + k);
    return sum;
  }
  return lnGamma(x + n) - lnGamma(x);
}

/** ln(eᵃ + eᵇ) without overflow; either side may be −Infinity. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const max = a > b ? a : b;
  return max + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** How many terms `hyp2f1` may sum before it gives up: enough for z up to about 1 − 1e-5. */
export const HYP2F1_MAX_TERMS = 2_000_000;

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 by its power series, summed until a term
 * no longer changes the sum. The customer-base models only ever call it with z = t / (α + T + t) in [0, 1)
 * and c > 0. Returns NaN when the series does not settle within `HYP2F1_MAX_TERMS` (z extremely close to 1).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1) || !(c > 0)) return Number.NaN;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < HYP2F1_MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    const next = sum + term;
    if (next === sum || term === 0) return next;
    sum = next;
  }
  return Number.NaN;
}
