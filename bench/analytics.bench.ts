/**
 * @crmkit/analytics in Node: `pnpm bench analytics` (or `pnpm exec tsx bench/analytics.bench.ts`).
 * The cases and what they print are in analytics-cases.ts; the Chromium run is analytics.browser.bench.ts.
 */
import { analyticsBench } from './analytics-cases.js';

await analyticsBench((line) => console.log(line), `Node ${process.version}`, { worker: false });
