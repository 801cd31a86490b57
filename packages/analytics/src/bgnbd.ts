/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"):
 * while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after every purchase they drop out with
 * probability p ~ Beta(a, b). Fitted by maximum likelihood on each customer's (frequency, recency, T).
 */
import { IssueCollector } from './validate.js';
import { hyp2f1, lnRisingFactorial, logAddExp } from './math/special.js';
import { bfgs, nelderMead } from './math/optimize.js';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** What the model reads of one customer; a `CustomerSummary` row from `summarizeTransactions` fits. */
export interface PurchaseHistory {
  /** Repeat purchases (an integer ≥ 0). */
  frequency: number;
  /** Time of the last purchase since the first one (0 when frequency is 0). */
  recency: number;
  /** Time since the first purchase, ≥ recency. */
  T: number;
}

export interface BgNbdFit extends BgNbdParams {
  /** Log-likelihood of the data at the fitted parameters (the sum over customers). */
  logLikelihood: number;
  /** Optimiser iterations used (BFGS, plus Nelder–Mead when BFGS did not settle). */
  iterations: number;
  /** True when the search settled on an interior optimum with a finite likelihood. */
  converged: boolean;
  /** Why `converged` is false (absent when it is true). */
  reason?: string;
  /** Customers the model was fitted on. */
  customers: number;
}

export interface BgNbdFitOptions {
  /**
   * L2 penalty on the parameters, added to the mean negative log-likelihood (as lifetimes does); a little
   * (0.001–0.1) keeps fits on small customer bases from running off to extreme values. Default 0.
   */
  penalizer?: number;
  /** Where the search starts (default r = α = a = b = 1). */
  initial?: BgNbdParams;
  maxIterations?: number;
}

const TARGET = 'fitBgNbd';
/** A fitted log-parameter beyond ±this sits on the edge of the space: e^±23 ≈ 1e±10. */
const LOG_BOUND = 23;

/**
 * Fits BG/NBD by maximum likelihood: Nelder–Mead on log-parameters, the log-likelihood from log-gamma
 * sums and log-sum-exp. Customers with the same (frequency, recency, T) are counted once with a weight,
 * so cohorts acquired on a few dates fit fast.
 *
 * Bad rows (negative or fractional frequency, recency > T, non-finite values) and empty input throw a
 * `CrmValidationError` naming each row. Data that cannot pin the parameters down (no repeat purchase at
 * all, a handful of customers) comes back with `converged: false` and the `reason`, never with NaN.
 */
export function fitBgNbd(rows: readonly PurchaseHistory[], options: BgNbdFitOptions = {}): BgNbdFit {
  const data = groupHistories(rows, TARGET);
  const issues = new IssueCollector(TARGET);
  if (data.customers === 0) issues.add([], 'needs at least one customer', 'too_small');
  const penalizer = issues.number(options.penalizer ?? 0, ['options', 'penalizer'], { min: 0 }) ?? 0;
  if (options.initial) readBgNbdParams(issues, options.initial, ['options', 'initial']);
  issues.throwIfAny();
  const start = options.initial ?? { r: 1, alpha: 1, a: 1, b: 1 };

  const objective = (logParams: readonly number[]): number => {
    const [r, alpha, a, b] = logParams.map(Math.exp) as [number, number, number, number];
    const ll = groupedLogLikelihood({ r, alpha, a, b }, data);
    return -ll / data.customers + penalizer * (r * r + alpha * alpha + a * a + b * b);
  };
  // The same objective with its gradient in log-parameters: ∂/∂ln θ = θ ∂/∂θ.
  const withGradient = (logParams: readonly number[]) => {
    const theta = logParams.map(Math.exp) as [number, number, number, number];
    const [r, alpha, a, b] = theta;
    const { value, gradient } = groupedLogLikelihoodGradient({ r, alpha, a, b }, data);
    return {
      value: -value / data.customers + penalizer * (r * r + alpha * alpha + a * a + b * b),
      gradient: gradient.map((g, i) => (-theta[i]! * g) / data.customers + 2 * penalizer * theta[i]! * theta[i]!),
    };
  };
  // BFGS with the analytic gradient first (tens of iterations); Nelder–Mead from where it stopped when it did
  // not settle (a flat or awkward likelihood), which needs no gradient at all.
  const startAt = [start.r, start.alpha, start.a, start.b].map(Math.log);
  const quick = bfgs(withGradient, startAt, { maxIterations: 500 });
  const result = quick.converged
    ? quick
    : (() => {
        const slow = nelderMead(objective, quick.x.every(Number.isFinite) ? quick.x : startAt, {
          maxIterations: options.maxIterations ?? 5000,
        });
        return { ...slow, iterations: slow.iterations + quick.iterations };
      })();
  const [r, alpha, a, b] = result.x.map(Math.exp) as [number, number, number, number];
  const params = { r, alpha, a, b };
  const logLikelihood = groupedLogLikelihood(params, data);
  let reason: string | undefined;
  if (!Number.isFinite(logLikelihood) || !result.x.every(Number.isFinite)) {
    reason = 'the log-likelihood is not finite anywhere the search went';
  } else if (!data.anyRepeat) {
    reason = 'no customer made a repeat purchase, so the data cannot identify the model (a and b are arbitrary)';
  } else if (result.x.some((x) => Math.abs(x) > LOG_BOUND)) {
    const names = ['r', 'alpha', 'a', 'b'].filter((_, i) => Math.abs(result.x[i]!) > LOG_BOUND);
    reason = `${names.join(', ')} ran off to the edge of the parameter space: too little data to fit (try a penalizer)`;
  } else if (!result.converged) {
    reason = `the optimiser stopped after ${result.iterations} iterations without settling`;
  }
  const fit: BgNbdFit = {
    ...params,
    logLikelihood,
    iterations: result.iterations,
    converged: reason === undefined,
    customers: data.customers,
  };
  if (reason !== undefined) fit.reason = reason;
  return fit;
}

/** The BG/NBD log-likelihood of the rows under the parameters (a sum over customers). */
export function bgNbdLogLikelihood(params: BgNbdParams, rows: readonly PurchaseHistory[]): number {
  checkParams(params, 'bgNbdLogLikelihood');
  return groupedLogLikelihood(params, groupHistories(rows, 'bgNbdLogLikelihood'));
}

/**
 * P(the customer is still alive at T) given their history: 1 / (1 + a/(b + x − 1) · ((α + T)/(α + tx))^(r + x)),
 * and 1 for a customer without a repeat purchase (the model lets customers drop out only after a purchase).
 */
export function bgNbdPAlive(params: BgNbdParams, row: PurchaseHistory): number {
  const target = 'bgNbdPAlive';
  checkParams(params, target);
  return 1 / (1 + deadOdds(params, checkHistory(row, target)));
}

/** Expected purchases in (0, t] of a customer who has just made their first purchase (the paper's E[X(t)]). */
export function bgNbdUnconditionalExpected(params: BgNbdParams, t: number): number {
  const target = 'bgNbdUnconditionalExpected';
  checkParams(params, target);
  checkHorizon(t, target);
  if (t === 0) return 0;
  return nearOne(params, ({ r, alpha, a, b }) => {
    const f = hyp2f1(r, b, a + b - 1, t / (alpha + t));
    return ((a + b - 1) / (a - 1)) * (1 - Math.exp(r * Math.log(alpha / (alpha + t))) * f);
  });
}

/**
 * Expected purchases in (T, T + t] of a customer with this history: the paper's conditional expectation
 * (its equation 10), through ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t)).
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number, row: PurchaseHistory): number {
  const target = 'bgNbdExpectedPurchases';
  checkParams(params, target);
  checkHorizon(t, target);
  return conditionalExpected(params, t, checkHistory(row, target));
}

/**
 * The cumulative conditional expectation at several horizons (the history is checked once): the forecast
 * curve that `predictClv` discounts.
 */
export function bgNbdExpectedPurchasesAt(
  params: BgNbdParams,
  times: readonly number[],
  row: PurchaseHistory,
): number[] {
  const issues = new IssueCollector('bgNbdExpectedPurchasesAt');
  readBgNbdParams(issues, params, ['params']);
  if (issues.array(times, ['times'])) times.forEach((t, i) => issues.number(t, ['times', i], { min: 0 }));
  const read = readHistory(issues, row, ['row']);
  issues.throwIfAny();
  return times.map((t) => conditionalExpected(params, t, read!));
}

/**
 * At a = 1 the expectations' factor (a + b + x − 1)/(a − 1) meets a bracket that vanishes with it (0/0); the
 * value there is the limit, taken as the mean of a = 1 ± 1e-6.
 */
function nearOne<T extends BgNbdParams>(params: T, f: (p: T) => number): number {
  if (Math.abs(params.a - 1) >= 1e-6) return f(params);
  return (f({ ...params, a: 1 - 1e-6 }) + f({ ...params, a: 1 + 1e-6 })) / 2;
}

function conditionalExpected(params: BgNbdParams, t: number, history: PurchaseHistory): number {
  return nearOne(params, (p) => conditionalExpectedAt(p, t, history));
}

function conditionalExpectedAt(params: BgNbdParams, t: number, history: PurchaseHistory): number {
  const { r, alpha, a, b } = params;
  const { frequency: x, T } = history;
  if (t === 0) return 0;
  const z = t / (alpha + T + t);
  const f = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const head = (a + b + x - 1) / (a - 1);
  const body = 1 - Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t))) * f;
  return (head * body) / (1 + deadOdds(params, history));
}

/** P(dropped out) / P(alive) given the history: a/(b + x − 1) · ((α + T)/(α + tx))^(r + x), 0 when x = 0. */
function deadOdds({ r, alpha, a, b }: BgNbdParams, { frequency: x, recency: tx, T }: PurchaseHistory): number {
  if (x === 0) return 0;
  return Math.exp(Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
}

/**
 * Customers with the same (frequency, recency, T) counted once with a weight, and the distinct frequencies
 * and ages indexed, so that the terms depending only on x or only on T are computed once per evaluation.
 */
interface Grouped {
  /** Per group: index into `xs`, index into `Ts`, recency, weight. */
  xAt: Int32Array;
  tAt: Int32Array;
  tx: Float64Array;
  weight: Float64Array;
  xs: Float64Array;
  Ts: Float64Array;
  customers: number;
  anyRepeat: boolean;
}

function groupHistories(histories: readonly PurchaseHistory[], target: string): Grouped {
  const issues = new IssueCollector(target);
  if (!issues.array(histories, [])) issues.throwIfAny();
  const index = new Map<string, number>();
  const xIndex = new Map<number, number>();
  const tIndex = new Map<number, number>();
  const xAt: number[] = [];
  const tAt: number[] = [];
  const tx: number[] = [];
  const weight: number[] = [];
  let anyRepeat = false;
  for (let i = 0; i < histories.length && !issues.full; i++) {
    const history = readHistory(issues, histories[i], [i]);
    if (!history) continue;
    const key = `${history.frequency}|${history.recency}|${history.T}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, xAt.length);
      let xi = xIndex.get(history.frequency);
      if (xi === undefined) xIndex.set(history.frequency, (xi = xIndex.size));
      let ti = tIndex.get(history.T);
      if (ti === undefined) tIndex.set(history.T, (ti = tIndex.size));
      xAt.push(xi);
      tAt.push(ti);
      tx.push(history.recency);
      weight.push(1);
    } else {
      weight[at]!++;
    }
    if (history.frequency > 0) anyRepeat = true;
  }
  issues.throwIfAny();
  return {
    xAt: Int32Array.from(xAt),
    tAt: Int32Array.from(tAt),
    tx: Float64Array.from(tx),
    weight: Float64Array.from(weight),
    xs: Float64Array.from(xIndex.keys()),
    Ts: Float64Array.from(tIndex.keys()),
    customers: histories.length,
    anyRepeat,
  };
}

/**
 * The log-likelihood (the paper's equation 6, in logarithms): per customer
 * ln L = A1 + A2 + ln(e^A3 + δ(x > 0) e^A4) with A1 = ln Γ(r + x) − ln Γ(r) + r ln α,
 * A2 = ln Γ(a + b) + ln Γ(b + x) − ln Γ(b) − ln Γ(a + b + x), A3 = −(r + x) ln(α + T),
 * A4 = ln a − ln(b + x − 1) − (r + x) ln(α + tₓ).
 */
function groupedLogLikelihood({ r, alpha, a, b }: BgNbdParams, data: Grouped): number {
  const rLnAlpha = r * Math.log(alpha);
  const lnA = Math.log(a);
  // Terms of each distinct x, and ln(α + T) of each distinct T.
  const head = new Float64Array(data.xs.length);
  const dropout = new Float64Array(data.xs.length);
  for (let k = 0; k < data.xs.length; k++) {
    const x = data.xs[k]!;
    head[k] = lnRisingFactorial(r, x) + rLnAlpha + lnRisingFactorial(b, x) - lnRisingFactorial(a + b, x);
    dropout[k] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
  }
  const lnAlphaT = new Float64Array(data.Ts.length);
  for (let k = 0; k < data.Ts.length; k++) lnAlphaT[k] = Math.log(alpha + data.Ts[k]!);
  let total = 0;
  for (let i = 0; i < data.xAt.length; i++) {
    const k = data.xAt[i]!;
    const x = data.xs[k]!;
    const a3 = -(r + x) * lnAlphaT[data.tAt[i]!]!;
    const a4 = x > 0 ? dropout[k]! - (r + x) * Math.log(alpha + data.tx[i]!) : -Infinity;
    total += data.weight[i]! * (head[k]! + logAddExp(a3, a4));
  }
  return total;
}

/** Σ_{k<n} 1/(x + k) = ψ(x + n) − ψ(x): the derivative of `lnRisingFactorial(x, n)` in x. */
function risingDigamma(x: number, n: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += 1 / (x + k);
  return sum;
}

/**
 * The log-likelihood and its gradient in (r, α, a, b), differentiating the same terms as
 * `groupedLogLikelihood` (ln(e^A3 + e^A4) has weights e^A3 and e^A4 over their sum).
 */
function groupedLogLikelihoodGradient(
  { r, alpha, a, b }: BgNbdParams,
  data: Grouped,
): { value: number; gradient: [number, number, number, number] } {
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const nx = data.xs.length;
  const head = new Float64Array(nx);
  const dropout = new Float64Array(nx);
  const dHeadR = new Float64Array(nx);
  const dHeadA = new Float64Array(nx);
  const dHeadB = new Float64Array(nx);
  for (let k = 0; k < nx; k++) {
    const x = data.xs[k]!;
    head[k] = lnRisingFactorial(r, x) + r * lnAlpha + lnRisingFactorial(b, x) - lnRisingFactorial(a + b, x);
    dropout[k] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
    const dab = risingDigamma(a + b, x);
    dHeadR[k] = risingDigamma(r, x) + lnAlpha;
    dHeadA[k] = -dab;
    dHeadB[k] = risingDigamma(b, x) - dab;
  }
  const lnAlphaT = new Float64Array(data.Ts.length);
  for (let k = 0; k < data.Ts.length; k++) lnAlphaT[k] = Math.log(alpha + data.Ts[k]!);
  let value = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < data.xAt.length; i++) {
    const k = data.xAt[i]!;
    const x = data.xs[k]!;
    const w = data.weight[i]!;
    const t = data.tAt[i]!;
    const a3 = -(r + x) * lnAlphaT[t]!;
    let a4 = -Infinity;
    let lnAlphaTx = 0;
    if (x > 0) {
      lnAlphaTx = Math.log(alpha + data.tx[i]!);
      a4 = dropout[k]! - (r + x) * lnAlphaTx;
    }
    value += w * (head[k]! + logAddExp(a3, a4));
    // Weight of the A4 branch: e^A4 / (e^A3 + e^A4).
    const w4 = x > 0 ? 1 / (1 + Math.exp(a3 - a4)) : 0;
    const w3 = 1 - w4;
    const alphaT = alpha + data.Ts[t]!;
    gr += w * (dHeadR[k]! - w3 * lnAlphaT[t]! - w4 * lnAlphaTx);
    gAlpha += w * (r / alpha - (w3 * (r + x)) / alphaT - (x > 0 ? (w4 * (r + x)) / (alpha + data.tx[i]!) : 0));
    ga += w * (dHeadA[k]! + (x > 0 ? w4 / a : 0));
    gb += w * (dHeadB[k]! - (x > 0 ? w4 / (b + x - 1) : 0));
  }
  return { value, gradient: [gr, gAlpha, ga, gb] };
}

/** Validates one history into `issues`; returns it when valid. */
export function readHistory(
  issues: IssueCollector,
  value: unknown,
  path: ReadonlyArray<string | number>,
): PurchaseHistory | undefined {
  if (!issues.record(value, path)) return undefined;
  const frequency = issues.number(value.frequency, [...path, 'frequency'], { min: 0, integer: true });
  const recency = issues.number(value.recency, [...path, 'recency'], { min: 0 });
  const T = issues.number(value.T, [...path, 'T'], { min: 0 });
  if (frequency === undefined || recency === undefined || T === undefined) return undefined;
  if (recency > T) {
    issues.add([...path, 'recency'], `must not exceed T (${T}), received ${recency}`, 'too_big');
    return undefined;
  }
  if (frequency === 0 && recency !== 0) {
    issues.add([...path, 'recency'], `must be 0 when frequency is 0, received ${recency}`, 'custom');
    return undefined;
  }
  return { frequency, recency, T };
}

function checkHistory(history: PurchaseHistory, target: string): PurchaseHistory {
  const issues = new IssueCollector(target);
  const read = readHistory(issues, history, ['row']);
  issues.throwIfAny();
  return read!;
}

function checkHorizon(t: number, target: string): void {
  const issues = new IssueCollector(target);
  issues.number(t, ['t'], { min: 0 });
  issues.throwIfAny();
}

export function readBgNbdParams(issues: IssueCollector, params: unknown, path: ReadonlyArray<string | number>): void {
  if (issues.record(params, path)) {
    for (const key of ['r', 'alpha', 'a', 'b'] as const)
      issues.number(params[key], [...path, key], { min: 0, exclusive: true });
  }
}

function checkParams(params: BgNbdParams, target: string): void {
  const issues = new IssueCollector(target);
  readBgNbdParams(issues, params, ['params']);
  issues.throwIfAny();
}
