import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Crm } from '@crmkit/core';
import {
  activityFields,
  activityTypes,
  allowedOperators,
  canDrop,
  checkRule,
  customerFields,
  dropNode as drop,
  duplicateNode as duplicate,
  editRule as edit,
  editorFor,
  emptyRule,
  indentNode as indent,
  labelOf,
  locateNode as locate,
  MATCHES,
  matchOf,
  newCondition,
  newEvent,
  newGroup,
  nodeMoves as moves,
  normalizeRule as normalize,
  outdentNode as outdent,
  parseNumber,
  pluginOperators,
  putValue,
  readCount,
  readable,
  removeNode as remove,
  setConditionField,
  setConditionOperator,
  setGroupMatch,
  shiftNode as shift,
  writeCount,
  type BuilderNode,
  type Checked,
  type Condition,
  type DropPosition,
  type NodeIssue,
  type EventCondition,
  type Group,
  type SegmentField,
  type SegmentRule,
} from '@crmkit/segments';
import { CrmElement } from '../shared/crm-element.js';
import { CrmErrorEvent } from '../shared/events.js';
import { renderLoading, stateStyles } from '../shared/states.js';
import { controls, tokens } from '../shared/tokens.styles.js';
import { applyValue, renderEditor, shown } from './editors.js';
import type { SegmentFollower } from './link.js';
import { pickerResult, renderPicker, type PickerResult, type PickerState } from './picker.js';
import { CrmSegmentChangeEvent } from './segment-builder.events.js';
import { builderStyles } from './segment-builder.styles.js';

const TEXT_OPS = new Set(['eq', 'neq', 'in', 'notIn', 'contains', 'notContains', 'startsWith', 'endsWith']);
const MOVES = ['up', 'down', 'indent', 'outdent', 'duplicate', 'remove'] as const;
type Move = (typeof MOVES)[number];
/** The control an event came from; selects share the few properties read here (`value`, `dataset`). */
type Control = HTMLInputElement;

interface Scope {
  /** The behaviour whose `where` this part of the rule belongs to. */
  owner: EventCondition | undefined;
  fields: readonly SegmentField[];
}

/**
 * Where a marketer defines an audience without writing code: nested groups (all / any / not all / none of),
 * conditions on any customer field (core, custom, computed, plugins) with a grouped, Turkish-aware field search,
 * value editors that follow the operator, and behaviours ("did purchase at least 3 times in the last 30 days, where
 * the total is over 500"). Problems show at their condition, with what was typed kept. Nodes move by drag and drop
 * and by keyboard (arrow keys on a node's handle, or its actions). Form-associated: inside a `<form>` it submits the
 * rule as JSON under its `name` and reports its validity.
 *
 * Its companions follow it by id: `<crm-segment-audience for>` (live count, first matches, consent guard),
 * `<crm-segment-export for>` (JsonLogic and SQL, import) and `<crm-segment-library for>` (save and load).
 *
 * @summary A segment builder: nested conditions, groups and behaviours, validated as they are edited.
 *
 * @csspart base - The builder's frame.
 * @csspart group - A group of rules (the root included).
 * @csspart condition - A condition on a customer or activity field.
 * @csspart event - A behavioural condition.
 * @csspart handle - A node's drag handle; arrow keys move the node.
 * @csspart field-button - The button that opens the field picker.
 * @csspart field-picker - The field picker popup.
 * @csspart field-search - The field picker's search box.
 * @csspart field-options - The field picker's list.
 * @csspart operator - The comparison select.
 * @csspart value-input - A value editor's control.
 * @csspart tags - The tags editor.
 * @csspart tag - One tag.
 * @csspart issue - A node's validation message.
 * @csspart add-button - The buttons that add conditions, behaviours and groups.
 * @csspart remove-button - A node's remove button.
 * @csspart actions-button - The button that shows a node's move and duplicate actions.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --crm-segment-padding - Space inside the builder.
 * @cssprop --crm-segment-background - The builder's background.
 * @cssprop --crm-segment-border-color - The builder's and groups' border colour.
 * @cssprop --crm-segment-group-background - A nested group's background.
 * @cssprop --crm-segment-indent - How far nested groups are indented.
 *
 * @fires {CrmSegmentChangeEvent} crm-segment-change - The user changed the rule (an import or a loaded segment too).
 * @fires {CrmErrorEvent} crm-error - The `value` attribute is not a rule.
 */
@customElement('crm-segment-builder')
export class CrmSegmentBuilder extends CrmElement {
  static override styles = [tokens, controls, stateStyles, builderStyles];
  static override shadowRootOptions = { ...CrmElement.shadowRootOptions, delegatesFocus: true };
  static formAssociated = true;

  /** The name under which a `<form>` submits the rule (as JSON). */
  @property({ reflect: true }) name = '';

  /** The rule as JSON: the initial value, and what a form reset returns to (like an input's `value` attribute). */
  @property({ attribute: 'value' }) defaultValue = '';

  /** The level of the builder's heading among the page's headings (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The heading; "Segment" when empty. */
  @property() label = '';

  /** The fields to offer instead of the crm's own registry. */
  @property({ attribute: false }) fields: SegmentField[] | undefined;

  @state() private rule: SegmentRule = emptyRule();
  @state() private touched = new Set<string>();
  @state() private revealAll = false;
  @state() private picker: PickerState | undefined;
  @state() private actionsOpen = '';
  @state() private dragging = '';
  @state() private dropAt: { id: string; position: DropPosition } | undefined;
  @state() private announcement = '';
  @state() private disabled = false;
  @state() private generation = 0;

  private readonly internals = this.attachInternals();
  private readonly followers = new Set<SegmentFollower>();
  private told: unknown;
  private dirty = false;
  private checkedCache: { key: unknown[]; value: Checked } | undefined;
  private pickerCache: { key: unknown[]; value: PickerResult } | undefined;
  private activityCache = new Map<string, SegmentField[]>();
  private registry: { crm: Crm; fields: SegmentField[] } | undefined;
  private focusAfterUpdate: string | undefined;
  private offPlugins: (() => void) | undefined;
  private watched: Crm | undefined;

  constructor() {
    super();
    this.addEventListener('invalid', () => (this.revealAll = true));
  }

  /** The rule the builder holds (a copy); set it to a rule object or its JSON. A value that is not a rule tree throws `CrmValidationError` and changes nothing. */
  get value(): SegmentRule {
    return structuredClone(this.rule);
  }

  set value(next: SegmentRule | string) {
    this.rule = normalize(next);
    this.dirty = true;
  }

  /** What keeps the rule from being used (unfinished conditions included); empty when it is valid. */
  get issues(): readonly NodeIssue[] {
    return this.checked.issues;
  }

  /** The finished part of the rule when nothing in it is wrong (what `<crm-segment-audience>` counts); else undefined. */
  get countable(): SegmentRule | undefined {
    return this.checked.countable;
  }

  /** How many conditions the user has not finished (left out of `countable`). */
  get unfinished(): number {
    return this.checked.unfinished;
  }

  /** The fields the builder offers. */
  get fieldList(): readonly SegmentField[] {
    return this.customerFields;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Tells `follower` the rule now and after every change, until the returned function is called. */
  link(follower: SegmentFollower): () => void {
    this.followers.add(follower);
    follower.follow(this);
    return () => this.followers.delete(follower);
  }

  /** Replaces the rule as a user action (an import, a loaded segment): fires `crm-segment-change`. */
  applyRule(rule: unknown): void {
    this.touched = new Set();
    this.revealAll = false;
    this.commit(normalize(rule));
  }

  /** Shows a node's issues and moves focus to it. */
  reveal(nodeId: string): void {
    this.touched = new Set([...this.touched, nodeId]);
    this.renderRoot.querySelector<HTMLElement>(`[data-node="${nodeId}"] :is(button, select)`)?.focus();
  }

  // ——— form association ———

  formResetCallback(): void {
    this.rule = this.parseDefault() ?? emptyRule();
    this.dirty = false;
    this.touched = new Set();
    this.revealAll = false;
  }

  formStateRestoreCallback(stateValue: string | null): void {
    try {
      if (stateValue) this.rule = normalize(stateValue);
    } catch {
      // A state the browser kept from an older version: keep the current rule.
    }
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  private parseDefault(): SegmentRule | undefined {
    try {
      return this.defaultValue ? normalize(this.defaultValue) : undefined;
    } catch (error) {
      this.dispatchEvent(new CrmErrorEvent(error));
      return undefined;
    }
  }

  // ——— lifecycle ———

  override connectedCallback(): void {
    super.connectedCallback();
    this.watch(this.kit);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch(undefined);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('defaultValue') && !this.dirty) this.rule = this.parseDefault() ?? this.rule;
    if (changed.has('crm') || changed.has('providedCrm')) this.activityCache.clear();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.watch(this.kit);
    const json = JSON.stringify(this.rule);
    this.internals.setFormValue(json, json);
    const first = this.checked.issues[0];
    const node = first && this.renderRoot.querySelector(`[data-node="${first.node}"]`);
    const anchor = node
      ? (node.querySelector<HTMLElement>('[aria-invalid="true"]') ?? node.querySelector('select'))
      : null;
    this.internals.setValidity(first ? { customError: true } : {}, first?.text, anchor ?? undefined);
    if (this.told !== this.checked) {
      this.told = this.checked;
      for (const follower of this.followers) follower.follow(this);
    }
    const target = this.focusAfterUpdate ? this.renderRoot.querySelector<HTMLElement>(this.focusAfterUpdate) : null;
    this.focusAfterUpdate = undefined;
    target?.focus();
    if (this.picker)
      this.renderRoot.querySelector('.picker [aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  /** A plugin switched off takes its fields and operators with it. */
  private watch(crm: Crm | undefined): void {
    if (crm === this.watched) return;
    this.offPlugins?.();
    this.watched = crm;
    this.offPlugins = crm?.events.on('plugin-error', () => {
      this.registry = undefined;
      this.activityCache.clear();
      this.generation++;
    });
  }

  // ——— registry and words ———

  private s(key: string, params?: Record<string, string | number>): string {
    return this.i18n.t(`segment.${key}`, params);
  }

  private get customerFields(): readonly SegmentField[] {
    const crm = this.kit;
    if (this.fields || !crm) return this.fields ?? [];
    if (this.registry?.crm !== crm) this.registry = { crm, fields: customerFields(crm) };
    return this.registry.fields;
  }

  private activityFieldsOf(type: string): SegmentField[] {
    const crm = this.kit;
    let fields = this.activityCache.get(type);
    if (!crm || !type) return [];
    if (!fields) {
      this.activityCache.set(type, (fields = activityFields(crm, type)));
    }
    return fields;
  }

  private get checked(): Checked {
    const crm = this.kit;
    const key = [this.rule, this.customerFields, crm, this.i18n.locale, this.generation];
    if (!this.checkedCache || key.some((part, i) => part !== this.checkedCache!.key[i])) {
      const value = checkRule(this.rule, {
        fields: this.customerFields,
        operators: pluginOperators(crm),
        activityFields: (type) => this.activityFieldsOf(type),
        t: (message) => this.i18n.t(message),
      });
      this.checkedCache = { key, value };
    }
    return this.checkedCache.value;
  }

  private scopeOf(id: string): Scope {
    const owner = locate(this.rule, id)?.owner;
    return { owner, fields: owner ? this.activityFieldsOf(owner.activityType) : this.customerFields };
  }

  private fieldOf(id: string, path?: string): SegmentField | undefined {
    const at = locate(this.rule, id)?.node;
    const wanted = path ?? (at?.kind === 'condition' ? at.field : '');
    return this.scopeOf(id).fields.find((field) => field.path === wanted);
  }

  private groupLabel = (name: string): string =>
    this.i18n.has(`segment.group.${name}`) ? this.s(`group.${name}`) : name || this.s('group.plugin');

  /** A field value's label where the catalogue has one (`lifecycle.retention`), else the value itself. */
  private valueLabel(field: SegmentField | undefined, value: string): string {
    const parts = (field?.path ?? '').split('.');
    const key = [field?.path, parts.at(-1), parts.at(-2)]
      .map((prefix) => `${prefix}.${value}`)
      .find((candidate) => this.i18n.has(candidate));
    return key ? this.i18n.t(key) : value;
  }

  private operatorLabel(op: string): string {
    if (this.i18n.has(`segment.op.${op}`)) return this.s(`op.${op}`);
    const plugin = pluginOperators(this.kit).find((operator) => operator.id === op);
    return labelOf(plugin?.label, this.i18n.locale, op);
  }

  private nodeTitle(id: string): string {
    const at = locate(this.rule, id);
    if (!at) return '';
    return this.s(at.node.kind === 'event' ? 'behaviour' : at.node.kind, { n: at.index + 1 });
  }

  // ——— edits ———

  private commit(next: SegmentRule, touched?: string, focus?: string): void {
    this.rule = next;
    this.dirty = true;
    if (touched) this.touched = new Set([...this.touched, touched]);
    if (focus) this.focusAfterUpdate = focus;
    this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new CrmSegmentChangeEvent(this.value, this.checked.issues));
  }

  /** Applies an edit to one node; `touch` (value edits) lets its "unfinished" issues show. */
  private change(id: string, apply: (node: BuilderNode) => void, touch = true): void {
    this.commit(
      edit(this.rule, (draft) => {
        const at = locate(draft, id);
        if (at) apply(at.node);
      }),
      touch ? id : undefined,
    );
  }

  private setValue(id: string, control: Control, removeTag?: number): void {
    const field = this.fieldOf(id);
    this.change(id, (node) => {
      if (node.kind !== 'condition') return;
      putValue(node, applyValue(editorFor(node.op, field), field, control, node.value, removeTag));
    });
    if (removeTag !== undefined) this.focusAfterUpdate = `#value-${id}`;
  }

  private setOperator(id: string, op: string): void {
    const field = this.fieldOf(id);
    this.change(id, (node) => node.kind === 'condition' && setConditionOperator(node, op, field), false);
  }

  private setCount(id: string, next: { mode?: string; frequency?: string; times?: unknown }): void {
    this.change(id, (node) => node.kind === 'event' && writeCount(node, next));
  }

  private add(id: string, kind: string): void {
    const node =
      kind === 'add-event'
        ? newEvent('')
        : kind === 'add-group'
          ? newGroup((locate(this.rule, id)?.node as Group).combinator === 'and' ? 'or' : 'and', [])
          : newCondition();
    this.commit(
      edit(this.rule, (draft) => {
        const at = locate(draft, id);
        if (at?.node.kind === 'group') at.node.rules.push(node);
        else if (at?.node.kind === 'event') at.node.where = newGroup('and', [node]);
      }),
      undefined,
      `[data-node="${node.id}"] :is(select, [data-act="add-condition"])`,
    );
    if (node.kind === 'condition') this.openPicker(node.id!);
  }

  private act(id: string, action: Move, from: string): void {
    let done = false;
    let focusId = id;
    const name = this.nodeTitle(id);
    const next = edit(this.rule, (draft) => {
      if (action === 'up' || action === 'down') done = shift(draft, id, action === 'up' ? -1 : 1);
      else if (action === 'indent') done = indent(draft, id);
      else if (action === 'outdent') done = outdent(draft, id);
      else if (action === 'duplicate') done = !!(focusId = duplicate(draft, id) ?? id);
      else {
        const at = locate(draft, id);
        done = !!at?.parent;
        remove(draft, id);
        // Focus goes to the node that takes the removed one's place, else to its group (or behaviour).
        const neighbour = at?.parent?.rules[Math.min(at.index, at.parent.rules.length - 1)];
        focusId = neighbour?.id ?? (at?.owner && !at.owner.where ? at.owner.id : at?.parent?.id) ?? id;
      }
    });
    if (!done) return;
    this.commit(
      next,
      undefined,
      `[data-node="${focusId}"] ${action === 'remove' ? ':is([part="handle"], [part="add-button"])' : `> ${from}`}`,
    );
    if (action === 'remove') this.announcement = this.s('removed', { name });
    else if (action === 'duplicate') {
      this.announcement = this.s('duplicated');
      this.actionsOpen = focusId;
    } else this.announceMove(id, action);
  }

  private announceMove(id: string, action: string): void {
    const at = locate(this.rule, id);
    if (at?.parent)
      this.announcement =
        action === 'indent'
          ? this.s('movedInto')
          : action === 'outdent'
            ? this.s('movedOut')
            : this.s('moved', { n: at.index + 1, total: at.parent.rules.length });
  }

  // ——— delegated listeners: every control says what it does in `data-act`; its node is the closest `data-node` ———

  private target(event: Event): { control: Control; act: string; id: string } {
    const control = (event.target as Element).closest<Control>('[data-act]') ?? (event.target as Control);
    return {
      control,
      act: control.dataset?.act ?? '',
      id: control.closest?.<HTMLElement>('[data-node]')?.dataset.node ?? '',
    };
  }

  private onClick = (event: Event): void => {
    const { control, act, id } = this.target(event);
    if (control.getAttribute?.('aria-disabled') === 'true') return;
    if (act.startsWith('add-')) return this.add(id, act);
    if ((MOVES as readonly string[]).includes(act)) return this.act(id, act as Move, `.actions [data-act="${act}"]`);
    switch (act) {
      case 'more':
        this.actionsOpen = this.actionsOpen === id ? '' : id;
        return;
      case 'field':
        return this.picker?.node === id ? this.closePicker(true) : this.openPicker(id);
      case 'untag':
        return this.setValue(id, control, Number(control.dataset.index));
    }
  };

  private onChange = (event: Event): void => {
    const { control, act, id } = this.target(event);
    const { value, checked } = control;
    switch (act) {
      case 'value':
        if (control.localName === 'select' || control.type === 'checkbox') this.setValue(id, control);
        return;
      case 'tag':
        return this.setValue(id, control);
      case 'op':
        return this.setOperator(id, value);
      case 'did':
        return this.setCount(id, { mode: value });
      case 'freq':
        return this.setCount(id, { frequency: value });
      case 'match':
        return this.change(id, (node) => node.kind === 'group' && setGroupMatch(node, value));
      case 'activity':
        return this.change(id, (node) => {
          if (node.kind !== 'event') return;
          node.activityType = value;
          delete node.where;
        });
      case 'case':
        return this.change(id, (node) => {
          if (node.kind !== 'condition') return;
          if (checked) node.caseSensitive = true;
          else delete node.caseSensitive;
        });
    }
  };

  private onInput = (event: Event): void => {
    const { control, act, id } = this.target(event);
    const { value } = control;
    switch (act) {
      case 'value':
        if (control.localName === 'input' && control.type !== 'checkbox') this.setValue(id, control);
        return;
      case 'times':
        return this.setCount(id, { times: parseNumber(value) ?? '' });
      case 'days':
        return this.change(id, (node) => {
          const days = parseNumber(value);
          if (node.kind !== 'event') return;
          if (days === undefined) delete node.withinDays;
          else node.withinDays = days as number;
        });
    }
  };

  private onKeydown = (event: KeyboardEvent): void => {
    const { control, act, id } = this.target(event);
    const { key } = event;
    if (act === 'tag' && (key === 'Enter' || key === ',' || (key === 'Backspace' && !control.value))) {
      event.preventDefault();
      this.setValue(id, control, key === 'Backspace' ? -1 : undefined);
    } else if (act === 'handle') {
      // Arrows towards the text's end indent; towards its start, outdent (mirrored in right-to-left pages).
      const rtl = this.matches(':dir(rtl)');
      const move = (
        {
          ArrowUp: 'up',
          ArrowDown: 'down',
          ArrowRight: rtl ? 'outdent' : 'indent',
          ArrowLeft: rtl ? 'indent' : 'outdent',
        } as Record<string, Move>
      )[key];
      if (!move) return;
      event.preventDefault();
      this.act(id, move, '.head [part="handle"]');
    }
  };

  // ——— drag and drop ———

  private onDragStart = (event: DragEvent): void => {
    const { act, id } = this.target(event);
    if (act !== 'handle') return;
    this.dragging = id;
    event.dataTransfer?.setData('text/plain', id);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  };

  private onDragOver = (event: DragEvent): void => {
    const node = (event.target as Element).closest<HTMLElement>('[data-node]');
    if (!this.dragging || !node) return;
    const head = node.querySelector(':scope > .head')!;
    // A group takes the node inside, except over its own head, where the node goes before or after it.
    let position: DropPosition = 'inside';
    if (!node.classList.contains('group') || (!node.classList.contains('top') && head.contains(event.target as Node))) {
      const box = head.getBoundingClientRect();
      position = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
    }
    const id = node.dataset.node!;
    if (!canDrop(this.rule, this.dragging, id, position)) return;
    event.preventDefault();
    if (this.dropAt?.id !== id || this.dropAt.position !== position) this.dropAt = { id, position };
  };

  private onDrop = (event: DragEvent): void => {
    const { dropAt, dragging } = this;
    this.onDragEnd();
    if (!dropAt || !dragging) return;
    event.preventDefault();
    this.commit(
      edit(this.rule, (draft) => drop(draft, dragging, dropAt.id, dropAt.position)),
      undefined,
      `[data-node="${dragging}"] > .head [part="handle"]`,
    );
    this.announceMove(dragging, 'drop');
  };

  private onDragEnd = (): void => {
    this.dragging = '';
    this.dropAt = undefined;
  };

  // ——— field picker ———

  private openPicker(node: string): void {
    const current = this.fieldOf(node)?.path;
    const index = pickerResult(this.scopeOf(node).fields, '', this.i18n.locale).flat.findIndex(
      (field) => field.path === current,
    );
    this.picker = { node, query: '', active: Math.max(0, index) };
    this.focusAfterUpdate = `#p-${node}-search`;
  }

  private closePicker(focusButton: boolean): void {
    if (focusButton && this.picker) this.focusAfterUpdate = `[data-node="${this.picker.node}"] button.field`;
    this.picker = undefined;
  }

  private onPickerKey(event: KeyboardEvent, result: PickerResult): void {
    const picker = this.picker!;
    const last = result.flat.length - 1;
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
    if (step) {
      event.preventDefault();
      this.picker = { ...picker, active: Math.max(0, Math.min(last, picker.active + step)) };
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const field = result.flat[Math.min(picker.active, last)];
      if (field) this.chooseField(field);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.closePicker(true);
    } else if (event.key === 'Tab') this.closePicker(false);
  }

  private chooseField(field: SegmentField): void {
    const id = this.picker!.node;
    const before = this.fieldOf(id);
    const operators = allowedOperators(field, pluginOperators(this.kit));
    this.closePicker(false);
    this.change(id, (node) => node.kind === 'condition' && setConditionField(node, field, before, operators), false);
    this.focusAfterUpdate = `[data-node="${id}"] [part="operator"]`;
  }

  // ——— rendering ———

  override render(): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<div
      part="base"
      class="builder"
      ?inert=${this.disabled}
      @click=${this.onClick}
      @change=${this.onChange}
      @input=${this.onInput}
      @keydown=${this.onKeydown}
      @dragstart=${this.onDragStart}
      @dragover=${this.onDragOver}
      @drop=${this.onDrop}
      @dragend=${this.onDragEnd}
    >
      ${
        !this.kit && !this.fields
          ? renderLoading(this.i18n.t('common.loading'))
          : html`<div id="title" role="heading" aria-level=${level} class="title">${this.label || this.s('title')}</div>
              <span id="move-hint" class="visually-hidden"
                >${this.s(this.matches(':dir(rtl)') ? 'moveHintRtl' : 'moveHint')}</span
              >
              ${this.renderGroup(this.rule, { owner: undefined, fields: this.customerFields }, 0)}
              <div class="visually-hidden" role="status">${this.announcement}</div>`
      }
    </div>`;
  }

  /** A node's issues; "unfinished" ones only once the user has edited the node's value or tried to submit. */
  private issuesOf(id: string): NodeIssue[] {
    const shown = this.revealAll || this.touched.has(id);
    return this.checked.issues.filter(
      (issue) => issue.node === id && (shown || (issue.code !== 'incomplete' && issue.code !== 'empty_group')),
    );
  }

  private renderIssues(id: string, issues: NodeIssue[]): TemplateResult | typeof nothing {
    return issues.length
      ? html`<p id="issue-${id}" class="issue" part="issue">${issues.map((issue) => issue.text).join(' ')}</p>`
      : nothing;
  }

  /** The attributes every node's frame shares. */
  private frame(id: string, kind: string, name: string, body: TemplateResult): TemplateResult {
    const drop = this.dropAt?.id === id ? ` drop-${this.dropAt.position}` : '';
    return html`<div
      part=${kind}
      class="node ${kind}${this.dragging === id ? ' dragging' : ''}${drop}"
      data-node=${id}
      role="group"
      aria-label=${name}
    >
      ${body}
    </div>`;
  }

  private renderHandle(name: string): TemplateResult {
    return html`<button
      type="button"
      part="handle"
      class="handle icon"
      draggable="true"
      data-act="handle"
      aria-label=${this.s('move', { name })}
      aria-describedby="move-hint"
    >
      <span aria-hidden="true">⠿</span>
    </button>`;
  }

  /** Remove, and the disclosure of the move and duplicate actions (buttons: the pointer's way without dragging). */
  private renderTools(id: string, name: string): TemplateResult {
    const open = this.actionsOpen === id;
    return html`<button
        type="button"
        part="remove-button"
        class="icon"
        data-act="remove"
        aria-label=${this.s('remove', { name })}
      >
        <span aria-hidden="true">✕</span></button
      ><button
        type="button"
        part="actions-button"
        class="icon"
        data-act="more"
        aria-label=${this.s('actions', { name })}
        aria-expanded=${open}
        aria-controls="actions-${id}"
      >
        <span aria-hidden="true">⋯</span>
      </button>`;
  }

  private renderActions(id: string, name: string): TemplateResult | typeof nothing {
    if (this.actionsOpen !== id) return nothing;
    const can: Record<string, boolean> = { ...moves(this.rule, id), duplicate: true };
    const icons: Record<string, string> = { up: '↑', down: '↓', indent: '→', outdent: '←', duplicate: '⧉' };
    return html`<div id="actions-${id}" class="actions" role="group" aria-label=${this.s('actions', { name })}>
      ${Object.entries(icons).map(
        ([action, icon]) =>
          html`<button type="button" data-act=${action} aria-disabled=${!can[action]}>
            <span aria-hidden="true" class="flip">${icon}</span> ${this.s(
              { up: 'moveUp', down: 'moveDown' }[action] ?? action,
            )}
          </button>`,
      )}
    </div>`;
  }

  private addButton(kind: string, label: string): TemplateResult {
    return html`<button type="button" part="add-button" data-act="add-${kind}">
      <span aria-hidden="true">+</span> ${this.s(label)}
    </button>`;
  }

  private renderGroup(group: Group, scope: Scope, index: number): TemplateResult {
    const id = group.id!;
    const isRoot = group === this.rule;
    const top = isRoot || scope.owner?.where === group;
    const name = isRoot
      ? this.label || this.s('rules')
      : top
        ? this.s('whereLabel')
        : this.s('group', { n: index + 1 });
    const match = matchOf(group);
    const issues = this.issuesOf(id);
    const drop = this.dropAt?.id === id ? ` drop-${this.dropAt.position}` : '';
    return html`<section part="group" class="node group${top ? ' top' : ''}${drop}" data-node=${id} aria-label=${name}>
      <div class="head">
        ${top ? nothing : this.renderHandle(name)}
        ${isRoot ? html`<span class="lead">${this.s('matchLead')}</span>` : nothing}
        <select
          class="match"
          data-act="match"
          aria-label=${this.s('match')}
          aria-describedby=${issues.length ? `issue-${id}` : nothing}
        >
          ${MATCHES.map(
            (option) =>
              html`<option value=${option} ?selected=${option === match}>${this.s(`match.${option}`)}</option>`,
          )}
        </select>
        ${top ? nothing : this.renderTools(id, name)}
      </div>
      ${top ? nothing : this.renderActions(id, name)}
      ${
        group.rules.length
          ? html`<ol class="rules">
              ${repeat(
                group.rules,
                (node) => node.id,
                (node, i) =>
                  html`<li>
                    ${
                      node.kind === 'group'
                        ? this.renderGroup(node, scope, i)
                        : node.kind === 'event'
                          ? this.renderEvent(node, i)
                          : this.renderCondition(node, scope, i)
                    }
                  </li>`,
              )}
            </ol>`
          : nothing
      }
      ${this.renderIssues(id, issues)}
      <div class="add">
        ${this.addButton('condition', 'addCondition')}
        ${scope.owner || !this.kit ? nothing : this.addButton('event', 'addBehaviour')}
        ${this.addButton('group', 'addGroup')}
      </div>
    </section>`;
  }

  private renderCondition(node: Condition, scope: Scope, index: number): TemplateResult {
    const id = node.id!;
    const name = this.s('condition', { n: index + 1 });
    const field = scope.fields.find((known) => known.path === node.field);
    const issues = this.issuesOf(id);
    const about = (part: string) => issues.some((issue) => issue.part === part || (part === 'value' && !issue.part));
    const described = (part: string) => (about(part) ? `issue-${id}` : nothing);
    const offered = field ? allowedOperators(field, pluginOperators(this.kit)) : [];
    const ops = node.op && !offered.includes(node.op) ? [...offered, node.op] : offered;
    const picker = this.picker?.node === id ? this.picker : undefined;
    return this.frame(
      id,
      'condition',
      name,
      html`<div class="head">
          ${this.renderHandle(name)}
          <span class="anchor">
            <button
              type="button"
              part="field-button"
              class="field"
              data-act="field"
              aria-haspopup="listbox"
              aria-expanded=${!!picker}
              aria-invalid=${about('field')}
              aria-describedby=${described('field')}
            >
              <span class="visually-hidden">${this.s('field')}: </span>${
                field
                  ? labelOf(field.label, this.i18n.locale, readable(field.path))
                  : node.field || this.s('chooseField')
              }
            </button>
            ${picker ? this.renderFieldPicker(picker, scope, node.field) : nothing}
          </span>
          ${
            node.field
              ? html`<select
                  part="operator"
                  data-act="op"
                  aria-label=${this.s('operator')}
                  aria-invalid=${about('op')}
                  aria-describedby=${described('op')}
                >
                  ${node.op ? nothing : html`<option value="" selected>${this.s('choose')}</option>`}
                  ${ops.map((op) => html`<option value=${op} ?selected=${op === node.op}>${this.operatorLabel(op)}</option>`)}
                </select>`
              : nothing
          }
          ${renderEditor(editorFor(node.op, field), {
            id: `value-${id}`,
            field,
            value: node.value,
            invalid: about('value'),
            describedBy: about('value') ? `issue-${id}` : '',
            t: (key, params) => this.i18n.t(key, params),
            valueLabel: (value) => this.valueLabel(field, value),
          })}
          ${
            (field?.type === 'string' || field?.type === 'array') && TEXT_OPS.has(node.op)
              ? html`<label class="check"
                  ><input type="checkbox" data-act="case" .checked=${live(!!node.caseSensitive)} />${this.s(
                    'matchCase',
                  )}</label
                >`
              : nothing
          }
          ${this.renderTools(id, name)}
        </div>
        ${this.renderActions(id, name)} ${this.renderIssues(id, issues)}`,
    );
  }

  private renderFieldPicker(picker: PickerState, scope: Scope, selected: string): TemplateResult {
    const key = [scope.fields, picker.query, this.i18n.locale];
    if (!this.pickerCache || key.some((part, i) => part !== this.pickerCache!.key[i]))
      this.pickerCache = { key, value: pickerResult(scope.fields, picker.query, this.i18n.locale) };
    const result = this.pickerCache.value;
    return renderPicker({
      id: `p-${picker.node}`,
      state: picker,
      result,
      selected,
      t: (key, params) => this.i18n.t(key, params),
      groupLabel: this.groupLabel,
      onInput: (query) => (this.picker = { ...picker, query, active: 0 }),
      onKeydown: (event) => this.onPickerKey(event, result),
      onChoose: (field) => this.chooseField(field),
      onFocusOut: (event) => {
        // Leaving the picker (except for its own button) closes it.
        const next = event.relatedTarget as Node | null;
        const popup = event.currentTarget as HTMLElement;
        if (!next || (!popup.contains(next) && next !== popup.previousElementSibling)) this.closePicker(false);
      },
    });
  }

  private renderEvent(node: EventCondition, index: number): TemplateResult {
    const id = node.id!;
    const name = this.s('behaviour', { n: index + 1 });
    const issues = this.issuesOf(id);
    const about = (part: string) => issues.some((issue) => issue.part === part);
    const { mode, frequency, times } = readCount(node);
    const types = this.kit ? activityTypes(this.kit) : [];
    const known = types.some(({ type }) => type === node.activityType);
    const number = (act: string, label: string, value: unknown, part: string) =>
      html`<input
        class="short"
        data-act=${act}
        data-part=${act}
        type="text"
        inputmode="numeric"
        autocomplete="off"
        placeholder=${act === 'days' ? this.s('anyTime') : nothing}
        aria-label=${this.s(label)}
        aria-invalid=${about(part)}
        aria-describedby=${about(part) ? `issue-${id}` : nothing}
        .value=${live(shown(value))}
      />`;
    return this.frame(
      id,
      'event',
      name,
      html`<div class="head">
          ${this.renderHandle(name)}
          <select data-act="did" aria-label=${this.s('didLabel')}>
            <option value="did" ?selected=${mode === 'did'}>${this.s('did')}</option>
            <option value="didNot" ?selected=${mode === 'didNot'}>${this.s('didNot')}</option>
          </select>
          <select
            data-act="activity"
            data-part="activity"
            aria-label=${this.s('activity')}
            aria-invalid=${about('activityType')}
            aria-describedby=${about('activityType') ? `issue-${id}` : nothing}
          >
            ${node.activityType ? nothing : html`<option value="" selected>${this.s('chooseActivity')}</option>`}
            ${types.map(
              ({ type, label }) =>
                html`<option value=${type} ?selected=${type === node.activityType}>
                  ${
                    this.i18n.has(`activity.${type}`)
                      ? this.i18n.t(`activity.${type}`)
                      : labelOf(label, this.i18n.locale, type)
                  }
                </option>`,
            )}
            ${
              node.activityType && !known
                ? html`<option value=${node.activityType} selected>${node.activityType}</option>`
                : nothing
            }
          </select>
          ${
            mode === 'did'
              ? html`<select data-act="freq" aria-label=${this.s('frequency')}>
                  <option value="gte" ?selected=${frequency === 'gte'}>${this.s('atLeast')}</option>
                  <option value="eq" ?selected=${frequency === 'eq'}>${this.s('exactly')}</option>
                </select>`
              : html`<span>${this.s('atLeast')}</span>`
          }
          <span class="inline"
            >${number('times', 'times', times, 'count')}<span aria-hidden="true">${this.s('timesUnit')}</span></span
          >
          <span class="inline"
            ><span aria-hidden="true">${this.s('inLast')}</span>${number(
              'days',
              'withinDays',
              node.withinDays,
              'withinDays',
            )}<span aria-hidden="true">${this.s('daysUnit')}</span></span
          >
          ${this.renderTools(id, name)}
        </div>
        ${this.renderActions(id, name)}
        ${
          node.where
            ? html`<div class="where">
                <span class="lead">${this.s('where')}</span>
                ${this.renderGroup(node.where, { owner: node, fields: this.activityFieldsOf(node.activityType) }, 0)}
              </div>`
            : node.activityType
              ? this.addButton('where', 'addWhere')
              : nothing
        }
        ${this.renderIssues(id, issues)}`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-segment-builder': CrmSegmentBuilder;
  }
}
