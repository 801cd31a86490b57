/**
 * The demo's seeding in Chromium: the worker writes into IndexedDB with monotonic progress, a second start reuses
 * the data, reset empties the tenant, a half-finished seed is started again, and a real quota (a storage bucket
 * with a small quota) ends in a CrmStorageError with nothing marked as done.
 */
import { CrmStorageError, createCrm } from '@crmkit/core';
import { indexedDbStorage } from '@crmkit/storage-idb';
import { expect } from 'chai';
import { demoPlugins } from '../../demo/src/crm.js';
import { ensureDemoData, readSeedMarker, resetDemoData, type SeedProgress } from '../../demo/src/data/seeding.js';
import { createPlainCrm, createSeedCrm } from '../../demo/src/data/seed-crm.js';
import { writeDemoData } from '../../demo/src/data/write.js';

const NOW = new Date('2026-11-01T00:00:00.000Z');
let serial = 0;
const tenantName = () => `seed-test-${Date.now().toString(36)}-${serial++}`;

interface StorageBucketManager {
  open(name: string, options?: { quota?: number }): Promise<{ indexedDB: IDBFactory }>;
  delete(name: string): Promise<void>;
}
const buckets = (navigator as Navigator & { storageBuckets?: StorageBucketManager }).storageBuckets;

function databaseVersion(name: string): Promise<number | undefined> {
  return indexedDB.databases().then((list) => list.find((db) => db.name === name)?.version);
}

describe('demo seeding (IndexedDB, Chromium)', function () {
  this.timeout(60_000);
  const tenants: string[] = [];
  const tenant = () => {
    const name = tenantName();
    tenants.push(name);
    return name;
  };
  after(async () => {
    for (const name of tenants) await resetDemoData({ tenant: name });
  });

  it('seeds in a worker with monotonic progress, then reuses the data on the next start', async () => {
    const name = tenant();
    const progress: SeedProgress[] = [];
    const first = await ensureDemoData({ tenant: name, size: 60, now: NOW, onProgress: (p) => progress.push(p) });
    expect(first.reused).to.equal(false);
    expect(first.customers).to.equal(60);
    expect(first.activities).to.be.within(60 * 12, 60 * 30);

    const writing = progress.filter((p) => p.phase === 'writing');
    expect(writing.length).to.be.greaterThan(1);
    for (let i = 1; i < writing.length; i++) expect(writing[i]!.done).to.be.at.least(writing[i - 1]!.done);
    expect(writing.at(-1)).to.deep.equal({ phase: 'writing', done: 60, total: 60 });
    expect(progress.map((p) => p.phase)).to.include.ordered.members(['checking', 'clearing', 'writing']);

    const crm = await createPlainCrm(name);
    expect((await crm.customers.count()).count).to.equal(60);
    expect((await crm.activities.count()).count).to.equal(first.activities);
    await crm.close();

    const second = await ensureDemoData({ tenant: name, size: 60, now: NOW });
    expect(second).to.deep.equal({ reused: true, customers: 60, activities: first.activities });
  });

  it('the page crm (analytics and the other plugins) opens the seeded database without an upgrade and finds the facts in place', async () => {
    const name = tenant();
    await ensureDemoData({ tenant: name, size: 30, now: NOW });
    const before = await databaseVersion(`crmkit:${name}`);
    expect(before).to.be.a('number');
    const crm = await createCrm({
      storage: indexedDbStorage(),
      tenant: name,
      plugins: demoPlugins(() => NOW),
      now: () => NOW,
    });
    const customers = await crm.customers.all();
    // The analytics plugin's init rewrites customers whose purchase facts disagree with their purchases: none.
    expect(customers.filter((c) => !c.rev.startsWith('1-')).map((c) => c.id)).to.deep.equal([]);
    expect(await databaseVersion(`crmkit:${name}`)).to.equal(before);
    await crm.close();
  });

  it('reset empties the tenant and a start after it seeds again', async () => {
    const name = tenant();
    await ensureDemoData({ tenant: name, size: 20, now: NOW });
    await resetDemoData({ tenant: name });
    expect(readSeedMarker(name)).to.equal(undefined);
    const crm = await createPlainCrm(name);
    expect((await crm.customers.count()).count).to.equal(0);
    await crm.close();
    const again = await ensureDemoData({ tenant: name, size: 20, now: NOW });
    expect(again.reused).to.equal(false);
    expect(again.customers).to.equal(20);
  });

  it('a half-finished seed (no marker) is deleted and seeded again from scratch', async () => {
    const name = tenant();
    const crm = await createSeedCrm(name);
    const stop = new AbortController();
    const aborted = await writeDemoData(crm, {
      size: 40,
      now: NOW,
      chunkSize: 10,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.done >= 20) stop.abort();
      },
    }).catch((error: unknown) => error);
    expect((aborted as Error).name).to.equal('AbortError');
    expect((await crm.customers.count()).count).to.equal(20);
    await crm.close();
    expect(readSeedMarker(name)).to.equal(undefined);

    const result = await ensureDemoData({ tenant: name, size: 40, now: NOW });
    expect(result).to.include({ reused: false, customers: 40 });
    const check = await createPlainCrm(name);
    expect((await check.customers.count()).count).to.equal(40);
    await check.close();
  });

  it('seeds again when the size asked for differs from the stored demo', async () => {
    const name = tenant();
    await ensureDemoData({ tenant: name, size: 10, now: NOW });
    const bigger = await ensureDemoData({ tenant: name, size: 25, now: NOW });
    expect(bigger).to.include({ reused: false, customers: 25 });
    expect(readSeedMarker(name)?.size).to.equal(25);
  });

  it('stops when aborted: the worker is ended, the promise rejects, and nothing is marked as done', async () => {
    const name = tenant();
    const stop = new AbortController();
    const error = await ensureDemoData({
      tenant: name,
      size: 400,
      now: NOW,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.phase === 'writing' && p.done > 0) stop.abort();
      },
    }).catch((e: unknown) => e);
    expect((error as Error).name).to.equal('AbortError');
    expect(readSeedMarker(name)).to.equal(undefined);
    const again = await ensureDemoData({ tenant: name, size: 30, now: NOW });
    expect(again).to.include({ reused: false, customers: 30 });
  });

  it('running out of quota rejects with CrmStorageError quota_exceeded and marks nothing as done', async function () {
    if (!buckets) this.skip();
    const bucket = `demo-quota-${Date.now().toString(36)}`;
    await buckets.open(bucket, { quota: 300 * 1024 });
    const name = tenant();
    try {
      const error = await ensureDemoData({ tenant: name, size: 400, now: NOW, bucket }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(CrmStorageError);
      expect((error as CrmStorageError).storageCode).to.equal('quota_exceeded');
      expect(readSeedMarker(name)).to.equal(undefined);
      // What was written before the quota ran out stays readable: the demo runs on it.
      const crm = await createPlainCrm(name, indexedDbStorage({ indexedDB: (await buckets.open(bucket)).indexedDB }));
      const stored = (await crm.customers.count()).count;
      expect(stored).to.be.below(400);
      await crm.close();
    } finally {
      await resetDemoData({ tenant: name, bucket });
      await buckets.delete(bucket);
    }
  });
});
