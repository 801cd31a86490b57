/**
 * `<demo-customers-page>`: the client's 10,000 customers as a searchable, paged table under the segment builder,
 * its live audience and its saved segments. The table shows the builder's rule (its finished part) narrowed by
 * the search, read through `crm.segments` 25 at a time. Rendered in the light DOM: the companions find the builder
 * by id, and the page's stylesheet styles the table.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  type ConsentChannel,
  type Crm,
  type CustomerWithMetrics,
} from '@crmkit/core';
import type { SegmentRule } from '@crmkit/segments';
import '@crmkit/components';
import type { ConsentGuard, CrmAudienceChangeEvent, CrmSegmentBuilder } from '@crmkit/components';
import { LangController } from '../../app/lang.js';
import { customerHref } from '../../app/routes.js';
import { ConsentGrants } from './consent-grants.js';
import { customerPages, KeptPages, listRule, PAGE_SIZE, type ListPage, type ListPages } from './customer-pages.js';
import { customersMessages } from './messages.js';
import { CustomerSearch } from './search.js';

/** Typing pauses this long before the list follows. */
const SEARCH_DELAY = 150;
/** The builder tells every edit; the list follows once they pause. */
const RULE_DELAY = 100;
/** Changes to the data (this tab or another) refresh the page shown, at most this often. */
const CHANGE_DELAY = 300;
/** After the first page shows, the search's names are read in the background. */
const SEARCH_WARM_DELAY = 500;

const BUILDER_ID = 'demo-segment';
/** The audience's consent channel when the page opens. */
const FIRST_CHANNEL: ConsentChannel = 'email';

export class DemoCustomersPage extends LitElement {
  /** The crm whose customers are listed (set by the shell). */
  @property({ attribute: false }) crm: Crm | undefined;

  @state() private search = '';
  @state() private page: ListPage | undefined;
  @state() private loading = true;
  @state() private failure = '';

  private readonly i18n = new LangController(this, customersMessages);
  private segment: SegmentRule | undefined;
  private segmentKey = '';
  private pages: ListPages | undefined;
  /** The audience's consent guard: with `exclude`, the list keeps only those with a grant on the channel. */
  private consent: ConsentGuard = { channel: FIRST_CHANNEL, exclude: false };
  private grants: ConsentGrants | undefined;
  private ruleKey = '';
  private warming: CustomerSearch | undefined;
  private searchIndex: CustomerSearch | undefined;
  /** Every read takes a ticket; an answer for an older ticket is dropped. */
  private ticket = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unlink: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private lastLocale = this.i18n.locale;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.unlink?.();
    this.unlink = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.searchIndex?.dispose();
    this.searchIndex = undefined;
    this.grants?.dispose();
    this.grants = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the document (a re-render moved it): follow the builder and the crm again.
    if (this.hasUpdated) this.connectSources();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('crm')) {
      this.searchIndex?.dispose();
      this.searchIndex = this.crm ? new CustomerSearch(this.crm) : undefined;
      this.grants?.dispose();
      this.grants = undefined;
      this.unsubscribe?.();
      this.unsubscribe = undefined;
    }
  }

  protected override firstUpdated(): void {
    this.connectSources();
    if (!this.unlink) this.schedule(0);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('crm') && changed.get('crm') !== undefined) {
      this.connectSources();
      this.schedule(0);
    }
    // The list sorts names as the page's language does (and a search folds `I` by it): back to the first page.
    if (this.lastLocale !== this.i18n.locale) {
      this.lastLocale = this.i18n.locale;
      if (this.pages) this.schedule(0);
    }
  }

  private connectSources(): void {
    const builder = this.querySelector<CrmSegmentBuilder>(`#${BUILDER_ID}`);
    if (builder && !this.unlink) this.unlink = builder.link({ follow: (linked) => this.follow(linked.countable) });
    if (this.crm && !this.unsubscribe) {
      const refresh = () => this.schedule(CHANGE_DELAY, 'reload');
      const offCustomers = this.crm.subscribe('customers', refresh);
      // Who may be contacted changes with the consents, when the list leaves the others out.
      const offConsents = this.crm.subscribe('consents', () => {
        if (this.guardChannel()) refresh();
      });
      // Metrics (VIP tier, churn risk) change when the analytics plugin refits.
      const offMetrics = this.crm.events.on('metrics-invalidate', refresh);
      this.unsubscribe = () => {
        offCustomers();
        offConsents();
        offMetrics();
      };
    }
  }

  /** The builder's finished rule changed; `undefined` while an issue blocks it (the list then stays as it is). */
  private follow(countable: SegmentRule | undefined): void {
    if (!countable) return;
    const segment = countable.rules.length ? countable : undefined;
    const key = JSON.stringify(segment ?? null);
    if (key === this.segmentKey && this.pages) return;
    this.segment = segment;
    this.segmentKey = key;
    this.schedule(this.pages ? RULE_DELAY : 0);
  }

  /** The audience's consent guard changed: the list follows it from its first page. */
  private onAudience(event: CrmAudienceChangeEvent): void {
    const before = this.guardChannel();
    this.consent = { ...event.consent };
    if (this.guardChannel() !== before) this.schedule(0);
    this.requestUpdate();
  }

  /** The channel whose consent the list requires, or undefined when it lists everyone. */
  private guardChannel(): ConsentChannel | undefined {
    const { channel, exclude } = this.consent;
    return exclude && channel ? channel : undefined;
  }

  private schedule(delay: number, mode: 'first' | 'reload' = 'first'): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.read(mode), delay);
  }

  private async read(mode: 'first' | 'reload' | 'next' | 'previous'): Promise<void> {
    const crm = this.crm;
    if (!crm) return;
    const ticket = ++this.ticket;
    this.loading = true;
    try {
      if (mode === 'first' || mode === 'reload' || !this.pages) {
        // A search's rule lists the names that match now: after a change it is made again.
        const rule = await this.rule();
        const channel = this.guardChannel();
        this.grants ??= new ConsentGrants(crm);
        const only = channel ? await this.grants.granted(channel) : undefined;
        if (ticket !== this.ticket) return;
        const collation = this.i18n.locale;
        const key = JSON.stringify([rule, collation, channel ?? null]);
        if (key !== this.ruleKey || !this.pages) {
          this.pages = customerPages(crm, rule, { collation, ...(only ? { only } : {}) });
          this.ruleKey = key;
          mode = 'first';
        } else if (only && this.pages instanceof KeptPages) {
          // The same list with the consents as they are now (a consent changed): read again on reload.
          this.pages.only = only;
        }
      }
      const pages = this.pages;
      let page =
        mode === 'next'
          ? await pages.next()
          : mode === 'previous'
            ? await pages.previous()
            : mode === 'reload'
              ? await pages.reload()
              : await pages.first();
      // The page shown emptied (customers erased): step back to one that has someone.
      while (page.items.length === 0 && page.index > 0 && ticket === this.ticket) page = await pages.previous();
      if (ticket !== this.ticket) return;
      this.page = page;
      this.failure = '';
      this.warmSearch();
    } catch (error) {
      if (ticket === this.ticket) this.failure = error instanceof Error ? error.message : String(error);
    } finally {
      if (ticket === this.ticket) this.loading = false;
    }
  }

  /** Reads the names for the search once the list shows, so that the first search does not wait for them. */
  private warmSearch(): void {
    const index = this.searchIndex;
    if (!index || this.warming === index) return;
    this.warming = index;
    setTimeout(() => {
      index.ready().catch(() => (this.warming = undefined));
    }, SEARCH_WARM_DELAY);
  }

  /** The segment narrowed by the search; `null` when the search matches nobody. */
  private async rule(): Promise<SegmentRule | null> {
    const text = this.search.trim();
    if (!text || !this.searchIndex) return listRule(this.segment, undefined);
    await this.searchIndex.ready();
    const search = this.searchIndex.rule(text, this.i18n.locale);
    return search ? listRule(this.segment, search) : null;
  }

  private onSearch(event: Event): void {
    this.search = (event.target as HTMLInputElement).value;
    this.schedule(SEARCH_DELAY);
  }

  private async turn(direction: 'next' | 'previous'): Promise<void> {
    const page = this.page;
    // aria-disabled, not disabled: the button keeps the keyboard's focus on the first and last pages.
    if (this.loading || !page || (direction === 'next' ? !page.hasNext : page.index === 0)) return;
    clearTimeout(this.timer);
    await this.read(direction);
  }

  override render(): TemplateResult {
    const m = this.i18n.m;
    return html`
      <h1>${m.title}</h1>
      <p class="demo-intro">${m.intro}</p>
      <div class="demo-segment-area">
        <crm-segment-builder
          id=${BUILDER_ID}
          class="demo-builder"
          .crm=${this.crm}
          heading-level="2"
          label=${m.segment}
        ></crm-segment-builder>
        <div class="demo-segment-side">
          <crm-segment-audience
            for=${BUILDER_ID}
            .crm=${this.crm}
            heading-level="2"
            consent-channel=${FIRST_CHANNEL}
            @crm-audience-change=${(event: CrmAudienceChangeEvent) => this.onAudience(event)}
          ></crm-segment-audience>
          <crm-segment-library for=${BUILDER_ID} .crm=${this.crm} heading-level="2"></crm-segment-library>
        </div>
      </div>
      <section class="demo-list" aria-labelledby="demo-list-title">
        <h2 id="demo-list-title">${m.listTitle}</h2>
        <div class="demo-search" role="search">
          <label for="demo-search-input">${m.searchLabel}</label>
          <input
            id="demo-search-input"
            type="search"
            data-demo="search"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="demo-search-hint"
            .value=${this.search}
            @input=${(event: Event) => this.onSearch(event)}
          />
          <p id="demo-search-hint" class="demo-hint">${m.searchHint}</p>
        </div>
        ${this.failure ? html`<p class="demo-error" role="alert">${m.failed(this.failure)}</p>` : nothing}
        <p class="demo-range" role="status">${this.rangeText()}</p>
        ${this.renderTable()} ${this.renderPager()}
      </section>
    `;
  }

  private rangeText(): string {
    const m = this.i18n.m;
    const page = this.page;
    if (!page) return m.counting;
    if (page.total === 0) return m.empty;
    const tag = this.i18n.tag;
    const first = page.index * PAGE_SIZE + 1;
    const last = page.index * PAGE_SIZE + page.items.length;
    return m.range(formatNumber(first, tag), formatNumber(last, tag), formatNumber(page.total, tag));
  }

  private renderTable(): TemplateResult | typeof nothing {
    const m = this.i18n.m;
    const page = this.page;
    if (!page || page.items.length === 0) return nothing;
    const search = this.search.trim();
    return html`
      <div class="demo-table-wrap">
        <table class="demo-table" aria-busy=${this.loading ? 'true' : 'false'}>
          <caption>
            ${search ? m.captionSearch(search) : m.caption}${this.consentNote()}
          </caption>
          <thead>
            <tr>
              <th scope="col">${m.name}</th>
              <th scope="col">${m.city}</th>
              <th scope="col">${m.vipTier}</th>
              <th scope="col" class="demo-number">${m.churnRisk}</th>
              <th scope="col">${m.lastPurchase}</th>
              <th scope="col" class="demo-number">${m.totalSpent}</th>
            </tr>
          </thead>
          <tbody>
            ${page.items.map((customer) => this.renderRow(customer))}
          </tbody>
        </table>
      </div>
    `;
  }

  /** Said after the caption when the list leaves out those without consent. */
  private consentNote(): string {
    const channel = this.guardChannel();
    return channel ? ` ${this.i18n.m.withoutConsent(this.i18n.m.channelName(channel))}` : '';
  }

  private renderRow(customer: CustomerWithMetrics): TemplateResult {
    const m = this.i18n.m;
    const tag = this.i18n.tag;
    const metrics = customer.metrics as { vipTier?: unknown; churnRisk?: unknown };
    const lifecycle = customer.lifecycle;
    const none = html`<span aria-hidden="true">—</span><span class="visually-hidden">${m.none}</span>`;
    return html`<tr>
      <th scope="row"><a href=${customerHref(customer.id)}>${customer.name}</a></th>
      <td>${customer.address?.city ?? none}</td>
      <td>
        ${typeof metrics.vipTier === 'string' ? this.crm!.t(`vipTier.${metrics.vipTier}`, {}, this.i18n.locale) : none}
      </td>
      <td class="demo-number">
        ${typeof metrics.churnRisk === 'number' ? formatPercent(metrics.churnRisk, tag) : none}
      </td>
      <td>${lifecycle?.lastPurchaseAt ? formatDate(lifecycle.lastPurchaseAt, tag) : none}</td>
      <td class="demo-number">${formatMoney(lifecycle?.totalSpent ?? 0, lifecycle?.currency ?? 'TRY', tag)}</td>
    </tr>`;
  }

  private renderPager(): TemplateResult | typeof nothing {
    const m = this.i18n.m;
    const page = this.page;
    if (!page || page.total === 0) return nothing;
    return html`
      <nav class="demo-pager" aria-label=${m.pages}>
        <button
          type="button"
          data-action="previous"
          aria-disabled=${page.index === 0 ? 'true' : 'false'}
          @click=${() => void this.turn('previous')}
        >
          ${m.previous}
        </button>
        <button
          type="button"
          data-action="next"
          aria-disabled=${page.hasNext ? 'false' : 'true'}
          @click=${() => void this.turn('next')}
        >
          ${m.next}
        </button>
      </nav>
    `;
  }
}

if (!customElements.get('demo-customers-page')) customElements.define('demo-customers-page', DemoCustomersPage);

declare global {
  interface HTMLElementTagNameMap {
    'demo-customers-page': DemoCustomersPage;
  }
}
