/**
 * `<demo-app>`: the demo's shell. It seeds the tenant's data (with a progress bar), opens the crm, and shows the
 * page of the hash route; around the page it keeps the header, the main navigation, the language and theme
 * switches and the "reset demo data" button. It renders into the light DOM so that the page's stylesheet styles
 * it and the demo's contract selectors (`button[data-action="locale"]`, `[data-demo-error]`, …) are plain
 * document queries. What it needs from outside (seeding, the crm, the pages) comes through `services`, so tests
 * run it on a memory storage. docs/decisions/0101-demo-shell.md.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { CrmStorageError, formatNumber, type Crm } from '@crmkit/core';
import { flushNpsOutbox } from '@crmkit/components';
import { LangController, type DemoLocale } from './lang.js';
import { phaseNames, shellMessages } from './messages.js';
import { readDemoParams, type DemoParams } from './params.js';
import { applyLocale, applyTheme, effectiveTheme, storedLocale, storedTheme } from './preferences.js';
import { adoptDemoStyles } from './demo-styles.js';
import { CUSTOMERS, parseRoute, routeHref, sameRoute, type DemoRoute } from './routes.js';
import type { DemoServices, SeedProgress, SeedSummary } from './services.js';

export type DemoState = 'starting' | 'seeding' | 'ready' | 'error';

type DemoError = { kind: 'quota' } | { kind: 'failed'; message: string } | { kind: 'reset'; message: string };

/** What a page element gets from the shell. */
type PageElement = HTMLElement & { crm?: Crm; updateComplete?: Promise<unknown> };

/** Seeding reports often; the live region speaks in tenths so that a screen reader is not flooded. */
const STATUS_STEP = 0.1;

/** Core names the code `quota_exceeded`; the demo's seeding contract said `quota`: both mean the disk is full. */
export function isQuotaError(error: unknown): boolean {
  if (error instanceof CrmStorageError) return ['quota_exceeded', 'quota'].includes(error.storageCode);
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

function setDemoState(state: DemoState): void {
  document.documentElement.dataset.demoState = state;
}

export class DemoApp extends LitElement {
  /** Seeding, the crm and the pages; the shell starts once they are set. */
  @property({ attribute: false }) services: DemoServices | undefined;

  /** `?size=` and `?tenant=`; read from the address unless set. */
  @property({ attribute: false }) params: DemoParams = readDemoParams(location.search);

  /** The open crm, once seeding is over. */
  @state() crm: Crm | undefined;
  @state() private route: DemoRoute = parseRoute(location.hash) ?? CUSTOMERS;
  @state() private page: PageElement | undefined;
  @state() private progress: SeedProgress | undefined;
  @state() private summary: SeedSummary | undefined;
  @state() private error: DemoError | undefined;
  @state() private busy = false;
  @state() private theme = effectiveTheme();

  @query('dialog[data-demo="reset-dialog"]') private resetDialog!: HTMLDialogElement;
  @query('main') private main!: HTMLElement;

  private readonly i18n = new LangController(this, shellMessages);
  private readonly scheme = matchMedia('(prefers-color-scheme: dark)');
  private started = false;
  /** Bumped by every navigation, so that a slow page load never replaces a newer one. */
  private navigation = 0;

  private readonly onHashChange = () => void this.navigate(true);
  private readonly onSchemeChange = () => (this.theme = effectiveTheme());

  constructor() {
    super();
    applyLocale(storedLocale(), false);
    applyTheme(storedTheme(), false);
    this.theme = effectiveTheme();
    if (!document.documentElement.dataset.demoState) setDemoState('starting');
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptDemoStyles();
    addEventListener('hashchange', this.onHashChange);
    this.scheme.addEventListener('change', this.onSchemeChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHashChange);
    this.scheme.removeEventListener('change', this.onSchemeChange);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.services && !this.started) {
      this.started = true;
      void this.boot();
    }
  }

  /** Seeds (or reuses) the data, opens the crm and shows the route. */
  private async boot(): Promise<void> {
    const services = this.services!;
    const { tenant, size } = this.params;
    setDemoState('seeding');
    this.busy = true;
    try {
      this.summary = await services.ensureData({ tenant, size, onProgress: (progress) => (this.progress = progress) });
    } catch (error) {
      if (!isQuotaError(error)) return this.fail({ kind: 'failed', message: messageOf(error) });
      // The data written before the quota ran out are consistent: the demo goes on with them.
      this.error = { kind: 'quota' };
    } finally {
      this.progress = undefined;
    }
    try {
      this.crm = await services.openCrm({ tenant, locale: this.i18n.locale });
    } catch (error) {
      return this.fail({ kind: 'failed', message: messageOf(error) });
    }
    // Answers an earlier visit could not write wait in the outbox (decision 0081): write them now.
    flushNpsOutbox(this.crm).catch(() => undefined);
    this.busy = false;
    await this.navigate(false, true);
    setDemoState('ready');
  }

  private fail(error: DemoError): void {
    this.error = error;
    this.busy = false;
    setDemoState('error');
  }

  /** Shows the route of the address; `moveFocus` after the visitor navigated (not on the first load). */
  private async navigate(moveFocus: boolean, force = false): Promise<void> {
    const route = parseRoute(location.hash);
    // `#main` and other in-page anchors are no navigation.
    if (!route || (!force && sameRoute(route, this.route) && this.page)) return;
    this.route = route;
    const crm = this.crm;
    if (!crm || !this.services) return;
    const ticket = ++this.navigation;
    const tag = route.name === 'not-found' ? undefined : await this.services.loadPage(route.name);
    if (ticket !== this.navigation) return;
    this.page = tag ? this.createPage(tag, route, crm) : undefined;
    await this.updateComplete;
    const heading = await this.pageHeading(ticket);
    if (ticket !== this.navigation) return;
    if (moveFocus) {
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus();
      } else this.main.focus();
    }
    this.updateTitle(heading);
  }

  private createPage(tag: string, route: DemoRoute, crm: Crm): PageElement {
    const page = document.createElement(tag) as PageElement;
    page.crm = crm;
    if (route.name === 'customer') page.setAttribute('customer-id', route.id);
    return page;
  }

  /** The shown page's h1 once it has rendered one (a page may load data first); undefined after about a second. */
  private async pageHeading(ticket: number): Promise<HTMLElement | undefined> {
    for (let attempt = 0; attempt < 50 && ticket === this.navigation; attempt++) {
      const page = this.page;
      if (page?.updateComplete) await page.updateComplete;
      const heading =
        page?.querySelector<HTMLElement>('h1') ??
        page?.shadowRoot?.querySelector<HTMLElement>('h1') ??
        this.main?.querySelector<HTMLElement>('h1');
      if (heading) return heading;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
  }

  private updateTitle(heading?: HTMLElement): void {
    const m = this.i18n.m;
    const title = heading?.textContent?.trim() || this.routeLabel(this.route);
    document.title = `${title} – ${m.appName}`;
  }

  private routeLabel(route: DemoRoute): string {
    const m = this.i18n.m;
    return { customers: m.customers, customer: m.customer, insights: m.insights, 'not-found': m.notFound }[route.name];
  }

  private async switchLocale(): Promise<void> {
    const next: DemoLocale = this.i18n.locale === 'en' ? 'tr' : 'en';
    applyLocale(next);
    // Segments fold case and the kit's messages by the crm's locale: it speaks the page's language.
    if (this.crm) this.crm.locale = next;
    // The language controller hears of `lang` from a MutationObserver, a little later: render now.
    this.requestUpdate();
    await this.updateComplete;
    const ticket = this.navigation;
    const heading = await this.pageHeading(ticket);
    if (ticket === this.navigation) this.updateTitle(heading);
  }

  private switchTheme(): void {
    const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
    applyTheme(next);
    this.theme = next;
  }

  private askReset(): void {
    this.resetDialog.showModal();
  }

  private async reset(): Promise<void> {
    this.resetDialog.close();
    const services = this.services;
    if (!services) return;
    const crm = this.crm;
    this.crm = undefined;
    this.page = undefined;
    this.summary = undefined;
    this.error = undefined;
    this.busy = true;
    setDemoState('seeding');
    try {
      // An open connection would hold the database that the reset deletes.
      await crm?.close();
      await services.resetData({ tenant: this.params.tenant });
    } catch (error) {
      this.error = { kind: 'reset', message: messageOf(error) };
    }
    await this.boot();
    this.main.focus();
  }

  private skipToContent(event: Event): void {
    // The route lives in the hash: move focus without touching it.
    event.preventDefault();
    this.main.focus();
  }

  override render(): TemplateResult {
    const m = this.i18n.m;
    const dark = this.theme === 'dark';
    return html`
      <a class="demo-skip-link" href="#main" @click=${(event: Event) => this.skipToContent(event)}>${m.skip}</a>
      <header class="demo-header">
        <a class="demo-brand" href=${routeHref(CUSTOMERS)}>
          <span class="demo-brand-name">${m.appName}</span>
          <span class="demo-brand-tagline">${m.tagline}</span>
        </a>
        <nav class="demo-nav" aria-label=${m.navigation}>
          <ul>
            ${this.navLink(CUSTOMERS, m.customers)} ${this.navLink({ name: 'insights' }, m.insights)}
          </ul>
        </nav>
        <div class="demo-controls" role="group" aria-label=${m.settings}>
          <button
            type="button"
            data-action="locale"
            lang=${m.switchLocaleLang}
            @click=${() => void this.switchLocale()}
          >
            ${m.switchLocale}
          </button>
          <button
            type="button"
            data-action="theme"
            aria-pressed=${dark ? 'true' : 'false'}
            @click=${() => this.switchTheme()}
          >
            ${m.darkTheme}
          </button>
          <button type="button" data-action="reset" ?disabled=${this.busy} @click=${() => this.askReset()}>
            ${m.reset}
          </button>
        </div>
      </header>
      <p class=${this.progress ? 'demo-status visually-hidden' : 'demo-status'} role="status">${this.statusText()}</p>
      ${
        this.error
          ? html`<div class="demo-error" role="alert" data-demo-error=${this.error.kind}>
              ${this.errorText(this.error)}
            </div>`
          : nothing
      }
      <main id="main" class="demo-main" tabindex="-1">${this.renderMain()}</main>
      ${this.renderResetDialog()}
    `;
  }

  private navLink(route: DemoRoute, label: string): TemplateResult {
    const current = this.route;
    // A customer's page belongs to the customers section.
    const state = sameRoute(route, current)
      ? 'page'
      : route.name === 'customers' && current.name === 'customer'
        ? 'true'
        : undefined;
    return html`<li><a href=${routeHref(route)} aria-current=${state ?? nothing}>${label}</a></li>`;
  }

  private renderMain(): TemplateResult | HTMLElement | typeof nothing {
    const m = this.i18n.m;
    if (this.busy || !this.crm) {
      if (this.error && !this.busy) return nothing;
      const progress = this.progress;
      return html`
        <div class="demo-seeding">
          <h1>${m.preparing}</h1>
          <progress
            data-seed-progress
            aria-label=${m.preparing}
            max=${progress?.total || 1}
            value=${progress ? progress.done : nothing}
          ></progress>
          ${
            progress
              ? // The live region says it in tenths; this line, for the eyes, beside the bar.
                html`<p class="demo-seeding-text" aria-hidden="true">${this.statusText()}</p>`
              : nothing
          }
        </div>
      `;
    }
    if (this.route.name === 'not-found') {
      return html`<h1>${m.notFound}</h1>
        <p>${m.notFoundText}</p>
        <p><a href=${routeHref(CUSTOMERS)}>${m.backToCustomers}</a></p>`;
    }
    if (this.page) return this.page;
    return html`<h1>${this.routeLabel(this.route)}</h1>
      <p>${m.placeholder}</p>`;
  }

  private renderResetDialog(): TemplateResult {
    const m = this.i18n.m;
    return html`
      <dialog class="demo-dialog" data-demo="reset-dialog" aria-labelledby="demo-reset-title">
        <form method="dialog">
          <h2 id="demo-reset-title">${m.resetTitle}</h2>
          <p>${m.resetText}</p>
          <div class="demo-dialog-actions">
            <button type="submit" value="cancel" data-action="cancel-reset" autofocus>${m.cancel}</button>
            <button type="button" class="demo-danger" data-action="confirm-reset" @click=${() => void this.reset()}>
              ${m.resetConfirm}
            </button>
          </div>
        </form>
      </dialog>
    `;
  }

  private statusText(): string {
    const m = this.i18n.m;
    const progress = this.progress;
    if (progress) {
      const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
      const phase = phaseNames[this.i18n.locale][progress.phase] ?? progress.phase;
      return m.seedStatus(phase, Math.floor(fraction / STATUS_STEP) * STATUS_STEP, this.i18n.tag);
    }
    if (this.busy) return m.starting;
    if (this.summary) {
      const customers = formatNumber(this.summary.customers, this.i18n.tag);
      return this.summary.reused ? m.reused(customers) : m.seeded(customers);
    }
    return '';
  }

  private errorText(error: DemoError): string {
    const m = this.i18n.m;
    if (error.kind === 'quota') return m.quota;
    return error.kind === 'reset' ? m.resetFailed(error.message) : m.failed(error.message);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

if (!customElements.get('demo-app')) customElements.define('demo-app', DemoApp);

declare global {
  interface HTMLElementTagNameMap {
    'demo-app': DemoApp;
  }
}
