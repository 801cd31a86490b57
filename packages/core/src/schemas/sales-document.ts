import { z } from 'zod';
import { AmountSchema, CurrencySchema, DateTimeSchema, IdSchema, requiredText, text } from './common.js';

export const SALES_DOCUMENT_KINDS = ['quote', 'order', 'invoice'] as const;
export type SalesDocumentKind = (typeof SALES_DOCUMENT_KINDS)[number];

/** The statuses each kind can be in. */
export const SALES_DOCUMENT_STATUSES = {
  quote: ['draft', 'sent', 'accepted', 'rejected', 'expired'],
  order: ['open', 'fulfilled', 'cancelled'],
  invoice: ['draft', 'issued', 'paid', 'overdue', 'void'],
} as const satisfies Record<SalesDocumentKind, readonly string[]>;

export const SalesLineSchema = z.strictObject({
  description: requiredText(500),
  sku: text(100).optional(),
  quantity: z.number().finite().positive().max(1e6),
  unitPrice: AmountSchema,
  /** e.g. 0.2 for Turkey's 20% KDV. */
  taxRate: z.number().min(0).max(1).default(0),
  /** A fraction of the line's net amount, e.g. 0.1 for 10% off. */
  discount: z.number().min(0).max(1).default(0),
});
export type SalesLine = z.infer<typeof SalesLineSchema>;

export const TotalsSchema = z.strictObject({ net: AmountSchema, tax: AmountSchema, gross: AmountSchema });
export type Totals = z.infer<typeof TotalsSchema>;

const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/** Totals from the lines, rounded per line to cents as invoices print them. */
export function computeTotals(lines: readonly SalesLine[]): Totals {
  let net = 0;
  let tax = 0;
  for (const line of lines) {
    const lineNet = round2(line.quantity * line.unitPrice * (1 - line.discount));
    net += lineNet;
    tax += round2(lineNet * line.taxRate);
  }
  return { net: round2(net), tax: round2(tax), gross: round2(net + tax) };
}

export const salesDocumentFields = {
  customerId: IdSchema,
  kind: z.enum(SALES_DOCUMENT_KINDS),
  /** The number printed on the document, e.g. `INV-2026-000123`. */
  number: requiredText(50),
  status: z.string(),
  currency: CurrencySchema,
  lines: z.array(SalesLineSchema).min(1, 'needs at least one line').max(500),
  /** Computed from the lines when omitted; refused when given and different. */
  totals: TotalsSchema.optional(),
  issuedAt: DateTimeSchema,
  dueAt: DateTimeSchema.optional(),
  /** The quote an order or invoice came from. */
  fromQuoteId: IdSchema.optional(),
  notes: text(4000).optional(),
};
