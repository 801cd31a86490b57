/**
 * @crmkit/analytics in Chromium, run by bench/run.mjs (`pnpm bench analytics`). Same cases as the Node run
 * (analytics-cases.ts), plus the fit through `fitInWorker` in a module worker.
 */
import { analyticsBench } from './analytics-cases.js';

export default async function run(log: (line: string) => void): Promise<void> {
  await analyticsBench(log, `Chromium (${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'unknown'})`, {
    worker: true,
  });
}
