import { z } from 'zod';
import { AmountSchema, CurrencySchema, DateTimeSchema, IdSchema, requiredText, text } from './common.js';
import { CONSENT_CHANNELS, CONSENT_SOURCES, CONSENT_STATUSES } from './consent.js';

/** The `data` of each core activity type. Plugins add types (with their own schema) through the timeline extension point. */
export const CORE_ACTIVITY_DATA = {
  note: z.strictObject({ text: requiredText(10_000) }),
  call: z.strictObject({
    direction: z.enum(['inbound', 'outbound']),
    durationSec: z.number().int().min(0).max(86_400).optional(),
    outcome: text(200).optional(),
    notes: text(10_000).optional(),
  }),
  email: z.strictObject({
    direction: z.enum(['inbound', 'outbound']),
    subject: requiredText(300),
    body: text(50_000).optional(),
  }),
  meeting: z.strictObject({
    title: requiredText(300),
    location: text(300).optional(),
    durationMin: z.number().int().min(0).max(1440).optional(),
    notes: text(10_000).optional(),
  }),
  task: z.strictObject({
    title: requiredText(300),
    notes: text(10_000).optional(),
    done: z.boolean().default(false),
  }),
  purchase: z.strictObject({
    total: AmountSchema,
    currency: CurrencySchema,
    orderId: IdSchema.optional(),
    items: z.number().int().min(0).optional(),
    store: text(100).optional(),
  }),
  ticket: z.strictObject({
    ticketId: IdSchema,
    subject: requiredText(300),
    status: z.enum(['open', 'pending', 'solved', 'closed']),
  }),
  nps: z.strictObject({
    score: z.number().int().min(0).max(10),
    comment: text(2000).optional(),
    touchpoint: requiredText(100),
    responseId: IdSchema.optional(),
  }),
  consent: z.strictObject({
    channel: z.enum(CONSENT_CHANNELS),
    status: z.enum(CONSENT_STATUSES),
    source: z.enum(CONSENT_SOURCES),
    consentId: IdSchema.optional(),
  }),
} as const;

export type CoreActivityType = keyof typeof CORE_ACTIVITY_DATA;

/** The activity type names: lower camel case, so they are safe as keys, CSS classes and translation ids. */
export const ActivityTypeSchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{0,39}$/, 'must be a type name such as note or repairJob');

export const activityFields = {
  customerId: IdSchema,
  type: ActivityTypeSchema,
  at: DateTimeSchema,
  /** For tasks and upcoming items: when it is due. Overdue = `dueAt` in the past and not done. */
  dueAt: DateTimeSchema.optional(),
  /** Who did it (a user id or name). */
  by: text(200).optional(),
  data: z.unknown(),
};
