/**
 * The crm the seeding worker writes with: the core on IndexedDB with the plugins whose schemas the demo data
 * need: analytics (it declares `custom.lastNpsScore` and `custom.lastNpsAt`) and repair jobs (the `repairJob`
 * timeline type). Not `@crmkit/components`, so it runs where there is no DOM.
 *
 * The analytics plugin's `after` hooks would recompute a customer for each purchase written; `writeDemoData`
 * writes through `crm.transaction` with `afterHooks: false`, and the generator sets the facts those hooks keep. Its `init` finds an empty database (the seed starts from a deleted one) and has nothing to fit.
 *
 * The database is the page's: storages create stores and indexes from the core's collection list (decision
 * 0041), which plugins do not change, so both crms want the same layout and neither upgrades it.
 */
import { analyticsPlugin } from '@crmkit/analytics';
import { createCrm, type Crm, type CrmStorage } from '@crmkit/core';
import { repairJobsPlugin } from '@crmkit/plugin-repair-jobs';
import { indexedDbStorage } from '@crmkit/storage-idb';

export function createSeedCrm(tenant: string, storage: CrmStorage = indexedDbStorage()): Promise<Crm> {
  return createCrm({ storage, tenant, plugins: [analyticsPlugin({ currency: 'TRY' }), repairJobsPlugin()] });
}

/** A crm without plugins, for reading counts: no plugin `init` reads the whole tenant. */
export function createPlainCrm(tenant: string, storage: CrmStorage = indexedDbStorage()): Promise<Crm> {
  return createCrm({ storage, tenant });
}
