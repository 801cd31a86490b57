/**
 * The analytics plugin: puts the models on every customer as computed metrics (`metrics.clv`,
 * `metrics.pAlive`, `metrics.churnRisk`, `metrics.rfmSegment`, `metrics.lifecycle`, `metrics.ladder`,
 * `metrics.nps`, `metrics.historicalClv`), each with an explanation, and offers them to segments.
 *
 * Metrics are pure functions of declared customer fields, cached per revision (decision 0006), so the
 * purchase facts live on the customer: an `after` hook on purchase activities keeps `customer.lifecycle`
 * (first and last purchase, count, total, currency) up to date, and one on NPS responses keeps
 * `custom.lastNpsScore`. The fitted model parameters, the RFM cut points and the day they were fitted to
 * are the plugin's state; `init` and `refit()` replace them and call `crm.metrics.invalidate()`
 * (decision 0030).
 */
import {
  DateTimeSchema,
  NpsResponseSchema,
  definePlugin,
  formatMoney,
  type Crm,
  type CrmPlugin,
  type Currency,
  type Customer,
  type LocalizedText,
  type MetricExplanation,
  type MetricResult,
  type WriteEvent,
} from '@crmkit/core';
import { bgNbdPAlive, type BgNbdFit } from './bgnbd.js';
import { churnRisk } from './churn.js';
import { predictClv } from './clv.js';
import { fitInWorker, type FitInWorkerResult } from './fit-in-worker.js';
import { transactionsFromPurchases, type PurchaseActivityLike } from './from-crm.js';
import type { GammaGammaFit } from './gamma-gamma.js';
import { LOYALTY_RUNGS, loyaltyLadder, type LadderRules, type LoyaltyRung } from './ladder.js';
import { LIFECYCLE_STAGES, lifecycleStage, type LifecycleRules, type LifecycleStage } from './lifecycle.js';
import { NPS_CATEGORIES, type NpsCategory } from './nps.js';
import { RFM_OTHERS, RFM_SEGMENTS, rfmCutPoints, rfmScore, rfmSegmentRule, type RfmCuts } from './rfm.js';
import { MS_PER_DAY } from './time.js';
import { summarizeTransactions, type Transaction } from './transactions.js';

declare module '@crmkit/core' {
  interface CrmMetrics {
    /** Predicted lifetime value over the plugin's horizon, in `lifecycle.currency`. */
    clv: number;
    /** What the customer's purchases so far were worth (total spent × margin). */
    historicalClv: number;
    /** P(alive) from BG/NBD, 0–1. */
    pAlive: number;
    /** 1 − P(alive), 0–1. */
    churnRisk: number;
    /** The R package rfm's segment name (`Champions`, …, `Others`). */
    rfmSegment: string;
    lifecycle: 'acquisition' | 'development' | 'retention' | 'decline';
    ladder: 'prospect' | 'customer' | 'client' | 'supporter' | 'advocate' | 'partner';
    /** The category of the customer's latest NPS answer. */
    nps: 'detractor' | 'passive' | 'promoter';
  }
  interface CrmCustomFields {
    /** The customer's latest NPS answer (0–10), kept by the analytics plugin. */
    lastNpsScore?: number;
    /** When it was given. */
    lastNpsAt?: string;
  }
}

export interface AnalyticsPluginOptions {
  /** The one currency analysed (decision 0037); purchases in others are left out. Default `TRY`. */
  currency?: Currency;
  /** Time unit of the models: `'week'` (default) or `'day'`. */
  unit?: 'day' | 'week';
  /** Predicted CLV: horizon in days (default 365), cut into `periods` (12), discounted per period, margin. */
  clv?: { horizonDays?: number; periods?: number; discountRate?: number; margin?: number };
  lifecycle?: LifecycleRules;
  ladder?: LadderRules;
  /** RFM bins (default 5; the named segments assume 5). */
  rfmBins?: number;
  /** The clock (default `() => new Date()`): the end of observation of each fit. */
  now?: () => Date;
  /** How to fit (default `fitInWorker`: a Web Worker in browsers, this thread in Node). */
  fit?: (rows: Parameters<typeof fitInWorker>[0]) => Promise<Pick<FitInWorkerResult, 'bgNbd' | 'gammaGamma'>>;
  /**
   * Whether `init` waits for the first fit (default false: `init` writes the purchase facts and returns, the
   * fit goes on in the background and `ready()` tells when it is done). A large customer base fits in
   * seconds, longer than core lets `init` take (`limits.hookTimeoutMs`, 2 s by default).
   */
  waitForFit?: boolean;
}

/** What the plugin holds after a fit. */
export interface AnalyticsModels {
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  rfmCuts: RfmCuts;
  /** The end of observation of the fit (ISO date-time). */
  fittedAt: string;
  /** Customers with a purchase the models were fitted on. */
  customers: number;
}

export interface AnalyticsPlugin extends CrmPlugin {
  /** Fits the models again from the stored purchases and recomputes every metric. */
  refit(): Promise<AnalyticsModels | undefined>;
  /** The current models, undefined before the first fit (or when there is no purchase to fit on). */
  models(): AnalyticsModels | undefined;
  /** Settles when the fit under way (the first one, or a `refit()`) is done; rejects if it failed. */
  ready(): Promise<AnalyticsModels | undefined>;
}

const METRIC_IDS = ['clv', 'historicalClv', 'pAlive', 'churnRisk', 'rfmSegment', 'lifecycle', 'ladder', 'nps'] as const;
const RFM_NAMES = [...RFM_SEGMENTS.map((rule) => rule.name), RFM_OTHERS];

const INPUTS = [
  'lifecycle.firstPurchaseAt',
  'lifecycle.lastPurchaseAt',
  'lifecycle.purchases',
  'lifecycle.totalSpent',
  'lifecycle.currency',
] as const;

/** en/tr labels of the metrics, the stages, the rungs, the NPS categories and the RFM segments. */
const LABELS = {
  clv: { en: 'Predicted lifetime value', tr: 'Öngörülen yaşam boyu değer' },
  historicalClv: { en: 'Lifetime value so far', tr: 'Bugüne kadarki yaşam boyu değer' },
  pAlive: { en: 'Probability still active', tr: 'Hâlâ aktif olma olasılığı' },
  churnRisk: { en: 'Churn risk', tr: 'Kayıp riski' },
  rfmSegment: { en: 'RFM segment', tr: 'RFM segmenti' },
  lifecycle: { en: 'Lifecycle stage', tr: 'Yaşam döngüsü evresi' },
  ladder: { en: 'Loyalty ladder', tr: 'Sadakat merdiveni' },
  nps: { en: 'Latest NPS', tr: 'Son NPS' },
} satisfies Record<(typeof METRIC_IDS)[number], LocalizedText>;

const STAGE_LABELS: Record<LifecycleStage, LocalizedText> = {
  acquisition: { en: 'Acquisition', tr: 'Edinim' },
  development: { en: 'Development', tr: 'Gelişim' },
  retention: { en: 'Retention', tr: 'Elde tutma' },
  decline: { en: 'Decline', tr: 'Düşüş' },
};
const RUNG_LABELS: Record<LoyaltyRung, LocalizedText> = {
  prospect: { en: 'Prospect', tr: 'Aday' },
  customer: { en: 'Customer', tr: 'Müşteri' },
  client: { en: 'Client', tr: 'Sürekli müşteri' },
  supporter: { en: 'Supporter', tr: 'Destekçi' },
  advocate: { en: 'Advocate', tr: 'Savunucu' },
  partner: { en: 'Partner', tr: 'Ortak' },
};
const NPS_LABELS: Record<NpsCategory, LocalizedText> = {
  detractor: { en: 'Detractor', tr: 'Kötüleyen' },
  passive: { en: 'Passive', tr: 'Pasif' },
  promoter: { en: 'Promoter', tr: 'Destekleyen' },
};
const RFM_TR: Record<string, string> = {
  Champions: 'Şampiyonlar',
  'Potential Loyalist': 'Potansiyel Sadıklar',
  'Loyal Customers': 'Sadık Müşteriler',
  Promising: 'Umut Vaat Edenler',
  'New Customers': 'Yeni Müşteriler',
  "Can't Lose Them": 'Kaybedilemezler',
  'At Risk': 'Risk Altında',
  'Need Attention': 'İlgi Gerektirenler',
  'About To Sleep': 'Uyumak Üzere',
  Lost: 'Kaybedilenler',
  Others: 'Diğerleri',
};
const rfmKey = (name: string) => (RFM_SEGMENTS.find((rule) => rule.name === name)?.id ?? 'others').replace(/_/g, '-');

/** The purchase facts kept on `customer.lifecycle`. */
interface PurchaseFacts {
  firstPurchaseAt?: string;
  lastPurchaseAt?: string;
  purchases: number;
  totalSpent: number;
  currency: Currency;
}

/**
 * The analytics plugin. `analyticsPlugin({ currency: 'TRY' })` in `createCrm({ plugins })`; it fits on
 * `init` and whenever `refit()` is called (e.g. nightly), and keeps each customer's purchase facts current
 * as purchases are recorded.
 */
export function analyticsPlugin(options: AnalyticsPluginOptions = {}): AnalyticsPlugin {
  const currency: Currency = options.currency ?? 'TRY';
  const unit = options.unit ?? 'week';
  const unitDays = unit === 'week' ? 7 : 1;
  const clv = {
    horizon: (options.clv?.horizonDays ?? 365) / unitDays,
    periods: options.clv?.periods ?? 12,
    discountRate: options.clv?.discountRate ?? 0.01,
    margin: options.clv?.margin ?? 1,
  };
  const now = options.now ?? (() => new Date());
  const fit = options.fit ?? ((rows) => fitInWorker(rows));
  const rfmBins = options.rfmBins ?? 5;
  if (!(clv.horizon > 0) || !(clv.margin >= 0 && clv.margin <= 1) || !(clv.discountRate >= 0))
    throw new RangeError('analytics: clv.horizonDays must be > 0, clv.margin within 0–1, clv.discountRate ≥ 0');
  if (currency.length !== 3) throw new RangeError('analytics: currency must be an ISO 4217 code such as TRY');

  let models: AnalyticsModels | undefined;
  let crmRef: Crm | undefined;

  /** The BG/NBD/Gamma-Gamma row of a customer from their stored facts, measured to the model's end. */
  const rowOf = (inputs: Readonly<Record<string, unknown>>) => {
    const purchases = inputs['lifecycle.purchases'];
    const first = inputs['lifecycle.firstPurchaseAt'];
    const last = inputs['lifecycle.lastPurchaseAt'];
    const total = inputs['lifecycle.totalSpent'];
    if (typeof purchases !== 'number' || purchases < 1 || typeof first !== 'string' || typeof last !== 'string')
      return undefined;
    if (inputs['lifecycle.currency'] !== undefined && inputs['lifecycle.currency'] !== currency) return undefined;
    const firstDay = dayOf(first);
    const lastDay = dayOf(last);
    const observed = models?.fittedAt ?? observedTo;
    const endDay = Math.max(observed ? dayOf(observed) : lastDay, lastDay);
    const frequency = purchases - 1;
    return {
      frequency,
      recency: frequency > 0 ? (lastDay - firstDay) / unitDays : 0,
      T: (endDay - firstDay) / unitDays,
      // The mean of all purchases stands in for the mean repeat purchase: the customer keeps no per-purchase
      // amounts (decision 0030).
      monetaryValue: typeof total === 'number' ? total / purchases : 0,
      sinceLastDays: endDay - lastDay,
      total: typeof total === 'number' ? total : 0,
      purchases,
      endDay,
    };
  };

  const explained = <V>(value: V, summary: LocalizedText, factors?: MetricExplanation['factors']): MetricResult<V> => ({
    value,
    explanation: factors ? { summary, factors } : { summary },
  });
  const money = (amount: number, locale: 'en' | 'tr') => formatMoney(amount, currency, locale);
  const fittedOn = (m: AnalyticsModels) => ({
    label: { en: 'Model fitted on', tr: 'Modelin dayandığı müşteri' },
    value: `${m.customers} (${m.fittedAt.slice(0, 10)})`,
  });

  let pending: Promise<AnalyticsModels | undefined> = Promise.resolve(undefined);
  /** The end of observation of the last init or refit, even when there was nothing to fit. */
  let observedTo: string | undefined;

  function refit(): Promise<AnalyticsModels | undefined> {
    const crm = crmRef;
    if (!crm) return Promise.reject(new Error('analytics: refit() needs the plugin installed in a crm (after init)'));
    const end = now();
    observedTo = end.toISOString();
    pending = (async () => {
      const activities = (await crm.activities.all({ type: 'purchase' })) as PurchaseActivityLike[];
      return install(crm, await fitFrom(transactionsFromPurchases(activities, { currency }), end));
    })();
    return pending;
  }

  function install(crm: Crm, fitted: AnalyticsModels | undefined): AnalyticsModels | undefined {
    models = fitted;
    crm.metrics.invalidate();
    return fitted;
  }

  async function fitFrom(transactions: Transaction[], end: Date): Promise<AnalyticsModels | undefined> {
    if (transactions.length === 0) return undefined;
    const rows = summarizeTransactions(transactions, { unit, observationEnd: end, later: 'ignore' });
    const fitted = await fit(rows);
    const rfmCuts = rfmCutPoints(
      rows.map((row) => ({
        customerId: row.customerId,
        recencyDays: row.sinceLast * unitDays,
        orders: row.orders,
        amount: row.total,
      })),
      { bins: rfmBins },
    );
    return {
      bgNbd: fitted.bgNbd,
      gammaGamma: fitted.gammaGamma,
      rfmCuts,
      fittedAt: end.toISOString(),
      customers: rows.length,
    };
  }

  /** Recomputes one customer's purchase facts from their stored purchases; writes only on change. */
  async function refreshCustomer(crm: Crm, customerId: string): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const customer = await crm.customers.get(customerId);
      if (!customer) return;
      const activities = (await crm.activities.all({ customerId, type: 'purchase' })) as PurchaseActivityLike[];
      const facts = factsOf(transactionsFromPurchases(activities, { currency }), currency);
      if (sameFacts(customer, facts)) return;
      try {
        await crm.customers.put(withFacts(customer, facts));
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'conflict' || attempt === 2) throw error;
      }
    }
  }

  async function recordNps(crm: Crm, customerId: string, score: number, at: string): Promise<void> {
    const customer = await crm.customers.get(customerId);
    if (!customer) return;
    const stored = customer.custom.lastNpsAt;
    if (typeof stored === 'string' && stored > at) return;
    if (customer.custom.lastNpsScore === score && stored === at) return;
    await crm.customers.put({ ...customer, custom: { ...customer.custom, lastNpsScore: score, lastNpsAt: at } });
  }

  /**
   * Start-up: the purchase facts and the latest NPS answer of every customer, written where they drifted (purchases
   * stored while the plugin was not installed, say). Returns the purchases for the first fit.
   */
  async function reconcile(crm: Crm): Promise<Transaction[]> {
    const [customers, activities, responses] = await Promise.all([
      crm.customers.all(),
      crm.activities.all({ type: 'purchase' }) as Promise<PurchaseActivityLike[]>,
      crm.npsResponses.all(),
    ]);
    const transactions = transactionsFromPurchases(activities, { currency });
    const byCustomer = new Map<string, Transaction[]>();
    for (const t of transactions) {
      const id = String(t.customerId);
      const list = byCustomer.get(id);
      if (list) list.push(t);
      else byCustomer.set(id, [t]);
    }
    const latestNps = new Map<string, { score: number; at: string }>();
    for (const response of responses) {
      const seen = latestNps.get(response.customerId);
      if (!seen || response.at > seen.at)
        latestNps.set(response.customerId, { score: response.score, at: response.at });
    }
    const changed: Customer[] = [];
    for (const customer of customers) {
      // Customers without purchase activities keep the facts they have (imported ones, say).
      const own = byCustomer.get(customer.id);
      const facts = own ? factsOf(own, currency) : undefined;
      let next = !facts || sameFacts(customer, facts) ? customer : withFacts(customer, facts);
      const nps = latestNps.get(customer.id);
      if (nps && (next.custom.lastNpsAt !== nps.at || next.custom.lastNpsScore !== nps.score))
        next = { ...next, custom: { ...next.custom, lastNpsScore: nps.score, lastNpsAt: nps.at } };
      if (next !== customer) changed.push(next);
    }
    for (let i = 0; i < changed.length; i += 500) {
      const batch = changed.slice(i, i + 500);
      try {
        await crm.customers.putMany(batch);
      } catch (error) {
        // The app wrote one of them since the read (the reconciliation now runs beside it): redo that batch one
        // customer at a time from fresh reads, so the app's change is kept and the facts still land.
        if ((error as { code?: string }).code !== 'conflict') throw error;
        for (const customer of batch) {
          await refreshCustomer(crm, customer.id);
          const nps = latestNps.get(customer.id);
          if (nps) await recordNps(crm, customer.id, nps.score, nps.at);
        }
      }
    }
    return transactions;
  }

  return definePlugin<AnalyticsPlugin>({
    id: 'analytics',
    version: '0.1.0',
    kit: '^0.1.0',
    refit,
    models: () => models,
    ready: () => pending,
    register(ctx) {
      ctx.fields.add({
        name: 'lastNpsScore',
        schema: NpsResponseSchema.shape.score,
        label: { en: 'Latest NPS answer', tr: 'Son NPS yanıtı' },
        type: 'number',
      });
      ctx.fields.add({
        name: 'lastNpsAt',
        schema: DateTimeSchema,
        label: { en: 'Latest NPS answer on', tr: 'Son NPS yanıt tarihi' },
        type: 'date',
      });

      ctx.metrics.add<number>({
        id: 'historicalClv',
        label: LABELS.historicalClv,
        type: 'number',
        format: 'currency',
        inputs: ['lifecycle.totalSpent', 'lifecycle.currency', 'lifecycle.purchases'],
        compute(inputs) {
          const total = inputs['lifecycle.totalSpent'];
          if (typeof total !== 'number') return undefined;
          if (inputs['lifecycle.currency'] !== undefined && inputs['lifecycle.currency'] !== currency) return undefined;
          const value = total * clv.margin;
          const purchases = typeof inputs['lifecycle.purchases'] === 'number' ? inputs['lifecycle.purchases'] : 0;
          return explained(
            value,
            {
              en: `${money(total, 'en')} spent over ${purchases} purchases${clv.margin < 1 ? `, at a ${Math.round(clv.margin * 100)}% margin` : ''}.`,
              tr: `${purchases} alışverişte ${money(total, 'tr')} harcandı${clv.margin < 1 ? `, %${Math.round(clv.margin * 100)} kâr marjıyla` : ''}.`,
            },
            [
              { label: { en: 'Total spent', tr: 'Toplam harcama' }, value: total },
              { label: { en: 'Purchases', tr: 'Alışveriş' }, value: purchases },
              { label: { en: 'Margin', tr: 'Kâr marjı' }, value: clv.margin },
            ],
          );
        },
      });

      ctx.metrics.add<number>({
        id: 'pAlive',
        label: LABELS.pAlive,
        type: 'number',
        format: 'percent',
        inputs: INPUTS,
        compute(inputs) {
          const row = rowOf(inputs);
          if (!row || !models?.bgNbd.converged) return undefined;
          const value = bgNbdPAlive(models.bgNbd, row);
          const pct = Math.round(value * 100);
          return explained(
            value,
            {
              en: `${pct}% likely to still be buying, from ${row.purchases} purchases, the last ${row.sinceLastDays} days ago (BG/NBD).`,
              tr: `${row.purchases} alışverişe ve son alışverişin ${row.sinceLastDays} gün önce olmasına göre hâlâ alışveriş yapma olasılığı %${pct} (BG/NBD).`,
            },
            [
              { label: { en: 'Repeat purchases', tr: 'Tekrar alışveriş' }, value: row.frequency },
              {
                label: { en: 'Days since last purchase', tr: 'Son alışverişten bu yana gün' },
                value: row.sinceLastDays,
              },
              { label: { en: 'Days as a customer', tr: 'Müşteri olunan gün' }, value: Math.round(row.T * unitDays) },
              fittedOn(models),
            ],
          );
        },
      });

      ctx.metrics.add<number>({
        id: 'churnRisk',
        label: LABELS.churnRisk,
        type: 'number',
        format: 'percent',
        inputs: INPUTS,
        compute(inputs) {
          const row = rowOf(inputs);
          if (!row || !models?.bgNbd.converged) return undefined;
          const { risk, explanation } = churnRisk(models.bgNbd, row, { unit });
          return explained(risk, explanation.summary, [
            { label: { en: 'Main driver', tr: 'Başlıca etken' }, value: explanation.driver },
            { label: { en: 'Repeat purchases (frequency)', tr: 'Tekrar alışveriş (sıklık)' }, value: row.frequency },
            {
              label: { en: 'Days since last purchase (recency)', tr: 'Son alışverişten bu yana gün (yakınlık)' },
              value: row.sinceLastDays,
            },
            {
              label: { en: 'Days as a customer (T)', tr: 'Müşteri olunan gün (T)' },
              value: Math.round(row.T * unitDays),
            },
            fittedOn(models),
          ]);
        },
      });

      ctx.metrics.add<number>({
        id: 'clv',
        label: LABELS.clv,
        type: 'number',
        format: 'currency',
        inputs: INPUTS,
        compute(inputs) {
          const row = rowOf(inputs);
          if (!row || !models?.bgNbd.converged || !models.gammaGamma.converged) return undefined;
          const value = predictClv({ bgNbd: models.bgNbd, gammaGamma: models.gammaGamma }, row, clv);
          const days = Math.round(clv.horizon * unitDays);
          return explained(
            value,
            {
              en: `Expected purchases in the next ${days} days times expected spend per purchase, discounted ${clv.discountRate * 100}% per period: ${money(value, 'en')}.`,
              tr: `Önümüzdeki ${days} günde beklenen alışveriş × alışveriş başına beklenen harcama, dönem başına %${clv.discountRate * 100} iskontoyla: ${money(value, 'tr')}.`,
            },
            [
              { label: { en: 'Repeat purchases', tr: 'Tekrar alışveriş' }, value: row.frequency },
              { label: { en: 'Average purchase', tr: 'Ortalama alışveriş' }, value: row.monetaryValue },
              { label: { en: 'Horizon (days)', tr: 'Ufuk (gün)' }, value: days },
              { label: { en: 'Margin', tr: 'Kâr marjı' }, value: clv.margin },
              fittedOn(models),
            ],
          );
        },
      });

      ctx.metrics.add<string>({
        id: 'rfmSegment',
        label: LABELS.rfmSegment,
        type: 'enum',
        enumValues: RFM_NAMES,
        format: 'text',
        inputs: INPUTS,
        compute(inputs) {
          const row = rowOf(inputs);
          if (!row || !models) return undefined;
          const scores = rfmScore(
            { recencyDays: row.sinceLastDays, orders: row.purchases, amount: row.total },
            models.rfmCuts,
          );
          const rule = rfmSegmentRule(scores);
          const name = rule?.name ?? RFM_OTHERS;
          return explained(
            name,
            {
              en: `${name}: recency ${scores.r}, frequency ${scores.f}, monetary ${scores.m} (1–5, against all customers).`,
              tr: `${RFM_TR[name] ?? name}: yakınlık ${scores.r}, sıklık ${scores.f}, parasal ${scores.m} (1–5, tüm müşterilere göre).`,
            },
            [
              { label: { en: 'Recency score', tr: 'Yakınlık puanı' }, value: scores.r },
              { label: { en: 'Frequency score', tr: 'Sıklık puanı' }, value: scores.f },
              { label: { en: 'Monetary score', tr: 'Parasal puan' }, value: scores.m },
            ],
          );
        },
      });

      ctx.metrics.add<LifecycleStage>({
        id: 'lifecycle',
        label: LABELS.lifecycle,
        type: 'enum',
        enumValues: LIFECYCLE_STAGES,
        format: 'text',
        inputs: [...INPUTS, 'metrics.pAlive'],
        compute(inputs) {
          const purchases = typeof inputs['lifecycle.purchases'] === 'number' ? inputs['lifecycle.purchases'] : 0;
          const first = inputs['lifecycle.firstPurchaseAt'];
          const last = inputs['lifecycle.lastPurchaseAt'];
          const pAlive = inputs['metrics.pAlive'];
          // Imported customers may count purchases without their dates: no stage, rather than an error that
          // would disable the whole plugin.
          if (purchases > 0 && typeof last !== 'string') return undefined;
          const asOf = models?.fittedAt ?? observedTo ?? (typeof last === 'string' ? last : new Date(0).toISOString());
          const result = lifecycleStage(
            {
              purchases,
              ...(typeof first === 'string' ? { firstPurchaseAt: first } : {}),
              ...(typeof last === 'string' ? { lastPurchaseAt: last } : {}),
              asOf: typeof last === 'string' && last > asOf ? last : asOf,
              ...(typeof pAlive === 'number' ? { pAlive } : {}),
            },
            options.lifecycle,
          );
          return explained(result.stage, result.explanation, [
            { label: { en: 'Reason', tr: 'Neden' }, value: result.reason },
            { label: { en: 'Purchases', tr: 'Alışveriş' }, value: purchases },
          ]);
        },
      });

      ctx.metrics.add<LoyaltyRung>({
        id: 'ladder',
        label: LABELS.ladder,
        type: 'enum',
        enumValues: LOYALTY_RUNGS,
        format: 'text',
        inputs: ['lifecycle.purchases', 'lifecycle.referrals', 'lifecycle.partner', 'custom.lastNpsScore'],
        compute(inputs) {
          const purchases = typeof inputs['lifecycle.purchases'] === 'number' ? inputs['lifecycle.purchases'] : 0;
          const referrals = typeof inputs['lifecycle.referrals'] === 'number' ? inputs['lifecycle.referrals'] : 0;
          const npsScore = inputs['custom.lastNpsScore'];
          const result = loyaltyLadder(
            {
              purchases,
              referrals,
              partner: inputs['lifecycle.partner'] === true,
              ...(typeof npsScore === 'number' ? { npsScore } : {}),
            },
            options.ladder,
          );
          return explained(result.rung, result.explanation, [
            { label: { en: 'Reason', tr: 'Neden' }, value: result.reason },
            { label: { en: 'Purchases', tr: 'Alışveriş' }, value: purchases },
            { label: { en: 'Referrals', tr: 'Yönlendirme' }, value: referrals },
            ...(typeof npsScore === 'number' ? [{ label: LABELS.nps, value: npsScore }] : []),
          ]);
        },
      });

      ctx.metrics.add<NpsCategory>({
        id: 'nps',
        label: LABELS.nps,
        type: 'enum',
        enumValues: NPS_CATEGORIES,
        format: 'text',
        inputs: ['custom.lastNpsScore', 'custom.lastNpsAt'],
        compute(inputs) {
          const score = inputs['custom.lastNpsScore'];
          if (typeof score !== 'number') return undefined;
          const category: NpsCategory = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
          const at = typeof inputs['custom.lastNpsAt'] === 'string' ? inputs['custom.lastNpsAt'].slice(0, 10) : '';
          return explained(
            category,
            {
              en: `${NPS_LABELS[category].en}: answered ${score} of 10${at ? ` on ${at}` : ''}.`,
              tr: `${NPS_LABELS[category].tr}: 10 üzerinden ${score} verdi${at ? ` (${at})` : ''}.`,
            },
            [{ label: { en: 'Score', tr: 'Puan' }, value: score }],
          );
        },
      });

      // Segment fields: every metric, grouped under Analytics.
      const group = 'analytics';
      ctx.segments.addField({ path: 'metrics.clv', label: LABELS.clv, type: 'number', group });
      ctx.segments.addField({ path: 'metrics.historicalClv', label: LABELS.historicalClv, type: 'number', group });
      ctx.segments.addField({ path: 'metrics.pAlive', label: LABELS.pAlive, type: 'number', group });
      ctx.segments.addField({ path: 'metrics.churnRisk', label: LABELS.churnRisk, type: 'number', group });
      ctx.segments.addField({
        path: 'metrics.rfmSegment',
        label: LABELS.rfmSegment,
        type: 'enum',
        enumValues: RFM_NAMES,
        group,
      });
      ctx.segments.addField({
        path: 'metrics.lifecycle',
        label: LABELS.lifecycle,
        type: 'enum',
        enumValues: LIFECYCLE_STAGES,
        group,
      });
      ctx.segments.addField({
        path: 'metrics.ladder',
        label: LABELS.ladder,
        type: 'enum',
        enumValues: LOYALTY_RUNGS,
        group,
      });
      ctx.segments.addField({
        path: 'metrics.nps',
        label: LABELS.nps,
        type: 'enum',
        enumValues: NPS_CATEGORIES,
        group,
      });

      ctx.i18n.add({
        en: messages('en'),
        tr: messages('tr'),
      });

      ctx.hooks.after('activities', async (event: WriteEvent) => {
        const doc = event.doc as { type?: string; customerId?: string; data?: unknown; at?: string };
        if (typeof doc.customerId !== 'string') return;
        if (doc.type === 'purchase') await refreshCustomer(event.crm, doc.customerId);
        else if (doc.type === 'nps' && event.op === 'put' && typeof doc.at === 'string') {
          const score = (doc.data as { score?: unknown } | undefined)?.score;
          if (typeof score === 'number') await recordNps(event.crm, doc.customerId, score, doc.at);
        }
      });
      ctx.hooks.after('npsResponses', async (event: WriteEvent) => {
        const doc = event.doc as { customerId: string; score: number; at: string };
        if (event.op === 'put') await recordNps(event.crm, doc.customerId, doc.score, doc.at);
      });
    },
    async init(crm) {
      crmRef = crm;
      const end = now();
      observedTo = end.toISOString();
      // Reading every purchase of a large customer base takes seconds, longer than core lets `init` take
      // (`limits.hookTimeoutMs`): the reconciliation runs with the fit, in the background, unless asked to wait.
      pending = reconcile(crm).then((transactions) =>
        fitFrom(transactions, end).then((fitted) => install(crm, fitted)),
      );
      if (options.waitForFit) await pending;
      // A background start that fails leaves the metrics without model values; ready() reports why.
      else pending.catch(() => undefined);
    },
  });
}

function dayOf(iso: string): number {
  return Math.floor(Date.parse(iso) / MS_PER_DAY);
}

function factsOf(transactions: readonly Transaction[], currency: Currency): PurchaseFacts {
  if (transactions.length === 0) return { purchases: 0, totalSpent: 0, currency };
  let first = transactions[0]!;
  let last = first;
  let total = 0;
  for (const t of transactions) {
    total += t.amount ?? 0;
    if (String(t.at) < String(first.at)) first = t;
    if (String(t.at) > String(last.at)) last = t;
  }
  return {
    firstPurchaseAt: String(first.at),
    lastPurchaseAt: String(last.at),
    purchases: transactions.length,
    totalSpent: Math.round(total * 100) / 100,
    currency,
  };
}

function sameFacts(customer: Customer, facts: PurchaseFacts): boolean {
  const l = customer.lifecycle ?? {};
  if (facts.purchases === 0 && l.purchases === undefined) return true;
  return (
    l.purchases === facts.purchases &&
    l.totalSpent === facts.totalSpent &&
    l.firstPurchaseAt === facts.firstPurchaseAt &&
    l.lastPurchaseAt === facts.lastPurchaseAt &&
    l.currency === facts.currency
  );
}

function withFacts(customer: Customer, facts: PurchaseFacts): Customer {
  const lifecycle = { ...customer.lifecycle, ...facts };
  if (facts.firstPurchaseAt === undefined) delete lifecycle.firstPurchaseAt;
  if (facts.lastPurchaseAt === undefined) delete lifecycle.lastPurchaseAt;
  return { ...customer, lifecycle };
}

function messages(locale: 'en' | 'tr'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of METRIC_IDS) out[`analytics.metric.${id}`] = LABELS[id][locale];
  for (const stage of LIFECYCLE_STAGES) out[`analytics.lifecycle.${stage}`] = STAGE_LABELS[stage][locale];
  for (const rung of LOYALTY_RUNGS) out[`analytics.ladder.${rung}`] = RUNG_LABELS[rung][locale];
  for (const category of NPS_CATEGORIES) out[`analytics.nps.${category}`] = NPS_LABELS[category][locale];
  for (const name of RFM_NAMES) out[`analytics.rfm.${rfmKey(name)}`] = locale === 'en' ? name : (RFM_TR[name] ?? name);
  // The card reads an enum metric's value as `<metric id>.<value>` (as `vipTier.gold`); `lifecycle.*` and
  // `ladder.*` are in core's catalogue already.
  for (const category of NPS_CATEGORIES) out[`nps.${category}`] = NPS_LABELS[category][locale];
  for (const name of RFM_NAMES) out[`rfmSegment.${name}`] = out[`analytics.rfm.${rfmKey(name)}`]!;
  return out;
}
