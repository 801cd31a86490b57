/**
 * Writes the generated customer base into a crm, a chunk of customers per `crm.transaction`: each chunk is
 * whole (a customer never lands without their history) and few, large transactions keep IndexedDB fast.
 *
 * `crm.transaction` validates every document with the crm's schemas and runs `before` hooks, but not `after`
 * hooks: the analytics plugin's purchase hook would otherwise re-read and rewrite the customer once per
 * purchase. The generator already sets `customer.lifecycle` and `custom.lastNps*` the way that hook would.
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
  /** Customers per transaction (default 250: about 6,000 documents). */
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
  const chunkSize = options.chunkSize ?? 250;
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
  for (let start = 0; start < plan.size; start += chunkSize) {
    options.signal?.throwIfAborted();
    const chunk: DemoCustomerData[] = [];
    for (let i = 0; i < chunkSize; i++) {
      const next = stream.next();
      if (next.done) break;
      chunk.push(next.value);
    }
    await crm.transaction(async (batch) => {
      for (const data of chunk) {
        await batch.put('customers', data.customer);
        for (const doc of data.consents) await batch.put('consents', doc);
        for (const doc of data.activities) await batch.put('activities', doc);
        for (const doc of data.salesDocuments) await batch.put('salesDocuments', doc);
        for (const doc of data.npsResponses) await batch.put('npsResponses', doc);
        for (const doc of data.tickets) await batch.put('tickets', doc);
      }
    });
    for (const data of chunk) {
      counts.customers++;
      counts.activities += data.activities.length;
      counts.consents += data.consents.length;
      counts.salesDocuments += data.salesDocuments.length;
      counts.npsResponses += data.npsResponses.length;
      counts.tickets += data.tickets.length;
    }
    report('writing', counts.customers);
  }
  report('done', counts.customers);
  return counts;
}
