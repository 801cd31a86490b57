/**
 * Reads what the Insights page shows from the crm: every customer's metrics and purchase facts, a page at a
 * time with a pause between pages so a 10,000-customer tenant never blocks the page for long. Purchase
 * activities are not read: the cohorts need only each customer's first and last purchase (compute-cohorts.ts). No DOM: it
 * runs the same in Node (tests) and the browser.
 */
import type { Crm } from '@crmkit/core';
import type { CohortCustomer, Transaction } from '@crmkit/analytics';
import { InsightsTally, type TallyFigures } from './compute-tally.js';
import { factsAsPurchases, retentionByChannel, type CohortMatrix } from './compute-cohorts.js';

export type InsightsPhase = 'models' | 'customers' | 'cohorts';

export interface InsightsProgress {
  phase: InsightsPhase;
  done: number;
  total: number;
}

export interface InsightsFigures extends TallyFigures {
  cohorts: CohortMatrix;
  /** When the lifetime value and churn models were fitted (ISO), if they were. */
  fittedAt?: string;
  /** Whether this load had to fit the models first (they were missing or fitted on far fewer buyers). */
  refitted: boolean;
  /** Why there are no model figures at all: the analytics plugin is switched off (with the host's reason) or absent. */
  analyticsOff?: { reason: string };
}

/** The analytics plugin's state as the crm's plugin host reports it; undefined when it is active. */
export function analyticsOff(crm: Crm): { reason: string } | undefined {
  const status = crm.plugins.status().find((plugin) => plugin.id === 'analytics');
  if (status?.state === 'active') return undefined;
  return {
    reason: status?.error ? `${status.error.phase}: ${status.error.message}` : (status?.state ?? 'not installed'),
  };
}

export interface LoadInsightsOptions {
  /** Customers per read (default 100): one read and its metrics is the longest stretch without a pause. */
  pageSize?: number;
  onProgress?: (progress: InsightsProgress) => void;
  signal?: AbortSignal;
  /** The analytics plugin's currency (the demo's is TRY). */
  currency?: string;
}

/** The part of @crmkit/analytics' plugin that the page relies on. */
interface AnalyticsHandle {
  ready(): Promise<unknown>;
  refit(): Promise<unknown>;
  models(): { customers: number; fittedAt: string } | undefined;
}

/** The crm's analytics plugin, if it is installed and active. */
export function analyticsOf(crm: Crm): AnalyticsHandle | undefined {
  if (!crm.plugins.isActive('analytics')) return undefined;
  const plugin = crm.host.plugin('analytics') as Partial<AnalyticsHandle> | undefined;
  if (typeof plugin?.refit !== 'function' || typeof plugin.ready !== 'function' || typeof plugin.models !== 'function')
    return undefined;
  return plugin as AnalyticsHandle;
}

const refittedOnce = new WeakSet<Crm>();

/**
 * The plugin fits when the crm starts. The demo seeds after that on a first start, so the fit found no purchase
 * and no customer has a predicted value, churn risk or RFM segment. Fit again when the models are missing or
 * were fitted on fewer than 90 % of today's buyers; once per crm, so customers whose purchases were imported
 * without activities (which the models cannot see) do not cause a fit on every visit.
 */
export async function ensureModels(
  crm: Crm,
  onFitting?: () => void,
): Promise<{ refitted: boolean; fittedAt?: string }> {
  const analytics = analyticsOf(crm);
  if (!analytics) return { refitted: false };
  await analytics.ready().catch(() => undefined);
  let models = analytics.models();
  let refitted = false;
  if (!refittedOnce.has(crm)) {
    const buyers = (await crm.customers.count({ 'lifecycle.purchases': { gte: 1 } })).count;
    if (buyers > 0 && (!models || models.customers < buyers * 0.9)) {
      refittedOnce.add(crm);
      onFitting?.();
      await analytics.refit();
      models = analytics.models();
      refitted = true;
    }
  }
  return models ? { refitted, fittedAt: models.fittedAt } : { refitted };
}

/** Gives the browser a turn (input, paint) between pages of work. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('aborted', 'AbortError');
}

export async function loadInsights(crm: Crm, options: LoadInsightsOptions = {}): Promise<InsightsFigures> {
  const { onProgress, signal } = options;
  const pageSize = options.pageSize ?? 100;
  const currency = options.currency ?? 'TRY';

  const models = await ensureModels(crm, () => onProgress?.({ phase: 'models', done: 0, total: 1 }));
  throwIfAborted(signal);

  const tally = new InsightsTally();
  const cohortCustomers: CohortCustomer[] = [];
  const purchases: Transaction[] = [];
  const customerTotal = (await crm.customers.count()).count;
  let cursor: string | undefined;
  let done = 0;
  onProgress?.({ phase: 'customers', done, total: customerTotal });
  do {
    const page = await crm.customers.query({ limit: pageSize, cursor });
    throwIfAborted(signal);
    for (const customer of page.items) {
      purchases.push(...factsAsPurchases(customer.id, customer.lifecycle, currency));
      tally.add(crm.metrics.attach(customer).metrics, (customer.lifecycle?.purchases ?? 0) > 0);
      // Only what the cohorts read: 10,000 whole customers would be held for nothing.
      cohortCustomers.push(
        customer.acquisition ? { id: customer.id, acquisition: customer.acquisition } : { id: customer.id },
      );
    }
    done += page.items.length;
    onProgress?.({ phase: 'customers', done, total: Math.max(done, customerTotal) });
    cursor = page.nextCursor;
    await yieldToMain();
    throwIfAborted(signal);
  } while (cursor);

  onProgress?.({ phase: 'cohorts', done: 0, total: 1 });
  const off = analyticsOff(crm);
  const cohorts = retentionByChannel(cohortCustomers, purchases, { period: 'quarter' });
  return {
    ...tally.figures(),
    cohorts,
    refitted: models.refitted,
    ...(off ? { analyticsOff: off } : {}),
    ...(models.fittedAt ? { fittedAt: models.fittedAt } : {}),
  };
}
