import { bdd } from '../bdd.js';
import { badInputTests } from './bad-input.js';
import { bulkWriteTests } from './bulk-write.js';
import { changeTests } from './changes.js';
import { concurrencyTests } from './concurrency.js';
import { copyTests } from './copies.js';
import { crudTests } from './crud.js';
import { Harness } from './harness.js';
import type { CreateStorage } from './harness.js';
import { lifecycleTests } from './lifecycle.js';
import { resolveOptions } from './options.js';
import type { StorageConformanceOptions } from './options.js';
import { paginationTests } from './pagination.js';
import { tenantTests } from './tenants.js';
import { transactionTests } from './transactions.js';
import { whereAndCountTests } from './where-and-count.js';

/**
 * Declares the storage conformance suite as `describe(name, …)` with the test runner's globals. Call it at the
 * top level of a test file:
 *
 * ```ts
 * runStorageConformance('memoryStorage', () => memoryStorage());
 * ```
 *
 * `createStorage` is called before every test; each test uses its own uniquely named tenants and removes them
 * afterwards, so a durable storage can be shared between tests and runs.
 */
export function runStorageConformance(
  name: string,
  createStorage: CreateStorage,
  options?: StorageConformanceOptions,
): void {
  const t = bdd();
  const harness = new Harness(resolveOptions(options), createStorage);
  t.describe(name, () => {
    harness.install(t);
    crudTests(t, harness);
    bulkWriteTests(t, harness);
    concurrencyTests(t, harness);
    transactionTests(t, harness);
    paginationTests(t, harness);
    whereAndCountTests(t, harness);
    changeTests(t, harness);
    tenantTests(t, harness);
    lifecycleTests(t, harness);
    badInputTests(t, harness);
    copyTests(t, harness);
  });
}
