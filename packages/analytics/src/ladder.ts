/**
 * The loyalty ladder (Christopher, Payne & Ballantyne): prospect → customer → client → supporter →
 * advocate → partner. Each rung is read by documented rules from what the CRM records — purchases, the
 * latest NPS answer, referrals, a partnership flag — and carries the reason (decision 0035).
 */
import { IssueCollector } from './validate.js';

export const LOYALTY_RUNGS = ['prospect', 'customer', 'client', 'supporter', 'advocate', 'partner'] as const;
export type LoyaltyRung = (typeof LOYALTY_RUNGS)[number];

export const LADDER_REASONS = [
  'partner_flag',
  'no_purchase',
  'one_purchase',
  'promoter_who_refers',
  'promoter',
  'passive',
  'refers_others',
  'repeat_buyer',
] as const;
export type LadderReason = (typeof LADDER_REASONS)[number];

export interface LadderFacts {
  /** Purchases so far. */
  purchases: number;
  /** The customer's latest NPS answer (0–10), if any. */
  npsScore?: number;
  /** Customers they referred. */
  referrals?: number;
  /** A formal partnership (co-development, reseller, ambassador contract…), recorded by hand. */
  partner?: boolean;
}

export interface LadderRules {
  /** Purchases from which a customer is a client, a repeat buyer (default 2). */
  clientFromPurchases?: number;
  /** The NPS answer from which a client is a supporter (default 7: passives and promoters). */
  supporterFromNps?: number;
  /** The NPS answer of a promoter (default 9). */
  promoterFromNps?: number;
  /** Referrals that make a promoter an advocate (default 1). */
  advocateFromReferrals?: number;
}

export const DEFAULT_LADDER_RULES: Readonly<Required<LadderRules>> = Object.freeze({
  clientFromPurchases: 2,
  supporterFromNps: 7,
  promoterFromNps: 9,
  advocateFromReferrals: 1,
});

export interface LadderResult {
  rung: LoyaltyRung;
  reason: LadderReason;
  explanation: { en: string; tr: string };
}

/**
 * The customer's rung. Rules, in order, first match wins:
 *
 * 1. the partner flag → partner;
 * 2. no purchase → prospect; fewer than `clientFromPurchases` → customer;
 * 3. a promoter (NPS ≥ `promoterFromNps`) who referred at least `advocateFromReferrals` people → advocate;
 * 4. a promoter who has not referred anyone, a passive (NPS ≥ `supporterFromNps`), or someone who referred
 *    others without a promoter's answer → supporter;
 * 5. otherwise → client.
 *
 * What a customer says only lifts repeat buyers: a one-time buyer who loves the first order is a customer.
 */
export function loyaltyLadder(facts: LadderFacts, rules: LadderRules = {}): LadderResult {
  const issues = new IssueCollector('loyaltyLadder');
  const o = readRules(issues, rules);
  let purchases = 0;
  let nps: number | undefined;
  let referrals = 0;
  if (issues.record(facts, [])) {
    purchases = issues.number(facts.purchases, ['purchases'], { min: 0, integer: true }) ?? 0;
    if (facts.npsScore !== undefined)
      nps = issues.number(facts.npsScore, ['npsScore'], { min: 0, max: 10, integer: true });
    if (facts.referrals !== undefined)
      referrals = issues.number(facts.referrals, ['referrals'], { min: 0, integer: true }) ?? 0;
    if (facts.partner !== undefined && typeof facts.partner !== 'boolean')
      issues.add(['partner'], 'expected a boolean', 'invalid_type');
  }
  issues.throwIfAny();

  const result = (rung: LoyaltyRung, reason: LadderReason, en: string, tr: string): LadderResult => ({
    rung,
    reason,
    explanation: { en, tr },
  });
  if (facts.partner === true)
    return result('partner', 'partner_flag', 'Recorded as a partner.', 'Ortak olarak kayıtlı.');
  if (purchases === 0) return result('prospect', 'no_purchase', 'No purchase yet.', 'Henüz alışveriş yok.');
  if (purchases < o.clientFromPurchases)
    return result(
      'customer',
      'one_purchase',
      `${purchases} purchase; a client from ${o.clientFromPurchases}.`,
      `${purchases} alışveriş; ${o.clientFromPurchases} alışverişten itibaren sürekli müşteri.`,
    );
  const promoter = nps !== undefined && nps >= o.promoterFromNps;
  if (promoter && referrals >= o.advocateFromReferrals)
    return result(
      'advocate',
      'promoter_who_refers',
      `A promoter (NPS ${nps}) who referred ${referrals} ${referrals === 1 ? 'person' : 'people'}.`,
      `${referrals} kişiyi yönlendirmiş, tavsiye eden bir müşteri (NPS ${nps}).`,
    );
  if (promoter)
    return result(
      'supporter',
      'promoter',
      `A repeat buyer and promoter (NPS ${nps}) who has not referred anyone yet.`,
      `Tekrar alışveriş yapan ve tavsiye eden, henüz kimseyi yönlendirmemiş müşteri (NPS ${nps}).`,
    );
  if (nps !== undefined && nps >= o.supporterFromNps)
    return result(
      'supporter',
      'passive',
      `A repeat buyer who is satisfied (NPS ${nps}).`,
      `Memnun, tekrar alışveriş yapan müşteri (NPS ${nps}).`,
    );
  if (referrals >= o.advocateFromReferrals)
    return result(
      'supporter',
      'refers_others',
      `Referred ${referrals} ${referrals === 1 ? 'person' : 'people'}, without a promoter's NPS answer.`,
      `${referrals} kişiyi yönlendirdi, ancak NPS yanıtı tavsiye eden düzeyinde değil.`,
    );
  return result('client', 'repeat_buyer', `${purchases} purchases.`, `${purchases} alışveriş.`);
}

function readRules(issues: IssueCollector, rules: LadderRules): Required<LadderRules> {
  const d = DEFAULT_LADDER_RULES;
  if (!issues.record(rules, ['rules'])) return { ...d };
  const read = (key: keyof LadderRules, options: { min?: number; max?: number; integer?: boolean }) =>
    issues.number(rules[key] ?? d[key], ['rules', key], options) ?? d[key];
  return {
    clientFromPurchases: read('clientFromPurchases', { min: 1, integer: true }),
    supporterFromNps: read('supporterFromNps', { min: 0, max: 10, integer: true }),
    promoterFromNps: read('promoterFromNps', { min: 0, max: 10, integer: true }),
    advocateFromReferrals: read('advocateFromReferrals', { min: 1, integer: true }),
  };
}
