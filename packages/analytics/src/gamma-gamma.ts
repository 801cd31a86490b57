/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie
 * 2013, "The Gamma-Gamma Model of Monetary Value"): each transaction's value is Gamma(p, ν), and ν varies
 * across customers as Gamma(q, γ). Fitted on repeat buyers' (frequency, mean repeat spend).
 */
import { IssueCollector } from './validate.js';
import { lnGamma } from './math/special.js';
import { nelderMead } from './math/optimize.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** What the model reads of one customer; a `CustomerSummary` row from `summarizeTransactions` fits. */
export interface SpendHistory {
  /** Repeat purchases (an integer ≥ 0). */
  frequency: number;
  /** Mean value of those repeat purchases (> 0 when frequency > 0; not read when it is 0). */
  monetaryValue: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  /** True when the search settled on an interior optimum with a finite likelihood. */
  converged: boolean;
  /** Why `converged` is false (absent when it is true). */
  reason?: string;
  iterations: number;
  /** Customers the model was fitted on: those with frequency > 0. */
  customers: number;
}

export interface GammaGammaFitOptions {
  /** L2 penalty on the parameters, added to the mean negative log-likelihood (default 0). */
  penalizer?: number;
  /** Where the search starts (default p = q = γ = 1). */
  initial?: GammaGammaParams;
  maxIterations?: number;
}

const TARGET = 'fitGammaGamma';
const LOG_BOUND = 23;

/**
 * Expected mean value of this customer's future transactions: a weighted mean of the population mean
 * p·γ/(q − 1) and the customer's own repeat mean, (p·(γ + x·m)) / (p·x + q − 1). A customer without a
 * repeat purchase gets the population mean; Infinity when q ≤ 1 (then the population mean does not exist).
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, row: SpendHistory): number {
  const issues = new IssueCollector('gammaGammaExpectedSpend');
  readGammaGammaParams(issues, params, ['params']);
  const read = readSpend(issues, row, ['row']);
  issues.throwIfAny();
  return expectedSpend(params, read!);
}

/** The same without checks, for callers that have checked already. */
export function expectedSpend(
  { p, q, gamma }: GammaGammaParams,
  { frequency: x, monetaryValue: m }: SpendHistory,
): number {
  if (q <= 1 && x === 0) return Infinity;
  return (p * (gamma + x * m)) / (p * x + q - 1);
}

/**
 * Fits Gamma-Gamma by maximum likelihood on the repeat buyers. Customers with frequency 0 carry no
 * information about repeat spend and are left out (they need not be filtered first). The model assumes
 * spend is independent of purchase frequency: check that on your data.
 *
 * Bad rows (non-positive or non-finite spend of a repeat buyer) and empty input throw a
 * `CrmValidationError` naming each row; input without any repeat buyer comes back `converged: false`
 * with the reason.
 */
export function fitGammaGamma(rows: readonly SpendHistory[], options: GammaGammaFitOptions = {}): GammaGammaFit {
  const issues = new IssueCollector(TARGET);
  if (!issues.array(rows, [])) issues.throwIfAny();
  if (rows.length === 0) issues.add([], 'needs at least one customer', 'too_small');
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < rows.length && !issues.full; i++) {
    const read = readSpend(issues, rows[i], [i]);
    if (read && read.frequency > 0) {
      xs.push(read.frequency);
      ms.push(read.monetaryValue);
    }
  }
  const penalizer = issues.number(options.penalizer ?? 0, ['options', 'penalizer'], { min: 0 }) ?? 0;
  if (options.initial) readGammaGammaParams(issues, options.initial, ['options', 'initial']);
  issues.throwIfAny();
  const start = options.initial ?? { p: 1, q: 1, gamma: 1 };
  if (xs.length === 0) {
    return {
      ...start,
      logLikelihood: 0,
      converged: false,
      reason: 'no customer made a repeat purchase: the model is fitted on repeat spend only',
      iterations: 0,
      customers: 0,
    };
  }

  const x = Float64Array.from(xs);
  const m = Float64Array.from(ms);
  // Terms that do not depend on the parameters (ln m, m·x), and the distinct frequencies: the Γ terms depend
  // on the parameters and x only, so they are computed once per distinct x per evaluation.
  const lnM = m.map((mi) => Math.log(mi));
  const mx = m.map((mi, i) => mi * x[i]!);
  const slot = new Map<number, number>();
  for (const xi of xs) if (!slot.has(xi)) slot.set(xi, slot.size);
  const xAt = Int32Array.from(xs, (xi) => slot.get(xi)!);
  const distinctX = Float64Array.from(slot.keys());
  const logLikelihood = ({ p, q, gamma }: GammaGammaParams): number => {
    // Per customer: ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln m + px ln x − (px + q) ln(γ + m x).
    const perX = distinctX.map((xi) => lnGamma(p * xi + q) - lnGamma(p * xi) + p * xi * Math.log(xi));
    let total = x.length * (q * Math.log(gamma) - lnGamma(q));
    for (let i = 0; i < x.length; i++) {
      const px = p * x[i]!;
      total += perX[xAt[i]!]! + (px - 1) * lnM[i]! - (px + q) * Math.log(gamma + mx[i]!);
    }
    return total;
  };
  const objective = (logParams: readonly number[]): number => {
    const [p, q, gamma] = logParams.map(Math.exp) as [number, number, number];
    return -logLikelihood({ p, q, gamma }) / x.length + penalizer * (p * p + q * q + gamma * gamma);
  };
  const result = nelderMead(objective, [start.p, start.q, start.gamma].map(Math.log), {
    maxIterations: options.maxIterations ?? 5000,
  });
  const [p, q, gamma] = result.x.map(Math.exp) as [number, number, number];
  const params = { p, q, gamma };
  const ll = logLikelihood(params);
  let reason: string | undefined;
  if (!Number.isFinite(ll) || !result.x.every(Number.isFinite)) {
    reason = 'the log-likelihood is not finite anywhere the search went';
  } else if (result.x.some((v) => Math.abs(v) > LOG_BOUND)) {
    const names = ['p', 'q', 'gamma'].filter((_, i) => Math.abs(result.x[i]!) > LOG_BOUND);
    reason = `${names.join(', ')} ran off to the edge of the parameter space: too little data to fit (try a penalizer)`;
  } else if (!result.converged) {
    reason = `the optimiser stopped after ${result.iterations} iterations without settling`;
  }
  const fit: GammaGammaFit = {
    ...params,
    logLikelihood: ll,
    converged: reason === undefined,
    iterations: result.iterations,
    customers: x.length,
  };
  if (reason !== undefined) fit.reason = reason;
  return fit;
}

function readSpend(
  issues: IssueCollector,
  value: unknown,
  path: ReadonlyArray<string | number>,
): SpendHistory | undefined {
  if (!issues.record(value, path)) return undefined;
  const frequency = issues.number(value.frequency, [...path, 'frequency'], { min: 0, integer: true });
  if (frequency === undefined) return undefined;
  // A one-time buyer's monetary value is not read by the model (the summary reports 0 there).
  if (frequency === 0) return { frequency, monetaryValue: 0 };
  const monetaryValue = issues.number(value.monetaryValue, [...path, 'monetaryValue']);
  if (monetaryValue === undefined) return undefined;
  if (!(monetaryValue > 0)) {
    issues.add(
      [...path, 'monetaryValue'],
      `must be greater than 0, received ${monetaryValue}: the model needs positive spend, so leave out customers whose repeat purchases were free or refunded`,
      'too_small',
    );
    return undefined;
  }
  return { frequency, monetaryValue };
}

export function readGammaGammaParams(
  issues: IssueCollector,
  params: unknown,
  path: ReadonlyArray<string | number>,
): void {
  if (issues.record(params, path)) {
    for (const key of ['p', 'q', 'gamma'] as const)
      issues.number(params[key], [...path, key], { min: 0, exclusive: true });
  }
}
