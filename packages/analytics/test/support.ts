/**
 * Test helpers: the reference data from `fixtures/` (imported, so the tests run the same in Node and in
 * Chromium on any clone) and seeded simulators of the models.
 */
import type { Transaction } from '@crmkit/analytics';
import { CDNOW_SAMPLE_TXT } from './fixtures/cdnow-sample.js';
import { CDNOW_SUMMARY_CSV } from './fixtures/cdnow-summary.js';
import { gamma } from '../../../bench/support/random.js';

export interface CdnowSummaryRow {
  id: string;
  frequency: number;
  recency: number;
  T: number;
}

/** The 2,357 CDNOW customers' (frequency, recency, T) in weeks, as published. */
export function cdnowSummary(): CdnowSummaryRow[] {
  return CDNOW_SUMMARY_CSV.trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id, frequency, recency, T] = line.split(',');
      return { id: id!, frequency: Number(frequency), recency: Number(recency), T: Number(T) };
    });
}

/** The 6,919 CDNOW purchases, keyed by the sample id (1…2357) that the summary uses. */
export function cdnowSampleTransactions(): Transaction[] {
  return CDNOW_SAMPLE_TXT.trim()
    .split('\n')
    .map((line) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
      return {
        customerId: String(Number(sampleId)),
        at: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`,
        amount: Number(dollars),
      };
    });
}

/** CDNOW's calibration period ends on 1997-09-30 (week 39 of the cohort's first purchases). */
export const CDNOW_CALIBRATION_END = '1997-09-30';

/** A small deterministic PRNG (mulberry32), so simulated data sets are the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, scale = 1), from the shared seeded samplers. */
export function gammaVariate(rand: () => number, shape: number): number {
  return gamma(rand, shape);
}

export interface SimulatedCustomer {
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}

/**
 * Customers drawn from BG/NBD (and, when `spend` is given, their repeat spend from Gamma-Gamma), each
 * observed for T time units after their first purchase (T may be a function of the customer's index).
 */
export function simulateCustomers(
  params: { r: number; alpha: number; a: number; b: number },
  customers: number,
  T: number | ((i: number) => number),
  seed = 1,
  spend?: { p: number; q: number; gamma: number },
): SimulatedCustomer[] {
  const rand = random(seed);
  const out: SimulatedCustomer[] = [];
  for (let i = 0; i < customers; i++) {
    const age = typeof T === 'number' ? T : T(i);
    const lambda = gammaVariate(rand, params.r) / params.alpha;
    const ga = gammaVariate(rand, params.a);
    const p = ga / (ga + gammaVariate(rand, params.b));
    let t = 0;
    let frequency = 0;
    let recency = 0;
    for (;;) {
      t += -Math.log(1 - rand()) / lambda;
      if (t > age) break;
      frequency++;
      recency = t;
      if (rand() < p) break; // drops out right after this purchase
    }
    let monetaryValue = 0;
    if (spend && frequency > 0) {
      const nu = gammaVariate(rand, spend.q) / spend.gamma;
      let total = 0;
      for (let k = 0; k < frequency; k++) total += gammaVariate(rand, spend.p) / nu;
      monetaryValue = total / frequency;
    }
    out.push({ frequency, recency, T: age, monetaryValue });
  }
  return out;
}
