// Mocha's spec output, plus the counts written to .test-results/<TEST_RESULTS_NAME or node>.json for scripts/test.mjs to add up.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const { passes, failures, pending } = this.stats;
      const dir = path.resolve('.test-results');
      fs.mkdirSync(dir, { recursive: true });
      // TEST_RESULTS_NAME keeps the counts of several mocha runs (unit, e2e) apart.
      const name = process.env.TEST_RESULTS_NAME || 'node';
      fs.writeFileSync(
        path.join(dir, `${name}.json`),
        JSON.stringify({ passed: passes, failed: failures, skipped: pending }),
      );
    });
  }
}
module.exports = SummaryReporter;
