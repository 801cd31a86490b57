import { CrmFeedController } from '../shared/crm-feed-controller.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, initialState } from '@lit/task';
import {
  CONSENT_CHANNELS,
  CrmConflictError,
  CrmNotFoundError,
  CrmValidationError,
  initials,
  type ConsentChannel,
  type Crm,
  type Customer,
  type CustomerInput,
  type LocalizedText,
} from '@crmkit/core';
import { CrmElement } from '../shared/crm-element.js';
import { CrmErrorEvent } from '../shared/events.js';
import { renderEmpty, renderError, renderLoading, stateStyles } from '../shared/states.js';
import { controls, tokens } from '../shared/tokens.styles.js';
import { cardStyles } from './customer-card.styles.js';
import {
  CrmCardActionEvent,
  CrmContactEvent,
  CrmCustomerBeforeSaveEvent,
  CrmCustomerConflictEvent,
  CrmCustomerSaveEvent,
} from './customer-card.events.js';
import type { CardData, CardVariant } from './customer-card.types.js';
import {
  buildInput,
  editFields,
  fieldForPath,
  formValues,
  readField,
  writeField,
  type EditField,
} from './edit-fields.js';
import { fieldText } from './field-text.js';
import { factorText, labelOf, metricRows, type MetricRow } from './metric-rows.js';

interface Conflict {
  mine: CustomerInput;
  theirs: Customer;
  /** Per differing field: whose value to keep. */
  choices: Record<string, 'mine' | 'theirs'>;
}

const SCHEMES: Record<ConsentChannel, string> = { email: 'mailto:', sms: 'sms:', call: 'tel:' };

/**
 * The customer at a glance, and the place to fix their data: who they are, how to reach them and whether one may,
 * what the analytics say about them (each figure with how it was computed), an editor validated by the crm's
 * schema, and the host app's and plugins' actions. It re-renders when the customer changes, in this tab or another.
 *
 * @summary A customer's card: contact, consents, metrics, inline edit and actions.
 *
 * @slot actions - The host app's buttons, shown with the plugins' card actions.
 *
 * @csspart base - The card's frame.
 * @csspart header - Avatar, name, company and the edit button.
 * @csspart avatar - The photo or the initials.
 * @csspart name - The customer's name.
 * @csspart consents - The consent badges.
 * @csspart consent-badge - One channel's consent badge.
 * @csspart contact-action - A contact action (e-mail, SMS, call).
 * @csspart details - The contact details list.
 * @csspart metrics - The metrics list.
 * @csspart explanation - A metric's "how is this computed" disclosure.
 * @csspart actions - The actions row.
 * @csspart plugin-action - A plugin's card action.
 * @csspart edit-button - The button that opens the editor.
 * @csspart editor - The edit form.
 * @csspart field-error - A field's error message.
 * @csspart conflict - The view that shows both versions after a conflicting save.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 *
 * @cssprop --crm-card-padding - Space inside the card.
 * @cssprop --crm-card-gap - Space between the card's sections.
 * @cssprop --crm-card-background - The card's background.
 * @cssprop --crm-card-border-color - The card's border colour.
 * @cssprop --crm-card-avatar-size - The avatar's diameter.
 * @cssprop --crm-card-avatar-background - The initials' background.
 * @cssprop --crm-card-avatar-color - The initials' colour.
 *
 * @fires {CrmCustomerBeforeSaveEvent} crm-customer-before-save - Before an edit is saved; cancelable.
 * @fires {CrmCustomerSaveEvent} crm-customer-save - After an edit was saved.
 * @fires {CrmCustomerConflictEvent} crm-customer-conflict - A save met someone else's change; both versions are shown.
 * @fires {CrmContactEvent} crm-contact - A contact action was chosen; cancelable.
 * @fires {CrmCardActionEvent} crm-card-action - A plugin's card action was chosen; cancelable.
 * @fires {CrmErrorEvent} crm-error - Loading or an action failed.
 */
@customElement('crm-customer-card')
export class CrmCustomerCard extends CrmElement {
  static override styles = [tokens, controls, stateStyles, cardStyles];

  /** The id of the customer to show. */
  @property({ attribute: 'customer-id', reflect: true }) customerId = '';

  /**
   * How much to show: `full` or `compact`.
   * @type {'full' | 'compact'}
   */
  @property({ reflect: true }) variant: CardVariant = 'full';

  /** The level of the customer's name among the page's headings (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Hides the edit button, for read-only screens. */
  @property({ attribute: 'read-only', type: Boolean, reflect: true }) readOnly = false;

  @state() private editing = false;
  @state() private values: Record<string, string> = {};
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private conflict: Conflict | undefined;
  @state() private saving = false;
  @state() private announcement = '';
  @state() private photoFailed = false;
  @state() private pinnedTip = '';
  @state() private dismissedTip = '';
  /** Bumped by the change feed: a new value reloads the customer. */
  @state() private generation = 0;

  /** The customer as it was when editing began; its `rev` is what the save expects. */
  private base: Customer | undefined;
  private fields: EditField[] = [];
  /** After a first attempt to save, every keystroke re-validates, so errors clear as they are fixed. */
  private validateAsTyped = false;
  private readonly feed = new CrmFeedController(
    this,
    () => this.kit,
    (crm) => this.follow(crm),
  );
  private focusAfterUpdate: string | undefined;

  private readonly loader = new Task(this, {
    task: async ([crm, id]) => {
      if (!crm || !id) return initialState;
      const customer = await crm.customers.require(id);
      const consents = await crm.consents.current(id);
      return { customer, consents, metrics: crm.metrics.compute(customer) } satisfies CardData;
    },
    args: () => [this.kit, this.customerId, this.generation] as const,
  });

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('customerId') && changed.get('customerId') !== undefined) this.closeEditor();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusAfterUpdate) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterUpdate);
      this.focusAfterUpdate = undefined;
      target?.focus();
    }
  }

  /** Follows the crm's change feed: this customer's record and consents, from this tab or another. */
  private follow(crm: Crm): () => void {
    const offChanges = crm.subscribe('*', (changes) => {
      const relevant = changes.some(
        (change) =>
          (change.collection === 'customers' && change.id === this.customerId) ||
          (change.collection === 'consents' &&
            (change.doc as { customerId?: string } | undefined)?.customerId === this.customerId),
      );
      if (relevant) this.generation++;
    });
    // A plugin switched off takes its metrics and actions with it.
    const offPlugins = crm.events.on('plugin-error', () => this.generation++);
    return () => {
      offChanges();
      offPlugins();
    };
  }

  private retry = (): void => {
    this.generation++;
  };

  override render(): TemplateResult {
    if (!this.customerId) return this.frame(renderEmpty(this.i18n.t('card.none')));
    const current = this.loader.value;
    const shown = current?.customer.id === this.customerId ? current : undefined;
    const loading = () => this.frame(renderLoading(this.i18n.t('common.loading')));
    return (
      this.loader.render({
        initial: loading,
        pending: () => (shown ? this.renderCard(shown) : loading()),
        complete: (data) => this.renderCard(data),
        error: (error) =>
          error instanceof CrmNotFoundError || error instanceof CrmValidationError
            ? this.frame(renderEmpty(this.i18n.t('error.notFound')))
            : this.frame(renderError(this.i18n.t('common.error'), this.i18n.t('common.retry'), this.retry)),
      }) ?? loading()
    );
  }

  protected override firstUpdated(): void {
    // Load errors are the host app's business too (logging, a toast); say so once per failure.
    void this.loader.taskComplete.catch((error: unknown) => {
      if (!(error instanceof CrmNotFoundError)) this.dispatchEvent(new CrmErrorEvent(error));
    });
  }

  private frame(content: TemplateResult): TemplateResult {
    return html`<div part="base" class="card">${content}</div>`;
  }

  private heading(id: string, text: string, level = this.headingLevel, hidden = false): TemplateResult {
    const clamped = Math.min(6, Math.max(1, Math.round(level) || 2));
    return html`<div
      id=${id}
      role="heading"
      aria-level=${clamped}
      class=${hidden ? 'visually-hidden' : 'name'}
      part=${hidden ? nothing : 'name'}
    >
      ${text}
    </div>`;
  }

  private renderCard(data: CardData): TemplateResult {
    const { customer } = data;
    const subtitle = [customer.company, customer.address?.city].filter(Boolean).join(' · ');
    const full = this.variant !== 'compact';
    return html`<article part="base" class="card" aria-labelledby="name">
      <header part="header">
        ${this.renderAvatar(customer)}
        <div class="who">
          ${this.heading('name', customer.name)} ${subtitle ? html`<p class="subtitle muted">${subtitle}</p>` : nothing}
        </div>
        ${
          this.readOnly || this.editing || this.conflict
            ? nothing
            : html`<button type="button" part="edit-button" class="edit" @click=${() => this.openEditor(customer)}>
                ${this.i18n.t('common.edit')}<span class="visually-hidden">: ${customer.name}</span>
              </button>`
        }
      </header>
      ${
        this.conflict
          ? this.renderConflict(this.conflict)
          : this.editing
            ? this.renderEditor(customer)
            : html`${this.renderConsents(data)} ${full ? this.renderDetails(customer) : nothing}
              ${full ? this.renderMetrics(data) : nothing}`
      }
      ${this.renderActions(customer)}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </article>`;
  }

  private renderAvatar(customer: Customer): TemplateResult {
    const url = customer.photoUrl;
    // Only http(s) photos: the schema says so, and the card does not trust stored data to have passed it.
    if (url && /^https?:\/\//i.test(url) && !this.photoFailed) {
      return html`<img part="avatar" class="avatar" src=${url} alt="" @error=${() => (this.photoFailed = true)} />`;
    }
    return html`<span part="avatar" class="avatar" aria-hidden="true"
      >${initials(customer.name, this.i18n.locale)}</span
    >`;
  }

  private channelName(channel: ConsentChannel): string {
    return this.i18n.t(`consent.channel.${channel}`);
  }

  private renderConsents({ customer, consents }: CardData): TemplateResult {
    const t = (key: string, params?: Record<string, string>) => this.i18n.t(key, params);
    return html`<section part="consents" aria-labelledby="consents-title">
      ${this.heading('consents-title', t('consent.title'), this.headingLevel + 1, true)}
      <ul class="row">
        ${CONSENT_CHANNELS.map((channel) => {
          const record = consents[channel];
          const status = record?.status ?? 'none';
          const tipId = `consent-${channel}-tip`;
          const tip = record
            ? `${t('consent.source', { source: record.source })} · ${t('consent.recordedAt', { date: this.i18n.date(record.recordedAt) })}`
            : t('consent.status.none');
          return html`<li
            class="has-tip"
            ?data-pinned=${this.pinnedTip === tipId}
            ?data-dismissed=${this.dismissedTip === tipId}
          >
            <button
              type="button"
              part="consent-badge"
              class="badge ${status}"
              data-channel=${channel}
              aria-describedby=${tipId}
              @click=${() => (this.pinnedTip = this.pinnedTip === tipId ? '' : tipId)}
              @keydown=${(event: KeyboardEvent) => this.dismissTip(event, tipId)}
              @blur=${() => this.resetTip(tipId)}
            >
              <span aria-hidden="true">${status === 'granted' ? '✓' : status === 'denied' ? '✕' : '–'}</span>
              ${t('consent.badge', { channel: this.channelName(channel), status: t(`consent.status.${status}`) })}
            </button>
            <span role="tooltip" id=${tipId} class="tip">${tip}</span>
          </li>`;
        })}
      </ul>
      <ul class="row contact">
        ${CONSENT_CHANNELS.map((channel) => this.renderContact(channel, customer, consents[channel]?.status))}
      </ul>
    </section>`;
  }

  /** Escape hides a tooltip without moving focus (WCAG 1.4.13); it shows again on the next focus. */
  private dismissTip(event: KeyboardEvent, tipId: string): void {
    if (event.key !== 'Escape') return;
    this.dismissedTip = tipId;
    this.pinnedTip = '';
  }

  private resetTip(tipId: string): void {
    if (this.dismissedTip === tipId) this.dismissedTip = '';
    if (this.pinnedTip === tipId) this.pinnedTip = '';
  }

  private renderContact(channel: ConsentChannel, customer: Customer, status: string | undefined): TemplateResult {
    const address = channel === 'email' ? customer.emails[0] : customer.phones[0];
    const label = this.i18n.t(`contact.${channel}`);
    const name = this.channelName(channel);
    const reason = !address
      ? this.i18n.t(channel === 'email' ? 'contact.noEmail' : 'contact.noPhone')
      : status === 'denied'
        ? this.i18n.t('contact.denied', { channel: name })
        : status !== 'granted'
          ? this.i18n.t('contact.noConsent', { channel: name })
          : '';
    if (reason || !address) {
      const reasonId = `contact-${channel}-reason`;
      // aria-disabled keeps the action focusable, so keyboard and screen reader users can learn why it is off.
      return html`<li class="has-tip">
        <button
          type="button"
          part="contact-action"
          data-channel=${channel}
          aria-disabled="true"
          aria-describedby=${reasonId}
        >
          ${label}
        </button>
        <span role="tooltip" id=${reasonId} class="tip reason-tip">${reason}</span>
      </li>`;
    }
    const href = SCHEMES[channel] + encodeURIComponent(address).replace(/%2B/g, '+').replace(/%40/g, '@');
    return html`<li>
      <a
        class="button"
        part="contact-action"
        data-channel=${channel}
        href=${href}
        @click=${(event: Event) => {
          if (!this.dispatchEvent(new CrmContactEvent(channel, address, customer))) event.preventDefault();
        }}
        >${label}</a
      >
    </li>`;
  }

  private renderDetails(customer: Customer): TemplateResult | typeof nothing {
    const rows: Array<[string, string]> = [];
    if (customer.emails.length) rows.push([this.i18n.t('customer.emails'), customer.emails.join(', ')]);
    if (customer.phones.length) rows.push([this.i18n.t('customer.phones'), customer.phones.join(', ')]);
    const place = [
      customer.address?.line,
      customer.address?.district,
      customer.address?.city,
      customer.address?.country,
    ]
      .filter(Boolean)
      .join(', ');
    if (place) rows.push([this.i18n.t('customer.address.city'), place]);
    if (customer.tags.length) rows.push([this.i18n.t('customer.tags'), customer.tags.join(', ')]);
    const crm = this.kit;
    for (const field of crm ? editFields(crm).filter((f) => f.key.startsWith('custom.')) : []) {
      const value = fieldText(customer, field, this.i18n);
      if (value) rows.push([this.label(field.label), value]);
    }
    if (!rows.length) return nothing;
    return html`<section aria-labelledby="details-title">
      ${this.heading('details-title', this.i18n.t('card.details'), this.headingLevel + 1, true)}
      <dl part="details" class="details">
        ${rows.map(
          ([term, value]) =>
            html`<dt>${term}</dt>
              <dd>${value}</dd>`,
        )}
      </dl>
    </section>`;
  }

  private renderMetrics(data: CardData): TemplateResult | typeof nothing {
    const crm = this.kit;
    if (!crm) return nothing;
    const rows = metricRows(crm, data.customer, data.metrics, this.i18n);
    if (!rows.length) return nothing;
    return html`<section aria-labelledby="metrics-title">
      ${this.heading('metrics-title', this.i18n.t('card.metrics'), this.headingLevel + 1, true)}
      <dl part="metrics" class="metrics">${rows.map((row) => this.renderMetric(row))}</dl>
    </section>`;
  }

  private renderMetric(row: MetricRow): TemplateResult {
    const explanation = row.explanation;
    return html`<div class="metric" data-metric=${row.id}>
      <dt>${row.label}</dt>
      <dd>
        <span class="metric-value">${row.value}</span>
        ${
          explanation
            ? html`<details part="explanation">
                <summary>
                  ${this.i18n.t('card.howComputed')}<span class="visually-hidden"> (${row.label})</span>
                </summary>
                <p>${labelOf(explanation.summary, this.i18n)}</p>
                ${
                  explanation.factors?.length
                    ? html`<dl class="factors">
                        ${explanation.factors.map(
                          (factor) =>
                            html`<dt>${labelOf(factor.label, this.i18n)}</dt>
                              <dd>${factorText(factor.value, this.i18n)}</dd>`,
                        )}
                      </dl>`
                    : nothing
                }
              </details>`
            : nothing
        }
      </dd>
    </div>`;
  }

  private renderActions(customer: Customer): TemplateResult {
    const crm = this.kit;
    const actions = crm
      ? crm.host
          .active(crm.host.contributions.cardActions)
          .filter((action) =>
            crm.host.run(action.pluginId, 'render', () => (action.when ? action.when(customer) : true), false),
          )
      : [];
    return html`<div part="actions" class="actions" role="group" aria-label=${this.i18n.t('card.actions')}>
      <slot name="actions"></slot>
      ${actions.map(
        (action) =>
          html`<button
            type="button"
            part="plugin-action"
            data-action=${action.id}
            @click=${() => void this.runAction(crm!, action.id, action.pluginId, customer)}
          >
            ${this.label(action.label)}
          </button>`,
      )}
    </div>`;
  }

  private async runAction(crm: Crm, actionId: string, pluginId: string, customer: Customer): Promise<void> {
    if (!this.dispatchEvent(new CrmCardActionEvent(actionId, pluginId, customer))) return;
    const action = crm.host.contributions.cardActions.find((a) => a.id === actionId && a.pluginId === pluginId);
    if (!action) return;
    try {
      await crm.host.runAsync(pluginId, 'action', () => action.run(customer, crm));
    } catch (error) {
      this.announcement = this.i18n.t('card.actionFailed', { action: this.label(action.label) });
      this.dispatchEvent(new CrmErrorEvent(error));
    }
  }

  private label(text: string | LocalizedText): string {
    return typeof text === 'string' ? this.i18n.t(text) : labelOf(text, this.i18n);
  }

  // ——— editing ———

  private openEditor(customer: Customer): void {
    const crm = this.kit;
    if (!crm) return;
    this.fields = editFields(crm);
    this.base = customer;
    this.values = formValues(customer, this.fields);
    this.errors = {};
    this.formError = '';
    this.validateAsTyped = false;
    this.announcement = '';
    this.editing = true;
    this.focusAfterUpdate = 'form input, form select';
  }

  private closeEditor(): void {
    const wasOpen = this.editing || this.conflict;
    this.editing = false;
    this.conflict = undefined;
    this.base = undefined;
    this.errors = {};
    this.formError = '';
    if (wasOpen) this.focusAfterUpdate = '[part="edit-button"]';
  }

  private fieldId(field: EditField): string {
    return `field-${field.key.replace(/\./g, '-')}`;
  }

  private renderEditor(current: Customer): TemplateResult {
    const changedMeanwhile = this.base && current.rev !== this.base.rev;
    return html`<form
      part="editor"
      class="editor"
      novalidate
      aria-labelledby="editor-title"
      @submit=${this.onSubmit}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') this.closeEditor();
      }}
    >
      ${this.heading('editor-title', this.i18n.t('card.editTitle'), this.headingLevel + 1, true)}
      ${changedMeanwhile ? html`<p class="notice" role="status">${this.i18n.t('card.changedMeanwhile')}</p>` : nothing}
      ${this.fields.map((field) => this.renderField(field))}
      ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.saving}>
          ${this.i18n.t(this.saving ? 'common.saving' : 'common.save')}
        </button>
        <button type="button" @click=${() => this.closeEditor()}>${this.i18n.t('common.cancel')}</button>
      </div>
    </form>`;
  }

  private renderField(field: EditField): TemplateResult {
    const id = this.fieldId(field);
    const error = this.errors[field.key];
    const value = this.values[field.key] ?? '';
    const described = [error ? `${id}-error` : '', field.kind === 'list' ? `${id}-hint` : ''].filter(Boolean).join(' ');
    const onInput = (event: Event) => this.onInput(field, event.target as HTMLInputElement);
    let control: TemplateResult;
    if (field.kind === 'boolean') {
      control = html`<input
        id=${id}
        type="checkbox"
        .checked=${live(value === 'true')}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @change=${onInput}
      />`;
    } else if (field.kind === 'enum') {
      control = html`<select
        id=${id}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @change=${onInput}
      >
        ${field.required ? nothing : html`<option value="" ?selected=${value === ''}></option>`}
        ${(field.options ?? []).map((option) => html`<option value=${option} ?selected=${option === value}>${option}</option>`)}
      </select>`;
    } else {
      const type =
        field.kind === 'number'
          ? 'number'
          : field.kind === 'date'
            ? 'date'
            : field.kind === 'list'
              ? 'text'
              : (field.inputType ?? 'text');
      control = html`<input
        id=${id}
        type=${type}
        inputmode=${field.kind === 'list' && field.inputType === 'email' ? 'email' : field.kind === 'list' && field.inputType === 'tel' ? 'tel' : nothing}
        autocomplete=${field.autocomplete ?? 'off'}
        .value=${live(value)}
        ?required=${field.required}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @input=${onInput}
      />`;
    }
    return html`<div class="field" data-field=${field.key}>
      <label for=${id}>${this.label(field.label)}</label>
      ${control}
      ${field.kind === 'list' ? html`<span id="${id}-hint" class="muted">${this.i18n.t('card.listHint')}</span>` : nothing}
      ${error ? html`<p id="${id}-error" class="field-error" part="field-error">${error}</p>` : nothing}
    </div>`;
  }

  private onInput(field: EditField, control: HTMLInputElement | HTMLSelectElement): void {
    const value =
      control instanceof HTMLInputElement && control.type === 'checkbox' ? String(control.checked) : control.value;
    this.values = { ...this.values, [field.key]: value };
    if (this.validateAsTyped) this.validate();
  }

  /** Checks the draft with the crm's (plugin-extended) schema; puts each problem at its field. */
  private validate(): CustomerInput | undefined {
    const crm = this.kit;
    if (!crm || !this.base) return undefined;
    const input = buildInput(this.base, this.fields, this.values);
    try {
      crm.schemas.parseInput('customers', input);
      this.errors = {};
      this.formError = '';
      return input;
    } catch (error) {
      if (!(error instanceof CrmValidationError)) throw error;
      this.showIssues(error);
      return undefined;
    }
  }

  private showIssues(error: CrmValidationError): void {
    const errors: Record<string, string> = {};
    const loose: string[] = [];
    for (const issue of error.issues) {
      const field = fieldForPath(issue.path, this.fields);
      const message = this.issueMessage(issue, field);
      if (field) errors[field.key] ??= message;
      else loose.push(message);
    }
    this.errors = errors;
    this.formError = loose.length ? loose.join(' ') : this.i18n.t('error.validation');
  }

  private issueMessage(issue: { code: string; message: string }, field: EditField | undefined): string {
    // A plugin's veto speaks for itself; the schema's own messages are for developers, so people get the catalogue's.
    if (issue.code === 'vetoed') return issue.message;
    if (field?.required && !(this.values[field.key] ?? '').trim()) return this.i18n.t('issue.required');
    if (field?.issueKey) return this.i18n.t(field.issueKey);
    return this.i18n.locale === 'en'
      ? `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`
      : this.i18n.t('issue.invalid');
  }

  private onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    this.validateAsTyped = true;
    const input = this.validate();
    if (!input) {
      this.focusFirstError();
      return;
    }
    await this.save(input);
  };

  private focusFirstError(): void {
    const first = this.fields.find((field) => this.errors[field.key]);
    this.focusAfterUpdate = first ? `#${this.fieldId(first)}` : undefined;
    this.requestUpdate();
  }

  private async save(input: CustomerInput): Promise<void> {
    const crm = this.kit;
    const base = this.base;
    if (!crm || !base || this.saving) return;
    if (!this.dispatchEvent(new CrmCustomerBeforeSaveEvent(base, input))) return;
    this.saving = true;
    try {
      const saved = await crm.customers.put(input);
      this.closeEditor();
      this.announcement = this.i18n.t('common.saved');
      this.dispatchEvent(new CrmCustomerSaveEvent(saved));
    } catch (error) {
      if (error instanceof CrmConflictError && error.current) {
        this.openConflict(input, error.current as Customer);
      } else if (error instanceof CrmConflictError || error instanceof CrmNotFoundError) {
        this.formError = this.i18n.t('error.notFound');
      } else if (error instanceof CrmValidationError) {
        this.editing = true;
        this.conflict = undefined;
        this.showIssues(error);
        this.focusFirstError();
      } else {
        this.formError = this.i18n.t('error.storage');
        this.dispatchEvent(new CrmErrorEvent(error));
      }
    } finally {
      this.saving = false;
    }
  }

  // ——— conflicts ———

  private openConflict(mine: CustomerInput, theirs: Customer): void {
    const base = this.base!;
    const choices: Record<string, 'mine' | 'theirs'> = {};
    for (const field of this.fields) {
      const own = readField(mine, field);
      if (own === readField(theirs, field)) continue;
      // What the user changed is theirs to keep by default; what they did not touch follows the newer version.
      choices[field.key] = own !== readField(base, field) ? 'mine' : 'theirs';
    }
    this.conflict = { mine, theirs, choices };
    this.editing = false;
    this.focusAfterUpdate = '#conflict-title';
    this.dispatchEvent(new CrmCustomerConflictEvent(mine, theirs));
  }

  private renderConflict(conflict: Conflict): TemplateResult {
    const rows = this.fields.filter((field) => conflict.choices[field.key]);
    const show = (text: string) => text || this.i18n.t('common.noValue');
    const mineLabel = this.i18n.t('conflict.mine');
    const theirsLabel = this.i18n.t('conflict.theirs');
    return html`<section part="conflict" class="conflict editor" aria-labelledby="conflict-title">
      <p class="notice" role="alert" id="conflict-title" tabindex="-1">${this.i18n.t('error.conflict')}</p>
      <table>
        <caption class="visually-hidden">
          ${this.i18n.t('conflict.title')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.i18n.t('conflict.field')}</th>
            <th scope="col">${mineLabel}</th>
            <th scope="col">${theirsLabel}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((field) => {
            const name = `choice-${this.fieldId(field)}`;
            const choose = (side: 'mine' | 'theirs') => {
              this.conflict = { ...conflict, choices: { ...conflict.choices, [field.key]: side } };
            };
            return html`<tr data-field=${field.key}>
              <th scope="row">${this.label(field.label)}</th>
              <td>
                <label
                  ><input
                    type="radio"
                    name=${name}
                    value="mine"
                    .checked=${live(conflict.choices[field.key] === 'mine')}
                    @change=${() => choose('mine')}
                  />
                  <span
                    ><span class="visually-hidden">${mineLabel}: </span>${show(readField(conflict.mine, field))}</span
                  ></label
                >
              </td>
              <td>
                <label
                  ><input
                    type="radio"
                    name=${name}
                    value="theirs"
                    .checked=${live(conflict.choices[field.key] === 'theirs')}
                    @change=${() => choose('theirs')}
                  />
                  <span
                    ><span class="visually-hidden">${theirsLabel}: </span
                    >${show(readField(conflict.theirs, field))}</span
                  ></label
                >
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="primary" data-conflict="save" @click=${() => void this.resolveConflict(conflict)}>
          ${this.i18n.t('conflict.save')}
        </button>
        <button type="button" data-conflict="discard" @click=${() => this.closeEditor()}>
          ${this.i18n.t('conflict.discard')}
        </button>
      </div>
    </section>`;
  }

  /** Saves the newer version with the chosen values of mine on top; the expected `rev` is now theirs. */
  private async resolveConflict(conflict: Conflict): Promise<void> {
    const merged = structuredClone(conflict.theirs) as unknown as Record<string, unknown>;
    for (const field of this.fields) {
      if (conflict.choices[field.key] === 'mine') writeField(merged, field, readField(conflict.mine, field));
    }
    this.base = conflict.theirs;
    this.values = formValues(merged, this.fields);
    await this.save(merged as unknown as CustomerInput);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-customer-card': CrmCustomerCard;
  }
}
