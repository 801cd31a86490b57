import type { Consent, ConsentChannel, Customer } from '@crmkit/core';
import type { MetricResult } from '@crmkit/core';

/** How much the card shows: `full` (everything) or `compact` (who, consents and actions, for lists and sidebars). */
export const CARD_VARIANTS = ['full', 'compact'] as const;
export type CardVariant = (typeof CARD_VARIANTS)[number];

/** What the card loads for one customer. */
export interface CardData {
  customer: Customer;
  consents: Partial<Record<ConsentChannel, Consent>>;
  metrics: Record<string, MetricResult>;
}

/** The metrics the card knows to show first, in this order; any other metric follows them. */
export const METRIC_ORDER = ['lifecycle', 'ladder', 'vipTier', 'clv', 'pAlive', 'churnRisk', 'nps', 'rfmSegment'];
