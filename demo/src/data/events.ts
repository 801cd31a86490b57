/**
 * What happens around a customer's purchases: the activities on their timeline, the sales documents of some
 * purchases, NPS answers at touchpoints, repair jobs, support tickets, and the everyday notes, calls, e-mails,
 * meetings and tasks of the shop staff.
 */
import type { ActivityInput, NpsResponseInput, SalesDocumentInput, TicketInput } from '@crmkit/core';
import type { RepairJobData } from '@crmkit/plugin-repair-jobs';
import type { DemoDataPlan, DemoPerson } from './generator.js';
import { duringOpeningHours, shopName, type DemoPurchase } from './purchases.js';
import { between, beta, chance, normal, pick, poisson, weighted, type Uniform } from './sampling.js';
import { STAFF } from './people.js';
import {
  CALL_OUTCOMES,
  EMAIL_SUBJECTS,
  MEETINGS,
  NOTES,
  NPS_COMMENTS,
  REPAIRS,
  TASKS,
  TICKETS,
  type DemoLanguage,
} from './texts.js';

const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString();

export interface DemoEvents {
  activities: ActivityInput[];
  salesDocuments: SalesDocumentInput[];
  npsResponses: NpsResponseInput[];
  tickets: TicketInput[];
  repairs: number;
  referrals: number;
}

type Touchpoint = 'purchase' | 'web-order' | 'store-visit' | 'repair-pickup';

export function customerEvents(
  rng: Uniform,
  plan: DemoDataPlan,
  who: DemoPerson,
  customerId: string,
  purchases: readonly DemoPurchase[],
): DemoEvents {
  const { now } = plan;
  const serial = customerId.slice(5);
  const lang = who.language;
  const staff = () => pick(rng, STAFF);
  const out: DemoEvents = {
    activities: [],
    salesDocuments: [],
    npsResponses: [],
    tickets: [],
    repairs: 0,
    referrals: 0,
  };
  const last = purchases.length ? purchases[purchases.length - 1]!.at : who.acquiredAt;
  const lapsed = purchases.length > 0 && now - last > 365 * DAY;
  // How the customer feels about the shop: most are content, those who stopped coming less so.
  const satisfaction = Math.max(0, beta(rng, 8, 1.5) - (lapsed ? 0.12 : 0));

  const answer = (touchpoint: Touchpoint, after: number) => {
    // In the shop the question comes within hours; otherwise by e-mail a day or two later.
    const at = after + (touchpoint === 'store-visit' ? (1 + rng() * 3) * 3_600_000 : (1 + rng() * 2) * DAY);
    if (at >= now) return;
    const score = Math.min(10, Math.max(0, Math.round(satisfaction * 10 + normal(rng) * 1.2)));
    const category = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
    const comment = chance(rng, 0.35) ? pick(rng, NPS_COMMENTS[category])[lang] : undefined;
    const responseId = `nps-${serial}-${out.npsResponses.length + 1}`;
    out.npsResponses.push({
      id: responseId,
      customerId,
      score,
      touchpoint,
      at: iso(at),
      ...(comment ? { comment } : {}),
    });
    out.activities.push({
      customerId,
      type: 'nps',
      at: iso(at),
      data: { score, touchpoint, responseId, ...(comment ? { comment } : {}) },
    });
  };

  // Sales document ids begin with the customer's number (sd-000123-order-1), so that a chunk's ids form one
  // narrow key range: the storage reads the stored revisions of a batch over its id range.
  purchases.forEach((purchase, k) => {
    const n = k + 1;
    const web = purchase.store === 'web';
    const year = new Date(purchase.at).getUTCFullYear();
    let orderId: string | undefined;
    const documented = web || chance(rng, purchase.total >= 24_000 ? 0.45 : 0.12);
    if (documented) {
      let fromQuoteId: string | undefined;
      if (k > 0 && purchase.tag === 'diamonds' && chance(rng, 0.5)) {
        const quotedAt = purchase.at - between(rng, 7, 21) * DAY;
        if (quotedAt > who.acquiredAt) {
          fromQuoteId = `sd-${serial}-quote-${n}`;
          out.salesDocuments.push(
            salesDocument(
              fromQuoteId,
              'quote',
              'accepted',
              `TKL-${year}-${serial}${n}`,
              quotedAt,
              purchase,
              customerId,
            ),
          );
        }
      }
      orderId = `sd-${serial}-order-${n}`;
      const fresh = now - purchase.at < 5 * DAY;
      out.salesDocuments.push({
        ...salesDocument(
          orderId,
          'order',
          fresh ? 'open' : 'fulfilled',
          `SIP-${year}-${serial}${n}`,
          purchase.at,
          purchase,
          customerId,
        ),
        ...(fromQuoteId ? { fromQuoteId } : {}),
      });
      const invoicedAt = Math.min(purchase.at + between(rng, 5, 120) * 60_000, now - 1000);
      const corporate = who.company !== undefined;
      const status = corporate
        ? now - invoicedAt < 30 * DAY
          ? 'issued'
          : chance(rng, 0.1)
            ? 'overdue'
            : 'paid'
        : 'paid';
      out.salesDocuments.push({
        ...salesDocument(
          `sd-${serial}-invoice-${n}`,
          'invoice',
          status,
          `FTR-${year}-${serial}${n}`,
          invoicedAt,
          purchase,
          customerId,
        ),
        ...(corporate ? { dueAt: iso(invoicedAt + 30 * DAY) } : {}),
        ...(fromQuoteId ? { fromQuoteId } : {}),
      });
    }
    out.activities.push({
      customerId,
      type: 'purchase',
      at: iso(purchase.at),
      ...(web ? {} : { by: staff() }),
      data: {
        total: purchase.total,
        currency: 'TRY',
        items: purchase.items,
        store: shopName(purchase.store),
        ...(orderId ? { orderId } : {}),
      },
    });
    if (chance(rng, 0.3)) answer(web ? 'web-order' : 'purchase', purchase.at);
  });

  // Quotes that came to nothing.
  if (chance(rng, 0.04) && purchases.length) {
    const at = who.acquiredAt + rng() * (now - who.acquiredAt);
    const sample = pick(rng, purchases);
    const year = new Date(at).getUTCFullYear();
    const status = now - at < 14 * DAY ? 'sent' : chance(rng, 0.5) ? 'rejected' : 'expired';
    out.salesDocuments.push({
      ...salesDocument(`sd-${serial}-quote-x`, 'quote', status, `TKL-${year}-${serial}X`, at, sample, customerId),
      dueAt: iso(at + 14 * DAY),
    });
  }

  // Visits to the shop without buying: some are asked how it went.
  if (who.homeShop !== 'web') {
    const visits = poisson(rng, lapsed ? 0.3 : 0.9);
    for (let v = 0; v < visits; v++) {
      const at = duringOpeningHours(rng, who.acquiredAt + rng() * (now - who.acquiredAt), now, who.acquiredAt);
      if (chance(rng, 0.45)) answer('store-visit', at);
    }
  }

  const repairs = chance(rng, purchases.length ? 0.2 : 0.06) ? (chance(rng, 0.3) ? 2 : 1) : 0;
  for (let j = 1; j <= repairs; j++) {
    const at = duringOpeningHours(rng, who.acquiredAt + rng() * (now - who.acquiredAt), now, who.acquiredAt);
    const repair = pick(rng, REPAIRS);
    const promisedAt = at + between(rng, 5, 21) * DAY;
    const age = now - at;
    const status: RepairJobData['status'] =
      age < 3 * DAY
        ? 'received'
        : promisedAt > now
          ? 'inProgress'
          : age < 30 * DAY && chance(rng, 0.5)
            ? 'ready'
            : chance(rng, 0.05)
              ? 'cancelled'
              : 'collected';
    const data: RepairJobData = {
      item: repair.item[lang],
      jobNumber: `TMR-${new Date(at).getUTCFullYear()}-${serial}${j}`,
      status,
      promisedAt: iso(promisedAt),
      price: Math.round((repair.min + rng() * (repair.max - repair.min)) / 10) * 10,
      ...(status === 'cancelled'
        ? { notes: lang === 'tr' ? 'Müşteri vazgeçti.' : 'The customer changed their mind.' }
        : {}),
    };
    out.activities.push({ customerId, type: 'repairJob', at: iso(at), by: staff(), data });
    out.repairs++;
    if (status === 'collected' && chance(rng, 0.4)) answer('repair-pickup', Math.min(promisedAt, now - 3 * DAY));
  }

  const tickets = chance(rng, 0.08) ? (chance(rng, 0.2) ? 2 : 1) : 0;
  for (let j = 1; j <= tickets; j++) {
    const at = who.acquiredAt + rng() * (now - who.acquiredAt);
    const template = pick(rng, TICKETS);
    const age = now - at;
    const status =
      age > 30 * DAY ? (chance(rng, 0.7) ? 'closed' : 'solved') : pick(rng, ['open', 'pending', 'solved'] as const);
    const ticketId = `tkt-${serial}-${j}`;
    const priority = weighted(rng, [
      ['low', 2],
      ['normal', 6],
      ['high', 2],
      ['urgent', 0.5],
    ] as const);
    out.tickets.push({
      id: ticketId,
      customerId,
      createdAt: iso(at),
      subject: template.subject[lang],
      description: template.description[lang],
      status,
      priority,
    });
    out.activities.push({
      customerId,
      type: 'ticket',
      at: iso(at),
      data: { ticketId, subject: template.subject[lang], status },
    });
  }

  if (purchases.length >= 3 && satisfaction > 0.8 && chance(rng, 0.3)) out.referrals = between(rng, 1, 3);

  // The everyday contact: more for those who buy more, fading a year after someone stops buying.
  const contacts = poisson(rng, 6 + 3.2 * purchases.length);
  const contactEnd = Math.min(now, last + 400 * DAY);
  for (let j = 0; j < contacts; j++) {
    const type = weighted(rng, [
      ['email', 32],
      ['call', 24],
      ['note', 22],
      ['task', 13],
      ['meeting', 9],
    ] as const);
    // Newsletters keep going to everyone; people stop talking to those who left.
    const end = type === 'email' ? now : contactEnd;
    const at = duringOpeningHours(rng, who.acquiredAt + rng() * (end - who.acquiredAt), now, who.acquiredAt);
    out.activities.push(contact(rng, type, at, now, customerId, lang, staff()));
  }
  return out;
}

function salesDocument(
  id: string,
  kind: 'quote' | 'order' | 'invoice',
  status: string,
  number: string,
  at: number,
  purchase: DemoPurchase,
  customerId: string,
): SalesDocumentInput {
  return { id, customerId, kind, status, number, currency: 'TRY', lines: purchase.lines, issuedAt: iso(at) };
}

function contact(
  rng: Uniform,
  type: 'email' | 'call' | 'note' | 'task' | 'meeting',
  at: number,
  now: number,
  customerId: string,
  lang: DemoLanguage,
  by: string,
): ActivityInput {
  const base = { customerId, at: iso(at), by };
  switch (type) {
    case 'email': {
      const template = pick(rng, EMAIL_SUBJECTS);
      return { ...base, type, data: { direction: template.direction, subject: template.subject[lang] } };
    }
    case 'call':
      return {
        ...base,
        type,
        data: {
          direction: chance(rng, 0.6) ? 'outbound' : 'inbound',
          durationSec: between(rng, 20, 900),
          outcome: pick(rng, CALL_OUTCOMES)[lang],
        },
      };
    case 'note':
      return { ...base, type, data: { text: pick(rng, NOTES)[lang] } };
    case 'meeting':
      return {
        ...base,
        type,
        data: { title: pick(rng, MEETINGS)[lang], durationMin: pick(rng, [20, 30, 45, 60]) },
      };
    case 'task': {
      const recent = now - at < 30 * DAY;
      const open = recent && chance(rng, 0.6);
      const dueAt = at + between(rng, 2, 14) * DAY;
      return {
        ...base,
        type,
        ...(open || chance(rng, 0.5) ? { dueAt: iso(dueAt) } : {}),
        data: { title: pick(rng, TASKS)[lang], done: !open },
      };
    }
  }
}
