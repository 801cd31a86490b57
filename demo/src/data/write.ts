/**
 * Writes the generated customer base into a crm, a chunk of customers per `crm.transaction`: each chunk is
 * whole (a customer never lands without their history) and few, large transactions keep IndexedDB fast.
 *
 * `crm.transaction` validates every document with the crm's schemas and runs `before` hooks; its `after` hooks are
 * turned off (`afterHooks: false`, the option for bulk imports): the analytics plugin's purchase hook would
 * otherwise re-read and rewrite the customer once per purchase. The generator already sets `customer.lifecycle`
 * and `custom.lastNps*` the way that hook would.
 */
import type { Crm } from '@crmkit/core';
import { demoDataPlan, generateDemoData, type DemoCustomerData, type DemoDataOptions } from './generator.js';

export type SeedPhase = 'checking' | 'clearing' | 'writing' | 'done';

export interface SeedProgress {
  phase: SeedPhase;
  /** Customers written so far (in `writing`); 0 or `total` in the other phases. */
  done: number;
  total: number;
}

export interface WriteDemoDataOptions extends DemoDataOptions {
  onProgress?: (progress: SeedProgress) => void;
  /** Stops between chunks; what was written stays (callers that need all or nothing start again). */
  signal?: AbortSignal;
  /** Customers per transaction (default 100: about 2,800 documents). */
  chunkSize?: number;
}

export interface DemoDataCounts {
  customers: number;
  activities: number;
  consents: number;
  salesDocuments: number;
  npsResponses: number;
  tickets: number;
}

export async function writeDemoData(crm: Crm, options: WriteDemoDataOptions = {}): Promise<DemoDataCounts> {
  const plan = demoDataPlan(options);
  const chunkSize = options.chunkSize ?? 100;
  const counts: DemoDataCounts = {
    customers: 0,
    activities: 0,
    consents: 0,
    salesDocuments: 0,
    npsResponses: 0,
    tickets: 0,
  };
  const report = (phase: SeedPhase, done: number) => options.onProgress?.({ phase, done, total: plan.size });
  report('writing', 0);
  const stream = generateDemoData(plan);
  // A chunk is validated while the one before is committed: IndexedDB works in the browser's storage process,
  // so the worker would otherwise sit idle during every commit. Each chunk commits only after the one before
  // has, and only if the seed was not stopped meanwhile; at most two chunks are held at a time.
  let previous: Promise<void> = Promise.resolve();
  try {
    for (let start = 0; start < plan.size; start += chunkSize) {
      options.signal?.throwIfAborted();
      const chunk: DemoCustomerData[] = [];
      for (let i = 0; i < chunkSize; i++) {
        const next = stream.next();
        if (next.done) break;
        chunk.push(next.value);
      }
      const before = previous;
      const writing = crm.transaction(
        async (batch) => {
          for (const data of chunk) {
            await batch.put('customers', data.customer);
            for (const doc of data.consents) await batch.put('consents', doc);
            for (const doc of data.activities) await batch.put('activities', doc);
            for (const doc of data.salesDocuments) await batch.put('salesDocuments', doc);
            for (const doc of data.npsResponses) await batch.put('npsResponses', doc);
            for (const doc of data.tickets) await batch.put('tickets', doc);
          }
          await before;
          options.signal?.throwIfAborted();
        },
        { afterHooks: false },
      );
      previous = writing.then(() => {
        for (const data of chunk) add(counts, data);
        report('writing', counts.customers);
      });
      previous.catch(() => undefined);
      await before;
    }
    await previous;
  } finally {
    // Whatever happens, nothing is still being written when this returns or throws.
    await previous.catch(() => undefined);
  }
  report('done', counts.customers);
  return counts;
}

function add(counts: DemoDataCounts, data: DemoCustomerData): void {
  counts.customers++;
  counts.activities += data.activities.length;
  counts.consents += data.consents.length;
  counts.salesDocuments += data.salesDocuments.length;
  counts.npsResponses += data.npsResponses.length;
  counts.tickets += data.tickets.length;
}
