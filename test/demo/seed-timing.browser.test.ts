/**
 * The time to seed the full demo (10,000 customers, about 200,000 activities) in Chromium. Skipped by default: it
 * takes about a minute. Run it with `FULL_SEED=1 pnpm exec wtr --files test/demo/seed-timing.browser.test.ts`
 * after removing `.skip`, and compare with decision 0100.
 */
import { expect } from 'chai';
import { createSeedCrm } from '../../demo/src/data/seed-crm.js';
import { generateDemoData } from '../../demo/src/data/generator.js';
import { ensureDemoData, resetDemoData } from '../../demo/src/data/seeding.js';

describe.skip('demo seeding at full size (timing, run by hand)', function () {
  this.timeout(600_000);
  const tenant = `seed-timing-${Date.now().toString(36)}`;
  after(() => resetDemoData({ tenant }));

  it('seeds 10,000 customers and reports the time', async () => {
    // A reference measured in the same run, since the machine is shared: 10,000 customers alone through the kit.
    const customers = [...generateDemoData({ size: 10_000 })].map((data) => data.customer);
    const reference = await createSeedCrm(`${tenant}-reference`);
    const referenceStarted = performance.now();
    for (let i = 0; i < customers.length; i += 1000) await reference.customers.putMany(customers.slice(i, i + 1000));
    const referenceSeconds = (performance.now() - referenceStarted) / 1000;
    await reference.close();
    await resetDemoData({ tenant: `${tenant}-reference` });
    console.log(`reference: 10,000 customers alone in ${referenceSeconds.toFixed(1)} s`);

    const started = performance.now();
    let firstWrite = 0;
    const result = await ensureDemoData({
      tenant,
      size: 10_000,
      now: new Date('2026-11-01T00:00:00.000Z'),
      onProgress: (p) => {
        if (p.phase === 'writing' && p.done > 0 && !firstWrite) firstWrite = performance.now() - started;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `seeded ${result.customers} customers, ${result.activities} activities in ${seconds.toFixed(1)} s (first chunk after ${(firstWrite / 1000).toFixed(1)} s), ${(seconds / referenceSeconds).toFixed(1)}× the reference`,
    );
    const reuseStarted = performance.now();
    const again = await ensureDemoData({ tenant, size: 10_000, now: new Date('2026-11-01T00:00:00.000Z') });
    console.log(`reused in ${((performance.now() - reuseStarted) / 1000).toFixed(2)} s`);
    expect(again.reused).to.equal(true);
    expect(result.customers).to.equal(10_000);
  });
});
