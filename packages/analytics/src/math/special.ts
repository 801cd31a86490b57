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
 * common case in the likelihoods), Lanczos (g = 7) below. NaN for x ≤ 0 (see `lnAbsGamma`).
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
 * ln |Γ(x)| and the sign of Γ(x) for any real x. At the poles (0, −1, −2, …) the sign is 0 and the
 * logarithm +Infinity, so that 1/Γ there is exactly 0.
 */
export function lnAbsGamma(x: number): { ln: number; sign: -1 | 0 | 1 } {
  if (x > 0) return { ln: lnGamma(x), sign: 1 };
  if (Number.isInteger(x)) return { ln: Infinity, sign: 0 };
  // Reflection: Γ(x) = π / (sin(πx) Γ(1 − x)); Γ(1 − x) > 0 here.
  const s = Math.sin(Math.PI * x);
  return { ln: Math.log(Math.PI / Math.abs(s)) - lnGamma(1 - x), sign: s > 0 ? 1 : -1 };
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

/** How many terms one power series of `hyp2f1` may sum before it gives up (NaN). */
export const HYP2F1_MAX_TERMS = 1_000_000;

/** Above this z the power series is slow; the 1 − z connection formula takes over. */
const SERIES_LIMIT = 0.75;

/** How close to an integer c − a − b may come before the connection formula is interpolated (see below). */
const INTEGER_GAP = 0.001;

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real arguments and z ≤ 1, with its convergence
 * region handled explicitly (decision 0034):
 *
 * - z in [0, 0.75]: the power series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ, whose terms shrink at least like 0.75ⁿ;
 * - z < 0: Pfaff's transformation (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)) brings the argument into [0, 1);
 * - z in (0.75, 1): the connection formula in 1 − z (Abramowitz & Stegun 15.3.6), whose two series
 *   converge like (1 − z)ⁿ ≤ 0.25ⁿ however close z is to 1. It has poles where c − a − b is an integer;
 *   there (within 0.02) the value is interpolated in c from four points on either side, a cubic in c
 *   (relative error about 1e-9 for the models' arguments);
 * - z = 1: Gauss's sum Γ(c)Γ(c − a − b)/(Γ(c − a)Γ(c − b)) when c − a − b > 0, else Infinity.
 *
 * Polynomial cases (a or b a non-positive integer) are summed exactly. Returns NaN for z > 1, for c a
 * non-positive integer (a pole), for non-finite arguments, or when a series cannot settle in
 * `HYP2F1_MAX_TERMS` terms.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || !Number.isFinite(z)) return Number.NaN;
  if (c <= 0 && Number.isInteger(c)) return Number.NaN;
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z > 1) return Number.NaN;
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return series(a, b, c, z);
  if (z === 1) {
    const m = c - a - b;
    if (m <= 0) return Infinity;
    return gammaRatio([c, m], [c - a, c - b]);
  }
  if (z < 0) return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  if (z <= SERIES_LIMIT) return series(a, b, c, z);
  const m = c - a - b;
  const gap = m - Math.round(m);
  if (Math.abs(gap) >= INTEGER_GAP) return connection(a, b, c, z);
  // Near an integer c − a − b the two halves of the formula blow up with opposite signs. F is smooth in c,
  // so take the cubic through four values of c at which c − a − b sits 0.02 and 0.04 either side of the
  // integer, and read it at the actual c.
  const nodes = [-2, -1, 1, 2].map((j) => c - gap + j * INTEGER_GAP);
  const values = nodes.map((cj) => connection(a, b, cj, z));
  return lagrange(nodes, values, c);
}

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/** The power series; NaN when it does not settle. */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < HYP2F1_MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    const next = sum + term;
    if (term === 0 || (next === sum && Math.abs(term) <= Math.abs(sum) * 1e-17)) return next;
    if (!Number.isFinite(next)) return next;
    sum = next;
  }
  return Number.NaN;
}

/** A&S 15.3.6, for 0.75 < z < 1 and c − a − b not an integer. */
function connection(a: number, b: number, c: number, z: number): number {
  const m = c - a - b;
  const w = 1 - z;
  const first = gammaRatio([c, m], [c - a, c - b]);
  const second = gammaRatio([c, -m], [a, b]);
  const left = first === 0 ? 0 : first * series(a, b, 1 - m, w);
  const right = second === 0 ? 0 : second * Math.pow(w, m) * series(c - a, c - b, m + 1, w);
  return left + right;
}

/** Π Γ(top) / Π Γ(bottom), in logarithms with signs; 0 when a bottom argument is a pole. */
function gammaRatio(top: readonly number[], bottom: readonly number[]): number {
  let ln = 0;
  let sign = 1;
  for (const x of top) {
    const g = lnAbsGamma(x);
    ln += g.ln;
    sign *= g.sign;
  }
  for (const x of bottom) {
    const g = lnAbsGamma(x);
    if (g.sign === 0) return 0;
    ln -= g.ln;
    sign *= g.sign;
  }
  return sign * Math.exp(ln);
}

/** The polynomial through the points (xs, ys), evaluated at x (Lagrange's form). */
function lagrange(xs: readonly number[], ys: readonly number[], x: number): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    let weight = 1;
    for (let j = 0; j < xs.length; j++) if (j !== i) weight *= (x - xs[j]!) / (xs[i]! - xs[j]!);
    total += weight * ys[i]!;
  }
  return total;
}
