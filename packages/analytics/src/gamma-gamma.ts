/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie
 * 2013, "The Gamma-Gamma Model of Monetary Value"): each transaction's value is Gamma(p, ν), and ν varies
 * across customers as Gamma(q, γ). Fitted on repeat buyers' (frequency, mean repeat spend).
 */
import { IssueCollector, invalid } from './validate.js';
import { lnGamma } from './math/special.js';
import { nelderMead } from './math/optimize.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** What the model reads of one customer; `CustomerSummary` from `summarizeTransactions` fits. */
export interface SpendHistory {
  /** Repeat purchases (an integer ≥ 0). */
  frequency: number;
  /** Mean spend of those repeat purchases (> 0 when frequency > 0). */
  monetary: number;
}

export interface GammaGammaModel {
  readonly params: Readonly<GammaGammaParams>;
  /**
   * Expected mean spend per future transaction of this customer: a weighted mean of the population
   * mean p·γ/(q − 1) and the customer's own observed mean. A customer with no repeat purchase gets the
   * population mean. Infinity when q ≤ 1 (the population mean does not exist).
   */
  expectedAverageSpend(history: SpendHistory): number;
}

export interface FittedGammaGammaModel extends GammaGammaModel {
  readonly logLikelihood: number;
  /** Customers the model was fitted on: those with frequency > 0. */
  readonly customers: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface GammaGammaFitOptions {
  /** L2 penalty on the parameters, added to the mean negative log-likelihood (default 0). */
  penalizer?: number;
  /** Where the search starts (default p = q = γ = 1). */
  initial?: GammaGammaParams;
  maxIterations?: number;
}

const TARGET = 'fitGammaGamma';

export function gammaGamma(params: GammaGammaParams): GammaGammaModel {
  checkParams(params, 'gammaGamma');
  const { p, q, gamma } = params;
  return {
    params: Object.freeze({ p, q, gamma }),
    expectedAverageSpend(history) {
      const issues = new IssueCollector('expectedAverageSpend');
      const read = readSpend(issues, history, []);
      issues.throwIfAny();
      const { frequency: x, monetary: m } = read!;
      if (q <= 1 && x === 0) return Infinity;
      return (p * (gamma + x * m)) / (p * x + q - 1);
    },
  };
}

/**
 * Fits a Gamma-Gamma model by maximum likelihood. Customers with frequency 0 carry no information about
 * repeat spend and are left out (they need not be filtered first); at least one repeat buyer is needed.
 * The model assumes spend is independent of purchase frequency: check that on your data.
 */
export function fitGammaGamma(
  histories: readonly SpendHistory[],
  options: GammaGammaFitOptions = {},
): FittedGammaGammaModel {
  const issues = new IssueCollector(TARGET);
  if (!issues.array(histories, [])) issues.throwIfAny();
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < histories.length && !issues.full; i++) {
    const read = readSpend(issues, histories[i], [i]);
    if (read && read.frequency > 0) {
      xs.push(read.frequency);
      ms.push(read.monetary);
    }
  }
  issues.throwIfAny();
  if (xs.length === 0)
    invalid(TARGET, [], 'needs at least one customer with a repeat purchase (frequency > 0)', 'too_small');
  const penalizer = options.penalizer ?? 0;
  if (!(penalizer >= 0) || !Number.isFinite(penalizer))
    invalid(TARGET, ['options', 'penalizer'], 'must be a finite number ≥ 0');
  if (options.initial) checkParams(options.initial, TARGET);
  const start = options.initial ?? { p: 1, q: 1, gamma: 1 };

  const x = Float64Array.from(xs);
  const m = Float64Array.from(ms);
  // Terms that do not depend on the parameters: ln m and ln x, computed once.
  const lnM = x.map((_, i) => Math.log(m[i]!));
  const lnX = x.map((xi) => Math.log(xi));
  const logLikelihood = ({ p, q, gamma }: GammaGammaParams): number => {
    let total = -x.length * lnGamma(q) + x.length * q * Math.log(gamma);
    for (let i = 0; i < x.length; i++) {
      const px = p * x[i]!;
      total +=
        lnGamma(px + q) - lnGamma(px) + (px - 1) * lnM[i]! + px * lnX[i]! - (px + q) * Math.log(gamma + m[i]! * x[i]!);
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
  return Object.freeze({
    ...gammaGamma(params),
    logLikelihood: logLikelihood(params),
    customers: x.length,
    iterations: result.iterations,
    converged: result.converged,
  });
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
  if (frequency === 0) return { frequency, monetary: 0 };
  const monetary = issues.number(value.monetary, [...path, 'monetary']);
  if (monetary === undefined) return undefined;
  if (!(monetary > 0)) {
    issues.add(
      [...path, 'monetary'],
      `must be greater than 0, received ${monetary}: the model needs positive spend, so leave out customers whose repeat purchases were free or refunded`,
      'too_small',
    );
    return undefined;
  }
  return { frequency, monetary };
}

function checkParams(params: GammaGammaParams, target: string): void {
  const issues = new IssueCollector(target);
  if (issues.record(params, ['params'])) {
    for (const key of ['p', 'q', 'gamma'] as const)
      issues.number(params[key], ['params', key], { min: 0, exclusive: true });
  }
  issues.throwIfAny();
}
