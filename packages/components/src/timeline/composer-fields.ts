/** The composer's fields per activity type, and how its strings become an activity input. */
import type { ActivityInput, MessageKey } from '@crmkit/core';
import type { ComposerType } from './timeline.types.js';

export interface ComposerField {
  key: string;
  label: MessageKey;
  control: 'textarea' | 'text' | 'number' | 'datetime' | 'direction';
  required?: boolean;
}

export const COMPOSER_FIELDS: Record<ComposerType, readonly ComposerField[]> = {
  note: [{ key: 'text', label: 'timeline.text', control: 'textarea', required: true }],
  call: [
    { key: 'direction', label: 'timeline.direction', control: 'direction' },
    { key: 'durationMin', label: 'timeline.duration', control: 'number' },
    { key: 'outcome', label: 'timeline.outcome', control: 'text' },
    { key: 'notes', label: 'timeline.notes', control: 'textarea' },
  ],
  task: [
    { key: 'title', label: 'timeline.title', control: 'text', required: true },
    { key: 'dueAt', label: 'timeline.dueAt', control: 'datetime' },
    { key: 'notes', label: 'timeline.notes', control: 'textarea' },
  ],
};

const optional = (value: string | undefined) => (value && value.trim() ? value : undefined);

/** A `datetime-local` value (local time) as an ISO instant; anything else stays as typed, for the schema to refuse. */
function instant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

export function composerInput(
  type: ComposerType,
  values: Readonly<Record<string, string>>,
  customerId: string,
  now: Date,
): ActivityInput {
  const base = { customerId, at: now.toISOString() };
  if (type === 'note') return { ...base, type, data: { text: values.text ?? '' } };
  if (type === 'call') {
    const minutes = optional(values.durationMin);
    return {
      ...base,
      type,
      data: {
        direction: values.direction === 'inbound' ? 'inbound' : 'outbound',
        ...(minutes ? { durationSec: Number(minutes) * 60 } : {}),
        ...(optional(values.outcome) ? { outcome: values.outcome } : {}),
        ...(optional(values.notes) ? { notes: values.notes } : {}),
      },
    };
  }
  const dueAt = instant(optional(values.dueAt));
  return {
    ...base,
    type,
    ...(dueAt ? { dueAt } : {}),
    data: { title: values.title ?? '', done: false, ...(optional(values.notes) ? { notes: values.notes } : {}) },
  };
}

/** The composer field an issue path points at (`['data', 'durationSec']` → `durationMin`). */
export function composerFieldFor(path: ReadonlyArray<string | number>): string | undefined {
  const [head, key] = path;
  if (head === 'dueAt') return 'dueAt';
  if (head !== 'data' || typeof key !== 'string') return undefined;
  return key === 'durationSec' ? 'durationMin' : key;
}
