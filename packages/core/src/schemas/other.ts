/** The smaller collections: NPS responses, segments, tickets and the audit trail. */
import { z } from 'zod';
import { DateTimeSchema, IdSchema, requiredText, text } from './common.js';

export const npsResponseFields = {
  customerId: IdSchema,
  score: z.number().int('must be a whole number from 0 to 10').min(0).max(10),
  comment: text(2000).optional(),
  /** Where the question was asked: `store-visit`, `repair-pickup`, `web-order`… */
  touchpoint: requiredText(100),
  at: DateTimeSchema,
};

/** A JSON value: what a segment rule must be so that it can be stored, exported and sent to a server. */
export const JsonSchema: z.ZodType<unknown> = z.json();

export const segmentFields = {
  name: requiredText(200),
  description: text(2000).optional(),
  /** The rule tree of `@crmkit/segments`; validated there. Stored as JSON here. */
  rule: JsonSchema,
};

export const TICKET_STATUSES = ['open', 'pending', 'solved', 'closed'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const ticketFields = {
  customerId: IdSchema,
  subject: requiredText(300),
  description: text(20_000).optional(),
  status: z.enum(TICKET_STATUSES).default('open'),
  priority: z.enum(TICKET_PRIORITIES).default('normal'),
};

/** Audit records hold no personal data: only what happened, when, by whom, and how much. */
export const auditFields = {
  kind: z.enum(['erasure']),
  at: DateTimeSchema,
  by: text(200),
  /** A one-way hash of the tenant and the subject's id: answers "was X erased?" without storing X. */
  subject: z.string().regex(/^[0-9a-f]{64}$/),
  counts: z.record(z.string(), z.number().int().min(0)),
};
