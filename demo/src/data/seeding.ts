/**
 * The demo's data on the main thread: `ensureDemoData` seeds the tenant's IndexedDB database once (in a worker,
 * with progress) and reuses it on later starts; `resetDemoData` deletes it.
 *
 * A seed counts as done only when the worker has written the last chunk: then, and only then, a marker goes
 * into localStorage. A tab closed mid-way leaves no marker, and the next start deletes the half-written
 * database and seeds again from scratch (fixed ids cannot be written twice).
 */
import { CrmStorageError } from '@crmkit/core';
import { indexedDbStorage } from '@crmkit/storage-idb';
import { DEMO_DATA_VERSION, DEMO_SEED } from './generator.js';
import { createPlainCrm } from './seed-crm.js';
import { errorFromData, type SeedReply, type SeedRequest } from './seed-protocol.js';
import type { DemoDataCounts, SeedProgress } from './write.js';

export type { SeedProgress, SeedPhase, DemoDataCounts } from './write.js';

export interface EnsureDemoDataOptions {
  tenant: string;
  /** Customers (activities come to about 20 per customer). */
  size: number;
  onProgress?: (progress: SeedProgress) => void;
  /** Stops the seed (the worker is ended; the next start seeds again). */
  signal?: AbortSignal;
  /** Default `DEMO_SEED`. */
  seed?: number;
  /**
   * The end of the generated history. Default: today at 00:00 UTC, so the demo looks current and a day's
   * starts all generate the same data.
   */
  now?: Date;
  /**
   * A storage bucket to keep the database in instead of the default storage (tests use one with a small quota).
   * @internal
   */
  bucket?: string;
}

export interface EnsureDemoDataResult {
  reused: boolean;
  customers: number;
  activities: number;
}

/** What the completion marker records: what was seeded, and how much. */
interface SeedMarker {
  version: number;
  size: number;
  seed: number;
  now: string;
  counts: DemoDataCounts;
}

const DATABASE_PREFIX = 'crmkit';
const markerKey = (tenant: string) => `crmkit-demo:seeded:${tenant}`;

/** Today at 00:00 UTC. */
export function startOfToday(clock: Date = new Date()): Date {
  return new Date(Date.UTC(clock.getUTCFullYear(), clock.getUTCMonth(), clock.getUTCDate()));
}

export function readSeedMarker(tenant: string): SeedMarker | undefined {
  try {
    const raw = localStorage.getItem(markerKey(tenant));
    const marker = raw ? (JSON.parse(raw) as Partial<SeedMarker>) : undefined;
    if (marker && typeof marker.size === 'number' && typeof marker.counts?.customers === 'number')
      return marker as SeedMarker;
  } catch {
    // An unreadable marker is no marker: the data are seeded again.
  }
  return undefined;
}

function clearSeedMarker(tenant: string): void {
  try {
    localStorage.removeItem(markerKey(tenant));
  } catch {
    // Without localStorage there is no marker to clear.
  }
}

interface StorageBucketManager {
  open(name: string, options?: { quota?: number }): Promise<{ indexedDB: IDBFactory }>;
}

async function factoryFor(bucket: string | undefined): Promise<IDBFactory> {
  if (!bucket) return indexedDB;
  const buckets = (navigator as Navigator & { storageBuckets?: StorageBucketManager }).storageBuckets;
  if (!buckets)
    throw new CrmStorageError('unavailable', 'storage buckets are not available here', { retryable: false });
  return (await buckets.open(bucket)).indexedDB;
}

export async function ensureDemoData(options: EnsureDemoDataOptions): Promise<EnsureDemoDataResult> {
  const { tenant, size } = options;
  const seed = options.seed ?? DEMO_SEED;
  const now = (options.now ?? startOfToday()).toISOString();
  const report = (progress: SeedProgress) => options.onProgress?.(progress);
  options.signal?.throwIfAborted();
  report({ phase: 'checking', done: 0, total: size });

  const marker = readSeedMarker(tenant);
  if (marker && marker.version === DEMO_DATA_VERSION && marker.size === size && marker.seed === seed) {
    if ((await storedCustomers(tenant, options.bucket)) === marker.counts.customers) {
      report({ phase: 'done', done: size, total: size });
      return { reused: true, customers: marker.counts.customers, activities: marker.counts.activities };
    }
  }

  clearSeedMarker(tenant);
  report({ phase: 'clearing', done: 0, total: size });
  await deleteDatabase(await factoryFor(options.bucket), `${DATABASE_PREFIX}:${tenant}`);
  const counts = await seedInWorker(
    { type: 'seed', tenant, size, seed, now, ...(options.bucket ? { bucket: options.bucket } : {}) },
    report,
    options.signal,
  );
  const done: SeedMarker = { version: DEMO_DATA_VERSION, size, seed, now, counts };
  localStorage.setItem(markerKey(tenant), JSON.stringify(done));
  return { reused: false, customers: counts.customers, activities: counts.activities };
}

/** Deletes the tenant's demo data (its whole database) and the completion marker. */
export async function resetDemoData(options: { tenant: string; bucket?: string }): Promise<void> {
  clearSeedMarker(options.tenant);
  await deleteDatabase(await factoryFor(options.bucket), `${DATABASE_PREFIX}:${options.tenant}`);
}

async function storedCustomers(tenant: string, bucket: string | undefined): Promise<number> {
  const crm = await createPlainCrm(tenant, indexedDbStorage({ indexedDB: await factoryFor(bucket) }));
  try {
    return (await crm.customers.count()).count;
  } finally {
    await crm.close();
  }
}

/**
 * Open connections of the kit close on the `versionchange` a delete causes (decision 0048), so the delete goes
 * through; a page's crm on this tenant must be created again afterwards.
 */
function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () =>
      reject(
        new CrmStorageError('unavailable', `the demo database "${name}" could not be deleted`, {
          cause: request.error,
        }),
      );
  });
}

function seedInWorker(
  request: SeedRequest,
  report: (progress: SeedProgress) => void,
  signal: AbortSignal | undefined,
): Promise<DemoDataCounts> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./seed.worker.ts', import.meta.url), {
      type: 'module',
      name: 'crmkit-demo-seed',
    });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(signal?.reason instanceof Error ? signal.reason : new DOMException('The seed was stopped', 'AbortError'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (event: MessageEvent<SeedReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') report(reply.progress);
      else if (reply.type === 'done') {
        finish();
        resolve(reply.counts);
      } else {
        finish();
        reject(errorFromData(reply.error));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`the seeding worker failed: ${event.message || 'it could not be loaded'}`));
    };
    worker.postMessage(request);
  });
}
