/**
 * The field picker: an editable combobox (the search box) with a grouped listbox, after the WAI-ARIA combobox
 * pattern: focus stays in the search box, arrows move the active option (`aria-activedescendant`), Enter chooses,
 * Escape closes. Only the first `PICKER_LIMIT` matches are rendered, so a registry of thousands of fields opens as
 * fast as a short one; typing narrows the list.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { searchFields, type FieldGroup, type SegmentField } from '@crmkit/segments';

export const PICKER_LIMIT = 150;

export interface PickerState {
  node: string;
  query: string;
  active: number;
}

export interface PickerResult {
  groups: FieldGroup[];
  flat: SegmentField[];
  total: number;
}

export function pickerResult(fields: readonly SegmentField[], query: string, locale: string): PickerResult {
  const { groups, total } = searchFields(fields, query, locale, PICKER_LIMIT);
  return { groups, total, flat: groups.flatMap((group) => group.items.map((item) => item.field)) };
}

export interface PickerView {
  id: string;
  state: PickerState;
  result: PickerResult;
  selected: string;
  t: (key: string, params?: Record<string, string | number>) => string;
  groupLabel: (name: string) => string;
  onInput: (query: string) => void;
  onKeydown: (event: KeyboardEvent) => void;
  onChoose: (field: SegmentField) => void;
  onFocusOut: (event: FocusEvent) => void;
}

export function renderPicker(view: PickerView): TemplateResult {
  const { id, state, result, t } = view;
  let n = 0;
  const shown = result.flat.length;
  const status = !result.total
    ? t('segment.noFields', { query: state.query })
    : shown < result.total
      ? t('segment.moreFields', { shown, total: result.total })
      : t('segment.fieldCount', { total: result.total });
  return html`<div class="picker" part="field-picker" @focusout=${view.onFocusOut}>
    <input
      id="${id}-search"
      part="field-search"
      type="text"
      role="combobox"
      autocomplete="off"
      spellcheck="false"
      aria-label=${t('segment.searchFields')}
      placeholder=${t('segment.searchFields')}
      aria-expanded="true"
      aria-controls="${id}-list"
      aria-autocomplete="list"
      aria-describedby="${id}-status"
      aria-activedescendant=${shown ? `${id}-o${Math.min(state.active, shown - 1)}` : nothing}
      .value=${live(state.query)}
      @input=${(event: Event) => view.onInput((event.target as HTMLInputElement).value)}
      @keydown=${view.onKeydown}
    />
    <div
      id="${id}-list"
      role="listbox"
      class="options"
      part="field-options"
      aria-label=${t('segment.fields')}
      @mousedown=${(event: Event) => event.preventDefault()}
      @click=${(event: Event) => {
        const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
        const field = option ? result.flat[Number(option.dataset.index)] : undefined;
        if (field) view.onChoose(field);
      }}
    >
      ${result.groups.map(
        (group, g) =>
          html`<div role="group" aria-labelledby="${id}-g${g}">
            <div role="presentation" id="${id}-g${g}" class="group-label">${view.groupLabel(group.name)}</div>
            ${group.items.map((item) => {
              const index = n++;
              return html`<div
                role="option"
                id="${id}-o${index}"
                data-index=${index}
                aria-selected=${index === state.active ? 'true' : 'false'}
                class=${item.field.path === view.selected ? 'option current' : 'option'}
              >
                ${item.label}<span class="path">${item.field.path}</span>
              </div>`;
            })}
          </div>`,
      )}
    </div>
    <p id="${id}-status" class="picker-status" role="status">${status}</p>
  </div>`;
}
