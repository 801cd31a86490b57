/**
 * Opening a tenant's database at a version whose stores, indexes and migrations cover what this connection
 * needs. The database is first opened at whatever version it has (a new one is set up on the spot); when it
 * lacks something, it is reopened at the next version, whose upgrade adds it. Another tab may upgrade in between,
 * so this repeats a few times before giving up.
 */
import { CrmStorageError } from '@crmkit/core';
import { unwrap, wrap } from 'idb';
import type { IDBPDatabase } from 'idb';
import { MIGRATIONS_KEY } from './migrations.js';
import type { IdbMigration, UpgradeTransaction } from './migrations.js';
import { abortQuietly, settled } from './requests.js';
import { META_STORE, covers, readLayout } from './schema.js';
import type { IndexSpec, Layout } from './schema.js';
import { upgradeDatabase } from './upgrade.js';

const ATTEMPTS = 6;

export interface OpenedDatabase {
  db: IDBPDatabase;
  /** The stores and indexes the database has: at least the wanted ones. */
  layout: Map<string, IndexSpec[]>;
}

type Upgrade = (db: IDBPDatabase, tx: UpgradeTransaction) => Promise<void>;

function openOnce(
  factory: IDBFactory,
  name: string,
  version: number | undefined,
  upgrade: Upgrade,
): Promise<IDBPDatabase> {
  return new Promise((resolve, reject) => {
    let failure: unknown;
    const request = version === undefined ? factory.open(name) : factory.open(name, version);
    request.onupgradeneeded = () => {
      const tx = request.transaction!;
      const wrapped = wrap(tx) as unknown as UpgradeTransaction;
      wrapped.done.catch(() => undefined);
      upgrade(wrap(request.result), wrapped).catch((error: unknown) => {
        failure = error;
        abortQuietly(tx);
      });
    };
    request.onsuccess = () => {
      // Until a connection owns it, give way at once to another tab's upgrade.
      request.result.onversionchange = () => request.result.close();
      resolve(wrap(request.result));
    };
    request.onerror = () => {
      const reason = failure instanceof Error ? failure.message : 'the upgrade failed';
      reject(
        failure === undefined
          ? (request.error ?? new DOMException('opening failed', 'UnknownError'))
          : new CrmStorageError('version', `upgrading database "${name}" failed: ${reason}`, {
              retryable: false,
              cause: failure,
            }),
      );
    };
    // `blocked`: another connection has not closed yet; the request goes on waiting until it does.
  });
}

async function isUpToDate(db: IDBPDatabase, wanted: Layout, migrations: readonly IdbMigration[]): Promise<boolean> {
  if (!db.objectStoreNames.contains(META_STORE) || !covers(readLayout(unwrap(db)), wanted)) return false;
  const tx = unwrap(db).transaction(META_STORE, 'readonly');
  const applied = (await settled(tx.objectStore(META_STORE).get(MIGRATIONS_KEY))) as string[] | undefined;
  return migrations.every((migration) => applied?.includes(migration.id));
}

export async function openTenantDatabase(
  factory: IDBFactory,
  name: string,
  wanted: Layout,
  migrations: readonly IdbMigration[],
): Promise<OpenedDatabase> {
  const upgrade: Upgrade = (db, tx) => upgradeDatabase(db, tx, wanted, migrations);
  let version: number | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let db: IDBPDatabase;
    try {
      db = await openOnce(factory, name, version, upgrade);
    } catch (error) {
      // Another tab went past the version we asked for: look again at what it made.
      if (error instanceof DOMException && error.name === 'VersionError') {
        version = undefined;
        continue;
      }
      throw error;
    }
    try {
      if (await isUpToDate(db, wanted, migrations)) return { db, layout: readLayout(unwrap(db)) };
    } catch (error) {
      // Closed by another tab's upgrade while we looked: look again.
      if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
    }
    version = db.version + 1;
    db.close();
  }
  throw new CrmStorageError('version', `database "${name}" kept changing while it was being opened`, {
    retryable: true,
  });
}
