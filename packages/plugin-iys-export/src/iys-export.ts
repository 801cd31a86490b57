/**
 * The current consents of customers in the bulk format of Turkey's İYS (İleti Yönetim Sistemi): one record per
 * customer and channel, the latest consent only, with the consent date in Turkey time (`YYYY-MM-DD HH:mm:ss`).
 * `toIysJson` gives the JSON body of a bulk upload, `toIysCsv` a CSV file for the İYS web portal.
 */
import {
  IYS_CHANNEL,
  IYS_RECIPIENT_TYPE,
  IYS_STATUS,
  currentConsents,
  definePlugin,
  type Consent,
  type ConsentSource,
  type Crm,
  type CrmPlugin,
  type Customer,
} from '@crmkit/core';

export type IysType = (typeof IYS_CHANNEL)[keyof typeof IYS_CHANNEL];
export type IysStatus = (typeof IYS_STATUS)[keyof typeof IYS_STATUS];
export type IysRecipientType = (typeof IYS_RECIPIENT_TYPE)[keyof typeof IYS_RECIPIENT_TYPE];

/** One consent as İYS takes it. */
export interface IysRecord {
  type: IysType;
  recipient: string;
  recipientType: IysRecipientType;
  source: ConsentSource;
  status: IysStatus;
  /** When the consent was given or refused, Turkey time: `YYYY-MM-DD HH:mm:ss`. */
  consentDate: string;
}

/** The order of the columns in the CSV, the same as the fields of a record. */
export const IYS_CSV_COLUMNS = ['type', 'recipient', 'recipientType', 'source', 'status', 'consentDate'] as const;

const TURKEY_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Istanbul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as İYS wants it: `YYYY-MM-DD HH:mm:ss` in Turkey time (Europe/Istanbul). */
export function iysDate(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of TURKEY_TIME.formatToParts(date)) parts[part.type] = part.value;
  const { year, month, day, hour, minute, second } = parts;
  return `${year ?? ''}-${month ?? ''}-${day ?? ''} ${hour ?? ''}:${minute ?? ''}:${second ?? ''}`;
}

export interface ToIysRecordsOptions {
  /** Leave out consents recorded after this instant (a consent cannot be sent to İYS before it exists). */
  now?: Date;
}

/**
 * The İYS records of consent records: the latest per customer and channel (by `recordedAt`, as
 * `crm.consents.current` decides), sorted by customer and channel. Pure: the same consents give the same records.
 */
export function toIysRecords(consents: readonly Consent[], options: ToIysRecordsOptions = {}): IysRecord[] {
  const cutoff = options.now?.getTime();
  const byCustomer = new Map<string, Consent[]>();
  for (const consent of consents) {
    if (cutoff !== undefined && Date.parse(consent.recordedAt) > cutoff) continue;
    const list = byCustomer.get(consent.customerId);
    if (list) list.push(consent);
    else byCustomer.set(consent.customerId, [consent]);
  }
  const records: IysRecord[] = [];
  for (const customerId of [...byCustomer.keys()].sort()) {
    const history = [...(byCustomer.get(customerId) ?? [])].sort((a, b) =>
      a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.createdAt < b.createdAt ? -1 : 1,
    );
    const current = currentConsents(history);
    for (const channel of ['email', 'sms', 'call'] as const) {
      const consent = current[channel];
      if (!consent) continue;
      records.push({
        type: IYS_CHANNEL[consent.channel],
        recipient: consent.recipient,
        recipientType: IYS_RECIPIENT_TYPE[consent.recipientType],
        source: consent.source,
        status: IYS_STATUS[consent.status],
        consentDate: iysDate(consent.recordedAt),
      });
    }
  }
  return records;
}

/** The current consents of some customers (all when `customerIds` is absent) as İYS records. */
export async function iysConsentExport(
  crm: Crm,
  options: { customerIds?: readonly string[]; now?: Date } = {},
): Promise<IysRecord[]> {
  const consents: Consent[] = [];
  if (options.customerIds) {
    for (const customerId of options.customerIds) consents.push(...(await crm.consents.history(customerId)));
  } else {
    consents.push(...(await crm.consents.all()));
  }
  return toIysRecords(consents, options.now ? { now: options.now } : {});
}

/** The JSON body of an İYS bulk upload. */
export function toIysJson(records: readonly IysRecord[], space?: number): string {
  return JSON.stringify({ recipients: records }, null, space);
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The records as CSV (RFC 4180: a header row, CRLF line ends, cells with commas, quotes or line breaks quoted). */
export function toIysCsv(records: readonly IysRecord[]): string {
  const rows = [IYS_CSV_COLUMNS.join(',')];
  for (const record of records) rows.push(IYS_CSV_COLUMNS.map((column) => csvCell(record[column])).join(','));
  return rows.join('\r\n') + '\r\n';
}

export interface IysExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

export interface IysExportOptions {
  /** `csv` (default) or `json`. */
  format?: 'csv' | 'json';
  /**
   * What the card action does with the file. Default: in a browser, download it; elsewhere, nothing.
   */
  onExport?: (file: IysExportFile, records: readonly IysRecord[], customer: Customer) => void | Promise<void>;
}

function download(file: IysExportFile): void {
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The card action "Export İYS consents": the customer's current consents as an İYS file. */
export function iysExportPlugin(options: IysExportOptions = {}): CrmPlugin {
  const format = options.format ?? 'csv';
  const onExport = options.onExport ?? download;
  return definePlugin({
    id: 'iys-export',
    version: '0.1.0',
    kit: '^0.1.0',
    register(ctx) {
      ctx.card.addAction({
        id: 'iys-export',
        label: { en: 'Export İYS consents', tr: 'İYS izinlerini dışa aktar' },
        icon: '⤓',
        async run(customer, crm) {
          const records = await iysConsentExport(crm, { customerIds: [customer.id] });
          const file: IysExportFile =
            format === 'json'
              ? { fileName: `iys-${customer.id}.json`, mimeType: 'application/json', content: toIysJson(records, 2) }
              : { fileName: `iys-${customer.id}.csv`, mimeType: 'text/csv;charset=utf-8', content: toIysCsv(records) };
          await onExport(file, records, customer);
        },
      });
      ctx.i18n.add({
        en: { 'iysExport.action': 'Export İYS consents' },
        tr: { 'iysExport.action': 'İYS izinlerini dışa aktar' },
      });
    },
  });
}
