/**
 * The VIP tier of a customer, from their lifetime value: the predicted value (`metrics.clv`, from the analytics
 * plugin) when there is one, else what they have spent so far (`lifecycle.totalSpent`). The thresholds are the
 * vendor's, per client, in the client's currency.
 */
import { definePlugin, formatMoney, type CrmPlugin, type LocalizedText } from '@crmkit/core';

export const VIP_TIERS = ['standard', 'silver', 'gold', 'platinum'] as const;
export type VipTier = (typeof VIP_TIERS)[number];

declare module '@crmkit/core' {
  interface CrmMetrics {
    vipTier: VipTier;
  }
}

export interface VipTierOptions {
  /** The lowest lifetime value of each tier above `standard`. Default: silver 10,000, gold 50,000, platinum 150,000. */
  thresholds?: { silver: number; gold: number; platinum: number };
  /** The currency of the thresholds and of the values compared with them. Default `TRY`. */
  currency?: string;
}

const LABELS: Record<VipTier, LocalizedText> = {
  standard: { en: 'Standard', tr: 'Standart' },
  silver: { en: 'Silver', tr: 'Gümüş' },
  gold: { en: 'Gold', tr: 'Altın' },
  platinum: { en: 'Platinum', tr: 'Platin' },
};

export function vipTierFor(value: number, thresholds: NonNullable<VipTierOptions['thresholds']>): VipTier {
  if (value >= thresholds.platinum) return 'platinum';
  if (value >= thresholds.gold) return 'gold';
  if (value >= thresholds.silver) return 'silver';
  return 'standard';
}

export function vipTierPlugin(options: VipTierOptions = {}): CrmPlugin {
  const thresholds = options.thresholds ?? { silver: 10_000, gold: 50_000, platinum: 150_000 };
  const currency = options.currency ?? 'TRY';
  if (!(thresholds.silver < thresholds.gold && thresholds.gold < thresholds.platinum) || thresholds.silver < 0) {
    throw new RangeError('vip-tier thresholds must rise: 0 ≤ silver < gold < platinum');
  }
  return definePlugin({
    id: 'vip-tier',
    version: '0.1.0',
    kit: '^0.1.0',
    register(ctx) {
      ctx.metrics.add<VipTier>({
        id: 'vipTier',
        label: { en: 'VIP tier', tr: 'VIP seviyesi' },
        type: 'enum',
        enumValues: VIP_TIERS,
        format: 'text',
        inputs: ['metrics.clv', 'lifecycle.totalSpent'],
        compute(inputs) {
          const predicted = typeof inputs['metrics.clv'] === 'number' ? inputs['metrics.clv'] : undefined;
          const spent = typeof inputs['lifecycle.totalSpent'] === 'number' ? inputs['lifecycle.totalSpent'] : undefined;
          const basis = predicted ?? spent;
          if (basis === undefined) return undefined;
          const tier = vipTierFor(basis, thresholds);
          const next = VIP_TIERS[VIP_TIERS.indexOf(tier) + 1] as Exclude<VipTier, 'standard'> | undefined;
          const money = (locale: 'en' | 'tr') => formatMoney(basis, currency, locale);
          const source =
            predicted !== undefined
              ? { en: 'predicted lifetime value', tr: 'öngörülen yaşam boyu değer' }
              : { en: 'total spent so far', tr: 'bugüne kadarki toplam harcama' };
          return {
            value: tier,
            explanation: {
              summary: {
                en: `${LABELS[tier].en}: ${source.en} of ${money('en')}${next ? `; ${LABELS[next].en} from ${formatMoney(thresholds[next], currency, 'en')}` : ''}.`,
                tr: `${LABELS[tier].tr}: ${source.tr} ${money('tr')}${next ? `; ${LABELS[next].tr} için ${formatMoney(thresholds[next], currency, 'tr')}` : ''}.`,
              },
              factors: [
                { label: { en: 'Silver from', tr: 'Gümüş' }, value: thresholds.silver },
                { label: { en: 'Gold from', tr: 'Altın' }, value: thresholds.gold },
                { label: { en: 'Platinum from', tr: 'Platin' }, value: thresholds.platinum },
              ],
            },
          };
        },
      });
      ctx.segments.addField({
        path: 'metrics.vipTier',
        label: { en: 'VIP tier', tr: 'VIP seviyesi' },
        type: 'enum',
        enumValues: VIP_TIERS,
        group: 'analytics',
      });
      ctx.i18n.add({
        en: Object.fromEntries(VIP_TIERS.map((tier) => [`vipTier.${tier}`, LABELS[tier].en])),
        tr: Object.fromEntries(VIP_TIERS.map((tier) => [`vipTier.${tier}`, LABELS[tier].tr])),
      });
    },
  });
}
