/**
 * Derivative-free minimisation (Nelder–Mead), used to fit the models by maximum likelihood. The models
 * are fitted on log-parameters, so the search is unconstrained.
 */

export interface MinimizeOptions {
  /** Stop after this many iterations (default 5,000). */
  maxIterations?: number;
  /** Stop when the simplex's function values agree to this (default 1e-10, absolute). */
  fTolerance?: number;
  /** …and its vertices agree to this in every coordinate (default 1e-8). */
  xTolerance?: number;
  /** Edge of the starting simplex in every coordinate (default 0.5, i.e. a factor e^0.5 on log-parameters). */
  step?: number;
  /** Start the search again from its own best point this many times, a cheap guard against a stall (default 2). */
  restarts?: number;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

/**
 * Minimise `f` from `start` by Nelder–Mead (reflection 1, expansion 2, contraction ½, shrink ½).
 * A non-finite value is treated as +Infinity, so the search steps back from regions where the
 * likelihood under- or overflows.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const maxIterations = options.maxIterations ?? 5000;
  const restarts = options.restarts ?? 2;
  let best = runOnce(f, start, options, maxIterations);
  let total = best.iterations;
  for (let i = 0; i < restarts && total < maxIterations; i++) {
    const again = runOnce(f, best.x, options, maxIterations - total);
    total += again.iterations;
    const improved = again.value < best.value - (options.fTolerance ?? 1e-10);
    if (again.value <= best.value) best = again;
    if (!improved) break;
  }
  return { ...best, iterations: total };
}

function runOnce(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions,
  maxIterations: number,
): MinimizeResult {
  const n = start.length;
  const fTol = options.fTolerance ?? 1e-10;
  const xTol = options.xTolerance ?? 1e-8;
  const step = options.step ?? 0.5;
  const value = (x: readonly number[]): number => {
    const y = f(x);
    return Number.isFinite(y) ? y : Infinity;
  };

  const simplex: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const vertex = start.slice();
    vertex[i] = vertex[i]! + step;
    simplex.push(vertex);
  }
  const values = simplex.map(value);
  const order = simplex.map((_, i) => i);

  let iterations = 0;
  let converged = false;
  const centroid = new Array<number>(n);
  const along = (towards: number, from: readonly number[]): number[] =>
    centroid.map((c, j) => c + towards * (from[j]! - c));

  while (iterations < maxIterations) {
    order.sort((i, j) => values[i]! - values[j]!);
    const bestI = order[0]!;
    const worstI = order[n]!;
    const secondWorstI = order[n - 1]!;

    if (Math.abs(values[worstI]! - values[bestI]!) <= fTol && spread(simplex, bestI) <= xTol) {
      converged = true;
      break;
    }
    iterations++;

    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const vertex = simplex[order[k]!]!;
      for (let j = 0; j < n; j++) centroid[j]! += vertex[j]! / n;
    }
    const worst = simplex[worstI]!;
    const reflected = along(-1, worst);
    const fr = value(reflected);
    if (fr < values[bestI]!) {
      const expanded = along(-2, worst);
      const fe = value(expanded);
      if (fe < fr) replace(worstI, expanded, fe);
      else replace(worstI, reflected, fr);
    } else if (fr < values[secondWorstI]!) {
      replace(worstI, reflected, fr);
    } else {
      const outside = fr < values[worstI]!;
      const contracted = outside ? along(-0.5, worst) : along(0.5, worst);
      const fc = value(contracted);
      if (fc < (outside ? fr : values[worstI]!)) {
        replace(worstI, contracted, fc);
      } else {
        const bestVertex = simplex[bestI]!;
        for (const i of order.slice(1)) {
          const shrunk = simplex[i]!.map((x, j) => bestVertex[j]! + 0.5 * (x - bestVertex[j]!));
          replace(i, shrunk, value(shrunk));
        }
      }
    }
  }
  order.sort((i, j) => values[i]! - values[j]!);
  return { x: simplex[order[0]!]!, value: values[order[0]!]!, iterations, converged };

  function replace(i: number, x: number[], fx: number): void {
    simplex[i] = x;
    values[i] = fx;
  }
}

function spread(simplex: readonly number[][], bestI: number): number {
  const best = simplex[bestI]!;
  let max = 0;
  for (const vertex of simplex) {
    for (let j = 0; j < best.length; j++) max = Math.max(max, Math.abs(vertex[j]! - best[j]!));
  }
  return max;
}
