/**
 * The demo CRM in Chromium: built once per run with the root vite.config.ts (into a temp folder, base './'), served
 * from 127.0.0.1, opened in a fresh browser context per test (so a fresh IndexedDB) with a small `?size=`.
 *
 * One server serves the same build under several policies: `/…` without a Content-Security-Policy, and
 * `/csp/<policy, base64url>/…` with that policy as the header, so each test chooses its own.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
/** Where the screenshots go (git-ignored). */
export const ARTIFACTS = join(repo, 'artifacts', 'e2e');
/** Small enough that seeding takes seconds, large enough that the segment and the reports have something to show. */
export const DEMO_SIZE = 300;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

let built: Promise<string> | undefined;

/** The demo's production build, once per process (every demo e2e file shares it). */
function buildDemo(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'crmkit-demo-e2e-'));
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    await build({
      configFile: join(repo, 'vite.config.ts'),
      root: join(repo, 'demo'),
      base: './',
      // The demo's own build (`vite build`) shows its warnings; here they would bury the test report.
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, minify: false, modulePreload: { polyfill: false } },
    });
    return outDir;
  })();
  return built;
}

/** The path prefix that serves the demo with `policy` as its Content-Security-Policy header. */
export function cspPrefix(policy: string): string {
  return `/csp/${Buffer.from(policy).toString('base64url')}`;
}

function serve(root: string): Server {
  return createServer((request, response) => {
    let path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    const csp = /^\/csp\/([A-Za-z0-9_-]+)(\/.*)$/.exec(path);
    if (csp) {
      headers['content-security-policy'] = Buffer.from(csp[1]!, 'base64url').toString('utf8');
      path = csp[2]!;
    }
    if (path.endsWith('/')) path += 'index.html';
    path = normalize(path).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
    response.end(readFileSync(file));
  });
}

/** What a demo page saw: uncaught errors, console errors and CSP violations (recorded from before its first script). */
export interface DemoPage extends Page {
  errors: string[];
}

export interface OpenOptions {
  /** `?size=`; DEMO_SIZE by default. */
  size?: number;
  /** `?tenant=`; the shell's default when absent. */
  tenant?: string;
  /** The hash route, `#/customers` by default. */
  route?: string;
  /** Serve the page with this Content-Security-Policy. */
  csp?: string;
  /** Wait for `demoState === 'ready'` (the default) or just for the page to load. */
  ready?: boolean;
  /** Runs after the page exists and before the demo loads (a CDP override, a patch). */
  before?: (page: DemoPage) => Promise<void>;
}

export interface DemoHarness {
  readonly origin: string;
  /** A fresh browser context: its own IndexedDB and localStorage. */
  context(): Promise<BrowserContext>;
  /** Opens the demo in `context` (a fresh one when absent). */
  open(options?: OpenOptions, context?: BrowserContext): Promise<DemoPage>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    /** The CSP violations the page reported (filled by an init script, so from the very first script on). */
    demoViolations: string[];
  }
}

export async function startDemoHarness(): Promise<DemoHarness> {
  const root = await buildDemo();
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = serve(root);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];

  const harness: DemoHarness = {
    origin,
    async context() {
      // en-GB: the shell's first language follows the browser; the tests start in English and switch.
      const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      await context.addInitScript(() => {
        window.demoViolations = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          window.demoViolations.push(
            `${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
          ),
        );
      });
      return context;
    },
    async open(options = {}, context) {
      const page = (await (context ?? (await harness.context())).newPage()) as DemoPage;
      page.errors = [];
      page.on('pageerror', (error) => page.errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') page.errors.push(`console: ${message.text()}`);
      });
      await options.before?.(page);
      const query = new URLSearchParams({ size: String(options.size ?? DEMO_SIZE) });
      if (options.tenant) query.set('tenant', options.tenant);
      const prefix = options.csp ? cspPrefix(options.csp) : '';
      await page.goto(`${origin}${prefix}/index.html?${query.toString()}${options.route ?? '#/customers'}`);
      if (options.ready !== false) await demoReady(page);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return harness;
}

/** Gives a mocha suite the harness, started before its tests and closed after them; call the result in a test. */
export function useDemoHarness(suite: Mocha.Suite): () => DemoHarness {
  // Seeding, two tabs and the outbox's retries take seconds each; the whole set stays under two minutes.
  suite.timeout(120_000);
  let harness: DemoHarness | undefined;
  before(async () => (harness = await startDemoHarness()));
  after(() => harness?.close());
  return () => {
    if (!harness) throw new Error('the demo harness has not started');
    return harness;
  };
}

/** Waits until the shell says `ready`; fails at once, with the demo's message, when it says `error`. */
export async function demoReady(page: Page, timeout = 60_000): Promise<void> {
  const state = await page.waitForFunction(
    () => {
      const value = document.documentElement.dataset.demoState;
      return value === 'ready' || value === 'error' ? value : false;
    },
    undefined,
    { timeout, polling: 100 },
  );
  if ((await state.jsonValue()) === 'error') {
    const message = await page.locator('[data-demo-error]').first().textContent();
    throw new Error(`the demo did not start: ${message ?? '(no message)'}`);
  }
}

/** Every object store of an IndexedDB database, read raw (no crm in between): store name → records. */
export async function readDatabase(page: Page, name: string): Promise<Record<string, unknown[]>> {
  // One JSON string: Playwright's own serialisation of thousands of objects takes seconds.
  const json = await page.evaluate(async (database) => {
    const known = await indexedDB.databases();
    if (!known.some((info) => info.name === database)) throw new Error(`no database ${database}`);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    try {
      const stores = [...db.objectStoreNames];
      const out: Record<string, unknown[]> = {};
      if (!stores.length) return '{}';
      const tx = db.transaction(stores, 'readonly');
      await Promise.all(
        stores.map(
          (store) =>
            new Promise<void>((resolve, reject) => {
              const request = tx.objectStore(store).getAll();
              request.onsuccess = () => {
                out[store] = request.result as unknown[];
                resolve();
              };
              request.onerror = () => reject(request.error ?? new Error(`read ${store} failed`));
            }),
        ),
      );
      return JSON.stringify(out);
    } finally {
      db.close();
    }
  }, name);
  return JSON.parse(json) as Record<string, unknown[]>;
}

/** The tenant's database name (decision 0040: `<prefix>:<tenant>`, prefix `crmkit`). */
export function databaseOf(tenant = 'demo'): string {
  return `crmkit:${tenant}`;
}

/** Polls `read` until `accept` holds; returns the last value (the caller's assertion then says what was seen). */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeout = 10_000,
): Promise<T> {
  const until = Date.now() + timeout;
  let value = await read();
  while (!accept(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** Text of an element, whitespace collapsed ('' when it is not there). */
export async function textOf(page: Page, selector: string): Promise<string> {
  const locator = page.locator(selector).first();
  if (!(await locator.count())) return '';
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
