/**
 * Computed metrics: values per customer contributed by plugins (VIP tier, lifetime value, churn risk…). Each is
 * a pure function of declared inputs, so results are cached per customer revision; a metric that throws or
 * runs too long is contained by the plugin host and simply has no value.
 */
import type { Owned, PluginHost } from './plugins/plugin-host.js';
import type { CrmMetrics, MetricContribution, MetricResult } from './plugins/types.js';
import type { Customer } from './schemas/index.js';
import { getPath } from './storage/query-helpers.js';

export type MetricValues = Partial<CrmMetrics> & Record<string, unknown>;
export type CustomerWithMetrics = Customer & { metrics: MetricValues };

/** Enough for every customer of a large tenant; entries are small (a few values per customer). */
const CACHE_LIMIT = 250_000;

function isResult(value: unknown): value is MetricResult {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'value');
}

export class MetricsEngine {
  private cache = new Map<string, Record<string, MetricResult>>();
  private ordered: Owned<MetricContribution>[] | undefined;

  constructor(
    private readonly host: PluginHost,
    private readonly announce: () => void = () => {},
  ) {}

  /** The metrics in an order where every `metrics.x` input is computed before it is read. */
  private order(): Owned<MetricContribution>[] {
    if (this.ordered) return this.ordered;
    const all = this.host.contributions.metrics;
    const byId = new Map(all.map((metric) => [metric.id, metric]));
    const done = new Set<string>();
    const ordered: Owned<MetricContribution>[] = [];
    const visit = (metric: Owned<MetricContribution>, trail: Set<string>) => {
      if (done.has(metric.id) || trail.has(metric.id)) return; // a cycle reads undefined rather than looping
      trail.add(metric.id);
      for (const input of metric.inputs) {
        const dependency = input.startsWith('metrics.') ? byId.get(input.slice(8)) : undefined;
        if (dependency) visit(dependency, trail);
      }
      done.add(metric.id);
      ordered.push(metric);
    };
    for (const metric of all) visit(metric, new Set());
    this.ordered = ordered;
    return ordered;
  }

  definitions(): readonly Owned<MetricContribution>[] {
    return this.host.active(this.host.contributions.metrics);
  }

  /** Every active metric for one customer, with its explanation where the metric gives one. */
  compute(customer: Customer): Record<string, MetricResult> {
    const key = `${customer.id}@${customer.rev}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const results: Record<string, MetricResult> = {};
    for (const metric of this.order()) {
      if (!this.host.isActive(metric.pluginId)) continue;
      const inputs: Record<string, unknown> = {};
      for (const input of metric.inputs) {
        inputs[input] = input.startsWith('metrics.') ? results[input.slice(8)]?.value : getPath(customer, input);
      }
      const raw = this.host.run(metric.pluginId, 'metric', () => metric.compute(inputs, customer), undefined);
      if (raw === undefined) continue;
      results[metric.id] = isResult(raw) ? raw : { value: raw };
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, results);
    return results;
  }

  /** The customer with `metrics` filled in, as segments and the card read it. */
  attach(customer: Customer): CustomerWithMetrics {
    const values: Record<string, unknown> = {};
    for (const [id, result] of Object.entries(this.compute(customer))) values[id] = result.value;
    return { ...customer, metrics: values };
  }

  /** Forget cached values, e.g. after a plugin refitted its model. */
  invalidate(): void {
    this.cache.clear();
    this.announce();
  }
}
