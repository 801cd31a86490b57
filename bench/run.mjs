#!/usr/bin/env node
// `pnpm bench [filter]`: runs every bench/*.bench.ts in Node (tsx) and every bench/*.browser.bench.ts in headless
// Chromium, printing what each benchmark logs. A filter runs only the files whose name contains it.
//
// A browser benchmark is an ES module whose default export is `run(log)`. Vite's dev server (root = the repo, so
// workspace packages resolve to their sources) serves a tiny page that imports the module and calls `run`;
// playwright-core drives Chromium with the same flags as web-test-runner.config.mjs and streams each `log` line.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2];

const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts') && (!filter || name.includes(filter)))
  .sort();
const browserFiles = files.filter((name) => name.endsWith('.browser.bench.ts'));
const nodeFiles = files.filter((name) => !name.endsWith('.browser.bench.ts'));

if (!files.length) {
  console.error(filter ? `No benchmark in bench/ matches "${filter}".` : 'No benchmark in bench/.');
  process.exit(1);
}

function runInNode(file) {
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['exec', 'tsx', `bench/${file}`], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code === 0 && !signal));
    child.on('error', (error) => {
      console.error(error);
      resolve(false);
    });
  });
}

/** Serves `/__bench__/?file=x.browser.bench.ts`: a page whose module imports the benchmark and runs it. */
function benchPage() {
  return {
    name: 'crmkit-bench-page',
    configureServer(server) {
      server.middlewares.use('/__bench__', (request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const file = url.searchParams.get('file') ?? '';
        if (!browserFiles.includes(file)) return next();
        if (url.pathname === '/entry.js') {
          response.setHeader('content-type', 'text/javascript');
          response.end(
            [
              `import run from '/bench/${file}';`,
              `run((line) => window.__benchLog(String(line))).then(`,
              `  () => window.__benchDone(''),`,
              `  (error) => window.__benchDone(String((error && error.stack) || error)),`,
              `);`,
            ].join('\n'),
          );
          return;
        }
        response.setHeader('content-type', 'text/html');
        response.end(
          `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>${file}</title>` +
            `<script type="module" src="/__bench__/entry.js?file=${encodeURIComponent(file)}"></script>`,
        );
      });
    },
  };
}

async function runInBrowser(files) {
  const { createServer } = await import('vite');
  const { chromium } = await import('playwright-core');
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    plugins: [benchPage()],
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    // Crawl the benchmarks up front so that no dependency is discovered (and the page reloaded) mid-run.
    optimizeDeps: { entries: files.map((file) => `bench/${file}`) },
  });
  let browser;
  let ok = true;
  try {
    await server.listen();
    const address = server.httpServer.address();
    const origin = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    for (const file of files) {
      console.log(`\n▶ ${file} (Chromium ${browser.version()})`);
      const page = await browser.newPage();
      page.setDefaultTimeout(0);
      let finish;
      const finished = new Promise((resolve) => (finish = resolve));
      await page.exposeFunction('__benchLog', (line) => console.log(line));
      await page.exposeFunction('__benchDone', (error) => finish(error));
      page.on('pageerror', (error) => finish(String(error.stack ?? error)));
      page.on('console', (message) => {
        if (message.type() === 'error') console.error(`[browser] ${message.text()}`);
      });
      await page.goto(`${origin}/__bench__/?file=${encodeURIComponent(file)}`);
      const error = await finished;
      if (error) {
        console.error(`✘ ${file}: ${error}`);
        ok = false;
      }
      await page.close();
    }
  } finally {
    await browser?.close();
    await server.close();
  }
  return ok;
}

let failed = 0;
for (const file of nodeFiles) {
  console.log(`\n▶ ${file} (Node ${process.version})`);
  if (!(await runInNode(file))) failed++;
}
if (browserFiles.length && !(await runInBrowser(browserFiles))) failed++;
process.exit(failed ? 1 : 0);
