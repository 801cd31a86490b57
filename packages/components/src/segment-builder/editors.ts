/**
 * The value editors, one per kind of value an operator takes: text, number, date, relative days, yes/no, one of
 * the field's values, a range, several of the field's values (checkboxes) and free tags. Native controls
 * throughout, rendered without handlers: each control says what it edits (`data-act`, `data-end`, `data-option`)
 * and the builder's delegated listeners apply it (`applyValue`). What is typed is kept as typed: a number field
 * holding "12a" shows the issue, not an empty box.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { parseNumber, scalarEditor, type SegmentField, type ValueEditor } from '@crmkit/segments';

export interface EditorContext {
  id: string;
  field: SegmentField | undefined;
  value: unknown;
  invalid: boolean;
  describedBy: string;
  t: (key: string, params?: Record<string, string | number>) => string;
  /** The label of one of the field's values (`retention` → "Retention" / "Elde tutma"). */
  valueLabel: (value: string) => string;
}

export const shown = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function parse(kind: 'number' | 'date' | 'text', raw: string): unknown {
  return kind === 'number' ? parseNumber(raw) : raw === '' ? undefined : raw;
}

function input(ctx: EditorContext, kind: string, value: unknown, id: string, label: string, end?: number) {
  const day = typeof value === 'string' && /^\d{4}-\d\d-\d\d/.test(value) ? value.slice(0, 10) : shown(value);
  return html`<input
    id=${id}
    part="value-input"
    data-act="value"
    data-end=${end ?? nothing}
    type=${kind === 'date' ? 'date' : 'text'}
    inputmode=${kind === 'number' ? 'decimal' : nothing}
    autocomplete="off"
    aria-label=${label}
    aria-invalid=${ctx.invalid}
    aria-describedby=${ctx.describedBy || nothing}
    .value=${live(kind === 'date' ? day : shown(value))}
  />`;
}

export function renderEditor(kind: ValueEditor, ctx: EditorContext): TemplateResult | typeof nothing {
  const { t, value, id } = ctx;
  const label = t('segment.value');
  const aria = { invalid: ctx.invalid, describedBy: ctx.describedBy || nothing };
  switch (kind) {
    case 'none':
      return nothing;
    case 'days':
      return html`<span class="inline"
        >${input(ctx, 'number', value, id, t('segment.days'))}<span aria-hidden="true"
          >${t('segment.daysUnit')}</span
        ></span
      >`;
    case 'range': {
      const scalar = scalarEditor(ctx.field);
      const [low, high] = list(value);
      return html`<span class="inline" role="group" aria-label=${label}
        >${input(ctx, scalar, low, id, t('segment.from'), 0)}<span aria-hidden="true">${t('segment.and')}</span
        >${input(ctx, scalar, high, `${id}-to`, t('segment.to'), 1)}</span
      >`;
    }
    case 'boolean':
    case 'choice': {
      const options =
        kind === 'boolean'
          ? [
              ['true', t('common.yes')],
              ['false', t('common.no')],
            ]
          : (ctx.field?.enumValues ?? []).map((option) => [option, ctx.valueLabel(option)]);
      const current = shown(value);
      if (current && !options.some(([option]) => option === current)) options.push([current, current]);
      return html`<select
        id=${id}
        part="value-input"
        data-act="value"
        aria-label=${label}
        aria-invalid=${aria.invalid}
        aria-describedby=${aria.describedBy}
      >
        <option value="" ?selected=${!current}>${t('segment.choose')}</option>
        ${options.map(([option, text]) => html`<option value=${option!} ?selected=${option === current}>${text}</option>`)}
      </select>`;
    }
    case 'multi': {
      const chosen = list(value);
      const values = ctx.field?.enumValues ?? [];
      const all = [...values, ...chosen.filter((item) => !values.includes(item as string)).map(shown)];
      return html`<fieldset
        id=${id}
        part="value-input"
        class="choices"
        aria-invalid=${aria.invalid}
        aria-describedby=${aria.describedBy}
      >
        <legend class="visually-hidden">${label}</legend>
        ${all.map(
          (option) =>
            html`<label class="choice"
              ><input
                type="checkbox"
                data-act="value"
                data-option=${option}
                .checked=${live(chosen.includes(option))}
              />${ctx.valueLabel(option)}</label
            >`,
        )}
      </fieldset>`;
    }
    case 'tags':
      return html`<span class="tags" part="tags">
        <ul class="tag-list" aria-label=${t('segment.values')}>
          ${list(value).map(
            (tag, i) =>
              html`<li class="tag" part="tag">
                <span>${shown(tag)}</span
                ><button
                  type="button"
                  class="icon"
                  data-act="untag"
                  data-index=${i}
                  aria-label=${t('segment.removeValue', { value: shown(tag) })}
                >
                  ✕
                </button>
              </li>`,
          )}
        </ul>
        <input
          id=${id}
          part="value-input"
          data-act="tag"
          type="text"
          autocomplete="off"
          aria-label=${t('segment.addValue')}
          aria-invalid=${aria.invalid}
          aria-describedby=${[ctx.describedBy, `${id}-hint`].filter(Boolean).join(' ')}
        />
        <span id="${id}-hint" class="visually-hidden">${t('segment.tagsHint')}</span>
      </span>`;
    default:
      return input(ctx, kind, value, id, label);
  }
}

/**
 * The new value after an edit in an editor: `control` is the element that changed (or, for tags, that took a key)
 * and `current` the condition's value at that moment, so quick successive edits never lose one another.
 */
export function applyValue(
  kind: ValueEditor,
  field: SegmentField | undefined,
  control: HTMLInputElement | HTMLSelectElement,
  current: unknown,
  removeTag?: number,
): unknown {
  const scalar = scalarEditor(field);
  const raw = control.value;
  const { end, option } = control.dataset;
  if (removeTag !== undefined) {
    const next = list(current).filter((_, i) => i !== (removeTag < 0 ? list(current).length + removeTag : removeTag));
    return next.length ? next : undefined;
  }
  switch (kind) {
    case 'range': {
      const both = Array.isArray(current) ? [...(current as unknown[])] : ['', ''];
      both[Number(end)] = parse(scalar, raw) ?? '';
      return both.every((side) => side === '' || side == null) ? undefined : both;
    }
    case 'multi': {
      const next = list(current).filter((item) => item !== option);
      if ((control as HTMLInputElement).checked) next.push(option);
      return next.length ? next : undefined;
    }
    case 'tags': {
      const added = raw
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => parse(scalar, part));
      control.value = '';
      return added.length ? [...list(current), ...added] : current;
    }
    case 'boolean':
      return raw === '' ? undefined : raw === 'true';
    case 'choice':
      return raw === '' ? undefined : raw;
    default:
      return parse(kind === 'number' || kind === 'days' ? 'number' : kind === 'date' ? 'date' : 'text', raw);
  }
}
