// Mocha's spec output, plus the counts written to .test-results/node.json for scripts/test.mjs to add up.
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
      fs.writeFileSync(
        path.join(dir, 'node.json'),
        JSON.stringify({ passed: passes, failed: failures, skipped: pending }),
      );
    });
  }
}
module.exports = SummaryReporter;
