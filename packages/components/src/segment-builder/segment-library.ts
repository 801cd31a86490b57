import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { CrmConflictError, CrmValidationError, type Crm, type Segment } from '@crmkit/core';
import { CrmElement } from '../shared/crm-element.js';
import { CrmErrorEvent } from '../shared/events.js';
import { renderLoading, stateStyles } from '../shared/states.js';
import { controls, tokens } from '../shared/tokens.styles.js';
import { BuilderLink, type SegmentFollower } from './link.js';
import { CrmSegmentSaveEvent } from './segment-builder.events.js';
import { companionStyles } from './segment-companions.styles.js';

/**
 * Named segments for a `<crm-segment-builder>` (`for`): save its rule under a name and description through
 * `crm.segments.put` (again to update it, or as a new one), and load a saved segment into it. The list follows
 * the crm's changes, from this tab or another.
 *
 * @summary Save and load a segment builder's rule as named segments.
 *
 * @csspart base - The frame.
 * @csspart skeleton - The loading placeholder.
 *
 * @fires {CrmSegmentSaveEvent} crm-segment-save - The rule was saved as a named segment.
 * @fires {CrmErrorEvent} crm-error - Loading or saving failed.
 */
@customElement('crm-segment-library')
export class CrmSegmentLibrary extends CrmElement implements SegmentFollower {
  static override styles = [tokens, controls, stateStyles, companionStyles];

  /** The id of the `<crm-segment-builder>` to save from and load into. */
  @property() for = '';

  /** The id of a saved segment to load into the builder. */
  @property({ attribute: 'segment-id' }) segmentId = '';

  /** The level of the heading among the page's headings (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  @state() private saved: Segment[] = [];
  @state() private segment: Segment | undefined;
  @state() private name = '';
  @state() private description = '';
  @state() private error = '';
  @state() private saving = false;
  @state() private announcement = '';

  private readonly builderLink = new BuilderLink(this, () => this.for);
  private loadedId = '';
  private watched: Crm | undefined;
  private unsubscribe: (() => void) | undefined;

  /** The saved segment being edited (loaded or last saved). */
  get current(): Segment | undefined {
    return this.segment;
  }

  /** @internal Called by the followed builder when its rule changes. */
  follow(): void {
    this.error = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.watched = this.unsubscribe = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const crm = this.kit;
    if (crm !== this.watched) {
      this.unsubscribe?.();
      this.watched = crm;
      this.unsubscribe = crm?.subscribe('segments', () => void this.list());
      void this.list();
    }
    if (crm && this.builderLink.builder && this.segmentId && this.segmentId !== this.loadedId)
      void this.load(this.segmentId);
  }

  private s(key: string, params?: Record<string, string | number>): string {
    return this.i18n.t(`segment.${key}`, params);
  }

  private async list(): Promise<void> {
    try {
      this.saved = (await this.kit?.segments.query({ sort: [{ field: 'name' }], limit: 500 }))?.items ?? [];
    } catch (error) {
      this.dispatchEvent(new CrmErrorEvent(error));
    }
  }

  /** Loads a saved segment into the builder (which fires `crm-segment-change`). */
  async load(id: string): Promise<void> {
    this.loadedId = id;
    try {
      const segment = await this.kit!.segments.require(id);
      this.builderLink.builder?.applyRule(segment.rule);
      this.segment = segment;
      this.name = segment.name;
      this.description = segment.description ?? '';
      this.error = '';
      this.announcement = this.s('loaded', { name: segment.name });
    } catch (error) {
      this.dispatchEvent(new CrmErrorEvent(error));
    }
  }

  /** Saves the builder's rule under the name: a new segment, or the loaded one again. */
  async save(asNew = false): Promise<void> {
    const builder = this.builderLink.builder;
    const crm = this.kit;
    const name = this.name.trim();
    const description = this.description.trim();
    this.error = !name ? this.i18n.t('issue.required') : builder?.issues.length ? this.s('exportInvalid') : '';
    if (name && builder?.issues.length) builder.reportValidity?.();
    if (this.error || this.saving || !builder || !crm) return;
    this.saving = true;
    const current = asNew ? undefined : this.segment;
    try {
      const saved = await crm.segments.put({
        ...(current && { id: current.id, rev: current.rev }),
        name,
        ...(description && { description }),
        rule: builder.value,
      });
      this.segment = saved;
      this.loadedId = saved.id;
      this.announcement = this.s('savedAs', { name: saved.name });
      this.dispatchEvent(new CrmSegmentSaveEvent(saved));
    } catch (error) {
      const invalid = error instanceof CrmValidationError;
      this.error = this.i18n.t(
        error instanceof CrmConflictError ? 'error.conflict' : invalid ? 'error.validation' : 'error.storage',
      );
      if (!invalid) this.dispatchEvent(new CrmErrorEvent(error));
    } finally {
      this.saving = false;
    }
  }

  override render(): TemplateResult {
    if (!this.kit) return html`<div part="base" class="frame">${renderLoading(this.i18n.t('common.loading'))}</div>`;
    const { segment: current, error } = this;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    const field = (key: 'name' | 'description') =>
      html`<label
        >${this.s(key)}
        <input
          id=${key}
          type="text"
          autocomplete="off"
          ?required=${key === 'name'}
          aria-invalid=${key === 'name' && !!error && !this.name.trim()}
          aria-describedby=${error ? 'save-error' : nothing}
          .value=${live(this[key])}
          @input=${(event: Event) => (this[key] = (event.target as HTMLInputElement).value)}
      /></label>`;
    return html`<section part="base" class="frame" aria-labelledby="title">
      <div id="title" role="heading" aria-level=${level} class="subtitle">${this.s('saved')}</div>
      ${current ? html`<p class="muted">${this.s('editing', { name: current.name })}</p>` : nothing}
      <div class="row">${field('name')} ${field('description')}</div>
      ${error ? html`<p id="save-error" class="issue" role="alert">${error}</p>` : nothing}
      <div class="row">
        <button type="button" class="primary" data-save ?disabled=${this.saving} @click=${() => void this.save()}>
          ${this.saving ? this.i18n.t('common.saving') : this.s('save')}
        </button>
        ${
          current
            ? html`<button type="button" data-save-new ?disabled=${this.saving} @click=${() => void this.save(true)}>
                ${this.s('saveAsNew')}
              </button>`
            : nothing
        }
      </div>
      ${
        this.saved.length
          ? html`<div class="row">
              <label
                >${this.s('loadLabel')}
                <select id="load">
                  ${this.saved.map(
                    (segment) =>
                      html`<option value=${segment.id} ?selected=${segment.id === current?.id}>
                        ${segment.name}
                      </option>`,
                  )}
                </select></label
              >
              <button
                type="button"
                data-load
                @click=${() => {
                  const id = this.renderRoot.querySelector<HTMLSelectElement>('#load')?.value;
                  if (id) void this.load(id);
                }}
              >
                ${this.s('load')}
              </button>
            </div>`
          : html`<p class="muted">${this.s('noSaved')}</p>`
      }
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-segment-library': CrmSegmentLibrary;
  }
}
