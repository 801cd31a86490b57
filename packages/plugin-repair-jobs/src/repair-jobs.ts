/**
 * Jewellery repair jobs on the customer's timeline: what was brought in, the job number on the ticket, where the
 * job stands, when it was promised and what it costs. A timeline item type of its own, with its data validated by
 * the schema below and rendered as plain text in the crm's language.
 */
import {
  AmountSchema,
  DateTimeSchema,
  definePlugin,
  formatDate,
  formatMoney,
  requiredText,
  text,
  type CrmPlugin,
  type LocalizedText,
  type TimelineItemView,
  type TimelineRenderContext,
} from '@crmkit/core';
import { z } from 'zod';

export const REPAIR_JOB_STATUSES = ['received', 'inProgress', 'ready', 'collected', 'cancelled'] as const;
export type RepairJobStatus = (typeof REPAIR_JOB_STATUSES)[number];

export const RepairJobSchema = z.strictObject({
  /** What was brought in: "Gold ring, resize to 54". */
  item: requiredText(200),
  /** The number on the customer's repair ticket. */
  jobNumber: requiredText(40),
  status: z.enum(REPAIR_JOB_STATUSES),
  /** When the customer was told it would be ready. */
  promisedAt: DateTimeSchema.optional(),
  /** The price quoted, in Turkish lira. */
  price: AmountSchema.optional(),
  notes: text(2000).optional(),
});

export type RepairJobData = z.output<typeof RepairJobSchema>;

declare module '@crmkit/core' {
  interface CrmActivityTypes {
    repairJob: RepairJobData;
  }
}

export type StatusTone = NonNullable<TimelineItemView['status']>['tone'];

/** How each status reads on the timeline: open work is `info`, waiting for the customer `warning`. */
export const REPAIR_JOB_TONES: Readonly<Record<RepairJobStatus, StatusTone>> = {
  received: 'neutral',
  inProgress: 'info',
  ready: 'warning',
  collected: 'success',
  cancelled: 'danger',
};

const STATUS_LABELS: Record<RepairJobStatus, LocalizedText> = {
  received: { en: 'Received', tr: 'Teslim alındı' },
  inProgress: { en: 'In progress', tr: 'Onarımda' },
  ready: { en: 'Ready for collection', tr: 'Teslime hazır' },
  collected: { en: 'Collected', tr: 'Teslim edildi' },
  cancelled: { en: 'Cancelled', tr: 'İptal edildi' },
};

const MESSAGES: Record<string, LocalizedText> = {
  'repairJob.label': { en: 'Repair job', tr: 'Tamir işi' },
  'repairJob.title': { en: 'Repair {jobNumber}: {item}', tr: 'Tamir {jobNumber}: {item}' },
  'repairJob.jobNumber': { en: 'Job number', tr: 'İş numarası' },
  'repairJob.promisedAt': { en: 'Promised for', tr: 'Söz verilen tarih' },
  'repairJob.price': { en: 'Price', tr: 'Ücret' },
  'repairJob.notes': { en: 'Notes', tr: 'Notlar' },
  'repairJob.status': { en: 'Repair status', tr: 'Tamir durumu' },
  ...Object.fromEntries(REPAIR_JOB_STATUSES.map((status) => [`repairJob.status.${status}`, STATUS_LABELS[status]])),
};

/** A message through the crm's catalogue, or this plugin's own text when the catalogue does not have it. */
function message(context: TimelineRenderContext, key: string, params?: Record<string, string | number>): string {
  const translated = context.t(key, params);
  if (translated !== key) return translated;
  const own = MESSAGES[key]?.[context.locale] ?? key;
  return own.replace(/\{(\w+)\}/g, (match, name: string) => (params && name in params ? String(params[name]) : match));
}

/** The timeline's view of a repair job: plain text, in the context's language. */
export function renderRepairJob(data: RepairJobData, context: TimelineRenderContext): TimelineItemView {
  const { locale } = context;
  const fields: Array<{ label: string; value: string }> = [
    { label: message(context, 'repairJob.jobNumber'), value: data.jobNumber },
  ];
  if (data.promisedAt) {
    fields.push({ label: message(context, 'repairJob.promisedAt'), value: formatDate(data.promisedAt, locale) });
  }
  if (data.price !== undefined) {
    fields.push({ label: message(context, 'repairJob.price'), value: formatMoney(data.price, 'TRY', locale) });
  }
  if (data.notes) fields.push({ label: message(context, 'repairJob.notes'), value: data.notes });
  const status = message(context, `repairJob.status.${data.status}`);
  return {
    title: message(context, 'repairJob.title', { jobNumber: data.jobNumber, item: data.item }),
    summary: data.notes ? `${status} · ${data.notes}` : status,
    fields,
    status: { label: status, tone: REPAIR_JOB_TONES[data.status] },
  };
}

export function repairJobsPlugin(): CrmPlugin {
  return definePlugin({
    id: 'repair-jobs',
    version: '0.1.0',
    kit: '^0.1.0',
    register(ctx) {
      ctx.timeline.addType<RepairJobData>({
        type: 'repairJob',
        schema: RepairJobSchema,
        label: MESSAGES['repairJob.label']!,
        // Hammer and pick, from the Miscellaneous Symbols block like the core types' icons: the wrench emoji
        // (U+1F527) is missing from common text fonts and showed as an empty box in headless Chromium.
        icon: '⚒',
        render: (activity, context) => renderRepairJob(activity.data, context),
      });
      ctx.i18n.add({
        en: Object.fromEntries(Object.entries(MESSAGES).map(([key, value]) => [key, value.en])),
        tr: Object.fromEntries(Object.entries(MESSAGES).map(([key, value]) => [key, value.tr])),
      });
    },
  });
}
