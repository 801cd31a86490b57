/**
 * The card's editable fields and how a form's strings map to a customer input and back. Plain data and pure
 * functions, so that the editor, the conflict view and their tests share one definition.
 */
import type { Crm, Customer, CustomerInput, LocalizedText, MessageKey } from '@crmkit/core';

export type EditKind = 'text' | 'list' | 'number' | 'date' | 'boolean' | 'enum';

export interface EditField {
  /** Dotted path into the customer: `name`, `address.city`, `custom.loyaltyCard`. */
  key: string;
  label: MessageKey | LocalizedText;
  kind: EditKind;
  /** The input's type for text and lists: `email` and `tel` bring the right on-screen keyboards. */
  inputType?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  required?: boolean;
  options?: readonly string[];
  /** The catalogue key for a problem with any value of this field. */
  issueKey?: MessageKey;
}

export const CORE_EDIT_FIELDS: readonly EditField[] = [
  { key: 'name', label: 'customer.name', kind: 'text', autocomplete: 'name', required: true },
  { key: 'company', label: 'customer.company', kind: 'text', autocomplete: 'organization' },
  {
    key: 'emails',
    label: 'customer.emails',
    kind: 'list',
    inputType: 'email',
    autocomplete: 'email',
    issueKey: 'issue.email',
  },
  {
    key: 'phones',
    label: 'customer.phones',
    kind: 'list',
    inputType: 'tel',
    autocomplete: 'tel',
    issueKey: 'issue.phone',
  },
  { key: 'address.district', label: 'customer.address.district', kind: 'text' },
  { key: 'address.city', label: 'customer.address.city', kind: 'text', autocomplete: 'address-level2' },
  { key: 'tags', label: 'customer.tags', kind: 'list' },
];

const KIND_OF_TYPE = {
  string: 'text',
  number: 'number',
  date: 'date',
  boolean: 'boolean',
  enum: 'enum',
  array: 'list',
} as const satisfies Record<string, EditKind>;

/** The core fields and the custom fields of the active plugins. */
export function editFields(crm: Crm): EditField[] {
  const custom = crm.host.active(crm.host.contributions.fields).map((field): EditField => ({
    key: `custom.${field.name}`,
    label: field.label,
    kind: KIND_OF_TYPE[field.type],
    required: field.required ?? false,
    options: field.enumValues,
  }));
  return [...CORE_EDIT_FIELDS, ...custom];
}

/** The value at a dotted path, or undefined where the path leaves the record. */
export function getPath(record: unknown, key: string): unknown {
  let value: unknown = record;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The field's value as the form shows it. */
export function readField(record: unknown, field: EditField): string {
  const value = getPath(record, field.key);
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Puts the form's string into the input; an empty string removes the field, so optional fields stay absent. */
export function writeField(input: Record<string, unknown>, field: EditField, text: string): void {
  const parts = field.key.split('.');
  const last = parts.pop()!;
  let target = input;
  for (const part of parts) {
    const next = target[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) target[part] = {};
    target = target[part] as Record<string, unknown>;
  }
  const trimmed = text.trim();
  if (field.kind === 'list') {
    target[last] = trimmed
      .split(/[,\n]/)
      .map((item) => item.trim())
      .filter(Boolean);
  } else if (field.kind === 'boolean') {
    target[last] = text === 'true';
  } else if (trimmed === '') {
    delete target[last];
  } else if (field.kind === 'number') {
    // Not a number stays a string, so the schema names the field instead of the card guessing.
    const number = Number(trimmed);
    target[last] = Number.isFinite(number) ? number : trimmed;
  } else {
    target[last] = text;
  }
}

/** A customer input: the stored customer (with its `rev`) with the form's values put in. */
export function buildInput(
  base: Customer,
  fields: readonly EditField[],
  values: Readonly<Record<string, string>>,
): CustomerInput {
  const input = structuredClone(base) as unknown as Record<string, unknown>;
  for (const field of fields) writeField(input, field, values[field.key] ?? '');
  return input as unknown as CustomerInput;
}

/** The form values of a customer (or input). */
export function formValues(record: unknown, fields: readonly EditField[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.key, readField(record, field)]));
}

/** The field an issue path points into (`['emails', 1]` → `emails`), or undefined for a problem of the whole. */
export function fieldForPath(
  path: ReadonlyArray<string | number>,
  fields: readonly EditField[],
): EditField | undefined {
  const key = path.filter((part) => typeof part === 'string').join('.');
  let best: EditField | undefined;
  for (const field of fields) {
    if ((key === field.key || key.startsWith(`${field.key}.`)) && field.key.length > (best?.key.length ?? -1))
      best = field;
  }
  return best;
}
