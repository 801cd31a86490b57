/**
 * What runs inside a `versionchange` transaction: create the missing stores, create (or re-create, when their key
 * path changed) the missing indexes, run the migrations not yet applied, and recompute index statistics for
 * every store whose indexes or data may have changed. Stores and indexes nobody asks for any more are kept, so
 * that a tab with older definitions never has to upgrade the database back.
 */
import type { IDBPDatabase } from 'idb';
import type { StoredDocument } from '@crmkit/core';
import { computeStats, statsKey } from './index-stats.js';
import { MIGRATIONS_KEY } from './migrations.js';
import type { IdbMigration, UpgradeTransaction } from './migrations.js';
import { META_STORE, describeIndex, sameIndex } from './schema.js';
import type { Layout } from './schema.js';

export async function upgradeDatabase(
  db: IDBPDatabase,
  tx: UpgradeTransaction,
  wanted: Layout,
  migrations: readonly IdbMigration[],
): Promise<void> {
  if (!db.objectStoreNames.contains(META_STORE)) db.createObjectStore(META_STORE);
  const changed = new Set<string>();
  for (const [name, specs] of wanted) {
    if (!db.objectStoreNames.contains(name)) {
      db.createObjectStore(name, { keyPath: 'id' });
      changed.add(name);
    }
    const store = tx.objectStore(name);
    for (const spec of specs) {
      if (store.indexNames.contains(spec.name)) {
        if (sameIndex(store.index(spec.name), spec)) continue;
        store.deleteIndex(spec.name);
      }
      store.createIndex(spec.name, spec.keyPath, { multiEntry: spec.multiEntry });
      changed.add(name);
    }
  }

  const meta = tx.objectStore(META_STORE);
  const applied = ((await meta.get(MIGRATIONS_KEY)) as string[] | undefined) ?? [];
  const due = migrations.filter((migration) => !applied.includes(migration.id));
  for (const migration of due) {
    await migration.up(tx);
    applied.push(migration.id);
  }
  await meta.put(applied, MIGRATIONS_KEY);

  const stores = [...db.objectStoreNames].filter((name) => name !== META_STORE);
  for (const name of stores) {
    const known = (await meta.get(statsKey(name))) !== undefined;
    if (known && !changed.has(name) && !due.length) continue;
    const store = tx.objectStore(name);
    const specs = [...store.indexNames].map((indexName) => describeIndex(store.index(indexName)));
    const docs = (await store.getAll()) as StoredDocument[];
    await meta.put(computeStats(docs, specs), statsKey(name));
  }
}
