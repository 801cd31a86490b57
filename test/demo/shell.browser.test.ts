import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CrmStorageError, memoryStorage, type Crm } from '@crmkit/core';
import { adoptCrmTheme } from '@crmkit/components';
import { createDemoCrm } from '../../demo/src/crm.js';
import '../../demo/src/app/demo-app.js';
import type { DemoApp } from '../../demo/src/app/demo-app.js';
import { loadPage } from '../../demo/src/app/pages.js';
import { readDemoParams } from '../../demo/src/app/params.js';
import { parseRoute, routeHref } from '../../demo/src/app/routes.js';
import type { DemoServices, SeedProgress } from '../../demo/src/app/services.js';
import { expect } from '../../packages/components/test/expect.js';
import { text, until } from '../../packages/components/test/support.js';

/** A page of the test's own, with its h1 in a shadow root (as a Lit page would have it). */
class TestPage extends HTMLElement {
  crm: Crm | undefined;
  connectedCallback(): void {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const heading = document.createElement('h1');
    heading.textContent = this.getAttribute('customer-id') ? `Customer ${this.getAttribute('customer-id')}` : 'Figures';
    root.replaceChildren(heading);
  }
}
if (!customElements.get('test-demo-page')) customElements.define('test-demo-page', TestPage);

interface Probe {
  services: DemoServices;
  ensured: number;
  reset: number;
  crms: Crm[];
  /** Resolves the pending seed (when `hold` was set). */
  release?: () => void;
  progress?: (progress: SeedProgress) => void;
}

function probe(options: { hold?: boolean; fail?: Error } = {}): Probe {
  const state: Probe = {
    ensured: 0,
    reset: 0,
    crms: [],
    services: {
      ensureData: async ({ onProgress }) => {
        state.ensured++;
        onProgress({ phase: 'writing', done: 40, total: 100 });
        if (options.hold) {
          state.progress = onProgress;
          await new Promise<void>((resolve) => (state.release = resolve));
        }
        if (options.fail) throw options.fail;
        return { reused: false, customers: 2, activities: 0 };
      },
      resetData: async () => {
        state.reset++;
      },
      openCrm: async ({ tenant, locale }) => {
        const crm = await createDemoCrm({ storage: memoryStorage(), tenant, locale });
        await crm.customers.putMany([
          { id: 'a', name: 'Ayşe Yılmaz', address: { city: 'İstanbul' }, emails: [] },
          { id: 'b', name: 'Mehmet Demir', address: { city: 'Ankara' }, emails: [] },
        ]);
        state.crms.push(crm);
        return crm;
      },
      loadPage: async (route) => (route === 'customers' ? loadPage(route) : 'test-demo-page'),
    },
  };
  return state;
}

const demoState = () => document.documentElement.dataset.demoState;

async function start(state: Probe, hash = '#/customers'): Promise<DemoApp> {
  history.replaceState(null, '', hash);
  const app = await fixture<DemoApp>(
    html`<demo-app .params=${{ tenant: 'shell-test', size: 2 }} .services=${state.services}></demo-app>`,
  );
  return app;
}

async function ready(app: DemoApp): Promise<void> {
  await until(() => demoState() === 'ready' || demoState() === 'error', 'the demo to start', 10_000);
  await app.updateComplete;
}

async function backTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

const button = (app: Element, action: string) =>
  app.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;

describe('demo: the shell', () => {
  beforeEach(() => {
    localStorage.removeItem('crmkit-demo.locale');
    localStorage.removeItem('crmkit-demo.theme');
    document.documentElement.lang = 'en';
    document.documentElement.classList.remove('crm-theme-dark', 'crm-theme-light');
    delete document.documentElement.dataset.demoState;
  });
  after(() => {
    history.replaceState(null, '', location.pathname + location.search);
    document.documentElement.lang = 'en';
    document.documentElement.classList.remove('crm-theme-dark', 'crm-theme-light');
  });

  it('reads routes and URL parameters', () => {
    expect(parseRoute('')).to.deep.equal({ name: 'customers' });
    expect(parseRoute('#/customers')).to.deep.equal({ name: 'customers' });
    expect(parseRoute('#/customer/c%2F1')).to.deep.equal({ name: 'customer', id: 'c/1' });
    expect(parseRoute('#/insights')).to.deep.equal({ name: 'insights' });
    expect(parseRoute('#/nowhere')).to.deep.equal({ name: 'not-found', path: '/nowhere' });
    expect(parseRoute('#main'), 'an in-page anchor').to.equal(undefined);
    expect(routeHref({ name: 'customer', id: 'c/1' })).to.equal('#/customer/c%2F1');
    expect(readDemoParams('?size=500&tenant=e2e-1')).to.deep.equal({ size: 500, tenant: 'e2e-1' });
    expect(readDemoParams('?size=-3&tenant=../x')).to.deep.equal({ size: 10_000, tenant: 'demo' });
  });

  it('shows the seeding progress, then the customers page; states starting → seeding → ready', async () => {
    const state = probe({ hold: true });
    const app = await start(state);
    await until(() => demoState() === 'seeding', 'seeding');
    await app.updateComplete;
    const progress = app.querySelector('progress[data-seed-progress]')!;
    expect(progress.getAttribute('value')).to.equal('40');
    expect(progress.getAttribute('max')).to.equal('100');
    expect(text(app.querySelector('[role="status"]'))).to.equal('Creating customers, purchases and answers: 40%');
    state.progress!({ phase: 'writing', done: 95, total: 100 });
    await app.updateComplete;
    expect(text(app.querySelector('[role="status"]')), 'spoken in tenths').to.equal(
      'Creating customers, purchases and answers: 90%',
    );
    state.release!();
    await ready(app);
    expect(demoState()).to.equal('ready');
    expect(app.querySelector('progress')).to.equal(null);
    expect(app.querySelector('demo-customers-page')).to.exist;
    expect(text(app.querySelector('[role="status"]'))).to.equal('2 customers ready.');
    expect(app.querySelector('nav a[aria-current="page"]')!.getAttribute('href')).to.equal('#/customers');
    expect(document.title).to.equal('Customers – Firuze Jewellery CRM');
    expect(state.crms[0]!.locale).to.equal('en');
  });

  it('routes by the hash, moves focus to the new page’s h1 and names the document after it', async () => {
    const app = await start(probe());
    await ready(app);
    location.hash = '#/insights';
    await until(() => document.title === 'Figures – Firuze Jewellery CRM', 'the title');
    const insights = app.querySelector('test-demo-page')!;
    expect(insights.shadowRoot!.activeElement).to.equal(insights.shadowRoot!.querySelector('h1'));
    expect(app.querySelector('nav a[aria-current="page"]')!.getAttribute('href')).to.equal('#/insights');

    location.hash = '#/customer/b';
    await until(() => app.querySelector('test-demo-page')?.getAttribute('customer-id') === 'b', 'the customer page');
    await until(() => document.title === 'Customer b – Firuze Jewellery CRM', 'the customer title');
    // A customer's page is within the customers section.
    expect(app.querySelector('nav a[aria-current]')!.getAttribute('aria-current')).to.equal('true');

    location.hash = '#/customers';
    await until(() => document.activeElement?.localName === 'h1', 'focus on the h1');
    expect(text(document.activeElement)).to.equal('Customers');

    location.hash = '#/nowhere';
    await until(() => text(app.querySelector('main h1')) === 'Page not found', 'not found');

    // The skip link moves focus to the content and leaves the route alone.
    app.querySelector<HTMLAnchorElement>('.demo-skip-link')!.click();
    expect(document.activeElement).to.equal(app.querySelector('main'));
    expect(location.hash).to.equal('#/nowhere');
  });

  it('works from the keyboard: the skip link first, the switches, and links that move focus to the new page', async () => {
    const app = await start(probe());
    await ready(app);
    await expect(app).to.be.accessible();
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(app.querySelector('.demo-skip-link'));
    await sendKeys({ press: 'Enter' });
    expect(document.activeElement).to.equal(app.querySelector('main'));
    expect(location.hash).to.equal('#/customers');
    // Shift+Tab back into the header: the reset button, then the switches.
    await backTab();
    expect(document.activeElement).to.equal(button(app, 'reset'));
    await backTab();
    expect(document.activeElement).to.equal(button(app, 'theme'));
    await sendKeys({ press: 'Enter' });
    expect(button(app, 'theme').getAttribute('aria-pressed')).to.equal(
      String(!matchMedia('(prefers-color-scheme: dark)').matches),
    );
    // The insights link, by keyboard: focus lands on the new page's heading.
    app.querySelector<HTMLAnchorElement>('nav a[href="#/insights"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => document.activeElement?.localName === 'test-demo-page', 'focus in the new page');
    expect(document.activeElement!.shadowRoot!.activeElement!.localName).to.equal('h1');
  });

  it('switches the language: <html lang>, the shell, the page and the kit’s elements, remembered', async () => {
    const state = probe();
    const app = await start(state);
    await ready(app);
    const audience = app.querySelector('crm-segment-audience')!;
    await until(() => text(audience.shadowRoot?.querySelector('.title')) === 'Audience', 'the audience in English');
    button(app, 'locale').click();
    await app.updateComplete;
    expect(document.documentElement.lang).to.equal('tr');
    expect(localStorage.getItem('crmkit-demo.locale')).to.equal('tr');
    expect(state.crms[0]!.locale).to.equal('tr');
    expect(text(app.querySelector('nav a[href="#/customers"]'))).to.equal('Müşteriler');
    expect(text(button(app, 'locale'))).to.equal('English');
    await until(() => text(app.querySelector('demo-customers-page h1')) === 'Müşteriler', 'the page in Turkish');
    await until(() => text(audience.shadowRoot?.querySelector('.title')) !== 'Audience', 'the audience in Turkish');
    await until(() => document.title === 'Müşteriler – Firuze Mücevherat CRM', 'the title in Turkish');
    await expect(app).to.be.accessible();
    button(app, 'locale').click();
    await until(() => text(audience.shadowRoot?.querySelector('.title')) === 'Audience', 'back to English');
    expect(localStorage.getItem('crmkit-demo.locale')).to.equal('en');
  });

  it('switches the theme on <html> for the shell and the kit alike, remembered', async () => {
    adoptCrmTheme();
    const app = await start(probe());
    await ready(app);
    const root = document.documentElement;
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    const theme = button(app, 'theme');
    expect(theme.getAttribute('aria-pressed')).to.equal(String(dark));
    const background = () => getComputedStyle(document.documentElement).backgroundColor;
    const before = background();
    theme.click();
    await app.updateComplete;
    expect(root.classList.contains(dark ? 'crm-theme-light' : 'crm-theme-dark')).to.equal(true);
    expect(theme.getAttribute('aria-pressed')).to.equal(String(!dark));
    expect(localStorage.getItem('crmkit-demo.theme')).to.equal(dark ? 'light' : 'dark');
    expect(background()).not.to.equal(before);
    const builder = app.querySelector('crm-segment-builder')!;
    expect(getComputedStyle(builder).colorScheme).to.equal(dark ? 'light' : 'dark');
    theme.click();
    await app.updateComplete;
    expect(background()).to.equal(before);
  });

  it('resets the demo data only after confirmation, then seeds again', async () => {
    const state = probe();
    const app = await start(state);
    await ready(app);
    const dialog = app.querySelector('dialog')!;
    button(app, 'reset').click();
    expect(dialog.open).to.equal(true);
    button(app, 'cancel-reset').click();
    await until(() => !dialog.open, 'the dialog to close');
    expect(state.reset).to.equal(0);

    button(app, 'reset').click();
    button(app, 'confirm-reset').click();
    await until(() => state.reset === 1 && state.ensured === 2 && state.crms.length === 2, 'reset and seeded');
    await ready(app);
    await until(() => !!app.querySelector('demo-customers-page'), 'the page again');
    expect(app.querySelector<HTMLElement & { crm?: Crm }>('demo-customers-page')!.crm).to.equal(state.crms[1]);
  });

  it('goes on with the data that exist when seeding runs out of quota, and says so', async () => {
    const state = probe({ fail: new CrmStorageError('quota_exceeded', 'QuotaExceededError') });
    const app = await start(state);
    await ready(app);
    expect(demoState()).to.equal('ready');
    const alert = app.querySelector('[role="alert"][data-demo-error]')!;
    expect(text(alert)).to.contain('ran out of storage space');
    expect(app.querySelector('demo-customers-page')).to.exist;
    button(app, 'locale').click();
    await app.updateComplete;
    expect(text(alert)).to.contain('depolama alanı doldu');
    await expect(app).to.be.accessible();
  });

  it('writes the NPS answers an earlier visit left in the outbox (decision 0081)', async () => {
    const key = 'crmkit.nps-outbox.shell-test-outbox';
    const entry = {
      id: 'answer-1',
      kind: 'answer',
      customerId: 'a',
      rows: [
        {
          collection: 'npsResponses',
          input: {
            id: 'answer-1',
            customerId: 'a',
            score: 9,
            touchpoint: 'store-visit',
            at: '2026-11-20T10:00:00.000Z',
          },
        },
      ],
      queuedAt: '2026-11-20T10:00:00.000Z',
      attempts: 1,
    };
    localStorage.setItem(key, JSON.stringify([entry]));
    const state = probe();
    history.replaceState(null, '', '#/customers');
    const app = await fixture<DemoApp>(
      html`<demo-app .params=${{ tenant: 'shell-test-outbox', size: 2 }} .services=${state.services}></demo-app>`,
    );
    await ready(app);
    await until(() => localStorage.getItem(key) === null, 'the outbox flushed');
    const written = await state.crms[0]!.npsResponses.get('answer-1');
    expect(written).to.include({ customerId: 'a', score: 9 });
  });

  it('says when the demo cannot start', async () => {
    const state = probe({ fail: new Error('IndexedDB is not available') });
    const app = await start(state);
    await ready(app);
    expect(demoState()).to.equal('error');
    expect(text(app.querySelector('[role="alert"][data-demo-error]'))).to.equal(
      'The demo could not start: IndexedDB is not available',
    );
    expect(state.crms).to.have.length(0);
  });
});
