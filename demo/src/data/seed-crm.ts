/**
 * The crm the seeding worker writes with: the core on IndexedDB with only the plugins whose schemas the demo
 * data need (the repair jobs' timeline type). No analytics plugin, so no hook counts a purchase twice, and no
 * `@crmkit/components`, so it runs where there is no DOM.
 *
 * The database it opens is the page's: storages create stores and indexes from the core's collection list
 * (decision 0041), which plugins do not change, so both crms want the same layout and neither upgrades it.
 */
import { createCrm, type Crm, type CrmStorage } from '@crmkit/core';
import { repairJobsPlugin } from '@crmkit/plugin-repair-jobs';
import { indexedDbStorage } from '@crmkit/storage-idb';

export function createSeedCrm(tenant: string, storage: CrmStorage = indexedDbStorage()): Promise<Crm> {
  return createCrm({ storage, tenant, plugins: [repairJobsPlugin()] });
}
