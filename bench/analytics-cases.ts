/**
 * The analytics benchmark cases, shared by the Node run (analytics.bench.ts) and the Chromium run
 * (analytics.browser.bench.ts), so both print the same figures for the same work:
 *
 * 1. BG/NBD + Gamma-Gamma fitted on CDNOW (2,357 customers, the fixture in packages/analytics/test): target
 *    < 200 ms each runtime; in Chromium also through `fitInWorker` (a module worker, start-up included).
 * 2. 100,000 customers simulated from known parameters (seeded): fit both models, then score every customer
 *    (P(alive), churn risk and a 12-period CLV).
 * 3. 1,000,000 rows: RFM scores and segments, NPS (score and interval), NPS by touchpoint.
 *
 * There is no peer to divide by: the BTYD packages are Python (lifetimes, btyd) and a fresh machine has no
 * Python (decision 0039). Each fit prints its parameters next to the time, so a fast wrong answer shows.
 */
import {
  churnRisk,
  fitBgNbd,
  fitGammaGamma,
  fitInWorker,
  fitModels,
  nps,
  npsBy,
  predictClv,
  rfmScores,
  rfmSegment,
  summarizeTransactions,
  type RfmInput,
} from '../packages/analytics/src/index.js';
import {
  CDNOW_CALIBRATION_END,
  cdnowSampleTransactions,
  random,
  simulateCustomers,
} from '../packages/analytics/test/support.js';

type Log = (line: string) => void;

const TARGET_MS = 200;

/** Best wall time of `runs` runs after one warm-up, in ms. */
async function best<T>(runs: number, f: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await f();
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = await f();
    ms = Math.min(ms, performance.now() - start);
  }
  return { ms, value };
}

/** One timed run, in ms. */
async function once<T>(f: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await f();
  return { ms: performance.now() - start, value };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const p3 = (value: number) => value.toFixed(3);

export async function analyticsBench(log: Log, runtime: string, options: { worker: boolean }): Promise<void> {
  log(`@crmkit/analytics benchmark in ${runtime}`);

  // 1. CDNOW.
  const rows = summarizeTransactions(cdnowSampleTransactions(), {
    unit: 'week',
    observationEnd: CDNOW_CALIBRATION_END,
    later: 'ignore',
  });
  const bg = await best(5, () => fitBgNbd(rows));
  const gg = await best(5, () => fitGammaGamma(rows));
  const both = await best(5, () => fitModels(rows));
  log('');
  log(`CDNOW, ${rows.length} customers (best of 5)`);
  log(
    `  fit BG/NBD                 ${ms(bg.ms).padStart(10)}   r ${p3(bg.value.r)} α ${p3(bg.value.alpha)} a ${p3(bg.value.a)} b ${p3(bg.value.b)} LL ${bg.value.logLikelihood.toFixed(2)}`,
  );
  log(
    `  fit Gamma-Gamma            ${ms(gg.ms).padStart(10)}   p ${p3(gg.value.p)} q ${p3(gg.value.q)} γ ${p3(gg.value.gamma)}`,
  );
  log(
    `  fit both                   ${ms(both.ms).padStart(10)}   target < ${TARGET_MS} ms: ${both.ms < TARGET_MS ? 'met' : 'MISSED'} (${(both.ms / TARGET_MS).toFixed(2)} of the budget)`,
  );
  if (options.worker) {
    const worker = await best(3, () => fitInWorker(rows));
    log(
      `  fit both in a Web Worker   ${ms(worker.ms).padStart(10)}   thread: ${worker.value.thread} (worker start-up and message copies included)`,
    );
  }

  // 2. 100,000 simulated customers.
  const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const spend = { p: 6.25, q: 3.74, gamma: 15.44 };
  const simulated = simulateCustomers(truth, 100_000, (i) => 13 + (i % 40), 42, spend);
  const fit = await once(() => fitModels(simulated));
  const models = { bgNbd: fit.value.bgNbd, gammaGamma: fit.value.gammaGamma };
  const score = await once(() => {
    let clv = 0;
    let risk = 0;
    for (const row of simulated) {
      risk += churnRisk(models.bgNbd, row).risk;
      clv += predictClv(models, row, { horizon: 52, periods: 12, discountRate: 0.01 });
    }
    return { clv, risk };
  });
  log('');
  log('100,000 simulated customers (one run)');
  log(
    `  fit BG/NBD + Gamma-Gamma   ${ms(fit.ms).padStart(10)}   r ${p3(models.bgNbd.r)} α ${p3(models.bgNbd.alpha)} a ${p3(models.bgNbd.a)} b ${p3(models.bgNbd.b)} (true 0.243 4.414 0.793 2.426)`,
  );
  log(
    `  score churn risk + CLV     ${ms(score.ms).padStart(10)}   mean risk ${(score.value.risk / simulated.length).toFixed(3)}, total 52-week CLV ${score.value.clv.toFixed(0)}`,
  );

  // 3. One million rows.
  const rand = random(7);
  const N = 1_000_000;
  const rfmRows: RfmInput[] = new Array<RfmInput>(N);
  const scores: number[] = new Array<number>(N);
  const touchpoints = ['store-visit', 'web-order', 'support', 'repair-pickup', 'delivery'];
  const responses: { score: number; touchpoint: string }[] = new Array<{ score: number; touchpoint: string }>(N);
  for (let i = 0; i < N; i++) {
    rfmRows[i] = {
      customerId: `c${i}`,
      recencyDays: Math.floor(rand() * 730),
      orders: 1 + Math.floor(-Math.log(1 - rand()) * 3),
      amount: Math.round(-Math.log(1 - rand()) * 20_000) / 100,
    };
    const s = Math.min(10, Math.floor(rand() * 12));
    scores[i] = s;
    responses[i] = { score: s, touchpoint: touchpoints[i % touchpoints.length]! };
  }
  const rfm = await once(() => {
    const scored = rfmScores(rfmRows, { bins: 5 });
    const counts = new Map<string, number>();
    for (const row of scored) {
      const name = rfmSegment(row);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return counts;
  });
  const score1m = await best(3, () => nps(scores));
  const byTouchpoint = await best(3, () => npsBy(responses, 'touchpoint'));
  log('');
  log('1,000,000 rows');
  log(`  RFM scores + segments      ${ms(rfm.ms).padStart(10)}   (one run) ${rfm.value.size} segments`);
  log(
    `  NPS of 1M answers          ${ms(score1m.ms).padStart(10)}   (best of 3) score ${score1m.value.score!.toFixed(1)} ± ${(1.96 * score1m.value.standardError!).toFixed(2)}`,
  );
  log(
    `  NPS by touchpoint          ${ms(byTouchpoint.ms).padStart(10)}   (best of 3) ${byTouchpoint.value.length} groups`,
  );
}
