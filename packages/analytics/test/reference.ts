/**
 * Test helpers: the public reference data in `shared/reference/` (beside the repository, see its README)
 * and a seeded BG/NBD simulator.
 *
 * The reference files are read from disk, so the tests that need them run in Node; in a browser
 * `readReference` returns undefined and those tests skip themselves. In Node a missing file is an error,
 * never a silent skip.
 */
import type { readFileSync as ReadFileSync } from 'node:fs';
import type { Transaction } from '@crmkit/analytics';

export const inNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

export async function readReference(path: string): Promise<string | undefined> {
  if (!inNode) return undefined;
  // Kept out of static analysis so that the browser bundle never tries to resolve node:fs.
  const fsModule = 'node:fs';
  const { readFileSync } = (await import(/* @vite-ignore */ fsModule)) as { readFileSync: typeof ReadFileSync };
  const url = new URL(`../../../../shared/reference/${path}`, import.meta.url);
  try {
    return readFileSync(url, 'utf8');
  } catch (error) {
    throw new Error(`reference data ${path} is missing: shared/ must sit beside the repository`, { cause: error });
  }
}

export interface CdnowSummaryRow {
  id: string;
  frequency: number;
  recency: number;
  T: number;
}

/** cdnow/cdnow_customers_summary.csv: the 2,357 customers' (frequency, recency, T) in weeks. */
export async function cdnowSummary(): Promise<CdnowSummaryRow[] | undefined> {
  const text = await readReference('cdnow/cdnow_customers_summary.csv');
  if (text === undefined) return undefined;
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id, frequency, recency, T] = line.split(',');
      return { id: id!, frequency: Number(frequency), recency: Number(recency), T: Number(T) };
    });
}

/** cdnow/CDNOW_sample.txt: 6,919 purchases of those customers, keyed by the sample id (1…2357). */
export async function cdnowSampleTransactions(): Promise<Transaction[] | undefined> {
  const text = await readReference('cdnow/CDNOW_sample.txt');
  if (text === undefined) return undefined;
  return text
    .trim()
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

function normal(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, scale = 1) by Marsaglia & Tsang. */
function gamma(rand: () => number, shape: number): number {
  if (shape < 1) return gamma(rand, shape + 1) * Math.pow(1 - rand(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rand);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rand();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Customers drawn from a BG/NBD model, each observed for T time units after their first purchase. */
export function simulateBgNbd(
  params: { r: number; alpha: number; a: number; b: number },
  customers: number,
  T: number,
  seed = 1,
): { frequency: number; recency: number; T: number }[] {
  const rand = random(seed);
  const out: { frequency: number; recency: number; T: number }[] = [];
  for (let i = 0; i < customers; i++) {
    const lambda = gamma(rand, params.r) / params.alpha;
    const ga = gamma(rand, params.a);
    const p = ga / (ga + gamma(rand, params.b));
    let t = 0;
    let frequency = 0;
    let recency = 0;
    for (;;) {
      t += -Math.log(1 - rand()) / lambda;
      if (t > T) break;
      frequency++;
      recency = t;
      if (rand() < p) break; // drops out right after this purchase
    }
    out.push({ frequency, recency, T });
  }
  return out;
}
