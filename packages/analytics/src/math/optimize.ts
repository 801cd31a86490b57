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

export interface GradientResult {
  value: number;
  gradient: number[];
}

export interface BfgsOptions {
  /** Stop after this many iterations (default 200). */
  maxIterations?: number;
  /** Converged when every gradient component is below this in absolute value (default 1e-7). */
  gradientTolerance?: number;
}

/**
 * Minimise `f` (value and gradient) from `start` by BFGS: a quasi-Newton method that builds an inverse Hessian
 * from successive gradients, with a backtracking (Armijo) line search. Steps into non-finite values are
 * shortened. `converged` is true only when the gradient has vanished to the tolerance.
 */
export function bfgs(f: (x: readonly number[]) => GradientResult, start: readonly number[], options: BfgsOptions = {}) {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 200;
  const gTol = options.gradientTolerance ?? 1e-7;
  let x = start.slice();
  let current = f(x);
  if (!Number.isFinite(current.value) || !current.gradient.every(Number.isFinite)) {
    return { x, value: current.value, iterations: 0, converged: false };
  }
  // Inverse Hessian, row-major; identity until the first step scales it.
  let H = identity(n);
  let iterations = 0;
  while (iterations < maxIterations) {
    const g = current.gradient;
    if (Math.max(...g.map(Math.abs)) < gTol) return { x, value: current.value, iterations, converged: true };
    iterations++;
    let direction = multiply(H, g).map((v) => -v);
    let slope = dot(direction, g);
    if (!(slope < 0)) {
      // Not a descent direction (the estimate went bad): restart from steepest descent.
      H = identity(n);
      direction = g.map((v) => -v);
      slope = dot(direction, g);
    }
    let step = 1;
    let next: GradientResult | undefined;
    let candidate = x;
    for (let halvings = 0; halvings < 60; halvings++, step /= 2) {
      candidate = x.map((xi, i) => xi + step * direction[i]!);
      const trial = f(candidate);
      if (
        Number.isFinite(trial.value) &&
        trial.gradient.every(Number.isFinite) &&
        trial.value <= current.value + 1e-4 * step * slope
      ) {
        next = trial;
        break;
      }
    }
    if (!next) return { x, value: current.value, iterations, converged: false };
    const s = candidate.map((ci, i) => ci - x[i]!);
    const y = next.gradient.map((gi, i) => gi - g[i]!);
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (iterations === 1) H = scale(identity(n), sy / dot(y, y));
      H = update(H, s, y, sy);
    }
    x = candidate;
    current = next;
  }
  const converged = Math.max(...current.gradient.map(Math.abs)) < gTol;
  return { x, value: current.value, iterations, converged };
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function scale(m: number[][], k: number): number[][] {
  return m.map((row) => row.map((v) => v * k));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i]! * b[i]!;
  return total;
}

function multiply(m: number[][], v: readonly number[]): number[] {
  return m.map((row) => dot(row, v));
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / (yᵀ s). */
function update(H: number[][], s: number[], y: number[], sy: number): number[][] {
  const rho = 1 / sy;
  const Hy = multiply(H, y);
  const yHy = dot(y, Hy);
  const n = s.length;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      row.push(H[i]![j]! - rho * (s[i]! * Hy[j]! + Hy[i]! * s[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!);
    }
    out.push(row);
  }
  return out;
}
