/** The customer page's own words; the kit's elements bring theirs from the crm's catalogue. */
import type { NpsSkipReason } from '@crmkit/components';
import type { SalesDocument, Ticket } from '@crmkit/core';
import { defineMessages } from '../../app/lang.js';

type DocumentKind = SalesDocument['kind'];
type TicketStatus = Ticket['status'];
type TicketPriority = Ticket['priority'];

export const messages = defineMessages({
  en: {
    back: 'Back to customers',
    loading: 'Loading the customer…',
    loadingRows: 'Loading…',
    notFoundTitle: 'Customer not found',
    notFound: 'There is no customer with this id. They may have been erased.',
    errorTitle: 'Customer unavailable',
    loadFailed: 'The customer could not be loaded.',
    retry: 'Try again',
    profile: 'Profile',
    satisfaction: 'Satisfaction (NPS)',
    npsSkipped: (reason: NpsSkipReason) =>
      ({
        'answered-recently': 'Not asked now: this customer answered the survey recently.',
        'dismissed-recently': 'Not asked now: this customer declined the survey recently.',
        'not-sampled': 'Not asked now: this customer is outside the survey sample.',
        unavailable: 'The survey is not shown: whether this customer was asked lately could not be read.',
      })[reason],
    timeline: 'Timeline',
    skipTimeline: 'Skip the timeline',
    salesDocuments: 'Sales documents',
    noSalesDocuments: 'No quotes, orders or invoices yet.',
    number: 'Number',
    kindColumn: 'Kind',
    statusColumn: 'Status',
    date: 'Date',
    total: 'Total',
    kind: (kind: DocumentKind) => ({ quote: 'Quote', order: 'Order', invoice: 'Invoice' })[kind],
    status: (status: string) =>
      ({
        draft: 'Draft',
        sent: 'Sent',
        accepted: 'Accepted',
        rejected: 'Rejected',
        expired: 'Expired',
        open: 'Open',
        fulfilled: 'Fulfilled',
        cancelled: 'Cancelled',
        issued: 'Issued',
        paid: 'Paid',
        overdue: 'Overdue',
        void: 'Void',
      })[status] ?? status,
    showMore: 'Show more documents',
    tickets: 'Tickets',
    noTickets: 'No support tickets.',
    subject: 'Subject',
    priorityColumn: 'Priority',
    opened: 'Opened',
    ticketStatus: (status: TicketStatus) =>
      ({ open: 'Open', pending: 'Pending', solved: 'Solved', closed: 'Closed' })[status],
    priority: (priority: TicketPriority) =>
      ({ low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' })[priority],
    sectionFailed: 'This list could not be loaded.',
    privacy: 'Personal data (KVKK/GDPR)',
    privacyHint: 'On request, the customer and everything held about them can be erased.',
    erase: 'Erase customer (KVKK/GDPR)',
    eraseTitle: (name: string) => `Erase ${name}?`,
    eraseExplain:
      'This permanently deletes the customer with their consents, timeline, sales documents, NPS answers and tickets, in one step. It cannot be undone.',
    eraseAudit:
      'An audit record stays: when the erasure happened, who did it and how many records went, without any personal data.',
    cancel: 'Cancel',
    confirmErase: 'Erase for good',
    erasing: 'Erasing…',
    eraseFailed: 'The customer could not be erased, and nothing was deleted. Please try again.',
    erased: 'The customer was erased. An audit record of the erasure, without personal data, was kept.',
    dismiss: 'Dismiss',
  },
  tr: {
    back: 'Müşterilere dön',
    loading: 'Müşteri yükleniyor…',
    loadingRows: 'Yükleniyor…',
    notFoundTitle: 'Müşteri bulunamadı',
    notFound: 'Bu kimlikte bir müşteri yok. Kayıtları silinmiş olabilir.',
    errorTitle: 'Müşteri gösterilemiyor',
    loadFailed: 'Müşteri yüklenemedi.',
    retry: 'Yeniden dene',
    profile: 'Profil',
    satisfaction: 'Memnuniyet (NPS)',
    npsSkipped: (reason: NpsSkipReason) =>
      ({
        'answered-recently': 'Şimdi sorulmuyor: bu müşteri anketi yakın zamanda yanıtladı.',
        'dismissed-recently': 'Şimdi sorulmuyor: bu müşteri anketi yakın zamanda geri çevirdi.',
        'not-sampled': 'Şimdi sorulmuyor: bu müşteri anket örnekleminin dışında.',
        unavailable: 'Anket gösterilmiyor: bu müşteriye son zamanlarda sorulup sorulmadığı okunamadı.',
      })[reason],
    timeline: 'Zaman çizelgesi',
    skipTimeline: 'Zaman çizelgesini atla',
    salesDocuments: 'Satış belgeleri',
    noSalesDocuments: 'Henüz teklif, sipariş ya da fatura yok.',
    number: 'Numara',
    kindColumn: 'Tür',
    statusColumn: 'Durum',
    date: 'Tarih',
    total: 'Toplam',
    kind: (kind: DocumentKind) => ({ quote: 'Teklif', order: 'Sipariş', invoice: 'Fatura' })[kind],
    status: (status: string) =>
      ({
        draft: 'Taslak',
        sent: 'Gönderildi',
        accepted: 'Kabul edildi',
        rejected: 'Reddedildi',
        expired: 'Süresi doldu',
        open: 'Açık',
        fulfilled: 'Tamamlandı',
        cancelled: 'İptal edildi',
        issued: 'Düzenlendi',
        paid: 'Ödendi',
        overdue: 'Vadesi geçti',
        void: 'Geçersiz',
      })[status] ?? status,
    showMore: 'Daha fazla belge göster',
    tickets: 'Destek talepleri',
    noTickets: 'Destek talebi yok.',
    subject: 'Konu',
    priorityColumn: 'Öncelik',
    opened: 'Açılış tarihi',
    ticketStatus: (status: TicketStatus) =>
      ({ open: 'Açık', pending: 'Beklemede', solved: 'Çözüldü', closed: 'Kapatıldı' })[status],
    priority: (priority: TicketPriority) =>
      ({ low: 'Düşük', normal: 'Normal', high: 'Yüksek', urgent: 'Acil' })[priority],
    sectionFailed: 'Bu liste yüklenemedi.',
    privacy: 'Kişisel veriler (KVKK/GDPR)',
    privacyHint: 'Talep üzerine müşteri ve hakkında tutulan her şey silinebilir.',
    erase: 'Müşteriyi sil (KVKK/GDPR)',
    eraseTitle: (name: string) => `${name} silinsin mi?`,
    eraseExplain:
      'Müşteri; izinleri, zaman çizelgesi, satış belgeleri, NPS yanıtları ve destek talepleriyle birlikte tek adımda kalıcı olarak silinir. Bu işlem geri alınamaz.',
    eraseAudit:
      'Bir denetim kaydı kalır: silmenin ne zaman, kim tarafından yapıldığı ve kaç kaydın silindiği; kişisel veri içermez.',
    cancel: 'Vazgeç',
    confirmErase: 'Kalıcı olarak sil',
    erasing: 'Siliniyor…',
    eraseFailed: 'Müşteri silinemedi; hiçbir kayıt silinmedi. Lütfen yeniden deneyin.',
    erased: 'Müşteri silindi. Silme işleminin kişisel veri içermeyen denetim kaydı tutuldu.',
    dismiss: 'Kapat',
  },
});

export type CustomerPageMessages = (typeof messages)['en'];
