/** The shell's words: header, navigation, switches, seeding, errors. */
import { defineMessages } from './lang.js';

/** The fictional client: a jewellery retailer with shops in İstanbul, Ankara and İzmir. */
export const CLIENT_NAME = 'Firuze';

const percent = (fraction: number, tag: string): string =>
  new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);

export const shellMessages = defineMessages({
  en: {
    appName: 'Firuze Jewellery CRM',
    tagline: 'İstanbul · Ankara · İzmir',
    skip: 'Skip to content',
    navigation: 'Main',
    customers: 'Customers',
    insights: 'Insights',
    customer: 'Customer',
    notFound: 'Page not found',
    notFoundText: 'There is no page at this address.',
    backToCustomers: 'Back to the customers',
    settings: 'Settings',
    switchLocale: 'Türkçe',
    switchLocaleLang: 'tr',
    darkTheme: 'Dark theme',
    reset: 'Reset demo data',
    resetTitle: 'Reset the demo data?',
    resetText: 'Every change made in this demo is deleted and the demo data are created again.',
    resetConfirm: 'Delete and create again',
    cancel: 'Cancel',
    starting: 'Starting…',
    preparing: 'Preparing the demo data',
    seedStatus: (phase: string, fraction: number, tag: string) => `${phase}: ${percent(fraction, tag)}`,
    seeded: (customers: string) => `${customers} customers ready.`,
    reused: (customers: string) => `${customers} customers loaded from this browser.`,
    placeholder: 'This page is being built.',
    quota:
      'The browser ran out of storage space while creating the demo data. The demo goes on with the data created so far; free some space and reset the demo data to create them all.',
    failed: (message: string) => `The demo could not start: ${message}`,
    resetFailed: (message: string) => `The demo data could not be reset: ${message}`,
  },
  tr: {
    appName: 'Firuze Mücevherat CRM',
    tagline: 'İstanbul · Ankara · İzmir',
    skip: 'İçeriğe geç',
    navigation: 'Ana menü',
    customers: 'Müşteriler',
    insights: 'Analizler',
    customer: 'Müşteri',
    notFound: 'Sayfa bulunamadı',
    notFoundText: 'Bu adreste bir sayfa yok.',
    backToCustomers: 'Müşterilere dön',
    settings: 'Ayarlar',
    switchLocale: 'English',
    switchLocaleLang: 'en',
    darkTheme: 'Koyu tema',
    reset: 'Demo verilerini sıfırla',
    resetTitle: 'Demo verileri sıfırlansın mı?',
    resetText: 'Bu demoda yapılan tüm değişiklikler silinir ve demo verileri yeniden oluşturulur.',
    resetConfirm: 'Sil ve yeniden oluştur',
    cancel: 'Vazgeç',
    starting: 'Başlatılıyor…',
    preparing: 'Demo verileri hazırlanıyor',
    seedStatus: (phase: string, fraction: number, tag: string) => `${phase}: ${percent(fraction, tag)}`,
    seeded: (customers: string) => `${customers} müşteri hazır.`,
    reused: (customers: string) => `Bu tarayıcıdaki ${customers} müşteri yüklendi.`,
    placeholder: 'Bu sayfa yapım aşamasında.',
    quota:
      'Demo verileri oluşturulurken tarayıcının depolama alanı doldu. Demo, şimdiye kadar oluşturulan verilerle devam ediyor; yer açıp demo verilerini sıfırlayarak tümünü oluşturabilirsiniz.',
    failed: (message: string) => `Demo başlatılamadı: ${message}`,
    resetFailed: (message: string) => `Demo verileri sıfırlanamadı: ${message}`,
  },
});

/** Seeding phases by the names `ensureDemoData` reports (`SeedPhase`); an unknown phase shows as it is. */
export const phaseNames: Record<'en' | 'tr', Readonly<Record<string, string>>> = {
  en: {
    checking: 'Looking for earlier demo data',
    clearing: 'Clearing unfinished demo data',
    writing: 'Creating customers, purchases and answers',
    done: 'Demo data ready',
  },
  tr: {
    checking: 'Önceki demo verileri aranıyor',
    clearing: 'Yarım kalan demo verileri siliniyor',
    writing: 'Müşteriler, alışverişler ve yanıtlar oluşturuluyor',
    done: 'Demo verileri hazır',
  },
};
