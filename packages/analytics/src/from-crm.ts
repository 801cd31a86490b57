/**
 * Bridges from the documents @crmkit/core stores to the plain inputs of the analytics functions.
 */
import {
  computeTotals,
  SALES_DOCUMENT_STATUSES,
  type Currency,
  type NpsResponse,
  type SalesDocument,
  type SalesDocumentKind,
} from '@crmkit/core';
import { IssueCollector } from './validate.js';
import { npsBy, type NpsGroup } from './nps.js';
import type { Transaction } from './transactions.js';

/** The statuses that count as a purchase by default: orders not cancelled, invoices issued, accepted quotes. */
export const PURCHASE_STATUSES: { readonly [K in SalesDocumentKind]: readonly string[] } = Object.freeze({
  quote: ['accepted'],
  order: ['open', 'fulfilled'],
  invoice: ['issued', 'paid', 'overdue'],
});

export interface TransactionsFromSalesOptions {
  /**
   * Which kinds of document are purchases (default `['order']`). Take orders or invoices, not both, where
   * invoices follow orders: the same sale would count twice.
   */
  kinds?: readonly SalesDocumentKind[];
  /** Statuses that count, per kind (default `PURCHASE_STATUSES`). */
  statuses?: Partial<{ [K in SalesDocumentKind]: readonly string[] }>;
  /** Net (default) or gross (tax included) amount. */
  amount?: 'net' | 'gross';
  /**
   * Only documents in this currency. Required when the documents mix currencies: amounts in TRY and EUR
   * cannot be added up without an exchange rate, and analytics does not guess one.
   */
  currency?: Currency;
}

type SalesLike = Pick<SalesDocument, 'customerId' | 'kind' | 'status' | 'currency' | 'lines' | 'issuedAt'> & {
  totals?: SalesDocument['totals'];
};

/** One `Transaction` per purchase document, dated by `issuedAt`, valued by its totals (or its lines). */
export function transactionsFromSalesDocuments(
  documents: readonly SalesLike[],
  options: TransactionsFromSalesOptions = {},
): Transaction[] {
  const issues = new IssueCollector('transactionsFromSalesDocuments');
  if (!issues.array(documents, [])) issues.throwIfAny();
  const kinds = new Set(options.kinds ?? ['order']);
  for (const kind of kinds) {
    if (!Object.hasOwn(SALES_DOCUMENT_STATUSES, kind)) issues.add(['options', 'kinds'], `unknown kind ${String(kind)}`);
  }
  const amount = options.amount ?? 'net';
  if (amount !== 'net' && amount !== 'gross') issues.add(['options', 'amount'], "expected 'net' or 'gross'");
  issues.throwIfAny();

  const counted = (document: SalesLike) =>
    kinds.has(document.kind) &&
    (options.statuses?.[document.kind] ?? PURCHASE_STATUSES[document.kind]).includes(document.status) &&
    (options.currency === undefined || document.currency === options.currency);

  const out: Transaction[] = [];
  let firstCurrency: { currency: string; index: number } | undefined;
  documents.forEach((document, i) => {
    if (issues.full || !issues.record(document, [i]) || !counted(document)) return;
    if (!firstCurrency) firstCurrency = { currency: document.currency, index: i };
    else if (document.currency !== firstCurrency.currency) {
      issues.add(
        [i, 'currency'],
        `is ${document.currency} but [${firstCurrency.index}] is ${firstCurrency.currency}; pass options.currency to analyse one currency`,
      );
      return;
    }
    const totals = document.totals ?? computeTotals(document.lines);
    out.push({ customerId: document.customerId, at: document.issuedAt, amount: totals[amount] });
  });
  issues.throwIfAny();
  return out;
}

/** NPS per touchpoint from the kit's stored responses, touchpoints in order of first appearance. */
export function npsByTouchpoint(responses: readonly Pick<NpsResponse, 'score' | 'touchpoint'>[]): NpsGroup[] {
  return npsBy(responses, 'touchpoint');
}

/** What the analytics read of a purchase activity (the kit's `Activity<'purchase'>` fits). */
export interface PurchaseActivityLike {
  customerId: string;
  type: string;
  at: string;
  data: unknown;
}

/**
 * One `Transaction` per activity of type `purchase` in `currency` (others are left out: decision 0037),
 * valued by `data.total`.
 */
export function transactionsFromPurchases(
  activities: readonly PurchaseActivityLike[],
  options: { currency: Currency | (string & {}) },
): Transaction[] {
  const issues = new IssueCollector('transactionsFromPurchases');
  if (!issues.array(activities, [])) issues.throwIfAny();
  const out: Transaction[] = [];
  for (let i = 0; i < activities.length && !issues.full; i++) {
    const activity = activities[i];
    if (!issues.record(activity, [i]) || activity.type !== 'purchase') continue;
    const data = activity.data as { total?: unknown; currency?: unknown } | null;
    if (!data || typeof data !== 'object' || data.currency !== options.currency) continue;
    const amount = issues.number(data.total, [i, 'data', 'total'], { min: 0 });
    if (amount !== undefined) out.push({ customerId: activity.customerId, at: activity.at, amount });
  }
  issues.throwIfAny();
  return out;
}
