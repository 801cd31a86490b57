import { CrmFeedController } from '../shared/crm-feed-controller.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, initialState } from '@lit/task';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { CrmNotFoundError, CrmValidationError, type Activity, type Crm } from '@crmkit/core';
import { CrmElement } from '../shared/crm-element.js';
import { CrmErrorEvent } from '../shared/events.js';
import { renderEmpty, renderError, renderLoading, stateStyles } from '../shared/states.js';
import { controls, tokens } from '../shared/tokens.styles.js';
import { COMPOSER_FIELDS, composerFieldFor, composerInput, type ComposerField } from './composer-fields.js';
import { readFeedScrollPosition } from './feed-scroll-position.js';
import { entryOf } from './item-views.js';
import { buildRows, compareEntries, isPending, matches } from './rows.js';
import { CrmActivityBeforeCreateEvent, CrmActivityCreateEvent, CrmTimelineItemOpenEvent } from './timeline.events.js';
import { timelineStyles } from './timeline.styles.js';
import { FeedTopHold } from './top-hold.js';
import { COMPOSER_TYPES, type ComposerType, type TimelineEntry, type TimelineRow } from './timeline.types.js';

/** Activities per page read from the storage: what a first render costs, whatever the history's length. */
const PAGE = 60;
/** Load the next page when the last rendered row is this close to the end. */
const PREFETCH = 25;

const ICONS: Record<string, string> = {
  note: '✎',
  call: '☎',
  email: '✉',
  meeting: '◷',
  task: '☐',
  purchase: '¤',
  ticket: '⚑',
  nps: '★',
  consent: '✓',
};

/**
 * A customer's history and what is coming: pending items with a due date pinned on top, then the past grouped
 * by day, newest first. Filter by type, search (Turkish-aware, case- and accent-insensitive), expand items, and
 * add a note, call or task. The list is virtualised and read page by page, so ten thousand items cost what a
 * screenful does; it follows the WAI-ARIA feed pattern (Page Up / Page Down between items) and updates live.
 *
 * @summary A customer's timeline: upcoming, history, search, filters and a composer.
 *
 * @csspart base - The timeline's frame.
 * @csspart toolbar - Search and type filters.
 * @csspart search - The search field.
 * @csspart filter-chip - A type filter toggle.
 * @csspart pinned - The upcoming and overdue items.
 * @csspart feed - The scrolling list of past items.
 * @csspart day - A day heading in the feed.
 * @csspart item - One activity.
 * @csspart item-toggle - The button that expands an item.
 * @csspart composer - The form that adds an activity.
 * @csspart field-error - A composer field's error message.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 *
 * @cssprop --crm-timeline-height - The height of the scrolling feed.
 * @cssprop --crm-timeline-padding - Space inside the timeline.
 * @cssprop --crm-timeline-background - The timeline's background.
 * @cssprop --crm-timeline-border-color - The timeline's border colour.
 *
 * @fires {CrmTimelineItemOpenEvent} crm-timeline-item-open - An item was expanded.
 * @fires {CrmActivityBeforeCreateEvent} crm-activity-before-create - Before the composer adds an activity; cancelable.
 * @fires {CrmActivityCreateEvent} crm-activity-create - The composer added an activity.
 * @fires {CrmErrorEvent} crm-error - Loading or adding failed.
 */
@customElement('crm-timeline')
export class CrmTimeline extends CrmElement {
  static override styles = [tokens, controls, stateStyles, timelineStyles];

  /** The id of the customer whose activities to show. */
  @property({ attribute: 'customer-id', reflect: true }) customerId = '';

  /** Hides the composer, for read-only screens. */
  @property({ attribute: 'read-only', type: Boolean, reflect: true }) readOnly = false;

  /** The level of the timeline's section headings among the page's headings (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The time that "overdue" and relative dates are measured from; the current time when unset. */
  @property({ attribute: false }) now: Date | undefined;

  @state() private entries: TimelineEntry[] = [];
  @state() private pending: TimelineEntry[] = [];
  @state() private cursor: string | undefined;
  @state() private loadingMore = false;
  @state() private types = new Set<string>();
  @state() private query = '';
  @state() private expanded = new Set<string>();
  @state() private composerType: ComposerType = 'note';
  @state() private composerValues: Record<string, string> = {};
  @state() private composerErrors: Record<string, string> = {};
  @state() private announcement = '';
  @state() private generation = 0;

  private customerName = '';
  /** The language the entries' views were last made in. */
  private viewsLang = '';
  private readonly feed = new CrmFeedController(
    this,
    () => this.kit,
    (crm) => this.follow(crm),
  );
  private rowsCache: { key: unknown[]; rows: TimelineRow[] } | undefined;
  private readonly topHold = new FeedTopHold();

  private readonly loader = new Task(this, {
    task: async ([crm, id]) => {
      if (!crm || !id) return initialState;
      const [customer, page] = await Promise.all([
        crm.customers.require(id),
        crm.activities.forCustomer(id, { limit: PAGE }),
      ]);
      this.customerName = customer.name;
      this.entries = page.items.map((activity) => entryOf(crm, activity, this.i18n));
      this.cursor = page.nextCursor;
      this.rowsCache = undefined;
      // After the first page is on screen: some storages answer synchronously, and this query scans the history.
      void this.updateComplete
        .then(() => new Promise((resolve) => setTimeout(resolve)))
        .then(() => this.loadPending(crm, id));
      if (this.filtering) void this.loadAll();
      return true;
    },
    args: () => [this.kit, this.customerId, this.generation] as const,
  });

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      this.entries = [];
      this.pending = [];
      this.expanded = new Set();
    }
    // Views are made in a language (titles, amounts, plugins' texts): after a switch, make the loaded ones again.
    const crm = this.kit;
    if (crm && this.viewsLang && this.viewsLang !== this.i18n.lang) {
      this.entries = this.entries.map((entry) => entryOf(crm, entry.activity, this.i18n));
      this.pending = this.pending.map((entry) => entryOf(crm, entry.activity, this.i18n));
      this.rowsCache = undefined;
    }
    this.viewsLang = this.i18n.lang;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Connecting again makes the virtualiser's scroller controller again.
    if (this.hasUpdated) readFeedScrollPosition(this.feedElement());
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    readFeedScrollPosition(this.feedElement());
  }

  private feedElement(): VirtualizerHostElement | null {
    return this.renderRoot.querySelector<VirtualizerHostElement>('[part="feed"]');
  }

  protected override firstUpdated(): void {
    void this.loader.taskComplete.catch((error: unknown) => {
      if (!(error instanceof CrmNotFoundError)) this.dispatchEvent(new CrmErrorEvent(error));
    });
  }

  private get filtering(): boolean {
    return this.types.size > 0 || this.query.trim() !== '';
  }

  private get clock(): Date {
    return this.now ?? new Date();
  }

  /** New, changed and deleted activities of this customer, from this tab or another, without a reload. */
  private follow(crm: Crm): () => void {
    const offChanges = crm.subscribe('activities', (changes) => {
      let touched = false;
      for (const change of changes) {
        const doc = change.doc as Activity | undefined;
        if (doc?.customerId !== this.customerId) continue;
        touched = true;
        this.entries = this.entries.filter((entry) => entry.activity.id !== change.id);
        this.pending = this.pending.filter((entry) => entry.activity.id !== change.id);
        if (change.op === 'delete') continue;
        const entry = entryOf(crm, doc, this.i18n);
        if (isPending(entry))
          this.pending = [...this.pending, entry].sort((a, b) => (a.activity.dueAt! < b.activity.dueAt! ? -1 : 1));
        // An item older than everything loaded arrives with its page, when the reader scrolls there.
        const last = this.entries.at(-1);
        if (!this.cursor || !last || compareEntries(entry, last) <= 0)
          this.entries = [...this.entries, entry].sort(compareEntries);
      }
      if (!touched) return;
      this.rowsCache = undefined;
      this.topHold.arm(this.feedElement());
    });
    const offPlugins = crm.events.on('plugin-error', () => this.generation++);
    return () => {
      offChanges();
      offPlugins();
    };
  }

  /**
   * Items with a due date, read after the first page is on screen: no storage index covers `dueAt`, so this query
   * reads the customer's whole history (IndexedDB: about 200 ms for 10,000 items) and must not delay the feed.
   */
  private async loadPending(crm: Crm, id: string): Promise<void> {
    try {
      const due = await crm.activities.query({
        where: { customerId: id, dueAt: { gt: '' } },
        sort: [{ field: 'dueAt', direction: 'asc' }],
        limit: 200,
      });
      if (id !== this.customerId || crm !== this.kit) return;
      this.pending = due.items.map((activity) => entryOf(crm, activity, this.i18n)).filter(isPending);
      this.rowsCache = undefined;
    } catch (error) {
      this.dispatchEvent(new CrmErrorEvent(error));
    }
  }

  private async loadMore(): Promise<void> {
    const crm = this.kit;
    if (!crm || !this.cursor || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const page = await crm.activities.forCustomer(this.customerId, { limit: PAGE * 4, cursor: this.cursor });
      const known = new Set(this.entries.map((entry) => entry.activity.id));
      const fresh = page.items.filter((activity) => !known.has(activity.id)).map((a) => entryOf(crm, a, this.i18n));
      this.entries = [...this.entries, ...fresh];
      this.cursor = page.nextCursor;
      this.rowsCache = undefined;
    } catch (error) {
      this.dispatchEvent(new CrmErrorEvent(error));
      this.cursor = undefined;
    } finally {
      this.loadingMore = false;
    }
  }

  /** Search and filters look at the whole history, so they read every remaining page first. */
  private async loadAll(): Promise<void> {
    while (this.cursor && this.filtering) {
      await this.loadMore();
      if (this.loadingMore) return;
    }
  }

  private rows(): TimelineRow[] {
    const key = [this.entries, this.pending, this.types, this.query, this.i18n.lang, this.clock.toDateString()];
    if (this.rowsCache && this.rowsCache.key.every((part, i) => part === key[i])) return this.rowsCache.rows;
    const pinned = new Set(this.pending.map((entry) => entry.activity.id));
    const filter = { types: this.types, query: this.query };
    const shown = this.entries.filter(
      (entry) => !pinned.has(entry.activity.id) && matches(entry, filter, this.i18n.locale),
    );
    const rows = buildRows(shown, this.clock, this.i18n);
    this.rowsCache = { key, rows };
    return rows;
  }

  private retry = (): void => {
    this.generation++;
  };

  override render(): TemplateResult {
    if (!this.customerId) return this.frame(renderEmpty(this.i18n.t('card.none')));
    const loading = () => this.frame(renderLoading(this.i18n.t('common.loading'), 5));
    const hasData = this.loader.value === true;
    return (
      this.loader.render({
        initial: loading,
        pending: () => (hasData ? this.renderReady() : loading()),
        complete: () => this.renderReady(),
        error: (error) =>
          error instanceof CrmNotFoundError || error instanceof CrmValidationError
            ? this.frame(renderEmpty(this.i18n.t('error.notFound')))
            : this.frame(renderError(this.i18n.t('common.error'), this.i18n.t('common.retry'), this.retry)),
      }) ?? loading()
    );
  }

  private frame(content: TemplateResult): TemplateResult {
    return html`<div part="base" class="timeline">${content}</div>`;
  }

  private heading(id: string, text: string, hidden = false): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<div id=${id} role="heading" aria-level=${level} class=${hidden ? 'visually-hidden' : 'section-title'}>
      ${text}
    </div>`;
  }

  private renderReady(): TemplateResult {
    const rows = this.rows();
    const nothingYet = this.entries.length === 0 && this.pending.length === 0;
    return html`<section part="base" class="timeline" aria-labelledby="timeline-title">
      ${this.heading('timeline-title', this.i18n.t('timeline.label'), true)}
      ${this.readOnly ? nothing : this.renderComposer()}
      ${nothingYet ? renderEmpty(this.i18n.t('timeline.empty')) : html`${this.renderToolbar()} ${this.renderPinned()} ${this.renderFeed(rows)}`}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }

  private renderToolbar(): TemplateResult {
    const present = [...new Set([...this.pending, ...this.entries].map((entry) => entry.activity.type))];
    const label = (type: string) => {
      const key = `activity.${type}`;
      if (this.i18n.has(key)) return this.i18n.t(key);
      const contribution = this.kit?.host.contributions.timelineTypes.find((t) => t.type === type);
      return contribution ? (contribution.label[this.i18n.locale] ?? contribution.label.en) : type;
    };
    const toggle = (type: string) => {
      const next = new Set(this.types);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      this.types = next;
      void this.loadAll();
    };
    return html`<div part="toolbar" class="toolbar">
      <input
        part="search"
        type="search"
        aria-label=${this.i18n.t('timeline.search')}
        placeholder=${this.i18n.t('timeline.search')}
        .value=${live(this.query)}
        @input=${(event: Event) => {
          this.query = (event.target as HTMLInputElement).value;
          void this.loadAll();
        }}
      />
      <div class="chips" role="group" aria-label=${this.i18n.t('timeline.filter')}>
        <button
          type="button"
          part="filter-chip"
          class="chip"
          aria-pressed=${this.types.size === 0 ? 'true' : 'false'}
          @click=${() => (this.types = new Set())}
        >
          ${this.i18n.t('timeline.all')}
        </button>
        ${present.map(
          (type) =>
            html`<button
              type="button"
              part="filter-chip"
              class="chip"
              data-type=${type}
              aria-pressed=${this.types.has(type) ? 'true' : 'false'}
              @click=${() => toggle(type)}
            >
              ${label(type)}
            </button>`,
        )}
      </div>
    </div>`;
  }

  private renderPinned(): TemplateResult | typeof nothing {
    const filter = { types: this.types, query: this.query };
    const shown = this.pending.filter((entry) => matches(entry, filter, this.i18n.locale));
    if (!shown.length) return nothing;
    return html`<section part="pinned" class="pinned" aria-labelledby="pinned-title">
      ${this.heading('pinned-title', this.i18n.t('timeline.upcoming'))}
      <ul>
        ${shown.map((entry) => html`<li>${this.renderItem(entry, undefined)}</li>`)}
      </ul>
    </section>`;
  }

  private renderFeed(rows: TimelineRow[]): TemplateResult {
    const filter = { types: this.types, query: this.query };
    const items = rows.filter((row) => row.kind === 'item').length;
    const setSize = this.cursor ? -1 : items;
    if (!rows.length) {
      return this.filtering || this.pending.some((entry) => matches(entry, filter, this.i18n.locale))
        ? html`<p class="empty" role="status">${this.filtering ? this.i18n.t('timeline.noMatches') : ''}</p>`
        : html``;
    }
    return html`<div
      part="feed"
      class="feed"
      role="feed"
      aria-busy=${this.loadingMore ? 'true' : 'false'}
      aria-label=${this.i18n.t('timeline.feed', { name: this.customerName })}
      @keydown=${this.onFeedKey}
      @wheel=${{ handleEvent: this.topHold.release, passive: true }}
      @touchstart=${{ handleEvent: this.topHold.release, passive: true }}
      @pointerdown=${this.topHold.release}
      @rangeChanged=${(event: RangeChangedEvent) => {
        if (event.last >= rows.length - PREFETCH) void this.loadMore();
      }}
      @scroll=${(event: Event) => {
        // Also from the scroll position itself: range events wait for a frame, which background tabs do not get.
        const feed = event.currentTarget as HTMLElement;
        if (this.topHold.restore(feed)) return;
        if (feed.scrollTop + 2 * feed.clientHeight >= feed.scrollHeight) void this.loadMore();
      }}
    >
      ${virtualize({
        items: rows,
        keyFunction: (row: TimelineRow) => row.key,
        layout: flow(),
        scroller: true,
        renderItem: (row: TimelineRow) =>
          row.kind === 'day'
            ? html`<div part="day" class="day" aria-hidden="true">${row.label}</div>`
            : this.renderItem(row.entry, { position: row.position, setSize }),
      })}
    </div>`;
  }

  private icon(type: string): string {
    const own = ICONS[type];
    if (own) return own;
    const declared = this.kit?.host.contributions.timelineTypes.find((t) => t.type === type)?.icon ?? '';
    return [...declared].length === 1 ? declared : '•';
  }

  private renderItem(entry: TimelineEntry, place: { position: number; setSize: number } | undefined): TemplateResult {
    const { activity, view } = entry;
    const id = activity.id;
    const open = this.expanded.has(id);
    const overdue = !!activity.dueAt && isPending(entry) && new Date(activity.dueAt) < this.clock;
    const hasDetails = !!view.fields?.length || (view.summary?.length ?? 0) > 120;
    const when = activity.dueAt && isPending(entry) ? activity.dueAt : activity.at;
    return html`<article
      part="item"
      class="item ${overdue ? 'overdue' : ''}"
      tabindex=${place ? '0' : nothing}
      aria-posinset=${place ? place.position : nothing}
      aria-setsize=${place ? place.setSize : nothing}
      aria-labelledby="title-${id}"
      aria-describedby=${view.summary ? `summary-${id}` : nothing}
      data-id=${id}
      data-type=${activity.type}
    >
      <div class="head">
        <span class="icon" aria-hidden="true">${this.icon(activity.type)}</span>
        <span class="title" id="title-${id}">${view.title}</span>
        ${
          overdue
            ? html`<span class="status danger">${this.i18n.t('timeline.overdue')}</span>`
            : view.status?.label
              ? html`<span class="status ${view.status.tone}">${view.status.label}</span>`
              : nothing
        }
        <time datetime=${when} title=${this.i18n.date(when, { dateStyle: 'medium', timeStyle: 'short' })}>
          ${
            when === activity.dueAt
              ? this.i18n.t('timeline.due', { when: this.i18n.relative(when, this.clock) })
              : this.i18n.relative(when, this.clock)
          }
        </time>
      </div>
      ${view.summary ? html`<p class="summary ${open ? '' : 'clamp'}" id="summary-${id}">${view.summary}</p>` : nothing}
      ${
        open && view.fields?.length
          ? html`<dl class="fields">
              ${view.fields.map(
                (f) =>
                  html`<dt>${f.label}</dt>
                    <dd>${f.value}</dd>`,
              )}
            </dl>`
          : nothing
      }
      ${open && activity.by ? html`<p class="by">${this.i18n.t('timeline.by', { name: activity.by })}</p>` : nothing}
      ${
        hasDetails || activity.by
          ? html`<button
              type="button"
              part="item-toggle"
              class="toggle"
              aria-expanded=${open ? 'true' : 'false'}
              @click=${() => this.toggle(activity)}
            >
              ${this.i18n.t(open ? 'timeline.hideDetails' : 'timeline.showDetails')}
            </button>`
          : nothing
      }
    </article>`;
  }

  private toggle(activity: Activity): void {
    const next = new Set(this.expanded);
    if (next.has(activity.id)) next.delete(activity.id);
    else {
      next.add(activity.id);
      this.dispatchEvent(new CrmTimelineItemOpenEvent(activity));
    }
    this.expanded = next;
  }

  /** The feed pattern: Page Down / Page Up move between items, scrolling unrendered ones into view first. */
  private onFeedKey = (event: KeyboardEvent): void => {
    this.topHold.release();
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    const article = event
      .composedPath()
      .find((node): node is HTMLElement => node instanceof HTMLElement && node.localName === 'article');
    if (!article) return;
    event.preventDefault();
    const rows = this.rows();
    const from = rows.findIndex((row) => row.key === article.dataset.id);
    const step = event.key === 'PageDown' ? 1 : -1;
    let to = from + step;
    while (to >= 0 && to < rows.length && rows[to]!.kind !== 'item') to += step;
    const target = rows[to];
    if (!target || target.kind !== 'item') return;
    void this.focusRow(to, target.key);
  };

  private async focusRow(index: number, id: string): Promise<void> {
    const feed = this.feedElement();
    const find = () => this.renderRoot.querySelector<HTMLElement>(`article[data-id="${CSS.escape(id)}"]`);
    let element = find();
    if (!element && feed?.[virtualizerRef]) {
      feed[virtualizerRef].element(index)?.scrollIntoView({ block: 'nearest' });
      for (let tries = 0; tries < 30 && !element; tries++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        element = find();
      }
    }
    element?.focus();
    element?.scrollIntoView({ block: 'nearest' });
  }

  // ——— composer ———

  private renderComposer(): TemplateResult {
    const fields = COMPOSER_FIELDS[this.composerType];
    return html`<form
      part="composer"
      class="composer"
      novalidate
      aria-labelledby="composer-heading"
      @submit=${this.onCompose}
    >
      ${this.heading('composer-heading', this.i18n.t('timeline.composer'), true)}
      <div class="composer-row">
        <label for="composer-type">${this.i18n.t('timeline.type')}</label>
        <select
          id="composer-type"
          @change=${(event: Event) => {
            this.composerType = (event.target as HTMLSelectElement).value as ComposerType;
            this.composerErrors = {};
          }}
        >
          ${COMPOSER_TYPES.map((type) => html`<option value=${type} ?selected=${type === this.composerType}>${this.i18n.t(`activity.${type}`)}</option>`)}
        </select>
      </div>
      ${fields.map((field) => this.renderComposerField(field))}
      <div class="composer-actions">
        <button type="submit" class="primary">${this.i18n.t('timeline.add')}</button>
      </div>
    </form>`;
  }

  private renderComposerField(field: ComposerField): TemplateResult {
    const id = `composer-${field.key}`;
    const error = this.composerErrors[field.key];
    const value = this.composerValues[field.key] ?? '';
    const described = error ? `${id}-error` : nothing;
    const invalid = error ? 'true' : 'false';
    const onInput = (event: Event) => {
      this.composerValues = { ...this.composerValues, [field.key]: (event.target as HTMLInputElement).value };
    };
    let control: TemplateResult;
    if (field.control === 'textarea') {
      control = html`<textarea
        id=${id}
        rows="2"
        .value=${live(value)}
        aria-invalid=${invalid}
        aria-describedby=${described}
        @input=${onInput}
      ></textarea>`;
    } else if (field.control === 'direction') {
      control = html`<select id=${id} @change=${onInput}>
        <option value="outbound" ?selected=${value !== 'inbound'}>${this.i18n.t('timeline.outbound')}</option>
        <option value="inbound" ?selected=${value === 'inbound'}>${this.i18n.t('timeline.inbound')}</option>
      </select>`;
    } else {
      const type = field.control === 'number' ? 'number' : field.control === 'datetime' ? 'datetime-local' : 'text';
      control = html`<input
        id=${id}
        type=${type}
        .value=${live(value)}
        aria-invalid=${invalid}
        aria-describedby=${described}
        @input=${onInput}
      />`;
    }
    return html`<div class="composer-row" data-field=${field.key}>
      <label for=${id}>${this.i18n.t(field.label)}</label>
      ${control} ${error ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private onCompose = async (event: Event): Promise<void> => {
    event.preventDefault();
    const crm = this.kit;
    if (!crm) return;
    const input = composerInput(this.composerType, this.composerValues, this.customerId, this.clock);
    try {
      crm.schemas.parseInput('activities', input);
    } catch (error) {
      if (!(error instanceof CrmValidationError)) throw error;
      this.showComposerIssues(error);
      return;
    }
    if (!this.dispatchEvent(new CrmActivityBeforeCreateEvent(input))) return;
    try {
      const activity = await crm.activities.put(input);
      this.composerValues = {};
      this.composerErrors = {};
      this.announcement = this.i18n.t('timeline.added');
      this.dispatchEvent(new CrmActivityCreateEvent(activity));
    } catch (error) {
      if (error instanceof CrmValidationError) this.showComposerIssues(error);
      else {
        this.composerErrors = { _: this.i18n.t('error.storage') };
        this.dispatchEvent(new CrmErrorEvent(error));
      }
    }
  };

  private showComposerIssues(error: CrmValidationError): void {
    const errors: Record<string, string> = {};
    for (const issue of error.issues) {
      const key = composerFieldFor(issue.path);
      const field = COMPOSER_FIELDS[this.composerType].find((f) => f.key === key);
      if (!field) continue;
      errors[field.key] ??=
        field.required && !(this.composerValues[field.key] ?? '').trim()
          ? this.i18n.t('issue.required')
          : issue.code === 'vetoed'
            ? issue.message
            : this.i18n.t('issue.invalid');
    }
    this.composerErrors = errors;
    const first = COMPOSER_FIELDS[this.composerType].find((f) => errors[f.key]);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#composer-${first?.key ?? 'type'}`)?.focus(),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-timeline': CrmTimeline;
  }
}
