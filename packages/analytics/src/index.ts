/**
 * @crmkit/analytics — customer analytics for crmkit: NPS, RFM, BG/NBD, Gamma-Gamma, lifetime value, churn
 * risk, lifecycle stage, loyalty ladder and cohort retention, as functions over plain data (no DOM, no
 * storage), plus the `analytics` plugin that puts them on every customer as computed metrics. Runs the same
 * in browsers, workers and Node. Bad input throws a `CrmValidationError` (from @crmkit/core) naming each
 * offending row and field; nothing is half-computed.
 */
export {
  summarizeTransactions,
  type Transaction,
  type CustomerSummary,
  type SummarizeOptions,
} from './transactions.js';
export {
  fitBgNbd,
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesAt,
  bgNbdPAlive,
  bgNbdUnconditionalExpected,
  bgNbdLogLikelihood,
  type BgNbdParams,
  type BgNbdFit,
  type BgNbdFitOptions,
  type PurchaseHistory,
} from './bgnbd.js';
export {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  type GammaGammaParams,
  type GammaGammaFit,
  type GammaGammaFitOptions,
  type SpendHistory,
} from './gamma-gamma.js';
export {
  predictClv,
  historicalClv,
  retentionClv,
  type ClvModels,
  type PredictClvOptions,
  type HistoricalClv,
  type RetentionClvInput,
} from './clv.js';
export { churnRisk, CHURN_DRIVERS, type ChurnRisk, type ChurnExplanation, type ChurnDriver } from './churn.js';
export {
  nps,
  npsTrend,
  npsBy,
  npsCategory,
  npsFromCounts,
  NPS_CATEGORIES,
  NPS_SCALE,
  type NpsResult,
  type NpsCounts,
  type NpsCategory,
  type NpsGroup,
  type NpsTrendPoint,
  type NpsResponseLike,
} from './nps.js';
export {
  rfmScores,
  rfmCutPoints,
  rfmScore,
  rfmSegment,
  rfmSegmentRule,
  rfmFromTransactions,
  RFM_SEGMENTS,
  RF_SEGMENTS,
  RFM_OTHERS,
  type RfmInput,
  type RfmRow,
  type RfmScores,
  type RfmCuts,
  type RfmOptions,
  type RfmBins,
  type RfmSegmentRule,
  type RfmFromTransactionsOptions,
} from './rfm.js';
export {
  lifecycleStage,
  orderTrend,
  LIFECYCLE_STAGES,
  LIFECYCLE_REASONS,
  DEFAULT_LIFECYCLE_RULES,
  type LifecycleStage,
  type LifecycleReason,
  type LifecycleFacts,
  type LifecycleRules,
  type LifecycleResult,
} from './lifecycle.js';
export {
  loyaltyLadder,
  LOYALTY_RUNGS,
  LADDER_REASONS,
  DEFAULT_LADDER_RULES,
  type LoyaltyRung,
  type LadderReason,
  type LadderFacts,
  type LadderRules,
  type LadderResult,
} from './ladder.js';
export {
  cohortRetention,
  COHORT_PERIODS,
  type CohortPeriod,
  type CohortCustomer,
  type CohortRetentionOptions,
  type CohortRetention,
  type CohortRow,
  type CohortGroupCurve,
} from './cohorts.js';
export {
  transactionsFromSalesDocuments,
  transactionsFromPurchases,
  npsByTouchpoint,
  PURCHASE_STATUSES,
  type TransactionsFromSalesOptions,
  type PurchaseActivityLike,
} from './from-crm.js';
export { fitModels, type ModelRow, type FitModelsOptions, type FittedModels } from './fit-models.js';
export { fitInWorker, type FitInWorkerOptions, type FitInWorkerResult } from './fit-in-worker.js';
export { analyticsPlugin, type AnalyticsPlugin, type AnalyticsPluginOptions, type AnalyticsModels } from './plugin.js';
export { PERIODS, periodIndex, periodLabel, type DateInput, type Period } from './time.js';
export { lnGamma, lnAbsGamma, hyp2f1 } from './math/special.js';
export {
  nelderMead,
  bfgs,
  type MinimizeOptions,
  type MinimizeResult,
  type BfgsOptions,
  type GradientResult,
} from './math/optimize.js';
export { quantileSorted } from './math/quantile.js';
