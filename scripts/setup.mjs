#!/usr/bin/env node
// The one entry point behind `npm start` and `npm test` on a machine that has only Node 20 and npm.
// It installs what is missing (pnpm, the workspace's packages, Chromium for the browser tests) and then
// hands over to pnpm. Plain Node on purpose: nothing here may depend on a package that is not installed yet.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const PNPM_VERSION = '12.21.0';
const task = process.argv[2] ?? 'test';
const extraArgs = process.argv.slice(3);

function log(message) {
  console.log(`[crmkit setup] ${message}`);
}

function fail(message) {
  console.error(`\n[crmkit setup] cannot continue: ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) return { ok: false, status: 1, error: result.error };
  return { ok: result.status === 0, status: result.status ?? 1 };
}

function output(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) fail(`Node ${process.versions.node} is too old; install Node 20 or newer.`);
}

/** pnpm from PATH when it is the pinned version, else a private copy installed with npm into .tools/. */
function ensurePnpm() {
  if (output('pnpm', ['--version']) === PNPM_VERSION) return 'pnpm';
  const local = join(root, '.tools', 'node_modules', '.bin', 'pnpm');
  if (existsSync(local) && output(local, ['--version']) === PNPM_VERSION) return local;
  log(`installing pnpm ${PNPM_VERSION} with npm into .tools/ ...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const installed = run(npm, [
    'install',
    '--no-save',
    '--no-audit',
    '--no-fund',
    '--prefix',
    join(root, '.tools'),
    `pnpm@${PNPM_VERSION}`,
  ]);
  if (!installed.ok || !existsSync(local)) {
    fail(`npm could not install pnpm@${PNPM_VERSION}. Check that the npm registry is reachable, or install it yourself:
    npm install -g pnpm@${PNPM_VERSION}`);
  }
  return local;
}

function ensureDependencies(pnpm) {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lockfile = join(root, 'pnpm-lock.yaml');
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs;
  if (fresh) return;
  log('installing the workspace packages (pnpm install --frozen-lockfile) ...');
  const installed = run(pnpm, ['install', '--frozen-lockfile']);
  if (!installed.ok) fail('pnpm install failed (see above). The npm registry must be reachable.');
}

const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** A Chromium for Web Test Runner: CHROME_PATH, a system one, or Debian's package installed with apt-get. */
function ensureChromium() {
  if (process.env.CHROME_PATH) {
    if (!existsSync(process.env.CHROME_PATH))
      fail(`CHROME_PATH points to ${process.env.CHROME_PATH}, which does not exist.`);
    return process.env.CHROME_PATH;
  }
  const found = CHROME_CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = Boolean(output('sh', ['-c', 'command -v apt-get']));
  if (isRoot && hasApt) {
    log("Chromium is missing: installing Debian's chromium package with apt-get (about 30 s) ...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const updated = run('apt-get', ['update'], { env });
    const installed = updated.ok && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env });
    if (installed && installed.ok && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
    fail('apt-get could not install chromium (see above).');
  }
  fail(`the browser tests need Chromium and none was found.
    Either install it (Debian/Ubuntu: sudo apt-get install chromium) and run again,
    or point CHROME_PATH at a Chrome or Chromium binary: CHROME_PATH=/path/to/chrome npm test`);
  return undefined;
}

checkNode();
const pnpm = ensurePnpm();
ensureDependencies(pnpm);

if (task === 'test') {
  const chrome = ensureChromium();
  const result = run(pnpm, ['run', 'check', ...extraArgs], { env: { ...process.env, CHROME_PATH: chrome } });
  process.exit(result.status);
} else if (task === 'start') {
  const built = run(pnpm, ['run', 'build']);
  if (!built.ok) fail('the build failed (see above).');
  log('serving the demo CRM (vite build, then vite preview); stop it with Ctrl+C');
  const served = run(pnpm, ['run', 'serve', ...(extraArgs.length ? ['--', ...extraArgs] : [])]);
  process.exit(served.status);
} else {
  fail(`unknown task "${task}"; use "start" or "test".`);
}
