import { CrmFeedController } from '../shared/crm-feed-controller.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, initialState } from '@lit/task';
import { newId, type Crm } from '@crmkit/core';
import { npsCategory, type NpsCategory } from '@crmkit/analytics';
import { CrmElement } from '../shared/crm-element.js';
import { CrmErrorEvent } from '../shared/events.js';
import { renderLoading, stateStyles } from '../shared/states.js';
import { controls, tokens } from '../shared/tokens.styles.js';
import { npsCategoryColors } from './nps-categories.styles.js';
import { npsEligibility, type NpsEligibility } from './eligibility.js';
import { NPS_DISMISSED_TYPE } from './nps-plugin.js';
import {
  CrmNpsChangeEvent,
  CrmNpsDismissEvent,
  CrmNpsSkipEvent,
  CrmNpsSubmitEvent,
  type NpsAnswer,
} from './nps-widget.events.js';
import { npsWidgetStyles } from './nps-widget.styles.js';
import { NPS_DEFAULTS, type NpsText, type NpsTexts, type NpsWidgetMode } from './nps-widget.types.js';
import { NpsOutbox, type OutboxRow } from './outbox.js';

type Phase = 'asking' | 'sending' | 'thanks' | 'dismissed';

const GROUPS: ReadonlyArray<readonly [NpsCategory, readonly number[]]> = [
  ['detractor', [0, 1, 2, 3, 4, 5, 6]],
  ['passive', [7, 8]],
  ['promoter', [9, 10]],
];

const nonNegative = (value: number, fallback: number) => (Number.isFinite(value) && value >= 0 ? value : fallback);
const percent = (value: number) => (Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : NPS_DEFAULTS.sample);

/**
 * "How likely are you to recommend us to a friend or colleague?" on the 0–10 scale, at any touchpoint. The scale
 * is a radio group (roving tabindex, arrow keys, Home/End); the chosen score's category (detractor, passive,
 * promoter) picks the follow-up question, then an optional comment and a thank-you. The survey asks only when the
 * crm says so: not within `throttle-days` of the customer's last answer, nor within `dismiss-days` of a dismissal
 * (recorded as an `npsDismissed` activity when `npsWidgetPlugin()` is installed), and only for the `sample`
 * percent of customers, drawn from a hash of tenant, customer and period so every tab decides the same. The
 * answer is written as an NPS response and a timeline activity in one transaction; when the storage is
 * unavailable it waits in the tenant's outbox and is written later. Form-associated: inside a `<form>` its value
 * (the score) is submitted under its `name`; `mode="field"` shows only the scale, as a form control.
 *
 * @summary The NPS question: a 0–10 scale, a follow-up by category, throttled and sampled through the crm.
 *
 * @csspart base - The widget's frame.
 * @csspart question - The question.
 * @csspart scale - The radio group of the 11 scores.
 * @csspart option - One score; also `option-detractor`, `option-passive` or `option-promoter`, and `option-checked`.
 * @csspart ends - The labels of both ends of the scale.
 * @csspart legend - The categories' key (with `show-categories`).
 * @csspart follow-up - The follow-up question and the comment.
 * @csspart comment - The comment field.
 * @csspart send-button - The button that sends the answer.
 * @csspart dismiss-button - The "Not now" button.
 * @csspart thanks - The thank-you message.
 * @csspart dismissed - The message after a dismissal.
 * @csspart skeleton - The placeholder while the crm decides whether to ask.
 *
 * @cssprop --crm-nps-padding - Space inside the widget.
 * @cssprop --crm-nps-background - The widget's background.
 * @cssprop --crm-nps-border-color - The widget's border colour.
 * @cssprop --crm-nps-option-size - The height of a score.
 * @cssprop --crm-nps-detractor-color - The mark of scores 0–6.
 * @cssprop --crm-nps-passive-color - The mark of scores 7–8.
 * @cssprop --crm-nps-promoter-color - The mark of scores 9–10.
 *
 * @fires {CrmNpsChangeEvent} crm-nps-change - A score was chosen.
 * @fires {CrmNpsSubmitEvent} crm-nps-submit - The answer was written, or queued until the storage is back.
 * @fires {CrmNpsDismissEvent} crm-nps-dismiss - The customer chose "Not now".
 * @fires {CrmNpsSkipEvent} crm-nps-skip - The survey is not shown to this customer now (throttled, dismissed, not sampled).
 * @fires {CrmErrorEvent} crm-error - Reading or writing failed.
 */
@customElement('crm-nps-widget')
export class CrmNpsWidget extends CrmElement {
  static override styles = [tokens, controls, stateStyles, npsCategoryColors, npsWidgetStyles];
  static override shadowRootOptions: ShadowRootInit = { ...CrmElement.shadowRootOptions, delegatesFocus: true };
  static formAssociated = true;

  /** The id of the customer who answers. */
  @property({ attribute: 'customer-id', reflect: true }) customerId = '';

  /** Where the question is asked (`store-visit`, `repair-pickup`, `web-order`…), stored with the answer. */
  @property({ reflect: true }) touchpoint = '';

  /**
   * `survey` (decide, ask, write, thank) or `field` (only the scale, a control for a host form).
   * @type {'survey' | 'field'}
   */
  @property({ reflect: true }) mode: NpsWidgetMode = 'survey';

  /** Do not ask a customer again within this many days of their last answer (0: always ask). */
  @property({ attribute: 'throttle-days', type: Number }) throttleDays: number = NPS_DEFAULTS.throttleDays;

  /** Do not ask a customer again within this many days of a dismissal (0: ask again at once). */
  @property({ attribute: 'dismiss-days', type: Number }) dismissDays: number = NPS_DEFAULTS.dismissDays;

  /** Ask this percentage (0–100) of the customers who may be asked. */
  @property({ type: Number }) sample: number = NPS_DEFAULTS.sample;

  /** Shows a key of the categories (detractor 0–6, passive 7–8, promoter 9–10), for staff rather than customers. */
  @property({ attribute: 'show-categories', type: Boolean }) showCategories = false;

  /** The level of the question among the page's headings (1–6), in survey mode. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The host app's own texts (question, end labels, follow-up per category, thanks), per language or for all. */
  @property({ type: Object }) texts: NpsTexts = {};

  /** The time answers are stamped with and throttles measured from; the current time when unset. */
  @property({ attribute: false }) now: Date | undefined;

  /** The name under which a host form submits the score. */
  @property({ reflect: true }) name = '';

  /** In a form: a score must be chosen before the form submits. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Turns the scale off. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /**
   * The chosen score, 0–10, or null. Anything else is refused with a `CrmValidationError` and changes nothing.
   * The `value` attribute is the initial score, which a form reset returns to.
   */
  @property({ type: Number })
  get value(): number | null {
    return this.score;
  }
  set value(next: number | null | undefined) {
    if (next !== null && next !== undefined) npsCategory(next);
    this.score = next ?? null;
  }

  @state() private comment = '';
  @state() private phase: Phase = 'asking';
  @state() private queued = false;
  @state() private failure = '';
  @state() private formDisabled = false;
  @state() private generation = 0;

  private score: number | null = null;
  private readonly internals = this.attachInternals();
  private focusAfterUpdate: string | undefined;
  private pointerFocus = false;
  private readonly feed = new CrmFeedController(
    this,
    () => this.kit,
    (crm) => this.follow(crm),
  );

  private readonly eligibility = new Task(this, {
    task: async ([crm, customerId, mode, throttle, dismiss, sample], { signal }) => {
      if (mode === 'field' || !crm || !customerId) return initialState;
      const outbox = NpsOutbox.for(crm);
      let result: NpsEligibility;
      try {
        result = await npsEligibility(crm, {
          customerId,
          now: this.clock,
          throttleDays: nonNegative(throttle, NPS_DEFAULTS.throttleDays),
          dismissDays: nonNegative(dismiss, NPS_DEFAULTS.dismissDays),
          sample: percent(sample),
          outbox,
        });
      } catch (error) {
        // Unsure whether the customer was asked lately: better not to ask than to ask twice.
        if (!signal.aborted) this.dispatchEvent(new CrmErrorEvent(error));
        result = { ask: false, reason: 'unavailable' };
      }
      if (!signal.aborted && !result.ask) this.dispatchEvent(new CrmNpsSkipEvent(customerId, result.reason));
      return result;
    },
    args: () =>
      [
        this.kit,
        this.customerId,
        this.mode,
        this.throttleDays,
        this.dismissDays,
        this.sample,
        this.generation,
      ] as const,
  });

  // ——— form association ———

  /** The form the widget belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  formResetCallback(): void {
    const initial = this.getAttribute('value');
    const score = initial === null || initial.trim() === '' ? null : Number(initial);
    this.value = score !== null && Number.isInteger(score) && score >= 0 && score <= 10 ? score : null;
    this.comment = '';
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(restored: unknown): void {
    if (typeof restored === 'string' && /^(?:[0-9]|10)$/.test(restored)) this.value = Number(restored);
  }

  private syncForm(): void {
    this.internals.setFormValue(this.score === null ? null : String(this.score));
    if (this.required && this.score === null && !this.isDisabled) {
      const anchor = this.renderRoot.querySelector<HTMLElement>('[role="radio"][tabindex="0"]') ?? undefined;
      this.internals.setValidity({ valueMissing: true }, this.i18n.t('nps.required'), anchor);
    } else {
      this.internals.setValidity({});
    }
  }

  // ——— lifecycle ———

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      this.phase = 'asking';
      this.score = null;
      this.comment = '';
      this.failure = '';
      this.queued = false;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncForm();
    if (this.focusAfterUpdate) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterUpdate);
      this.focusAfterUpdate = undefined;
      target?.focus();
    }
  }

  private get clock(): Date {
    return this.now ?? new Date();
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** An answer or dismissal from another tab, while this one is still untouched, means: decide again. */
  private follow(crm: Crm): () => void {
    return crm.subscribe('*', (changes) => {
      if (this.mode !== 'survey' || this.phase !== 'asking' || this.score !== null) return;
      const relevant = changes.some(
        (change) =>
          (change.collection === 'npsResponses' || change.collection === 'activities') &&
          (change.doc as { customerId?: unknown } | undefined)?.customerId === this.customerId,
      );
      if (relevant) this.generation++;
    });
  }

  // ——— rendering ———

  private text(custom: NpsText | undefined, key: string): string {
    if (typeof custom === 'string') return custom;
    const own = custom?.[this.i18n.locale];
    return typeof own === 'string' ? own : this.i18n.t(key);
  }

  override render(): unknown {
    if (this.mode === 'field') return this.renderQuestion(false);
    if (this.phase === 'thanks') {
      const thanks = this.text(this.texts?.thanks, 'nps.thanks');
      return this.renderDone('thanks', this.queued ? `${thanks} ${this.i18n.t('nps.queued')}` : thanks);
    }
    if (this.phase === 'dismissed') return this.renderDone('dismissed', this.i18n.t('nps.dismissed'));
    if (!this.customerId) return nothing;
    const loading = () => html`<div part="base" class="nps">${renderLoading(this.i18n.t('common.loading'), 2)}</div>`;
    const shown = (result: NpsEligibility | undefined) => (result?.ask ? this.renderQuestion(true) : nothing);
    return (
      this.eligibility.render({
        initial: loading,
        pending: () => (this.eligibility.value ? shown(this.eligibility.value) : loading()),
        complete: shown,
        error: () => nothing,
      }) ?? loading()
    );
  }

  private renderDone(part: 'thanks' | 'dismissed', message: string): TemplateResult {
    return html`<div part="base" class="nps">
      <p part=${part} class="done" role="status" tabindex="-1">${message}</p>
    </div>`;
  }

  private renderQuestion(survey: boolean): TemplateResult {
    const question = this.text(this.texts?.question, 'nps.question');
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const body = html`${
      survey
        ? html`<div id="question" part="question" class="question" role="heading" aria-level=${level}>${question}</div>`
        : html`<div id="question" part="question" class="question">${question}</div>`
    }
    ${this.renderScale()} ${survey && this.score !== null ? this.renderFollowUp(this.score) : nothing}
    ${this.failure ? html`<p class="failure" role="alert">${this.failure}</p>` : nothing}
    ${survey ? this.renderActions() : nothing}`;
    return survey
      ? html`<form part="base" class="nps" novalidate aria-labelledby="question" @submit=${this.onSubmit}>
          ${body}
        </form>`
      : html`<div part="base" class="nps">${body}</div>`;
  }

  private renderScale(): TemplateResult {
    const score = this.score;
    const tabStop = score ?? 0;
    const disabled = this.isDisabled;
    return html`<div
        role="radiogroup"
        part="scale"
        class="scale"
        aria-labelledby="question"
        aria-required=${this.required ? 'true' : nothing}
        aria-disabled=${disabled ? 'true' : nothing}
        @keydown=${this.onScaleKeydown}
        @pointerdown=${() => (this.pointerFocus = true)}
        @focusin=${this.onScaleFocusin}
      >
        ${GROUPS.map(
          ([category, scores]) =>
            html`<div class="group ${category}" role="presentation">
              ${scores.map(
                (n) =>
                  html`<button
                    type="button"
                    role="radio"
                    part="option option-${category}${n === score ? ' option-checked' : ''}"
                    class="option ${category}"
                    data-score=${n}
                    aria-checked=${n === score ? 'true' : 'false'}
                    aria-describedby=${n === 0 ? 'low' : n === 10 ? 'high' : nothing}
                    tabindex=${n === tabStop ? 0 : -1}
                    ?disabled=${disabled}
                    @click=${() => this.choose(n, false)}
                  >
                    ${this.i18n.number(n)}
                  </button>`,
              )}
            </div>`,
        )}
      </div>
      <div part="ends" class="ends">
        <span id="low">${this.text(this.texts?.low, 'nps.low')}</span>
        <span id="high">${this.text(this.texts?.high, 'nps.high')}</span>
      </div>
      ${this.showCategories ? this.renderLegend() : nothing}`;
  }

  private renderLegend(): TemplateResult {
    return html`<ul part="legend" class="legend">
      ${GROUPS.map(
        ([category, scores]) =>
          html`<li>
            <span class="swatch ${category}" aria-hidden="true"></span>${this.i18n.t('nps.categoryRange', {
              category: this.i18n.t(`nps.category.${category}`),
              from: this.i18n.number(scores[0]!),
              to: this.i18n.number(scores.at(-1)!),
            })}
          </li>`,
      )}
    </ul>`;
  }

  private renderFollowUp(score: number): TemplateResult {
    const category = npsCategory(score);
    return html`<div part="follow-up" class="follow-up">
      <label for="comment">${this.text(this.texts?.followUp?.[category], `nps.followUp.${category}`)}</label>
      <textarea
        id="comment"
        part="comment"
        maxlength="2000"
        aria-describedby="comment-hint"
        .value=${live(this.comment)}
        ?disabled=${this.phase === 'sending'}
        @input=${(event: Event) => (this.comment = (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <span id="comment-hint" class="hint">${this.i18n.t('nps.optional')}</span>
    </div>`;
  }

  private renderActions(): TemplateResult {
    const sending = this.phase === 'sending';
    return html`<div class="actions">
      ${
        this.score === null
          ? nothing
          : html`<button type="submit" part="send-button" class="primary" ?disabled=${sending}>
              ${this.i18n.t(sending ? 'nps.sending' : 'nps.send')}
            </button>`
      }
      <button type="button" part="dismiss-button" ?disabled=${sending} @click=${() => this.dismiss()}>
        ${this.i18n.t('nps.dismiss')}
      </button>
    </div>`;
  }

  // ——— behaviour ———

  /** WAI-ARIA radio group: arrows move and check (wrapping; left and right follow the writing direction), Home/End jump. */
  private onScaleKeydown = (event: KeyboardEvent): void => {
    if (this.isDisabled) return;
    const from = Number((event.target as HTMLElement).dataset.score ?? this.score ?? 0);
    const rtl = this.matches(':dir(rtl)');
    const steps: Record<string, number> = {
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
      ArrowDown: 1,
      ArrowUp: -1,
    };
    let next: number;
    if (event.key in steps) next = (from + steps[event.key]! + 11) % 11;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = 10;
    else return;
    event.preventDefault();
    this.choose(next, true);
  };

  /**
   * Focus that enters the group from outside goes to its tab stop (the checked score, else 0), also when it
   * comes by `focus()` or a `<label>`, which `delegatesFocus` sends to the first score. A pointer picks its own.
   */
  private onScaleFocusin = (event: FocusEvent): void => {
    const byPointer = this.pointerFocus;
    this.pointerFocus = false;
    const from = event.relatedTarget;
    if (byPointer || (from instanceof Node && this.renderRoot.contains(from))) return;
    const stop = this.renderRoot.querySelector<HTMLElement>('[role="radio"][tabindex="0"]');
    if (stop && stop !== event.target) stop.focus();
  };

  private choose(score: number, moveFocus: boolean): void {
    if (this.isDisabled || this.phase === 'sending') return;
    const changed = score !== this.score;
    this.value = score;
    this.failure = '';
    if (moveFocus) {
      this.focusAfterUpdate = `[data-score="${score}"]`;
      this.requestUpdate();
    }
    if (!changed) return;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
    this.dispatchEvent(new CrmNpsChangeEvent(score));
  }

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.send();
  };

  private async send(): Promise<void> {
    const crm = this.kit;
    const score = this.score;
    if (!crm || score === null || this.phase !== 'asking') return;
    this.phase = 'sending';
    const comment = this.comment.trim() || undefined;
    const answer: NpsAnswer = {
      responseId: newId(),
      customerId: this.customerId,
      score,
      category: npsCategory(score),
      comment,
      touchpoint: this.touchpoint.trim(),
      at: this.clock.toISOString(),
    };
    const { responseId, customerId, touchpoint, at } = answer;
    const optional = comment === undefined ? {} : { comment };
    const rows: OutboxRow[] = [
      { collection: 'npsResponses', input: { id: responseId, customerId, score, touchpoint, at, ...optional } },
      {
        collection: 'activities',
        input: { id: newId(), customerId, type: 'nps', at, data: { score, touchpoint, responseId, ...optional } },
      },
    ];
    try {
      const outcome = await NpsOutbox.for(crm).send({ id: responseId, kind: 'answer', customerId, rows }, this.clock);
      this.queued = outcome === 'queued';
      this.phase = 'thanks';
      this.focusAfterUpdate = '.done';
      this.dispatchEvent(new CrmNpsSubmitEvent(answer, this.queued));
    } catch (error) {
      // Only an answer the crm refuses outright lands here (a storage failure queues it instead).
      this.phase = 'asking';
      this.failure = this.i18n.t('nps.failed');
      this.dispatchEvent(new CrmErrorEvent(error));
    }
  }

  private dismiss(): void {
    if (this.phase !== 'asking') return;
    const crm = this.kit;
    const { customerId } = this;
    const touchpoint = this.touchpoint.trim();
    this.phase = 'dismissed';
    this.focusAfterUpdate = '.done';
    this.dispatchEvent(new CrmNpsDismissEvent(customerId, touchpoint));
    // Without npsWidgetPlugin() the crm has no place for a dismissal; the survey then only hides on this page.
    if (!crm || !crm.schemas.activityTypeNames().includes(NPS_DISMISSED_TYPE)) return;
    const id = newId();
    const input = { id, customerId, type: NPS_DISMISSED_TYPE, at: this.clock.toISOString(), data: { touchpoint } };
    NpsOutbox.for(crm)
      .send({ id, kind: 'dismissal', customerId, rows: [{ collection: 'activities', input }] }, this.clock)
      .catch((error: unknown) => this.dispatchEvent(new CrmErrorEvent(error)));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-nps-widget': CrmNpsWidget;
  }
}
