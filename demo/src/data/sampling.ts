/**
 * Draws from the distributions the demo's customer base is made of, on top of one seeded uniform generator, so
 * that a seed always gives the same customers.
 */
import { gamma, random } from '../../../bench/support/random.js';

export { gamma, normal } from '../../../bench/support/random.js';

export type Uniform = () => number;

/** The generator of one customer: their index mixed into the seed, so that customer 7 is the same at any size. */
export function customerRandom(seed: number, index: number): Uniform {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return random((h ^ (h >>> 16)) | 0);
}

export function beta(rng: Uniform, a: number, b: number): number {
  const x = gamma(rng, a, 1);
  return x / (x + gamma(rng, b, 1));
}

/** Waiting time of a Poisson process with this rate. */
export function exponential(rng: Uniform, rate: number): number {
  return -Math.log(1 - rng()) / rate;
}

/** Poisson(mean) by counting arrivals; the means here are small. */
export function poisson(rng: Uniform, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

export function pick<T>(rng: Uniform, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** One of `entries` with probability proportional to its weight. */
export function weighted<T>(rng: Uniform, entries: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, weight] of entries) total += weight;
  let x = rng() * total;
  for (const [value, weight] of entries) {
    x -= weight;
    if (x < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

export function chance(rng: Uniform, probability: number): boolean {
  return rng() < probability;
}

/** An integer in [min, max]. */
export function between(rng: Uniform, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}
