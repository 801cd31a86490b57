/**
 * What the customer page reads beyond the kit's elements: the customer (for the page's heading), their sales
 * documents and their tickets. Each read uses an index of packages/core/src/collections.ts, so a customer's page
 * costs what their own rows cost, not the tenant's size.
 */
import {
  CrmValidationError,
  computeTotals,
  type Change,
  type Crm,
  type Customer,
  type SalesDocument,
  type StoredDocument,
  type Ticket,
} from '@crmkit/core';

/** Sales documents read per page: a customer with a long history still opens at once. */
export const DOCUMENTS_PAGE = 25;

/** The customer, or undefined when there is none with this id (an id that cannot exist counts as none). */
export async function readCustomer(crm: Crm, id: string): Promise<Customer | undefined> {
  if (!id) return undefined;
  try {
    return await crm.customers.get(id);
  } catch (error) {
    if (error instanceof CrmValidationError) return undefined;
    throw error;
  }
}

export interface DocumentsPage {
  items: SalesDocument[];
  nextCursor?: string;
}

/**
 * Newest first, through the `[customerId, issuedAt]` index: the storage sorts and pages, so the first rows come
 * without reading the rest. `limit` lets a live refresh re-read as many rows as are already shown.
 */
export async function readDocuments(
  crm: Crm,
  customerId: string,
  options: { limit?: number; cursor?: string } = {},
): Promise<DocumentsPage> {
  const page = await crm.salesDocuments.query({
    where: { customerId },
    sort: [{ field: 'issuedAt', direction: 'desc' }],
    limit: options.limit ?? DOCUMENTS_PAGE,
    cursor: options.cursor,
  });
  return page.nextCursor ? { items: page.items, nextCursor: page.nextCursor } : { items: page.items };
}

/**
 * Every ticket of the customer, newest first. Tickets have only a `customerId` index (no compound one with a
 * date), and a customer has a handful, so they are read whole and sorted here by when they were opened.
 */
export async function readTickets(crm: Crm, customerId: string): Promise<Ticket[]> {
  const tickets = await crm.tickets.all({ customerId });
  return tickets.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** The document's gross total; the crm fills `totals` on write, the lines are the fallback for older rows. */
export function grossTotal(document: SalesDocument): number {
  return (document.totals ?? computeTotals(document.lines)).gross;
}

/**
 * Whether a change concerns the customer. A change from another tab may come without the document (the storage
 * could not tell what it was); it might be theirs, so it counts.
 */
export function concerns(change: Change<StoredDocument>, customerId: string): boolean {
  if (change.collection === 'customers') return change.id === customerId;
  const doc = change.doc as { customerId?: unknown } | undefined;
  return doc === undefined || doc.customerId === customerId;
}
