/** Fixtures for the smaller collections: consents, sales documents, NPS responses, segments, tickets, audit. */
import type { StoredDocument } from '@crmkit/core';
import { makeRev } from './revisions.js';
import { isoAt } from './time.js';

const pad = (i: number, width = 4) => String(i).padStart(width, '0');

function stamped(id: string, minutes: number): StoredDocument {
  const at = isoAt(minutes);
  return { id, rev: makeRev(), createdAt: at, updatedAt: at };
}

export interface ConsentFixture extends StoredDocument {
  customerId: string;
  channel: 'email' | 'sms' | 'call';
  status: 'granted' | 'denied';
  recipient: string;
  recipientType: 'individual' | 'merchant';
  source: string;
  recordedAt: string;
  proof: string;
}

const SOURCES = ['HS_WEB', 'HS_FIZIKSEL_ORTAM', 'HS_CAGRI_MERKEZI', 'HS_ETKINLIK'] as const;

export function makeConsent(i: number, customerId: string, overrides: Partial<ConsentFixture> = {}): ConsentFixture {
  const channel = (['email', 'sms', 'call'] as const)[i % 3]!;
  const base = stamped(`cns_${pad(i)}`, i * 41);
  return {
    ...base,
    customerId,
    channel,
    status: i % 4 === 3 ? 'denied' : 'granted',
    recipient: channel === 'email' ? `musteri${i}@example.com.tr` : `+90 532 555 ${pad(i)}`,
    recipientType: i % 5 === 0 ? 'merchant' : 'individual',
    source: SOURCES[i % SOURCES.length]!,
    recordedAt: base.createdAt,
    proof: 'Web formunda "Kampanyalardan haberdar olmak istiyorum" kutusu işaretlendi.',
    ...overrides,
  };
}

export interface SalesLineFixture {
  description: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  taxRate: number;
  discount: number;
}

export interface SalesDocumentFixture extends StoredDocument {
  customerId: string;
  kind: 'quote' | 'order' | 'invoice';
  number: string;
  status: string;
  currency: 'TRY' | 'EUR' | 'USD';
  lines: SalesLineFixture[];
  totals: { net: number; tax: number; gross: number };
  issuedAt: string;
  fromQuoteId?: string;
}

export function makeSalesDocument(
  i: number,
  customerId: string,
  overrides: Partial<SalesDocumentFixture> = {},
): SalesDocumentFixture {
  const kind = (['quote', 'order', 'invoice'] as const)[i % 3]!;
  const status = { quote: 'sent', order: 'open', invoice: 'issued' }[kind];
  const quantity = 1 + (i % 3);
  const net = quantity * 450;
  const base = stamped(`sal_${pad(i)}`, i * 61);
  const doc: SalesDocumentFixture = {
    ...base,
    customerId,
    kind,
    number: `${kind === 'invoice' ? 'INV' : kind === 'order' ? 'ORD' : 'QUO'}-2024-${pad(i, 6)}`,
    status,
    currency: 'TRY',
    lines: [
      { description: 'Pamuklu gömlek, lacivert', sku: 'GML-042', quantity, unitPrice: 450, taxRate: 0.2, discount: 0 },
    ],
    totals: { net, tax: net * 0.2, gross: net * 1.2 },
    issuedAt: base.createdAt,
  };
  if (kind !== 'quote') doc.fromQuoteId = `sal_${pad(i - (i % 3))}`;
  return { ...doc, ...overrides };
}

export interface NpsResponseFixture extends StoredDocument {
  customerId: string;
  score: number;
  comment?: string;
  touchpoint: string;
  at: string;
}

const TOUCHPOINTS = ['store-visit', 'web-order', 'repair-pickup', 'call-centre'] as const;

/** Scores cycle through 0–10, so that every score range filter has matches. */
export function makeNpsResponse(
  i: number,
  customerId: string,
  overrides: Partial<NpsResponseFixture> = {},
): NpsResponseFixture {
  const base = stamped(`nps_${pad(i)}`, i * 29);
  const response: NpsResponseFixture = {
    ...base,
    customerId,
    score: i % 11,
    touchpoint: TOUCHPOINTS[i % TOUCHPOINTS.length]!,
    at: base.createdAt,
  };
  if (i % 2) response.comment = i % 4 === 1 ? 'Personel çok ilgiliydi, teşekkürler!' : 'Delivery took too long.';
  return { ...response, ...overrides };
}

export interface SegmentFixture extends StoredDocument {
  name: string;
  description: string;
  rule: unknown;
}

export function makeSegment(i: number, overrides: Partial<SegmentFixture> = {}): SegmentFixture {
  return {
    ...stamped(`seg_${pad(i)}`, i * 17),
    name: i % 2 ? `İstanbul VIP müşteriler ${i}` : `Lapsed newsletter readers ${i}`,
    description: 'Son 90 günde alışveriş yapan, e-posta izni olan müşteriler.',
    // Stored opaque: the storage must keep a rule tree exactly as given, however deep.
    rule: {
      op: 'and',
      children: [
        { field: 'address.city', op: 'eq', value: 'İstanbul' },
        { field: 'tags', op: 'contains', value: 'vip' },
        {
          op: 'or',
          children: [
            { field: 'lifecycle.purchases', op: 'gte', value: 3 },
            { field: 'consent.email', op: 'eq', value: true },
          ],
        },
      ],
    },
    ...overrides,
  };
}

export interface TicketFixture extends StoredDocument {
  customerId: string;
  subject: string;
  description: string;
  status: 'open' | 'pending' | 'solved' | 'closed';
  priority: 'low' | 'normal' | 'high' | 'urgent';
}

export function makeTicket(i: number, customerId: string, overrides: Partial<TicketFixture> = {}): TicketFixture {
  return {
    ...stamped(`tkt_${pad(i)}`, i * 23),
    customerId,
    subject: i % 2 ? 'Kargo gecikmesi' : 'Refund not received',
    description: 'Sipariş 5 gündür "yolda" görünüyor; müşteri iade istiyor.',
    status: (['open', 'pending', 'solved', 'closed'] as const)[i % 4]!,
    priority: (['low', 'normal', 'high', 'urgent'] as const)[i % 4]!,
    ...overrides,
  };
}

export interface AuditFixture extends StoredDocument {
  kind: 'erasure';
  at: string;
  by: string;
  subject: string;
  counts: Record<string, number>;
}

/** Audit records hold no personal data: a hashed subject and counts only. */
export function makeAuditEntry(i: number, overrides: Partial<AuditFixture> = {}): AuditFixture {
  const base = stamped(`aud_${pad(i)}`, i * 97);
  return {
    ...base,
    kind: 'erasure',
    at: base.createdAt,
    by: 'usr_selin',
    subject: (i.toString(16).padStart(8, '0') + 'a1b2c3d4e5f60718').repeat(4).slice(0, 64),
    counts: { customers: 1, activities: 3 + (i % 4), consents: 2, npsResponses: i % 2 },
    ...overrides,
  };
}
