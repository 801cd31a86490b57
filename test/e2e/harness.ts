/**
 * Builds the e2e pages with Vite (production mode: React is CommonJS on npm and needs the bundler), serves them
 * on 127.0.0.1 with each page's headers, and opens them in Chromium through playwright-core.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const pages = fileURLToPath(new URL('./pages/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

export interface Harness {
  open(page: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(headers: Record<string, Record<string, string>> = {}): Promise<Harness> {
  const outDir = mkdtempSync(join(tmpdir(), 'crmkit-e2e-'));
  // One build per page: a chunk shared between pages would fix the order in which modules run, and the CSP page
  // needs its own first import to run first.
  for (const page of ['frameworks', 'csp', 'csp-kit']) {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: pages,
      base: './',
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        minify: false,
        // Chromium has modulepreload; the polyfill's virtual module does not resolve outside Vite's own root.
        modulePreload: { polyfill: false },
        rollupOptions: { input: { [page]: join(pages, `${page}.html`) } },
      },
    });
  }
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(outDir, path);
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!file.startsWith(outDir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers[path] });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  return {
    async open(name) {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      (page as Page & { errors: string[] }).errors = errors;
      await page.goto(`http://127.0.0.1:${port}/${name}`);
      await page.waitForFunction(() => window.e2e?.ready === true, undefined, { timeout: 10_000 });
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Errors the page logged or threw. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

/** Text of the first match of `selector` inside the shadow root of `host`. */
export function shadowText(page: Page, host: string, selector: string): Promise<string> {
  return page.evaluate(
    ([h, s]) =>
      document.querySelector(h!)?.shadowRoot?.querySelector(s!)?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    [host, selector],
  );
}
