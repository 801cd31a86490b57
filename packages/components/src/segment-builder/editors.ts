/**
 * The value editors, one per kind of value an operator takes: text, number, date, relative days, yes/no, one of
 * the field's values, a range, several of the field's values (checkboxes) and free tags. Native controls
 * throughout; what is typed is kept as typed (a number field holding "12a" shows the issue, not an empty box).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { SegmentField } from '@crmkit/segments';
import { parseNumber, scalarEditor } from './fields.js';
import type { ValueEditor } from './segment-builder.types.js';

export interface EditorContext {
  /** The id of the editor's first control; others add a suffix. */
  id: string;
  field: SegmentField | undefined;
  value: unknown;
  invalid: boolean;
  describedBy: string;
  t(key: string, params?: Record<string, string | number>): string;
  /** The label of one of the field's values (`retention` → "Retention" / "Elde tutma"). */
  valueLabel(value: string): string;
  change(value: unknown): void;
}

const text = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** A date input shows the day of an ISO timestamp. */
const day = (value: unknown): string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '';

function parse(kind: 'number' | 'date' | 'text', raw: string): unknown {
  if (kind === 'number') return parseNumber(raw);
  return raw === '' ? undefined : raw;
}

function input(
  ctx: EditorContext,
  kind: 'number' | 'date' | 'text',
  value: unknown,
  id: string,
  label: string,
  onValue: (value: unknown) => void,
): TemplateResult {
  return html`<input
    id=${id}
    part="value-input"
    type=${kind === 'date' ? 'date' : 'text'}
    inputmode=${kind === 'number' ? 'decimal' : nothing}
    autocomplete="off"
    aria-label=${label}
    aria-invalid=${ctx.invalid ? 'true' : 'false'}
    aria-describedby=${ctx.describedBy || nothing}
    .value=${live(kind === 'date' ? day(value) || text(value) : text(value))}
    @input=${(event: Event) => onValue(parse(kind, (event.target as HTMLInputElement).value))}
  />`;
}

export function renderEditor(kind: ValueEditor, ctx: EditorContext): TemplateResult | typeof nothing {
  const { t, value, id } = ctx;
  const label = t('segment.value');
  switch (kind) {
    case 'none':
      return nothing;
    case 'text':
    case 'number':
    case 'date':
      return input(ctx, kind, value, id, label, ctx.change);
    case 'days':
      return html`<span class="inline"
        >${input(ctx, 'number', value, id, t('segment.days'), ctx.change)}<span aria-hidden="true"
          >${t('segment.daysUnit')}</span
        ></span
      >`;
    case 'boolean':
    case 'choice': {
      const options =
        kind === 'boolean'
          ? [
              { value: 'true', label: t('common.yes') },
              { value: 'false', label: t('common.no') },
            ]
          : (ctx.field?.enumValues ?? []).map((option) => ({ value: option, label: ctx.valueLabel(option) }));
      const current = kind === 'boolean' && typeof value === 'boolean' ? String(value) : text(value);
      return html`<select
        id=${id}
        part="value-input"
        aria-label=${label}
        aria-invalid=${ctx.invalid ? 'true' : 'false'}
        aria-describedby=${ctx.describedBy || nothing}
        @change=${(event: Event) => {
          const chosen = (event.target as HTMLSelectElement).value;
          ctx.change(chosen === '' ? undefined : kind === 'boolean' ? chosen === 'true' : chosen);
        }}
      >
        <option value="" ?selected=${current === ''}>${t('segment.choose')}</option>
        ${options.map(
          (option) =>
            html`<option value=${option.value} ?selected=${option.value === current}>${option.label}</option>`,
        )}
        ${
          current && !options.some((option) => option.value === current)
            ? html`<option value=${current} selected>${current}</option>`
            : nothing
        }
      </select>`;
    }
    case 'range': {
      const scalar = scalarEditor(ctx.field);
      const pair = Array.isArray(value) ? (value as unknown[]) : [];
      const set = (index: 0 | 1) => (next: unknown) => {
        const both = [pair[0] ?? '', pair[1] ?? ''];
        both[index] = next ?? '';
        ctx.change(both[0] === '' && both[1] === '' ? undefined : both);
      };
      return html`<span class="inline" role="group" aria-label=${label}
        >${input(ctx, scalar, pair[0], id, t('segment.from'), set(0))}<span aria-hidden="true">${t('segment.and')}</span
        >${input(ctx, scalar, pair[1], `${id}-to`, t('segment.to'), set(1))}</span
      >`;
    }
    case 'multi': {
      const chosen = Array.isArray(value) ? (value as unknown[]) : [];
      const values = ctx.field?.enumValues ?? [];
      const extra = chosen.filter((item) => !values.includes(item as string)).map(text);
      const toggle = (option: string, on: boolean) => {
        const next = on ? [...chosen, option] : chosen.filter((item) => item !== option);
        ctx.change(next.length ? next : undefined);
      };
      return html`<fieldset
        id=${id}
        part="value-input"
        class="choices"
        aria-invalid=${ctx.invalid ? 'true' : 'false'}
        aria-describedby=${ctx.describedBy || nothing}
      >
        <legend class="visually-hidden">${label}</legend>
        ${[...values, ...extra].map(
          (option, i) =>
            html`<label class="choice"
              ><input
                type="checkbox"
                id="${id}-${i}"
                .checked=${live(chosen.includes(option))}
                @change=${(event: Event) => toggle(option, (event.target as HTMLInputElement).checked)}
              />${ctx.valueLabel(option)}</label
            >`,
        )}
      </fieldset>`;
    }
    case 'tags': {
      const tags = Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value];
      const scalar = scalarEditor(ctx.field);
      const commit = (field: HTMLInputElement) => {
        const added = field.value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => parse(scalar, part));
        field.value = '';
        if (added.length) ctx.change([...tags, ...added]);
      };
      const removeAt = (index: number) => {
        const next = tags.filter((_, i) => i !== index);
        ctx.change(next.length ? next : undefined);
      };
      return html`<span class="tags" part="tags">
        <ul class="tag-list" aria-label=${t('segment.values')}>
          ${tags.map(
            (tag, i) =>
              html`<li class="tag" part="tag">
                <span>${text(tag)}</span
                ><button
                  type="button"
                  class="icon"
                  aria-label=${t('segment.removeValue', { value: text(tag) })}
                  @click=${() => removeAt(i)}
                >
                  ✕
                </button>
              </li>`,
          )}
        </ul>
        <input
          id=${id}
          part="value-input"
          type="text"
          autocomplete="off"
          aria-label=${t('segment.addValue')}
          aria-invalid=${ctx.invalid ? 'true' : 'false'}
          aria-describedby=${[ctx.describedBy, `${id}-hint`].filter(Boolean).join(' ')}
          @keydown=${(event: KeyboardEvent) => {
            const field = event.target as HTMLInputElement;
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault();
              commit(field);
            } else if (event.key === 'Backspace' && field.value === '' && tags.length) removeAt(tags.length - 1);
          }}
          @change=${(event: Event) => commit(event.target as HTMLInputElement)}
        />
        <span id="${id}-hint" class="visually-hidden">${t('segment.tagsHint')}</span>
      </span>`;
    }
  }
}
