/**
 * The Insights page's words in English and Turkish. Numbers arrive already formatted (Intl, in the page's
 * language), so a message only places them.
 */
import { defineMessages } from '../../app/lang.js';

export const insightsMessages = defineMessages({
  en: {
    title: 'Insights',
    intro: 'How the customers feel, buy, grow in value and stay — from the answers and purchases in the CRM.',
    fitting: 'Fitting the lifetime value and churn models to the purchases…',
    readingCustomers: (total: string) => `Reading ${total} customers and their metrics…`,
    computingCohorts: 'Computing the cohorts…',
    loadingProgress: 'Loading the figures',
    ready: (customers: string, date: string) => `Figures for ${customers} customers; models fitted on ${date}.`,
    readyNoModels: (customers: string) => `Figures for ${customers} customers; no model could be fitted yet.`,
    stale: 'The data have changed since these figures were computed.',
    refresh: 'Refresh the figures',
    failed: (message: string) => `The figures could not be computed: ${message}`,
    retry: 'Try again',
    loading: 'Loading…',
    showTable: 'Show as a table',
    customers: 'Customers',
    share: 'Share',
    noData: 'No customer has bought yet, so there is nothing to show.',
    noModel: 'The models could not be fitted to these purchases yet (too little data), so there is no prediction.',
    analyticsOff: (reason: string) =>
      `The analytics plugin is switched off (${reason}): no lifetime value, churn risk or RFM segment can be shown.`,

    rfmTitle: 'RFM segments',
    rfmIntro: 'Customers grouped by how recently, how often and how much they bought, scored against each other.',
    rfmSummary: (segment: string, count: string, share: string, unscored: string) =>
      `${segment} is the largest segment, with ${count} customers (${share}); ${unscored} customers have not bought yet.`,
    rfmSegment: 'Segment',
    rfmCaption: 'Customers per RFM segment',
    notBought: 'No purchase yet',

    clvTitle: 'Predicted lifetime value',
    clvIntro: 'What each customer is expected to spend in the next 12 months (BG/NBD and Gamma-Gamma models).',
    clvSummary: (predicted: string, median: string, total: string) =>
      `Half of the ${predicted} customers with a prediction are expected to spend less than ${median}; together ${total}.`,
    clvUnpredicted: (count: string) => `${count} customers have no prediction (no purchase yet).`,
    clvRange: 'Predicted value',
    clvCaption: 'Customers per range of predicted lifetime value',
    between: (from: string, to: string) => `${from} to under ${to}`,
    orMore: (from: string) => `${from} or more`,
    axisOrMore: (from: string) => `${from}+`,
    clvAxis: 'Predicted value (TRY)',

    vipTitle: 'VIP tiers',
    vipIntro:
      'From the predicted lifetime value, or the spend so far where there is no prediction; no tier without either.',
    vipSummary: (count: string, share: string, standard: string) =>
      `${count} customers (${share}) are Silver, Gold or Platinum; ${standard} are Standard.`,
    vipTier: 'Tier',
    vipCaption: 'Customers per VIP tier',
    vipNone: 'No tier',

    churnTitle: 'Churn risk',
    churnIntro: 'The chance that a customer has stopped buying, from their purchase rhythm (BG/NBD).',
    churnHeadline: (count: string, share: string, limit: string) =>
      `${count} customers (${share}) have a churn risk above ${limit}.`,
    churnBands: (low: string, medium: string, high: string) =>
      `Low risk (20% or less): ${low}; medium (over 20% to 50%): ${medium}; high (over 50%): ${high}.`,
    churnUnscored: (count: string) => `${count} customers have no risk score (no purchase yet).`,
    churnRange: 'Churn risk',
    churnBand: 'Band',
    churnCaption: 'Customers per tenth of churn risk',
    churnAxis: 'Churn risk',
    band_low: 'Low',
    band_medium: 'Medium',
    band_high: 'High',
    firstTenth: (from: string, to: string) => `${from} to ${to}`,
    aboveUpTo: (from: string, to: string) => `over ${from} to ${to}`,

    cohortsTitle: 'Retention by acquisition channel',
    cohortsIntro:
      'Of the customers each channel brought in, the share still buying that many quarters after they came, or later.',
    cohortsSummary: (quarters: string, best: string, bestShare: string, worst: string, worstShare: string) =>
      `After ${quarters} quarters, customers from ${best} stay the most (${bestShare}) and those from ${worst} the least (${worstShare}).`,
    cohortsSummaryOne: (quarters: string, channel: string, share: string) =>
      `After ${quarters} quarters, ${share} of the customers from ${channel} are still buying.`,
    cohortsTooShort: 'The purchases span too short a time for retention after several quarters.',
    cohortsUnplaced: (count: string) => `${count} customers have neither an acquisition date nor a purchase.`,
    cohortsView: 'Rows',
    cohortsByChannel: 'One row per channel',
    cohortsOfChannel: (channel: string) => `${channel}: one row per quarter acquired`,
    cohortsChannel: 'Channel',
    cohortsCohort: 'Acquired in',
    cohortsAfter: 'Quarters after acquisition',
    cohortsCaption: 'Share of customers still buying, per quarter after acquisition',
    cohortsCaptionOf: (channel: string) =>
      `Share of the customers from ${channel} still buying, per quarter acquired and quarter after acquisition`,
    cohortsLegend: 'Darker cells: more customers still buying. Empty cells: that quarter has not come yet.',
    cohortsCell: (row: string, k: string, share: string, count: string, base: string) =>
      `${row}, quarter ${k}: ${share} (${count} of ${base})`,
    notYet: 'not yet',
    quarter: (year: string, q: string) => `Q${q} ${year}`,
    channel_store: 'shops',
    channel_web: 'the web shop',
    channel_referral: 'referrals',
    channel_social: 'social media',
    channel_agent: 'sales agents',
    channel_unknown: 'an unknown channel',
  },
  tr: {
    title: 'Analizler',
    intro:
      'Müşteriler ne hissediyor, nasıl alışveriş yapıyor, değerleri nasıl artıyor, ne kadar kalıyor: CRM’deki yanıt ve alışverişlerden.',
    fitting: 'Yaşam boyu değer ve kayıp modelleri alışverişlere göre hesaplanıyor…',
    readingCustomers: (total: string) => `${total} müşteri ve ölçümleri okunuyor…`,
    computingCohorts: 'Kohortlar hesaplanıyor…',
    loadingProgress: 'Rakamlar yükleniyor',
    ready: (customers: string, date: string) =>
      `${customers} müşterinin rakamları; modeller ${date} tarihinde hesaplandı.`,
    readyNoModels: (customers: string) => `${customers} müşterinin rakamları; henüz model hesaplanamadı.`,
    stale: 'Bu rakamlar hesaplandıktan sonra veriler değişti.',
    refresh: 'Rakamları yenile',
    failed: (message: string) => `Rakamlar hesaplanamadı: ${message}`,
    retry: 'Yeniden dene',
    loading: 'Yükleniyor…',
    showTable: 'Tablo olarak göster',
    customers: 'Müşteri',
    share: 'Pay',
    noData: 'Henüz alışveriş yapan müşteri yok, gösterilecek bir şey yok.',
    noModel: 'Modeller bu alışverişlere henüz uydurulamadı (veri az), bu yüzden tahmin yok.',
    analyticsOff: (reason: string) =>
      `Analiz eklentisi kapalı (${reason}): yaşam boyu değer, kayıp riski ve RFM segmenti gösterilemiyor.`,

    rfmTitle: 'RFM segmentleri',
    rfmIntro:
      'Müşteriler ne kadar yakın zamanda, ne sıklıkta ve ne kadar alışveriş yaptıklarına göre, birbirleriyle karşılaştırılarak gruplanır.',
    rfmSummary: (segment: string, count: string, share: string, unscored: string) =>
      `En büyük segment ${count} müşteriyle (${share}) ${segment}; ${unscored} müşteri henüz alışveriş yapmadı.`,
    rfmSegment: 'Segment',
    rfmCaption: 'RFM segmentine göre müşteri sayısı',
    notBought: 'Henüz alışveriş yok',

    clvTitle: 'Öngörülen yaşam boyu değer',
    clvIntro: 'Her müşterinin önümüzdeki 12 ayda harcaması beklenen tutar (BG/NBD ve Gamma-Gamma modelleri).',
    clvSummary: (predicted: string, median: string, total: string) =>
      `Tahmini olan ${predicted} müşterinin yarısının ${median} altında harcaması bekleniyor; toplam ${total}.`,
    clvUnpredicted: (count: string) => `${count} müşterinin tahmini yok (henüz alışveriş yok).`,
    clvRange: 'Öngörülen değer',
    clvCaption: 'Öngörülen yaşam boyu değer aralığına göre müşteri sayısı',
    between: (from: string, to: string) => `${from} ile ${to} altı`,
    orMore: (from: string) => `${from} ve üzeri`,
    axisOrMore: (from: string) => `${from}+`,
    clvAxis: 'Öngörülen değer (TRY)',

    vipTitle: 'VIP seviyeleri',
    vipIntro: 'Öngörülen yaşam boyu değerden; tahmin yoksa bugüne kadarki harcamadan; ikisi de yoksa seviye yok.',
    vipSummary: (count: string, share: string, standard: string) =>
      `${count} müşteri (${share}) Gümüş, Altın ya da Platin; ${standard} müşteri Standart.`,
    vipTier: 'Seviye',
    vipCaption: 'VIP seviyesine göre müşteri sayısı',
    vipNone: 'Seviye yok',

    churnTitle: 'Kayıp riski',
    churnIntro: 'Müşterinin alışverişi bırakmış olma olasılığı, alışveriş ritminden (BG/NBD).',
    churnHeadline: (count: string, share: string, limit: string) =>
      `${count} müşterinin (${share}) kayıp riski ${limit} üzerinde.`,
    churnBands: (low: string, medium: string, high: string) =>
      `Düşük risk (%20 ve altı): ${low}; orta (%20 üzeri – %50): ${medium}; yüksek (%50 üzeri): ${high}.`,
    churnUnscored: (count: string) => `${count} müşterinin risk puanı yok (henüz alışveriş yok).`,
    churnRange: 'Kayıp riski',
    churnBand: 'Bant',
    churnCaption: 'Kayıp riskinin onda birlik dilimlerine göre müşteri sayısı',
    churnAxis: 'Kayıp riski',
    band_low: 'Düşük',
    band_medium: 'Orta',
    band_high: 'Yüksek',
    firstTenth: (from: string, to: string) => `${from} – ${to}`,
    aboveUpTo: (from: string, to: string) => `${from} üzeri – ${to}`,

    cohortsTitle: 'Edinme kanalına göre elde tutma',
    cohortsIntro:
      'Her kanalın getirdiği müşterilerden, gelişlerinden o kadar çeyrek sonra ya da daha sonra hâlâ alışveriş yapanların payı.',
    cohortsSummary: (quarters: string, best: string, bestShare: string, worst: string, worstShare: string) =>
      `${quarters} çeyrek sonra en çok ${best} kanalından gelenler kalıyor (${bestShare}), en az ${worst} kanalından gelenler (${worstShare}).`,
    cohortsSummaryOne: (quarters: string, channel: string, share: string) =>
      `${quarters} çeyrek sonra ${channel} kanalından gelen müşterilerin ${share} kadarı hâlâ alışveriş yapıyor.`,
    cohortsTooShort:
      'Alışverişler birkaç çeyrek sonrasındaki elde tutmayı gösterecek kadar uzun bir döneme yayılmıyor.',
    cohortsUnplaced: (count: string) => `${count} müşterinin ne edinme tarihi ne de alışverişi var.`,
    cohortsView: 'Satırlar',
    cohortsByChannel: 'Kanal başına bir satır',
    cohortsOfChannel: (channel: string) => `${channel}: edinilen çeyrek başına bir satır`,
    cohortsChannel: 'Kanal',
    cohortsCohort: 'Edinildiği dönem',
    cohortsAfter: 'Edinmeden sonraki çeyrek',
    cohortsCaption: 'Edinmeden sonraki her çeyrekte hâlâ alışveriş yapan müşterilerin payı',
    cohortsCaptionOf: (channel: string) =>
      `${channel} kanalından gelen müşterilerden hâlâ alışveriş yapanların payı, edinilen çeyreğe ve sonraki çeyreklere göre`,
    cohortsLegend: 'Koyu hücreler: hâlâ alışveriş yapan daha çok müşteri. Boş hücreler: o çeyrek henüz gelmedi.',
    cohortsCell: (row: string, k: string, share: string, count: string, base: string) =>
      `${row}, ${k}. çeyrek: ${share} (${base} müşteriden ${count})`,
    notYet: 'henüz yok',
    quarter: (year: string, q: string) => `${year} ${q}. çeyrek`,
    channel_store: 'mağaza',
    channel_web: 'web mağazası',
    channel_referral: 'tavsiye',
    channel_social: 'sosyal medya',
    channel_agent: 'satış temsilcisi',
    channel_unknown: 'bilinmeyen kanal',
  },
});

export type InsightsMessages = (typeof insightsMessages)['en'];
