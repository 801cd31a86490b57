// Web Test Runner: every browser test in headless Chromium (CHROME_PATH, else Debian's /usr/bin/chromium).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';

/** Counts every test of every session and writes them where scripts/test.mjs adds them up. */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const visit = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        for (const child of suite.suites ?? []) visit(child);
      };
      for (const session of sessions) {
        if (session.testResults) visit(session.testResults);
        // A file that failed to load has no results but errors: count it as a failure, never as silence.
        if (!session.passed && (!session.testResults || session.errors?.length)) counts.failed++;
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync('.test-results/browser.json', JSON.stringify(counts));
    },
  };
}

export default {
  files: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', '!test/e2e/**', '!**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)) })],
  testFramework: { config: { timeout: 20000 } },
  concurrency: 2,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
  browsers: [chromeLauncher({ launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS } })],
};
