/**
 * The seeding worker: generates the demo data and writes them into the tenant's IndexedDB database off the main
 * thread, posting progress. The page starts it with
 * `new Worker(new URL('./seed.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { errorData, type SeedReply, type SeedRequest } from './seed-protocol.js';
import { indexedDbStorage } from '@crmkit/storage-idb';
import { createSeedCrm } from './seed-crm.js';
import { writeDemoData } from './write.js';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<SeedRequest>) => void) | null;
  postMessage(message: SeedReply): void;
};

scope.onmessage = (event) => {
  if (event.data.type === 'seed') void seed(event.data);
};

async function seed(request: SeedRequest): Promise<void> {
  try {
    const crm = await createSeedCrm(request.tenant, indexedDbStorage({ indexedDB: await factoryFor(request.bucket) }));
    try {
      const counts = await writeDemoData(crm, {
        size: request.size,
        seed: request.seed,
        now: request.now,
        onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
      });
      // Closed before the page hears "done", so the page never waits on this connection.
      await crm.close();
      scope.postMessage({ type: 'done', counts });
    } finally {
      await crm.close();
    }
  } catch (error) {
    scope.postMessage({ type: 'error', error: errorData(error) });
  }
}

interface StorageBuckets {
  open(name: string): Promise<{ indexedDB: IDBFactory }>;
}

async function factoryFor(bucket: string | undefined): Promise<IDBFactory> {
  if (!bucket) return indexedDB;
  const buckets = (navigator as unknown as { storageBuckets?: StorageBuckets }).storageBuckets;
  if (!buckets) throw new Error('storage buckets are not available in this worker');
  return (await buckets.open(bucket)).indexedDB;
}
