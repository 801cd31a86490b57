/**
 * How a custom field's stored value reads on the card: dates, numbers, yes/no and enum values (through the
 * catalogue) in the element's language, not as the JSON-ish strings the record keeps. The editor keeps the raw form (`readField`), which its inputs need.
 */
import type { LocaleController } from '../shared/locale-controller.js';
import { getPath, readField, type EditField } from './edit-fields.js';
import { enumText } from './metric-rows.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day stays that day in every time zone; a moment reads in the viewer's own, with its time. */
function dateText(value: string, i18n: LocaleController): string | undefined {
  if (Number.isNaN(Date.parse(value))) return undefined;
  return DATE_ONLY.test(value)
    ? i18n.date(value, { dateStyle: 'medium', timeZone: 'UTC' })
    : i18n.date(value, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The field's value for reading; empty when the customer has none. */
export function fieldText(record: unknown, field: EditField, i18n: LocaleController): string {
  const value = getPath(record, field.key);
  if (field.kind === 'date' && typeof value === 'string') return dateText(value, i18n) ?? value;
  if (typeof value === 'number' && Number.isFinite(value)) return i18n.number(value, { maximumFractionDigits: 2 });
  if (typeof value === 'boolean') return i18n.t(value ? 'common.yes' : 'common.no');
  // An enum custom field's value reads through the catalogue under `<field>.<value>`, as metric values do.
  if (field.kind === 'enum' && typeof value === 'string')
    return enumText(field.key.replace(/^custom\./, ''), value, i18n);
  return readField(record, field);
}
