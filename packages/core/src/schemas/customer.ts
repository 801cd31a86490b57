import { z } from 'zod';
import {
  DateTimeSchema,
  EmailSchema,
  IdSchema,
  PhoneSchema,
  requiredText,
  text,
  AmountSchema,
  CurrencySchema,
} from './common.js';

export const LIFECYCLE_STAGES = ['acquisition', 'development', 'retention', 'decline'] as const;
export const LADDER_RUNGS = ['prospect', 'customer', 'client', 'supporter', 'advocate', 'partner'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type LadderRung = (typeof LADDER_RUNGS)[number];

export const AddressSchema = z.strictObject({
  line: text(300).optional(),
  district: text(100).optional(),
  city: text(100).optional(),
  postalCode: text(20).optional(),
  /** ISO 3166-1 alpha-2, e.g. `TR`. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 two-letter country code such as TR')
    .optional(),
});

export const AcquisitionSchema = z.strictObject({
  /** How the customer was won: `store`, `web`, `referral`, `agent`, `direct-marketing`, `social`… */
  channel: requiredText(50),
  at: DateTimeSchema,
  campaign: text(100).optional(),
});

/**
 * Relationship facts that analytics and plugins keep up to date (purchase summary, stage, rung). Kept on the
 * customer so that lists, segments and computed metrics read them without loading the whole history.
 */
export const LifecycleSchema = z.strictObject({
  stage: z.enum(LIFECYCLE_STAGES).optional(),
  ladder: z.enum(LADDER_RUNGS).optional(),
  firstPurchaseAt: DateTimeSchema.optional(),
  lastPurchaseAt: DateTimeSchema.optional(),
  purchases: z.number().int().min(0).optional(),
  totalSpent: AmountSchema.optional(),
  currency: CurrencySchema.optional(),
  referrals: z.number().int().min(0).optional(),
  partner: z.boolean().optional(),
});

/** Language of communication, a BCP 47 tag such as `tr` or `en-GB`. */
export const LanguageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language tag such as tr or en-GB');

export const customerFields = {
  name: requiredText(200),
  emails: z.array(EmailSchema).max(10).default([]),
  phones: z.array(PhoneSchema).max(10).default([]),
  company: text(200).optional(),
  photoUrl: z.url({ protocol: /^https?$/ }).optional(),
  address: AddressSchema.optional(),
  language: LanguageSchema.optional(),
  tags: z.array(requiredText(50)).max(100).default([]),
  acquisition: AcquisitionSchema.optional(),
  owner: IdSchema.optional(),
  lifecycle: LifecycleSchema.optional(),
};
