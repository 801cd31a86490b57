/**
 * What the builder offers: the customer's fields (grouped, searchable), the activity types and their fields, the
 * operators of a field, and the value editor of an operator. Also the default column map of the SQL export.
 */
import {
  CORE_ACTIVITY_DATA,
  catalogueLabel,
  describeObject,
  foldForSearch,
  type Crm,
  type LocalizedText,
} from '@crmkit/core';
import { segmentFields, segmentOperators } from '../crm/fields.js';
import type { SegmentField } from '../fields.js';
import type { SegmentOperator } from '../operators.js';
import type { SqlActivities, SqlColumn } from '../sql/to-sql.js';
import type { BuilderNode, ValueEditor } from './types.js';

export type Label = SegmentField['label'];
type Schema = Parameters<typeof describeObject>[0];

/** A label in the reader's language, else English, else the fallback. */
export function labelOf(label: Label, locale: string, fallback: string): string {
  if (typeof label === 'string') return label || fallback;
  return label?.[locale] || label?.en || fallback;
}

/** `lastPurchaseAt` → `Last purchase at`: a readable name for fields that have no label. */
export const readable = (path: string): string =>
  (path.split('.').pop() ?? path).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

/** The customer fields of a crm (`segmentFields`): schema, custom, computed metrics and plugin fields. */
export function customerFields(crm: Crm): SegmentField[] {
  return segmentFields(crm);
}

/** The plugins' segment operators, run through the crm's plugin host. */
export function pluginOperators(crm: Crm | undefined): SegmentOperator[] {
  return crm ? segmentOperators(crm) : [];
}

export interface ActivityType {
  type: string;
  label: LocalizedText | undefined;
}

/** The activity types a behavioural condition can name: the core's and the plugins'. */
export function activityTypes(crm: Crm): ActivityType[] {
  const plugin = new Map(crm.plugins.timelineTypes().map((type) => [type.type, type.label]));
  return crm.schemas.activityTypeNames().map((type) => ({ type, label: plugin.get(type) }));
}

/**
 * The fields of one activity type, for the conditions of a behaviour's "where": `at` and `data.*`. Labels come from
 * the crm's catalogue (`segment.activityField.<path>`), else from the path.
 */
export function activityFields(
  crm: Crm,
  type: string,
  label: (path: string) => LocalizedText = catalogueLabel(crm.messages, 'segment.activityField'),
): SegmentField[] {
  const core: Partial<Record<string, Schema>> = CORE_ACTIVITY_DATA;
  const schema = core[type] ?? crm.plugins.timelineTypes().find((entry) => entry.type === type)?.schema;
  const data = schema ? describeObject(schema, label, 'activity', 'data', new Set()) : [];
  return [{ path: 'at', type: 'date', label: label('at'), group: 'activity' }, ...data];
}

// ——— search ———

export interface FieldGroup {
  name: string;
  items: Array<{ field: SegmentField; label: string; hay: string }>;
}

const indexes = new WeakMap<readonly SegmentField[], Map<string, FieldGroup[]>>();

/** The fields grouped (in the registry's order) with their labels folded for search; kept per list and locale. */
export function fieldGroups(fields: readonly SegmentField[], locale: string): FieldGroup[] {
  let perLocale = indexes.get(fields);
  if (!perLocale) indexes.set(fields, (perLocale = new Map<string, FieldGroup[]>()));
  let groups = perLocale.get(locale);
  if (!groups) {
    const byName = new Map<string, FieldGroup>();
    for (const field of fields) {
      const name = field.group ?? '';
      let group = byName.get(name);
      if (!group) byName.set(name, (group = { name, items: [] }));
      const label = labelOf(field.label, locale, readable(field.path));
      group.items.push({ field, label, hay: foldForSearch(`${label} ${field.path}`, locale) });
    }
    groups = [...byName.values()];
    perLocale.set(locale, groups);
  }
  return groups;
}

/**
 * The groups whose fields match every word of the query (Turkish-aware: "sehir" finds "Şehir"), at most `limit`
 * fields in all; `total` says how many matched.
 */
export function searchFields(
  fields: readonly SegmentField[],
  query: string,
  locale: string,
  limit: number,
): { groups: FieldGroup[]; total: number } {
  const words = foldForSearch(query, locale).split(/\s+/).filter(Boolean);
  const groups: FieldGroup[] = [];
  let total = 0;
  let shown = 0;
  for (const group of fieldGroups(fields, locale)) {
    const items = words.length
      ? group.items.filter((item) => words.every((word) => item.hay.includes(word)))
      : group.items;
    total += items.length;
    const room = limit - shown;
    if (items.length && room > 0) {
      const slice = items.slice(0, room);
      shown += slice.length;
      groups.push({ name: group.name, items: slice });
    }
  }
  return { groups, total };
}

// ——— operators and value editors ———

const LISTS = new Set(['in', 'notIn', 'hasAny', 'hasAll', 'hasNone']);

/** The editor for an operator's value on a field. */
export function editorFor(op: string, field: SegmentField | undefined): ValueEditor {
  const type = field?.type;
  switch (op) {
    case '':
    case 'isEmpty':
    case 'isNotEmpty':
      return 'none';
    case 'withinLastDays':
    case 'notWithinLastDays':
      return 'days';
    case 'before':
    case 'after':
      return 'date';
    case 'between':
      return 'range';
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith':
      return 'text';
  }
  if (LISTS.has(op)) return field?.enumValues?.length ? 'multi' : 'tags';
  if ((op === 'eq' || op === 'neq') && field?.enumValues?.length) return 'choice';
  if ((op === 'eq' || op === 'neq') && type === 'boolean') return 'boolean';
  return type === 'number' ? 'number' : type === 'date' ? 'date' : 'text';
}

/** The kind of one value inside a range or a list. */
export const scalarEditor = (field: SegmentField | undefined): 'number' | 'date' | 'text' =>
  field?.type === 'number' ? 'number' : field?.type === 'date' ? 'date' : 'text';

/** What of a value survives a change of editor: a single value becomes a list of one and back. */
export function carryValue(value: unknown, from: ValueEditor, to: ValueEditor): unknown {
  if (from === to) return value;
  if (to === 'none' || to === 'range' || to === 'days' || from === 'range' || from === 'days') return undefined;
  const list = Array.isArray(value) ? (value as unknown[]) : value === undefined || value === '' ? [] : [value];
  if (to === 'multi' || to === 'tags') return list.length ? list : undefined;
  if (to === 'boolean') return typeof list[0] === 'boolean' ? list[0] : undefined;
  return list[0];
}

const blank = (value: unknown) => value === undefined || value === null || value === '';

/** A node the user has not finished: it is left out of the count, and reported only once they have touched it. */
export function incompletePart(node: BuilderNode, field: SegmentField | undefined): string | undefined {
  if (node.kind === 'event') return node.activityType ? undefined : 'activityType';
  if (node.kind !== 'condition') return undefined;
  if (!node.field) return 'field';
  if (!node.op) return 'op';
  const editor = editorFor(node.op, field);
  if (editor === 'none') return undefined;
  const value = node.value;
  if (blank(value)) return 'value';
  if (Array.isArray(value) && (value.length === 0 || (editor === 'range' && value.some(blank)))) return 'value';
  return undefined;
}

/** A number from what was typed (a Turkish decimal comma too); what is not a number stays as typed. */
export function parseNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const normalized = /^[-+]?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized) ? Number(normalized) : trimmed;
}

// ——— SQL ———

function columnName(path: string): string {
  const name = path.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 56);
  return /^[A-Za-z_]/.test(name) ? name : `f_${name}`.slice(0, 56);
}

function column(field: SegmentField): SqlColumn {
  const name = columnName(field.path);
  if (field.type === 'number') return { name, type: 'number' };
  if (field.type === 'boolean') return { name, type: 'boolean' };
  return { name, type: field.type === 'array' ? 'text[]' : 'text', folded: `${name}_folded` };
}

/**
 * The default column map: one column per field named after its path (`address.city` → `address_city`), with a
 * folded twin (`address_city_folded`) for case-insensitive tests. Hosts with another schema set `sqlColumns`.
 */
export function defaultColumns(fields: readonly SegmentField[]): Record<string, SqlColumn> {
  return Object.fromEntries(fields.map((field) => [field.path, column(field)]));
}

export function defaultActivities(fields: readonly SegmentField[]): SqlActivities {
  return {
    table: 'activities',
    customerId: 'customer_id',
    columns: defaultColumns(fields.filter((field) => field.path !== 'at')),
  };
}
