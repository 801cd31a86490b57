/**
 * The kit's message catalogue in English and Turkish. The English catalogue defines the keys (so a missing
 * Turkish message is a type error); plugins add their own keys at run time through `ctx.i18n`.
 * `{name}` placeholders are filled by `translate`.
 */
export const LOCALES = ['en', 'tr'] as const;
export type Locale = (typeof LOCALES)[number];

const en = {
  'kit.name': 'crmkit',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
  'common.empty': 'Nothing here yet',
  'common.error': 'Something went wrong',
  'common.close': 'Close',
  'common.search': 'Search',
  'common.more': 'More',
  'common.yes': 'Yes',
  'common.no': 'No',
  'collection.customers': 'Customers',
  'collection.consents': 'Consents',
  'collection.activities': 'Activities',
  'collection.salesDocuments': 'Sales documents',
  'collection.npsResponses': 'NPS responses',
  'collection.segments': 'Segments',
  'collection.tickets': 'Tickets',
  'collection.audit': 'Audit trail',
  'customer.name': 'Name',
  'customer.emails': 'E-mail addresses',
  'customer.phones': 'Phone numbers',
  'customer.company': 'Company',
  'customer.address.city': 'City',
  'customer.address.country': 'Country',
  'customer.language': 'Language',
  'customer.tags': 'Tags',
  'customer.owner': 'Owner',
  'customer.acquisition.channel': 'Acquisition channel',
  'activity.note': 'Note',
  'activity.call': 'Call',
  'activity.email': 'E-mail',
  'activity.meeting': 'Meeting',
  'activity.task': 'Task',
  'activity.purchase': 'Purchase',
  'activity.ticket': 'Ticket',
  'activity.nps': 'NPS response',
  'activity.consent': 'Consent',
  'consent.channel.email': 'E-mail',
  'consent.channel.sms': 'SMS',
  'consent.channel.call': 'Phone call',
  'consent.status.granted': 'Consent given',
  'consent.status.denied': 'Consent refused',
  'consent.status.none': 'No consent recorded',
  'lifecycle.acquisition': 'Acquisition',
  'lifecycle.development': 'Development',
  'lifecycle.retention': 'Retention',
  'lifecycle.decline': 'Decline',
  'ladder.prospect': 'Prospect',
  'ladder.customer': 'Customer',
  'ladder.client': 'Client',
  'ladder.supporter': 'Supporter',
  'ladder.advocate': 'Advocate',
  'ladder.partner': 'Partner',
  'error.validation': 'Please correct the highlighted fields.',
  'error.conflict': 'Someone else changed this record while you were editing it.',
  'error.storage': 'The data could not be saved. Your changes are kept; try again.',
  'error.notFound': 'This record does not exist (any more).',
  'error.plugin': 'The extension “{plugin}” stopped working and was turned off.',
  'issue.required': 'This field is required.',
  'issue.invalid': 'This value is not valid.',
  'issue.tooLong': 'This is too long (at most {max}).',
  'issue.email': 'Enter an e-mail address such as name@example.com.',
  'issue.phone': 'Enter a phone number such as +90 212 555 01 01.',
  'common.saving': 'Saving…',
  'common.saved': 'Saved',
  'common.noValue': '(empty)',
  'customer.address.district': 'District',
  'customer.photo': 'Photo of {name}',
  'card.label': 'Customer: {name}',
  'card.none': 'No customer selected',
  'card.details': 'Contact details',
  'card.metrics': 'Insights',
  'card.actions': 'Actions',
  'card.edit': 'Edit {name}',
  'card.editTitle': 'Edit customer',
  'card.listHint': 'Separate several with commas.',
  'card.changedMeanwhile':
    'This customer was changed elsewhere while you were editing; saving will ask which version to keep.',
  'card.spentSoFar': 'Spent so far',
  'card.lifecycleStage': 'Lifecycle stage',
  'card.ladderRung': 'Loyalty ladder',
  'card.howComputed': 'How is this computed?',
  'card.actionFailed': 'The action “{action}” failed.',
  'consent.title': 'Consents',
  'consent.source': 'Source: {source}',
  'consent.recordedAt': 'Recorded on {date}',
  'consent.badge': '{channel}: {status}',
  'contact.email': 'Send e-mail',
  'contact.sms': 'Send SMS',
  'contact.call': 'Call',
  'contact.noConsent': 'No {channel} consent recorded.',
  'contact.denied': '{channel} consent was refused.',
  'contact.noEmail': 'No e-mail address on file.',
  'contact.noPhone': 'No phone number on file.',
  'conflict.title': 'Choose which version to keep',
  'conflict.field': 'Field',
  'conflict.mine': 'Your version',
  'conflict.theirs': 'Saved meanwhile',
  'conflict.save': 'Save my choices',
  'conflict.discard': 'Discard my changes',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const tr: Messages = {
  'kit.name': 'crmkit',
  'common.save': 'Kaydet',
  'common.cancel': 'Vazgeç',
  'common.edit': 'Düzenle',
  'common.delete': 'Sil',
  'common.retry': 'Tekrar dene',
  'common.loading': 'Yükleniyor…',
  'common.empty': 'Henüz bir şey yok',
  'common.error': 'Bir şeyler ters gitti',
  'common.close': 'Kapat',
  'common.search': 'Ara',
  'common.more': 'Daha fazla',
  'common.yes': 'Evet',
  'common.no': 'Hayır',
  'collection.customers': 'Müşteriler',
  'collection.consents': 'İzinler',
  'collection.activities': 'Etkinlikler',
  'collection.salesDocuments': 'Satış belgeleri',
  'collection.npsResponses': 'NPS yanıtları',
  'collection.segments': 'Segmentler',
  'collection.tickets': 'Destek talepleri',
  'collection.audit': 'Denetim kaydı',
  'customer.name': 'Ad soyad',
  'customer.emails': 'E-posta adresleri',
  'customer.phones': 'Telefon numaraları',
  'customer.company': 'Şirket',
  'customer.address.city': 'Şehir',
  'customer.address.country': 'Ülke',
  'customer.language': 'Dil',
  'customer.tags': 'Etiketler',
  'customer.owner': 'Sorumlu',
  'customer.acquisition.channel': 'Edinim kanalı',
  'activity.note': 'Not',
  'activity.call': 'Arama',
  'activity.email': 'E-posta',
  'activity.meeting': 'Toplantı',
  'activity.task': 'Görev',
  'activity.purchase': 'Satın alma',
  'activity.ticket': 'Destek talebi',
  'activity.nps': 'NPS yanıtı',
  'activity.consent': 'İzin',
  'consent.channel.email': 'E-posta',
  'consent.channel.sms': 'SMS',
  'consent.channel.call': 'Telefon araması',
  'consent.status.granted': 'Onay verildi',
  'consent.status.denied': 'Ret',
  'consent.status.none': 'Kayıtlı izin yok',
  'lifecycle.acquisition': 'Edinim',
  'lifecycle.development': 'Gelişim',
  'lifecycle.retention': 'Elde tutma',
  'lifecycle.decline': 'Düşüş',
  'ladder.prospect': 'Aday',
  'ladder.customer': 'Müşteri',
  'ladder.client': 'Sürekli müşteri',
  'ladder.supporter': 'Destekçi',
  'ladder.advocate': 'Savunucu',
  'ladder.partner': 'Ortak',
  'error.validation': 'Lütfen işaretli alanları düzeltin.',
  'error.conflict': 'Siz düzenlerken bu kaydı başka biri değiştirdi.',
  'error.storage': 'Veriler kaydedilemedi. Değişiklikleriniz duruyor; tekrar deneyin.',
  'error.notFound': 'Bu kayıt yok (artık).',
  'error.plugin': '“{plugin}” eklentisi çalışmayı durdurdu ve kapatıldı.',
  'issue.required': 'Bu alan zorunludur.',
  'issue.invalid': 'Bu değer geçerli değil.',
  'issue.tooLong': 'Bu çok uzun (en fazla {max}).',
  'issue.email': 'ad@ornek.com gibi bir e-posta adresi girin.',
  'issue.phone': '+90 212 555 01 01 gibi bir telefon numarası girin.',
  'common.saving': 'Kaydediliyor…',
  'common.saved': 'Kaydedildi',
  'common.noValue': '(boş)',
  'customer.address.district': 'İlçe',
  'customer.photo': '{name} fotoğrafı',
  'card.label': 'Müşteri: {name}',
  'card.none': 'Seçili müşteri yok',
  'card.details': 'İletişim bilgileri',
  'card.metrics': 'Göstergeler',
  'card.actions': 'İşlemler',
  'card.edit': '{name} düzenle',
  'card.editTitle': 'Müşteriyi düzenle',
  'card.listHint': 'Birden fazlasını virgülle ayırın.',
  'card.changedMeanwhile':
    'Siz düzenlerken bu müşteri başka bir yerde değiştirildi; kaydederken hangi sürümün kalacağı sorulacak.',
  'card.spentSoFar': 'Bugüne kadarki harcama',
  'card.lifecycleStage': 'Yaşam döngüsü evresi',
  'card.ladderRung': 'Sadakat merdiveni',
  'card.howComputed': 'Bu nasıl hesaplanıyor?',
  'card.actionFailed': '“{action}” işlemi başarısız oldu.',
  'consent.title': 'İzinler',
  'consent.source': 'Kaynak: {source}',
  'consent.recordedAt': 'Kayıt tarihi: {date}',
  'consent.badge': '{channel}: {status}',
  'contact.email': 'E-posta gönder',
  'contact.sms': 'SMS gönder',
  'contact.call': 'Ara',
  'contact.noConsent': '{channel} için kayıtlı izin yok.',
  'contact.denied': '{channel} izni reddedildi.',
  'contact.noEmail': 'Kayıtlı e-posta adresi yok.',
  'contact.noPhone': 'Kayıtlı telefon numarası yok.',
  'conflict.title': 'Hangi sürümün kalacağını seçin',
  'conflict.field': 'Alan',
  'conflict.mine': 'Sizin sürümünüz',
  'conflict.theirs': 'Bu arada kaydedilen',
  'conflict.save': 'Seçimlerimi kaydet',
  'conflict.discard': 'Değişikliklerimi at',
};

export const CORE_MESSAGES: Record<Locale, Messages> = { en, tr };

/** Picks the kit's locale for a language tag (`tr-TR` → `tr`); English when the kit has no catalogue for it. */
export function resolveLocale(tag: string | undefined | null): Locale {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}

/** A catalogue that plugins can extend; lookups fall back to English, then to the key itself. */
export class MessageCatalogue {
  private readonly extra: Record<Locale, Map<string, string>> = { en: new Map(), tr: new Map() };

  add(messages: Partial<Record<Locale, Record<string, string>>>): void {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(messages[locale] ?? {})) this.extra[locale].set(key, value);
    }
  }

  has(key: string, locale: Locale): boolean {
    return key in CORE_MESSAGES[locale] || this.extra[locale].has(key);
  }

  translate(
    key: MessageKey | (string & {}),
    params: Record<string, string | number> = {},
    locale: Locale = 'en',
  ): string {
    const template =
      (CORE_MESSAGES[locale] as Record<string, string>)[key] ??
      this.extra[locale].get(key) ??
      (CORE_MESSAGES.en as Record<string, string>)[key] ??
      this.extra.en.get(key) ??
      key;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  }
}
