/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"):
 * while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after every purchase they drop out with
 * probability p ~ Beta(a, b). Fitted by maximum likelihood on each customer's (frequency, recency, T).
 */
import { IssueCollector, invalid } from './validate.js';
import { hyp2f1, lnRisingFactorial, logAddExp } from './math/special.js';
import { nelderMead } from './math/optimize.js';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** What the model reads of one customer; `CustomerSummary` from `summarizeTransactions` fits. */
export interface PurchaseHistory {
  /** Repeat purchases (an integer ≥ 0). */
  frequency: number;
  /** Time of the last purchase since the first one (0 when frequency is 0). */
  recency: number;
  /** Time since the first purchase, ≥ recency. */
  T: number;
}

export interface BgNbdModel {
  readonly params: Readonly<BgNbdParams>;
  /** P(the customer is still alive at T), given their history. */
  probabilityAlive(history: PurchaseHistory): number;
  /** Expected purchases in (0, t] of a customer who has just made their first purchase. */
  expectedPurchases(t: number): number;
  /** Expected purchases in (T, T + t] of a customer with this history. */
  conditionalExpectedPurchases(t: number, history: PurchaseHistory): number;
  /** The same for several horizons at once (the history is checked once): a cumulative forecast curve. */
  conditionalExpectedPurchasesAt(times: readonly number[], history: PurchaseHistory): number[];
}

export interface FittedBgNbdModel extends BgNbdModel {
  /** Log-likelihood of the data at the fitted parameters (the sum over customers). */
  readonly logLikelihood: number;
  /** Customers the model was fitted on. */
  readonly customers: number;
  readonly iterations: number;
  /** False when the optimiser ran out of iterations before the simplex collapsed. */
  readonly converged: boolean;
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

/** A BG/NBD model from known parameters, e.g. ones stored after an earlier fit. */
export function bgNbd(params: BgNbdParams): BgNbdModel {
  checkParams(params, 'bgNbd');
  const { r, alpha, a, b } = params;
  const frozen = Object.freeze({ r, alpha, a, b });
  return {
    params: frozen,
    probabilityAlive(history) {
      return 1 / (1 + deadOdds(checkHistory(history, 'probabilityAlive')));
    },
    expectedPurchases(t) {
      checkHorizon(t, 'expectedPurchases');
      if (t === 0) return 0;
      const z = t / (alpha + t);
      const f = hyp2f1(r, b, a + b - 1, z);
      return ((a + b - 1) / (a - 1)) * (1 - Math.exp(r * Math.log(alpha / (alpha + t))) * f);
    },
    conditionalExpectedPurchases(t, history) {
      checkHorizon(t, 'conditionalExpectedPurchases');
      return conditional(t, checkHistory(history, 'conditionalExpectedPurchases'));
    },
    conditionalExpectedPurchasesAt(times, history) {
      const issues = new IssueCollector('conditionalExpectedPurchasesAt');
      if (issues.array(times, ['times'])) times.forEach((t, i) => issues.number(t, ['times', i], { min: 0 }));
      const read = readHistory(issues, history, ['history']);
      issues.throwIfAny();
      return times.map((t) => conditional(t, read!));
    },
  };

  function conditional(t: number, { frequency: x, recency: tx, T }: PurchaseHistory): number {
    if (t === 0) return 0;
    const z = t / (alpha + T + t);
    const f = hyp2f1(r + x, b + x, a + b + x - 1, z);
    const head = (a + b + x - 1) / (a - 1);
    const body = 1 - Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t))) * f;
    return (head * body) / (1 + deadOdds({ frequency: x, recency: tx, T }));
  }

  /** P(dropped out) / P(alive) given the history: a/(b + x − 1) · ((α + T)/(α + tx))^(r + x), 0 when x = 0. */
  function deadOdds({ frequency: x, recency: tx, T }: PurchaseHistory): number {
    if (x === 0) return 0;
    return Math.exp(Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
  }
}

/**
 * Fits a BG/NBD model by maximum likelihood (Nelder–Mead on log-parameters). Customers with the same
 * (frequency, recency, T) are counted once with a weight, so cohorts acquired on a few dates fit fast.
 * Needs at least one customer with a repeat purchase: without one the parameters are not identified.
 */
export function fitBgNbd(histories: readonly PurchaseHistory[], options: BgNbdFitOptions = {}): FittedBgNbdModel {
  const data = groupHistories(histories, TARGET);
  if (data.customers === 0) invalid(TARGET, [], 'needs at least one customer', 'too_small');
  if (!data.anyRepeat)
    invalid(TARGET, [], 'needs at least one customer with a repeat purchase (frequency > 0)', 'too_small');
  const penalizer = options.penalizer ?? 0;
  if (!(penalizer >= 0) || !Number.isFinite(penalizer))
    invalid(TARGET, ['options', 'penalizer'], 'must be a finite number ≥ 0');
  if (options.initial) checkParams(options.initial, TARGET);
  const start = options.initial ?? { r: 1, alpha: 1, a: 1, b: 1 };

  const objective = (logParams: readonly number[]): number => {
    const [r, alpha, a, b] = logParams.map(Math.exp) as [number, number, number, number];
    const ll = groupedLogLikelihood({ r, alpha, a, b }, data);
    return -ll / data.customers + penalizer * (r * r + alpha * alpha + a * a + b * b);
  };
  const result = nelderMead(objective, [start.r, start.alpha, start.a, start.b].map(Math.log), {
    maxIterations: options.maxIterations ?? 5000,
  });
  const [r, alpha, a, b] = result.x.map(Math.exp) as [number, number, number, number];
  const params = { r, alpha, a, b };
  return Object.freeze({
    ...bgNbd(params),
    logLikelihood: groupedLogLikelihood(params, data),
    customers: data.customers,
    iterations: result.iterations,
    converged: result.converged,
  });
}

/** The BG/NBD log-likelihood of the histories under the parameters (a sum over customers). */
export function bgNbdLogLikelihood(params: BgNbdParams, histories: readonly PurchaseHistory[]): number {
  checkParams(params, 'bgNbdLogLikelihood');
  return groupedLogLikelihood(params, groupHistories(histories, 'bgNbdLogLikelihood'));
}

interface Grouped {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  customers: number;
  anyRepeat: boolean;
}

function groupHistories(histories: readonly PurchaseHistory[], target: string): Grouped {
  const issues = new IssueCollector(target);
  if (!issues.array(histories, [])) issues.throwIfAny();
  const index = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  let anyRepeat = false;
  for (let i = 0; i < histories.length && !issues.full; i++) {
    const history = readHistory(issues, histories[i], [i]);
    if (!history) continue;
    const key = `${history.frequency}|${history.recency}|${history.T}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, x.length);
      x.push(history.frequency);
      tx.push(history.recency);
      T.push(history.T);
      weight.push(1);
    } else {
      weight[at]!++;
    }
    if (history.frequency > 0) anyRepeat = true;
  }
  issues.throwIfAny();
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    customers: histories.length,
    anyRepeat,
  };
}

function groupedLogLikelihood({ r, alpha, a, b }: BgNbdParams, data: Grouped): number {
  const rLnAlpha = r * Math.log(alpha);
  const lnA = Math.log(a);
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i]!;
    // A1 = ln Γ(r + x) − ln Γ(r) + r ln α;  A2 = ln Γ(a + b) + ln Γ(b + x) − ln Γ(b) − ln Γ(a + b + x).
    const a1 = lnRisingFactorial(r, x) + rLnAlpha;
    const a2 = lnRisingFactorial(b, x) - lnRisingFactorial(a + b, x);
    const a3 = -(r + x) * Math.log(alpha + data.T[i]!);
    const a4 = x > 0 ? lnA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + data.tx[i]!) : -Infinity;
    total += data.weight[i]! * (a1 + a2 + logAddExp(a3, a4));
  }
  return total;
}

/** Validates one history into `issues`; returns it when valid. */
function readHistory(
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
  const read = readHistory(issues, history, []);
  issues.throwIfAny();
  return read!;
}

function checkHorizon(t: number, target: string): void {
  const issues = new IssueCollector(target);
  issues.number(t, ['t'], { min: 0 });
  issues.throwIfAny();
}

function checkParams(params: BgNbdParams, target: string): void {
  const issues = new IssueCollector(target);
  if (issues.record(params, ['params'])) {
    for (const key of ['r', 'alpha', 'a', 'b'] as const)
      issues.number(params[key], ['params', key], { min: 0, exclusive: true });
  }
  issues.throwIfAny();
}
