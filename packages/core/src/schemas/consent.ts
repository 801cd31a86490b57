import { z } from 'zod';
import type { CrmIssue } from '../errors.js';
import { DateTimeSchema, EmailSchema, IdSchema, PhoneSchema, text } from './common.js';

/** The kit's channel names and their names in Turkey's İYS registry. */
export const CONSENT_CHANNELS = ['email', 'sms', 'call'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export const IYS_CHANNEL = { email: 'EPOSTA', sms: 'MESAJ', call: 'ARAMA' } as const satisfies Record<
  ConsentChannel,
  string
>;

export const CONSENT_STATUSES = ['granted', 'denied'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export const IYS_STATUS = { granted: 'ONAY', denied: 'RET' } as const satisfies Record<ConsentStatus, string>;

export const RECIPIENT_TYPES = ['individual', 'merchant'] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];
export const IYS_RECIPIENT_TYPE = { individual: 'BIREYSEL', merchant: 'TACIR' } as const satisfies Record<
  RecipientType,
  string
>;

/** İYS consent sources for consents a brand collects itself (the `HS_` codes). */
export const CONSENT_SOURCES = [
  'HS_FIZIKSEL_ORTAM',
  'HS_ISLAK_IMZA',
  'HS_WEB',
  'HS_CAGRI_MERKEZI',
  'HS_SOSYAL_MEDYA',
  'HS_EPOSTA',
  'HS_MESAJ',
  'HS_MOBIL',
  'HS_EORTAM',
  'HS_ETKINLIK',
  'HS_2015',
  'HS_ATM',
  'HS_KARAR',
] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

export const consentFields = {
  customerId: IdSchema,
  channel: z.enum(CONSENT_CHANNELS),
  status: z.enum(CONSENT_STATUSES),
  /** The address the consent is for: an e-mail address for `email`, a phone number for `sms` and `call`. */
  recipient: z.string().trim().min(1).max(200),
  recipientType: z.enum(RECIPIENT_TYPES).default('individual'),
  source: z.enum(CONSENT_SOURCES),
  recordedAt: DateTimeSchema,
  /** What proves the consent: the form text, the call recording's reference, the signed document's number. */
  proof: text(4000).optional(),
};

/** The recipient must be an address of the channel's kind; the problem as an issue, or undefined. */
export function consentRecipientProblem(value: { channel: ConsentChannel; recipient: string }): CrmIssue | undefined {
  const schema = value.channel === 'email' ? EmailSchema : PhoneSchema;
  if (schema.safeParse(value.recipient).success) return undefined;
  return {
    path: ['recipient'],
    code: 'custom',
    message:
      value.channel === 'email'
        ? 'must be an e-mail address for the email channel'
        : `must be a phone number for the ${value.channel} channel`,
  };
}

export function checkConsentRecipient(
  value: { channel: ConsentChannel; recipient: string },
  ctx: z.RefinementCtx,
): void {
  const problem = consentRecipientProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', path: [...problem.path], message: problem.message });
}
