/**
 * Churn risk: 1 − P(alive) from BG/NBD, with what drove it. The model's odds that a customer has dropped
 * out split exactly into two factors, so the explanation is the model's own arithmetic, not a story:
 *
 *   ln odds(dead) = ln(a / (b + x − 1))              ← how many repeat purchases (frequency)
 *                 + (r + x) · ln((α + T) / (α + tₓ))  ← the silence since the last purchase (recency vs T)
 */
import { bgNbdPAlive, type BgNbdParams, type PurchaseHistory } from './bgnbd.js';

export const CHURN_DRIVERS = ['no_repeat_purchase', 'silence', 'few_purchases'] as const;
export type ChurnDriver = (typeof CHURN_DRIVERS)[number];

export interface ChurnExplanation {
  /** The row's inputs. */
  frequency: number;
  recency: number;
  T: number;
  /** T − recency: time since the last purchase, in the model's unit. */
  sinceLastPurchase: number;
  /** recency / frequency: the customer's mean time between purchases (undefined without a repeat purchase). */
  usualGap?: number;
  /** Contribution of the purchase count to ln odds(dead): ln(a / (b + x − 1)); 0 without a repeat purchase. */
  frequencyLogOdds: number;
  /** Contribution of the silence since the last purchase: (r + x) · ln((α + T)/(α + tₓ)) ≥ 0. */
  silenceLogOdds: number;
  /**
   * What moved the risk most: `silence` when the silence term outweighs the purchase-count term (in absolute
   * log-odds), else `few_purchases` (the dropout odds that more purchases would lower); `no_repeat_purchase`
   * when the model gives risk 0.
   */
  driver: ChurnDriver;
  /** One sentence per language for the card. */
  summary: { en: string; tr: string };
}

export interface ChurnRisk {
  /** 1 − P(alive), from 0 to 1. */
  risk: number;
  pAlive: number;
  explanation: ChurnExplanation;
}

const UNITS = {
  day: { en: 'days', tr: 'gün' },
  week: { en: 'weeks', tr: 'hafta' },
  none: { en: 'time units', tr: 'zaman birimi' },
} as const;

const pct = (value: number) => `${(100 * value).toFixed(0)}%`;
const num = (value: number) => (Math.round(value * 10) / 10).toString();

/**
 * The churn risk of one customer (1 − P(alive)) and its explanation. BG/NBD lets customers drop out only
 * right after a purchase, so a customer who never bought again has risk 0 in the model; the explanation
 * says so rather than hiding it (decision 0035 has the lifecycle rules that treat long silence anyway).
 */
export function churnRisk(
  params: BgNbdParams,
  row: PurchaseHistory,
  options: { unit?: 'day' | 'week' } = {},
): ChurnRisk {
  const pAlive = bgNbdPAlive(params, row); // validates both
  const { r, alpha, a, b } = params;
  const { frequency: x, recency, T } = row;
  const sinceLastPurchase = T - recency;
  const frequencyLogOdds = x > 0 ? Math.log(a / (b + x - 1)) : 0;
  const silenceLogOdds = x > 0 ? (r + x) * Math.log((alpha + T) / (alpha + recency)) : 0;
  const usualGap = x > 0 ? recency / x : undefined;
  const driver: ChurnDriver =
    x === 0 ? 'no_repeat_purchase' : silenceLogOdds > Math.abs(frequencyLogOdds) ? 'silence' : 'few_purchases';
  const risk = 1 - pAlive;
  const units = UNITS[options.unit ?? 'none'];
  const summary =
    driver === 'no_repeat_purchase'
      ? {
          en: `No repeat purchase yet: the model counts a customer as lost only after a repeat purchase, so the risk is ${pct(risk)}.`,
          tr: `Henüz tekrar alışveriş yok: model bir müşteriyi ancak tekrar alışverişten sonra kayıp sayar, risk ${pct(risk)}.`,
        }
      : driver === 'silence'
        ? {
            en: `${pct(risk)} risk, mostly from the silence: ${num(sinceLastPurchase)} ${units.en} since the last purchase, against a usual gap of ${num(usualGap!)} ${units.en}.`,
            tr: `%${(100 * risk).toFixed(0)} risk, çoğu sessizlikten: son alışverişten bu yana ${num(sinceLastPurchase)} ${units.tr}, olağan aralık ${num(usualGap!)} ${units.tr}.`,
          }
        : {
            en: `${pct(risk)} risk, mostly from few purchases: ${x} repeat purchase${x === 1 ? '' : 's'} in ${num(T)} ${units.en}.`,
            tr: `%${(100 * risk).toFixed(0)} risk, çoğu az alışverişten: ${num(T)} ${units.tr} içinde ${x} tekrar alışveriş.`,
          };
  const explanation: ChurnExplanation = {
    frequency: x,
    recency,
    T,
    sinceLastPurchase,
    frequencyLogOdds,
    silenceLogOdds,
    driver,
    summary,
  };
  if (usualGap !== undefined) explanation.usualGap = usualGap;
  return { risk, pAlive, explanation };
}
