import type { IdbMigration } from './migrations.js';

export interface IndexedDbStorageOptions {
  /** Each tenant's database is named `<prefix>:<tenant>`. Default `crmkit`. */
  prefix?: string;
  /**
   * The IndexedDB to use: a storage bucket's (`(await navigator.storageBuckets.open('crm')).indexedDB`), or a
   * test double. Default `globalThis.indexedDB`.
   */
  indexedDB?: IDBFactory;
  /** Data migrations to run after the kit's own, in order; see `IdbMigration`. */
  migrations?: readonly IdbMigration[];
}
