/**
 * `<demo-customer-page customer-id="…">`: one customer of the jewellery retailer. The kit's card (editable, with
 * the plugins' actions such as the İYS export), the NPS widget at the store-visit touchpoint and the timeline
 * (with the repair jobs of the repair-jobs plugin) follow the crm's change feed themselves; the page reads the
 * sales documents and tickets, keeps them live, and runs the KVKK/GDPR erasure. docs/decisions/0102 says why.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import '@crmkit/components';
import { NpsOutbox, type CrmNpsSkipEvent, type NpsSkipReason } from '@crmkit/components';
import type { Crm, Customer, SalesDocument, Ticket } from '@crmkit/core';
import { LangController } from '../../app/lang.js';
import { customerPageStyles } from './customer-page.styles.js';
import { concerns, readCustomer, readDocuments, readTickets, DOCUMENTS_PAGE } from './customer-data.js';
import { eraseDialog } from './erase-dialog.js';
import { showErasedNotice } from './erased-notice.js';
import { messages } from './messages.js';
import { documentsTable, ticketsTable, type RowsState } from './record-tables.js';

type Phase = 'loading' | 'ready' | 'not-found' | 'error';

/** Where the page goes after an erasure: the list, since this customer no longer exists. */
export const AFTER_ERASE_ROUTE = '#/customers';

/**
 * @summary The demo's customer page: card, NPS, timeline, sales documents, tickets and erasure.
 * @fires {DemoNoticeEvent} demo-notice - After an erasure, with the confirmation; cancel it to show it yourself.
 */
export class DemoCustomerPage extends LitElement {
  static override styles = customerPageStyles;

  /** The crm to read and write through (set by the shell). */
  @property({ attribute: false }) crm: Crm | undefined;

  /** The id of the customer to show. */
  @property({ attribute: 'customer-id', reflect: true }) customerId = '';

  /** The time the timeline and the NPS widget measure from; the current time when unset (tests pin it). */
  @property({ attribute: false }) now: Date | undefined;

  @state() private phase: Phase = 'loading';
  @state() private customer: Customer | undefined;
  @state() private documents: RowsState<SalesDocument> = { rows: undefined, failed: false };
  @state() private documentsCursor: string | undefined;
  @state() private loadingMore = false;
  @state() private tickets: RowsState<Ticket> = { rows: undefined, failed: false };
  @state() private npsSkip: NpsSkipReason | undefined;
  @state() private erasing = false;
  @state() private eraseFailed = false;

  @query('dialog') private dialog!: HTMLDialogElement | null;

  private readonly i18n = new LangController(this, messages);
  /** Bumped for each new customer or crm: answers of older reads are dropped, not shown. */
  private generation = 0;
  private unsubscribe: (() => void) | undefined;
  private focusAfterUpdate: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('crm') || changed.has('customerId')) this.start();
  }

  protected override updated(): void {
    if (this.focusAfterUpdate) {
      this.renderRoot.querySelector<HTMLElement>(this.focusAfterUpdate)?.focus();
      this.focusAfterUpdate = undefined;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after being moved: follow the feed again and catch up, keeping what is shown (and the
    // kit's elements with their drafts) in place.
    if (this.hasUpdated && !this.unsubscribe && this.crm) this.follow(this.crm, this.customerId, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Reads everything for a new crm or id from scratch. */
  private start(): void {
    this.phase = 'loading';
    this.customer = undefined;
    this.documents = { rows: undefined, failed: false };
    this.documentsCursor = undefined;
    this.tickets = { rows: undefined, failed: false };
    this.npsSkip = undefined;
    this.eraseFailed = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    ++this.generation;
    if (this.crm) this.follow(this.crm, this.customerId, false);
  }

  /** Follows the change feed for this customer's rows and reads them (again, when `refresh`). */
  private follow(crm: Crm, customerId: string, refresh: boolean): void {
    const generation = this.generation;
    this.unsubscribe = crm.subscribe('*', (changes) => {
      if (generation !== this.generation) return;
      const mine = changes.filter((change) => concerns(change, customerId));
      if (mine.some((change) => change.collection === 'customers'))
        void this.loadAll(crm, customerId, generation, false);
      if (mine.some((change) => change.collection === 'salesDocuments'))
        void this.loadDocuments(crm, customerId, generation, true);
      if (mine.some((change) => change.collection === 'tickets')) void this.loadTickets(crm, customerId, generation);
    });
    void this.loadAll(crm, customerId, generation, refresh);
  }

  /** The customer, then their documents and tickets if they are not shown yet (or `refresh`). */
  private async loadAll(crm: Crm, id: string, generation: number, refresh: boolean): Promise<void> {
    const found = await this.loadCustomer(crm, id, generation);
    if (!found || generation !== this.generation) return;
    if (refresh || !this.documents.rows) void this.loadDocuments(crm, id, generation, refresh);
    if (refresh || !this.tickets.rows) void this.loadTickets(crm, id, generation);
  }

  private async loadCustomer(crm: Crm, id: string, generation: number): Promise<boolean> {
    try {
      const customer = await readCustomer(crm, id);
      if (generation !== this.generation) return false;
      // Only the heading reads `customer`: the kit's elements stay mounted, so an edit in progress survives.
      this.customer = customer;
      this.phase = customer ? 'ready' : 'not-found';
      if (!customer) this.closeDialog();
      return !!customer;
    } catch {
      if (generation === this.generation && !this.customer) this.phase = 'error';
      return false;
    }
  }

  private async loadDocuments(crm: Crm, id: string, generation: number, refresh: boolean): Promise<void> {
    // A live refresh re-reads as many rows as are shown, so "show more" is not undone by someone else's write.
    const limit = refresh ? Math.max(DOCUMENTS_PAGE, this.documents.rows?.length ?? 0) : DOCUMENTS_PAGE;
    try {
      const page = await readDocuments(crm, id, { limit });
      if (generation !== this.generation) return;
      this.documents = { rows: page.items, failed: false };
      this.documentsCursor = page.nextCursor;
    } catch {
      if (generation === this.generation) this.documents = { rows: this.documents.rows, failed: true };
    }
  }

  private loadMoreDocuments = async (): Promise<void> => {
    const { crm, customerId, documentsCursor: cursor } = this;
    const generation = this.generation;
    if (!crm || !cursor || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const page = await readDocuments(crm, customerId, { cursor });
      if (generation !== this.generation) return;
      this.documents = { rows: [...(this.documents.rows ?? []), ...page.items], failed: false };
      this.documentsCursor = page.nextCursor;
    } catch {
      if (generation === this.generation) this.documents = { rows: this.documents.rows, failed: true };
    } finally {
      this.loadingMore = false;
    }
  };

  private async loadTickets(crm: Crm, id: string, generation: number): Promise<void> {
    try {
      const rows = await readTickets(crm, id);
      if (generation === this.generation) this.tickets = { rows, failed: false };
    } catch {
      if (generation === this.generation) this.tickets = { rows: this.tickets.rows, failed: true };
    }
  }

  /**
   * The timeline is a feed: Tab goes through every item, and it loads more as it goes. Keyboard users get past it
   * to the documents with this button (a button, not an in-page link: the hash is the route).
   */
  private skipTimeline = (): void => {
    this.renderRoot.querySelector<HTMLElement>('#documents-heading')?.focus();
  };

  // ——— erasure ———

  private openDialog = (): void => {
    this.eraseFailed = false;
    this.dialog?.showModal();
    // Cancel, not the destructive button, whatever the browser would pick (no `autofocus`: the dialog is in the
    // page from the start, where an autofocus attribute could compete with the shell's focus).
    this.dialog?.querySelector<HTMLElement>('[data-action="cancel-erase"]')?.focus();
  };

  private closeDialog(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  private onDialogCancel = (event: Event): void => {
    if (this.erasing) event.preventDefault();
  };

  private onDialogClose = (): void => {
    // The browser may already have restored focus; say where it belongs whatever it did.
    if (this.phase === 'ready') this.renderRoot.querySelector<HTMLElement>('[data-action="erase"]')?.focus();
  };

  private confirmErase = async (): Promise<void> => {
    const { crm, customer } = this;
    if (!crm || !customer || this.erasing) return;
    const { m, tag } = this.i18n;
    this.erasing = true;
    this.eraseFailed = false;
    try {
      await crm.erase(customer.id);
    } catch {
      this.erasing = false;
      this.eraseFailed = true;
      return;
    }
    // An NPS answer of theirs still waiting on this device (decision 0081) goes too.
    NpsOutbox.for(crm).forget(customer.id);
    this.erasing = false;
    this.customer = undefined;
    this.phase = 'not-found';
    this.closeDialog();
    this.focusAfterUpdate = 'h1';
    await showErasedNotice(this, { message: m.erased, dismissLabel: m.dismiss, lang: tag });
    location.hash = AFTER_ERASE_ROUTE;
  };

  // ——— rendering ———

  override render(): TemplateResult {
    const { m } = this.i18n;
    const back = html`<a class="back" href="#/customers"><span aria-hidden="true">←</span> ${m.back}</a>`;
    let body: TemplateResult;
    if (this.phase === 'loading') {
      body = html`<div class="loading" role="status">
        <span>${m.loading}</span><span class="bone" aria-hidden="true"></span>
      </div>`;
    } else if (this.phase === 'not-found' || !this.customer) {
      body =
        this.phase === 'error'
          ? html`<h1 tabindex="-1">${m.errorTitle}</h1>
              <p role="alert">${m.loadFailed}</p>
              <button type="button" data-action="retry" @click=${() => this.start()}>${m.retry}</button>`
          : html`<section data-demo="not-found">
              <h1 tabindex="-1">${m.notFoundTitle}</h1>
              <p>${m.notFound}</p>
            </section>`;
    } else {
      body = this.renderCustomer(this.customer);
    }
    return html`<div class="page">${back} ${body}</div>
      ${eraseDialog(
        m,
        { name: this.customer?.name ?? '', busy: this.erasing, failed: this.eraseFailed },
        {
          confirm: () => void this.confirmErase(),
          cancel: () => this.closeDialog(),
          onCancelEvent: this.onDialogCancel,
          onClose: this.onDialogClose,
        },
      )}`;
  }

  private renderCustomer(customer: Customer): TemplateResult {
    const { m, tag } = this.i18n;
    const { crm, customerId, now } = this;
    return html`<h1 tabindex="-1">${customer.name}</h1>
      <div class="grid">
        <div class="side">
          <section data-demo="profile" aria-labelledby="profile-heading">
            <h2 id="profile-heading">${m.profile}</h2>
            <crm-customer-card .crm=${crm} customer-id=${customerId} heading-level="3"></crm-customer-card>
          </section>
          <section data-demo="nps" aria-labelledby="nps-heading">
            <h2 id="nps-heading">${m.satisfaction}</h2>
            <crm-nps-widget
              .crm=${crm}
              .now=${now}
              customer-id=${customerId}
              touchpoint="store-visit"
              heading-level="3"
              @crm-nps-skip=${(event: CrmNpsSkipEvent) => (this.npsSkip = event.reason)}
            ></crm-nps-widget>
            ${this.npsSkip ? html`<p class="muted" data-nps-skip=${this.npsSkip}>${m.npsSkipped(this.npsSkip)}</p>` : nothing}
          </section>
        </div>
        <!-- Not a named region: the timeline is one itself, with the same name. -->
        <section class="main" data-demo="timeline">
          <h2 id="timeline-heading">${m.timeline}</h2>
          <button type="button" class="skip" data-action="skip-timeline" @click=${this.skipTimeline}>
            ${m.skipTimeline}
          </button>
          <crm-timeline .crm=${crm} .now=${now} customer-id=${customerId} heading-level="3"></crm-timeline>
        </section>
        <section class="wide" data-demo="sales-documents" aria-labelledby="documents-heading">
          <h2 id="documents-heading" tabindex="-1">${m.salesDocuments}</h2>
          ${documentsTable(
            this.documents,
            { m, tag },
            { hasMore: !!this.documentsCursor, busy: this.loadingMore, load: () => void this.loadMoreDocuments() },
          )}
        </section>
        <section class="wide" data-demo="tickets" aria-labelledby="tickets-heading">
          <h2 id="tickets-heading">${m.tickets}</h2>
          ${ticketsTable(this.tickets, { m, tag })}
        </section>
        <section class="wide privacy" data-demo="privacy" aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">${m.privacy}</h2>
          <p>${m.privacyHint}</p>
          <button type="button" class="danger" data-action="erase" aria-haspopup="dialog" @click=${this.openDialog}>
            ${m.erase}
          </button>
        </section>
      </div>`;
  }
}

if (!customElements.get('demo-customer-page')) customElements.define('demo-customer-page', DemoCustomerPage);

declare global {
  interface HTMLElementTagNameMap {
    'demo-customer-page': DemoCustomerPage;
  }
}
