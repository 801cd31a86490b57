/**
 * The domain's schemas as vendors see them (without plugin extensions) and the document types, extended by
 * plugins through declaration merging into the open interfaces below.
 */
import { z } from 'zod';
import type { CORE_ACTIVITY_DATA } from './activity.js';
import { activityFields } from './activity.js';
import { systemFields } from './common.js';
import { checkConsentRecipient, consentFields } from './consent.js';
import { customerFields } from './customer.js';
import { auditFields, npsResponseFields, segmentFields, ticketFields } from './other.js';
import { salesDocumentFields } from './sales-document.js';

export * from './common.js';
export * from './customer.js';
export * from './consent.js';
export * from './activity.js';
export * from './sales-document.js';
export { TICKET_STATUSES, TICKET_PRIORITIES, JsonSchema } from './other.js';

/**
 * Custom fields on `customer.custom`, declared by plugins:
 * `declare module '@crmkit/core' { interface CrmCustomFields { loyaltyCard?: string } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CrmCustomFields {}

type CoreActivityData = { [K in keyof typeof CORE_ACTIVITY_DATA]: z.output<(typeof CORE_ACTIVITY_DATA)[K]> };

/**
 * The `data` of each activity type. Plugins add theirs:
 * `declare module '@crmkit/core' { interface CrmActivityTypes { repairJob: RepairJobData } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CrmActivityTypes extends CoreActivityData {}

export const CustomerSchema = z.strictObject({
  ...systemFields,
  ...customerFields,
  custom: z.record(z.string(), z.unknown()).default({}),
});
export const ConsentSchema = z.strictObject({ ...systemFields, ...consentFields }).superRefine(checkConsentRecipient);
export const ActivitySchema = z.strictObject({ ...systemFields, ...activityFields });
export const SalesDocumentSchema = z.strictObject({ ...systemFields, ...salesDocumentFields });
export const NpsResponseSchema = z.strictObject({ ...systemFields, ...npsResponseFields });
export const SegmentSchema = z.strictObject({ ...systemFields, ...segmentFields });
export const TicketSchema = z.strictObject({ ...systemFields, ...ticketFields });
export const AuditRecordSchema = z.strictObject({ ...systemFields, ...auditFields });

export type SystemFields = z.output<z.ZodObject<typeof systemFields>>;
export type Customer = Omit<z.output<typeof CustomerSchema>, 'custom'> & {
  custom: CrmCustomFields & Record<string, unknown>;
};
export type Consent = z.output<typeof ConsentSchema>;
export type ActivityType = keyof CrmActivityTypes & string;
type ActivityBase = Omit<z.output<typeof ActivitySchema>, 'type' | 'data'>;
/** A timeline item; `type` narrows `data`. */
export type Activity<K extends ActivityType = ActivityType> = {
  [T in K]: ActivityBase & { type: T; data: CrmActivityTypes[T] };
}[K];
export type SalesDocument = z.output<typeof SalesDocumentSchema>;
export type NpsResponse = z.output<typeof NpsResponseSchema>;
export type Segment = z.output<typeof SegmentSchema>;
export type Ticket = z.output<typeof TicketSchema>;
export type AuditRecord = z.output<typeof AuditRecordSchema>;

/** What a caller passes to `put`: the system fields are optional (absent `id` = a new document). */
export type Input<T> = Omit<T, keyof SystemFields> & Partial<SystemFields>;
export type CustomerInput = Omit<Input<z.input<typeof CustomerSchema>>, 'custom'> & {
  custom?: Partial<CrmCustomFields> & Record<string, unknown>;
};
export type ConsentInput = Input<z.input<typeof ConsentSchema>>;
export type ActivityInput<K extends ActivityType = ActivityType> = {
  [T in K]: Omit<Input<z.input<typeof ActivitySchema>>, 'type' | 'data'> & {
    type: T;
    data: CrmActivityTypes[T] | Record<string, unknown>;
  };
}[K];
export type SalesDocumentInput = Input<z.input<typeof SalesDocumentSchema>>;
export type NpsResponseInput = Input<z.input<typeof NpsResponseSchema>>;
export type SegmentInput = Input<z.input<typeof SegmentSchema>>;
export type TicketInput = Input<z.input<typeof TicketSchema>>;

/** The document type of each collection. */
export interface CrmDocuments {
  customers: Customer;
  consents: Consent;
  activities: Activity;
  salesDocuments: SalesDocument;
  npsResponses: NpsResponse;
  segments: Segment;
  tickets: Ticket;
  audit: AuditRecord;
}

/** The input type of each collection's `put`. */
export interface CrmInputs {
  customers: CustomerInput;
  consents: ConsentInput;
  activities: ActivityInput;
  salesDocuments: SalesDocumentInput;
  npsResponses: NpsResponseInput;
  segments: SegmentInput;
  tickets: TicketInput;
  audit: Input<AuditRecord>;
}

/** The field shapes per collection, for the registry that extends them. */
export const COLLECTION_FIELDS = {
  customers: customerFields,
  consents: consentFields,
  activities: activityFields,
  salesDocuments: salesDocumentFields,
  npsResponses: npsResponseFields,
  segments: segmentFields,
  tickets: ticketFields,
  audit: auditFields,
} as const;
