/**
 * The per-customer figures the Insights page counts (RFM segment, predicted lifetime value, VIP tier, churn
 * risk), added up a page of customers at a time so the page never holds more than numbers. No DOM, no crm.
 */
import { RFM_OTHERS, RFM_SEGMENTS } from '@crmkit/analytics';
import { VIP_TIERS, type VipTier } from '@crmkit/plugin-vip-tier';
import {
  amountHistogram,
  churnDistribution,
  nearestRank,
  type ChurnDistribution,
  type HistogramBin,
} from './compute-bins.js';

/** The RFM segment names in the analytics package's order (best first), `Others` last. */
export const RFM_NAMES: readonly string[] = [...RFM_SEGMENTS.map((rule) => rule.name), RFM_OTHERS];

/** The key of an RFM segment in the analytics plugin's messages (`analytics.rfm.<key>`). */
export function rfmKey(name: string): string {
  return (RFM_SEGMENTS.find((rule) => rule.name === name)?.id ?? 'others').replace(/_/g, '-');
}

/** What the tally reads of `crm.metrics.attach(customer).metrics`. */
export interface MetricValuesLike {
  clv?: unknown;
  churnRisk?: unknown;
  rfmSegment?: unknown;
  vipTier?: unknown;
}

export interface CountedBar<K extends string = string> {
  key: K;
  count: number;
}

export interface ClvFigures {
  bins: HistogramBin[];
  /** Customers with a predicted value. */
  predicted: number;
  /** Customers without one (no purchase yet, or the model has not converged). */
  unpredicted: number;
  median: number | undefined;
  mean: number | undefined;
  total: number;
}

export interface TallyFigures {
  customers: number;
  /** Customers with at least one purchase: without any, a chart has nothing to show; with some, the models should. */
  buyers: number;
  rfm: { segments: CountedBar[]; unscored: number };
  clv: ClvFigures;
  vip: { tiers: CountedBar<VipTier>[]; none: number };
  churn: ChurnDistribution & { unscored: number };
}

export class InsightsTally {
  private customers = 0;
  private buyers = 0;
  private readonly rfm = new Map<string, number>();
  private rfmUnscored = 0;
  private readonly clv: number[] = [];
  private readonly vip = new Map<VipTier, number>();
  private vipNone = 0;
  private readonly churn: number[] = [];

  add(metrics: MetricValuesLike, bought = false): void {
    this.customers++;
    if (bought) this.buyers++;
    const { clv, churnRisk, rfmSegment, vipTier } = metrics;
    if (typeof rfmSegment === 'string') this.rfm.set(rfmSegment, (this.rfm.get(rfmSegment) ?? 0) + 1);
    else this.rfmUnscored++;
    if (typeof clv === 'number' && Number.isFinite(clv)) this.clv.push(clv);
    if (typeof vipTier === 'string' && (VIP_TIERS as readonly string[]).includes(vipTier))
      this.vip.set(vipTier as VipTier, (this.vip.get(vipTier as VipTier) ?? 0) + 1);
    else this.vipNone++;
    if (typeof churnRisk === 'number' && Number.isFinite(churnRisk)) this.churn.push(churnRisk);
  }

  figures(options: { clvBins?: number } = {}): TallyFigures {
    // Segments the plugin does not know (a newer analytics version, say) still count, after the known ones.
    const names = [...RFM_NAMES, ...[...this.rfm.keys()].filter((name) => !RFM_NAMES.includes(name)).sort()];
    const sortedClv = [...this.clv].sort((a, b) => a - b);
    const total = sortedClv.reduce((sum, value) => sum + value, 0);
    const churn = churnDistribution(this.churn);
    return {
      customers: this.customers,
      buyers: this.buyers,
      rfm: { segments: names.map((key) => ({ key, count: this.rfm.get(key) ?? 0 })), unscored: this.rfmUnscored },
      clv: {
        bins: amountHistogram(sortedClv, { maxBins: options.clvBins ?? 8 }),
        predicted: sortedClv.length,
        unpredicted: this.customers - sortedClv.length,
        median: median(sortedClv),
        mean: sortedClv.length ? total / sortedClv.length : undefined,
        total,
      },
      vip: { tiers: VIP_TIERS.map((key) => ({ key, count: this.vip.get(key) ?? 0 })), none: this.vipNone },
      churn: { ...churn, unscored: this.customers - churn.total },
    };
  }
}

function median(sorted: readonly number[]): number | undefined {
  if (sorted.length === 0) return undefined;
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : nearestRank(sorted, 0.5);
}
