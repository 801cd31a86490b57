/**
 * @crmkit/analytics — customer analytics for crmkit, as pure functions over plain data: no DOM, no
 * storage, no network. Runs the same in browsers, workers and Node. Bad input throws a
 * `CrmValidationError` (from @crmkit/core) naming each offending field path; nothing is half-computed.
 */
export * from './nps.js';
export * from './rfm.js';
export * from './transactions.js';
export * from './bgnbd.js';
export * from './gamma-gamma.js';
export * from './clv.js';
export * from './lifecycle.js';
export * from './ladder.js';
export * from './cohorts.js';
export * from './from-crm.js';
export { PERIODS, periodIndex, periodLabel, daysPerUnit, type DateInput, type Period, type TimeUnit } from './time.js';
export { lnGamma, hyp2f1 } from './math/special.js';
export { nelderMead, type MinimizeOptions, type MinimizeResult } from './math/optimize.js';
export { quantileSorted } from './math/quantile.js';
