/**
 * The embedding guide's pages, run: Vite builds the plain HTML, React and Vue examples from docs/examples/embedding
 * (React is CommonJS on npm, so a bundler it is — decision 0065), a local server serves them (the plain page under
 * a strict Content-Security-Policy), and Chromium opens each: the card shows the customer, the contact event
 * reaches the app's handler, and nothing is logged as an error. The React example is type-checked with its own
 * tsconfig (JSX, and @crmkit/react, which the root package does not depend on).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const examples = join(repo, 'docs/examples/embedding');
const PAGES = ['plain-html', 'react', 'vue'] as const;
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function typeCheckReact(): Promise<string> {
  return new Promise((resolve) => {
    const tsc = spawn(join(repo, 'node_modules/.bin/tsc'), ['-p', join(examples, 'react/tsconfig.json')], {
      cwd: repo,
    });
    let output = '';
    tsc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    tsc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    tsc.on('close', (code) => resolve(code === 0 ? '' : output || `tsc exited with ${code}`));
  });
}

describe('guide: embedding — the example pages in Chromium', function () {
  this.timeout(120_000);
  let outDir: string;
  let server: Server;
  let browser: Browser;
  let base: string;
  let reactTypes: Promise<string>;
  const errors = new Map<string, string[]>();
  const pages = new Map<string, Page>();

  before(async () => {
    reactTypes = typeCheckReact();
    outDir = mkdtempSync(join(tmpdir(), 'crmkit-guides-'));
    await build({
      configFile: false,
      logLevel: 'warn',
      root: examples,
      base: './',
      plugins: [
        {
          // Templates compiled in the browser need Vue's full build (single-file components would not: see the
          // guide); @crmkit/react is not a dependency of the root package.
          name: 'guide-examples-resolve',
          enforce: 'pre',
          resolveId(id: string) {
            if (id === 'vue') return join(realpathSync(join(repo, 'node_modules/vue')), 'dist/vue.esm-bundler.js');
            if (id === '@crmkit/react') return join(repo, 'packages/react/src/index.ts');
            return null;
          },
        },
      ],
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        minify: false,
        modulePreload: { polyfill: false },
        rollupOptions: { input: Object.fromEntries(PAGES.map((page) => [page, join(examples, page, 'index.html')])) },
      },
    });
    server = createServer((request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
      const file = join(outDir, path);
      if (path === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      if (!file.startsWith(outDir) || !existsSync(file) || path.endsWith('/')) {
        response.writeHead(404).end();
        return;
      }
      const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (path.startsWith('/plain-html/')) headers['content-security-policy'] = STRICT_CSP;
      response.writeHead(200, headers).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    for (const name of PAGES) {
      const page = await browser.newPage();
      const logged: string[] = [];
      page.on('pageerror', (error) => logged.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') logged.push(message.text());
      });
      errors.set(name, logged);
      pages.set(name, page);
      await page.goto(`${base}/${name}/index.html`);
    }
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  for (const name of PAGES) {
    it(`${name}: the card shows the customer, in Turkish, and the contact event reaches the app`, async () => {
      const page = pages.get(name)!;
      const card = page.locator('crm-customer-card');
      expect((await card.locator('[part="name"]').textContent({ timeout: 15_000 }))?.trim()).to.equal('Ayşe Yılmaz');
      await card.locator('a[part="contact-action"]').first().click();
      await page.waitForFunction(() => (document.querySelector('output')?.value ?? '') !== '', undefined, {
        timeout: 5_000,
      });
      expect(await page.locator('output').textContent()).to.equal('email: ayse@example.com');
      expect(page.url(), 'the app handled the contact, the link was not followed').to.contain(`/${name}/`);
      expect(await page.locator('crm-timeline [part="item"]').first().textContent({ timeout: 5_000 })).to.contain(
        'Nişan yüzüğü',
      );
    });

    it(`${name}: logs no error${name === 'plain-html' ? ' and no CSP violation (script-src and style-src self)' : ''}`, () => {
      expect(errors.get(name)).to.deep.equal([]);
    });
  }

  it('the theme stylesheet reaches the card through its tokens and parts', async () => {
    const page = pages.get('plain-html')!;
    const styles = await page.evaluate(() => {
      const card = document.querySelector('crm-customer-card')!;
      const name = card.shadowRoot!.querySelector('[part="name"]')!;
      return {
        padding: getComputedStyle(card).getPropertyValue('--crm-card-padding').trim(),
        letterSpacing: getComputedStyle(name).letterSpacing,
      };
    });
    expect(styles.padding, 'a per-component token').to.equal('1.5rem');
    expect(styles.letterSpacing, 'a rule on ::part(name)').to.not.equal('normal');
  });

  it('the React example type-checks (JSX, the generated wrappers’ props and event types)', async () => {
    expect(await reactTypes).to.equal('');
  });
});
