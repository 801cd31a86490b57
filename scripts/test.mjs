#!/usr/bin/env node
// The whole check behind `npm test`: type-check, lint, build, the tests in Node (mocha) and in headless
// Chromium (Web Test Runner), then one summary line adding both runners up. `node scripts/test.mjs node`
// or `... browser` runs only that runner (no type-check, lint or build).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The workspace's own binaries, so that this works with or without pnpm on PATH.
const bin = (name) => join(import.meta.dirname, '..', 'node_modules', '.bin', name);

const only = process.argv[2];
// `node scripts/test.mjs node|browser|e2e` runs one runner only.
// The packages without a DOM dependency run in Node too; `*.browser.test.ts` files are skipped there (.mocharc.json).
const NODE_SPEC = [
  'packages/{core,segments,analytics,testkit,plugin-*}/test/**/*.test.ts',
  'test/{demo,guides}/**/*.test.ts',
];
const steps = [];
if (!only) {
  steps.push(['type-check', bin('tsc'), ['-p', 'tsconfig.json']]);
  steps.push(['type-check (no DOM in core, segments, analytics)', bin('tsc'), ['-p', 'tsconfig.nodom.json']]);
  steps.push(['lint', bin('eslint'), ['.']]);
  steps.push(['format', bin('prettier'), ['--check', '.', '--log-level', 'warn']]);
  steps.push(['build', 'node', ['scripts/build.mjs']]);
}
if (!only || only === 'node') steps.push(['tests in Node', bin('mocha'), NODE_SPEC, 'node']);
if (!only || only === 'browser') steps.push(['tests in Chromium', bin('wtr'), [], 'browser']);
if (!only || only === 'e2e') {
  steps.push([
    'end-to-end pages in Chromium',
    bin('mocha'),
    ['test/e2e/**/*.e2e.test.ts'],
    'e2e',
    { TEST_RESULTS_NAME: 'e2e' },
  ]);
}
if (!only) {
  steps.push(['bundle size budgets', bin('size-limit'), [], undefined, {}, 'packages/components']);
  steps.push(['Storybook build (smoke)', bin('storybook'), ['build', '--quiet', '--output-dir', 'storybook-static']]);
}

rmSync('.test-results', { recursive: true, force: true });
const failedSteps = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const [name, command, args, runner, env = {}, cwd = '.'] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd, env: { ...process.env, FORCE_COLOR: '0', ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${seconds} s)`);
  if (runner) {
    const file = `.test-results/${runner}.json`;
    if (existsSync(file)) {
      const counts = JSON.parse(readFileSync(file, 'utf8'));
      totals.passed += counts.passed;
      totals.failed += counts.failed;
      totals.skipped += counts.skipped;
      console.log(`  ${runner} runner — ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    } else if (!ok) {
      totals.failed++;
    }
  }
  if (!ok) failedSteps.push(name);
}

console.log('');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`Total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
