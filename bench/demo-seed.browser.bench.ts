/**
 * The time to seed the full demo (10,000 customers, about 200,000 activities and 280,000 documents in all) into
 * IndexedDB through the seeding worker, against a peer measured in the same run on the same machine: the same
 * 10,000 customers alone written through the kit with `putMany`. Then the second start, which reuses the data.
 * Takes one to four minutes, depending on the machine's load (decision 0100).
 *
 *   pnpm bench demo-seed
 */
import { createSeedCrm } from '../demo/src/data/seed-crm.js';
import { generateDemoData } from '../demo/src/data/generator.js';
import { ensureDemoData, resetDemoData } from '../demo/src/data/seeding.js';

type Log = (line: string) => void;
const NOW = new Date('2026-11-01T00:00:00.000Z');

export default async function run(log: Log): Promise<void> {
  const tenant = `bench-seed-${Date.now().toString(36)}`;
  const customers = [...generateDemoData({ size: 10_000, now: NOW })].map((data) => data.customer);
  const reference = await createSeedCrm(`${tenant}-reference`);
  const referenceStarted = performance.now();
  for (let i = 0; i < customers.length; i += 1000) await reference.customers.putMany(customers.slice(i, i + 1000));
  const referenceSeconds = (performance.now() - referenceStarted) / 1000;
  await reference.close();
  await resetDemoData({ tenant: `${tenant}-reference` });
  log(`peer: 10,000 customers alone through putMany in ${referenceSeconds.toFixed(1)} s`);

  try {
    const started = performance.now();
    let firstWrite = 0;
    const result = await ensureDemoData({
      tenant,
      size: 10_000,
      now: NOW,
      onProgress: (p) => {
        if (p.phase === 'writing' && p.done > 0 && !firstWrite) firstWrite = performance.now() - started;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    log(
      `demo seed: ${result.customers} customers, ${result.activities} activities in ${seconds.toFixed(1)} s ` +
        `(first chunk stored after ${(firstWrite / 1000).toFixed(1)} s); ${(seconds / referenceSeconds).toFixed(1)}× the peer`,
    );
    const reuseStarted = performance.now();
    const again = await ensureDemoData({ tenant, size: 10_000, now: NOW });
    log(`second start: reused=${String(again.reused)} in ${((performance.now() - reuseStarted) / 1000).toFixed(2)} s`);
  } finally {
    await resetDemoData({ tenant });
  }
}
