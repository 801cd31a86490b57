import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  CONSENT_CHANNELS,
  CrmUnsupportedError,
  CrmValidationError,
  isSegmentRule,
  type ConsentChannel,
  type Crm,
  type CustomerWithMetrics,
  type Page,
} from '@crmkit/core';
import type { SegmentRule } from '@crmkit/segments';
import { CrmElement } from '../shared/crm-element.js';
import { CrmErrorEvent } from '../shared/events.js';
import { renderLoading, stateStyles } from '../shared/states.js';
import { controls, tokens } from '../shared/tokens.styles.js';
import { grantedIds, reach } from './audience.js';
import { BuilderLink, type LinkedBuilder, type SegmentFollower } from './link.js';
import { CrmAudienceChangeEvent } from './segment-builder.events.js';
import { companionStyles } from './segment-companions.styles.js';
import type { ConsentGuard, CountResult, CountState } from './segment-builder.types.js';

/**
 * Who a segment selects, live: the count from `crm.segments.count` (after a short pause; a newer rule cancels the
 * pending count, one count at a time is asked, and an older answer is ignored), the first matches,
 * and a consent guard: for a chosen channel (e-mail, SMS, call) how many of the matches may be contacted on it, and
 * whether to leave out the rest. Follows a `<crm-segment-builder>` (`for`), or shows a rule or a saved segment —
 * a campaign screen can show the contactable audience of a saved segment without the editor.
 *
 * @summary The live audience of a segment: count, first matches, consent guard.
 *
 * @csspart base - The frame.
 * @csspart count - The live count.
 * @csspart consent - The consent guard.
 * @csspart preview - The first matches.
 * @csspart skeleton - The loading placeholder.
 *
 * @fires {CrmAudienceChangeEvent} crm-audience-change - The user changed the consent guard.
 * @fires {CrmErrorEvent} crm-error - Counting failed.
 */
@customElement('crm-segment-audience')
export class CrmSegmentAudience extends CrmElement implements SegmentFollower {
  static override styles = [tokens, controls, stateStyles, companionStyles];

  /** The id of the `<crm-segment-builder>` whose rule to count. */
  @property() for = '';

  /** The rule to count, when no builder is followed. */
  @property({ attribute: false }) rule: SegmentRule | undefined;

  /** The id of a saved segment whose rule to count, when no builder is followed. */
  @property({ attribute: 'segment-id' }) segmentId = '';

  /** The level of the heading among the page's headings (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Milliseconds to wait after a change before counting (a slow, remote storage may want more). */
  @property({ attribute: 'count-delay', type: Number }) countDelay = 30;

  /** How many matches the preview lists. */
  @property({ attribute: 'preview-size', type: Number }) previewSize = 5;

  /**
   * The channel whose consents the guard checks (`email`, `sms`, `call`), or empty.
   * @type {'' | 'email' | 'sms' | 'call'}
   */
  @property({ attribute: 'consent-channel', reflect: true }) consentChannel: ConsentChannel | '' = '';

  /** Leave out the matches who may not be contacted on the consent channel (preview and `audience()`). */
  @property({ attribute: 'exclude-without-consent', type: Boolean, reflect: true }) excludeWithoutConsent = false;

  @state() private count: CountState = { state: 'idle' };
  @state() private unfinished = 0;
  @state() private blocked = false;
  @state() private generation = 0;

  private readonly builderLink = new BuilderLink(this, () => this.for);
  private grantedCache = new Map<ConsentChannel, Promise<Set<string>>>();
  private countKey = '';
  private countTicket = 0;
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  /** The count being answered: the next one waits for it, so typing never queues counts on the storage. */
  private inFlight: Promise<unknown> | undefined;
  private unsubscribe: (() => void) | undefined;
  private watched: Crm | undefined;
  private loadedId = '';

  /** @internal Called by the followed builder when its rule changes. */
  follow(builder: LinkedBuilder): void {
    this.rule = builder.countable;
    this.blocked = !builder.countable;
    this.unfinished = builder.unfinished;
  }

  /** The consent guard's channel and whether matches without consent are left out. */
  get consent(): ConsentGuard {
    return { channel: this.consentChannel, exclude: !!this.consentChannel && this.excludeWithoutConsent };
  }

  /** The last count, or undefined before the first answer. */
  get result(): CountResult | undefined {
    const count = this.count;
    return count.state === 'done' ? count : count.state === 'counting' ? count.previous : undefined;
  }

  /**
   * The matches a page at a time, honouring the consent guard: with `exclude-without-consent`, only those who may
   * be contacted on the channel (so a page may hold fewer than `limit`).
   */
  async audience(options: { limit?: number; cursor?: string } = {}): Promise<Page<CustomerWithMetrics>> {
    const crm = this.kit;
    if (!crm || !this.rule) throw new CrmUnsupportedError('no crm or no countable rule');
    const page = await crm.segments.members(this.rule, options);
    const { channel, exclude } = this.consent;
    if (!channel || !exclude) return page;
    const granted = await this.granted(crm, channel);
    return { ...page, items: page.items.filter((customer) => granted.has(customer.id)) };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.countTimer);
    this.countTicket++;
    this.watch(undefined);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const crm = this.kit;
    if (changed.has('crm') || changed.has('providedCrm')) this.grantedCache.clear();
    this.watch(crm);
    if (crm && this.segmentId && this.segmentId !== this.loadedId && !this.for) void this.load(crm, this.segmentId);
    const key = JSON.stringify([this.rule, this.blocked, this.consent, this.generation, this.previewSize]);
    if (key !== this.countKey || crm !== this.counted) {
      this.countKey = key;
      this.counted = crm;
      this.schedule();
    }
  }

  private counted: Crm | undefined;

  private async load(crm: Crm, id: string): Promise<void> {
    this.loadedId = id;
    try {
      const { rule } = await crm.segments.require(id);
      this.rule = isSegmentRule(rule) ? (rule as SegmentRule) : undefined;
    } catch (error) {
      this.dispatchEvent(new CrmErrorEvent(error));
    }
  }

  /** Customers, activities and consents changing (here or in another tab) change the count. */
  private watch(crm: Crm | undefined): void {
    if (crm === this.watched) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.watched = crm;
    if (!crm) return;
    this.unsubscribe = crm.subscribe('*', (changes) => {
      const touched = new Set(changes.map((change) => change.collection));
      if (touched.has('consents')) this.grantedCache.clear();
      if (touched.has('customers') || touched.has('activities') || touched.has('consents')) this.generation++;
    });
  }

  private granted(crm: Crm, channel: ConsentChannel): Promise<Set<string>> {
    let granted = this.grantedCache.get(channel);
    if (!granted) {
      this.grantedCache.set(channel, (granted = grantedIds(crm, channel)));
      granted.catch(() => this.grantedCache.delete(channel));
    }
    return granted;
  }

  private schedule(): void {
    clearTimeout(this.countTimer);
    const ticket = ++this.countTicket;
    const crm = this.kit;
    const rule = this.rule;
    if (!crm || !rule || !rule.rules.length) {
      // An empty rule is no segment (the engine refuses it): the audience asks for a condition instead.
      this.count = { state: !crm ? 'idle' : this.blocked ? 'blocked' : rule ? 'empty' : 'idle' };
      return;
    }
    const previous = this.result;
    this.count = { state: 'counting', previous };
    this.countTimer = setTimeout(
      () =>
        void (async () => {
          // One count at a time: edits made while one is answered wait for it, and only the newest rule is counted.
          await this.inFlight?.catch(() => undefined);
          if (ticket === this.countTicket) await this.run(ticket, crm, rule, previous);
        })(),
      Math.max(0, this.countDelay),
    );
  }

  private async run(ticket: number, crm: Crm, rule: SegmentRule, previous?: CountResult): Promise<void> {
    const stale = () => ticket !== this.countTicket;
    const { channel, exclude } = this.consent;
    try {
      const counting = crm.segments.count(rule);
      this.inFlight = counting;
      const { count, exact } = await counting;
      if (stale()) return;
      // The count shows at once; the preview and the consent figure follow (the previous ones stay until then).
      const contactable = channel ? previous?.contactable : undefined;
      this.count = { state: 'done', count, exact, preview: previous?.preview ?? [], contactable };
      const granted = channel ? await this.granted(crm, channel) : undefined;
      const size = Math.max(0, Math.floor(this.previewSize) || 0);
      const found = !stale() && (size || granted) ? await reach(crm, rule, size, granted, exclude, stale) : undefined;
      if (!stale()) this.count = { state: 'done', count, exact, preview: [], ...found };
    } catch (error) {
      if (stale()) return;
      // No engine, or a rule the engine refuses (the builder shows why at its conditions): said, not reported.
      const state =
        error instanceof CrmUnsupportedError
          ? 'unsupported'
          : error instanceof CrmValidationError
            ? 'blocked'
            : 'error';
      this.count = { state };
      if (state === 'error') this.dispatchEvent(new CrmErrorEvent(error));
    }
  }

  private s(key: string, params?: Record<string, string | number>): string {
    return this.i18n.t(`segment.${key}`, params);
  }

  private sentence({ count, exact }: CountResult): string {
    const form = new Intl.PluralRules(this.i18n.lang).select(count) === 'one' ? 'one' : 'other';
    return this.s(exact ? `count.${form}` : 'count.about', { count: this.i18n.number(count) });
  }

  private onChange = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    if (control.type === 'checkbox') this.excludeWithoutConsent = control.checked;
    else this.consentChannel = control.value as ConsentChannel | '';
    this.dispatchEvent(new CrmAudienceChangeEvent(this.consent));
  };

  override render(): TemplateResult {
    const { count, consentChannel: channel } = this;
    const done = this.result;
    const n = (value: number) => this.i18n.number(value);
    const headline =
      count.state === 'done'
        ? this.sentence(count)
        : count.state === 'counting'
          ? [done && this.sentence(done), this.s('counting')].filter(Boolean).join(' · ')
          : count.state === 'idle'
            ? ''
            : this.s(
                {
                  blocked: 'countBlocked',
                  empty: 'countEmpty',
                  unsupported: 'countUnsupported',
                  error: 'countError',
                }[count.state],
              );
    const contactable = channel ? done?.contactable : undefined;
    const total = done ? (this.consent.exclude && contactable !== undefined ? contactable : done.count) : 0;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    if (!this.kit) return html`<div part="base" class="frame">${renderLoading(this.i18n.t('common.loading'))}</div>`;
    return html`<section part="base" class="frame" aria-labelledby="title" @change=${this.onChange}>
      <div id="title" role="heading" aria-level=${level} class="title">${this.s('audience')}</div>
      <p part="count" class="count" role="status" aria-busy=${count.state === 'counting'}>
        <span class="number">${headline}</span>
        ${
          this.unfinished && count.state !== 'blocked'
            ? html`<span class="muted"
                >${this.s(`unfinished.${this.unfinished === 1 ? 'one' : 'other'}`, { n: this.unfinished })}</span
              >`
            : nothing
        }
      </p>
      <div part="consent" class="consent">
        <label
          >${this.s('consent')}
          <select>
            <option value="" ?selected=${!channel}>${this.s('consentNone')}</option>
            ${CONSENT_CHANNELS.map(
              (option) =>
                html`<option value=${option} ?selected=${option === channel}>
                  ${this.i18n.t(`consent.channel.${option}`)}
                </option>`,
            )}
          </select></label
        >
        ${
          done && contactable !== undefined
            ? html`<p class="contactable">
                  ${this.s('contactable', { n: n(contactable), channel: this.i18n.t(`consent.channel.${channel}`) })}
                </p>
                <label class="check"
                  ><input type="checkbox" .checked=${live(this.excludeWithoutConsent)} />${this.s('exclude', {
                    n: n(done.count - contactable),
                  })}</label
                >`
            : nothing
        }
      </div>
      ${
        done?.preview.length
          ? html`<ul part="preview" class="preview" aria-label=${this.s('preview')}>
              ${done.preview.map((name) => html`<li>${name}</li>`)}
              ${
                total > done.preview.length
                  ? html`<li class="muted">${this.s('previewMore', { n: n(total - done.preview.length) })}</li>`
                  : nothing
              }
            </ul>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-segment-audience': CrmSegmentAudience;
  }
}
