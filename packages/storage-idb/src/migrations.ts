/**
 * Data migrations: transforms of stored documents that a new version of the kit (or a vendor) needs once per
 * database. Index and store changes need none of this: they follow from the collection definitions. A migration
 * runs inside the upgrade transaction, after the stores and indexes exist, and its id is recorded so that it never
 * runs twice. Ids are forever: never rename or reuse one, never remove one that may have run somewhere.
 */
import type { IDBPTransaction } from 'idb';

export type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface IdbMigration {
  /** Unique and stable, e.g. `0001-lowercase-emails`. */
  id: string;
  /**
   * Transforms the data. Await only requests of `tx` (IndexedDB ends a transaction that waits for anything
   * else); throwing aborts the upgrade and the database stays as it was.
   */
  up(tx: UpgradeTransaction): Promise<void> | void;
}

/** The kit's own migrations, oldest first. None yet: the first release's layout comes from the definitions. */
export const MIGRATIONS: readonly IdbMigration[] = [];

export const MIGRATIONS_KEY = 'migrations';
