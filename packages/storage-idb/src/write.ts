/**
 * Committing writes: one readwrite transaction over the stores involved and the meta store. Every row's
 * `expectedRev` is checked against what the same transaction reads, so two writers with the same revision
 * cannot both win (IndexedDB runs overlapping readwrite transactions one after the other).
 *
 * The stored revisions are read in bulk first, the checks run in memory (a later row of a batch sees an earlier
 * one), then every put and delete is issued without awaiting each: the transaction's completion is the only
 * wait. Raw IndexedDB objects are used here rather than idb's wrappers so that no promise is made per row.
 */
import { CrmConflictError, CrmValidationError } from '@crmkit/core';
import type { Change, StoredDocument, WriteResult, WriteRow } from '@crmkit/core';
import { applyDelta, statsKey } from './index-stats.js';
import type { IndexStats } from './index-stats.js';
import { readByIds } from './read-by-id.js';
import { abortQuietly, committed, settled } from './requests.js';
import { META_STORE } from './schema.js';
import type { Layout } from './schema.js';

export interface PendingWrite {
  collection: string;
  row: WriteRow<StoredDocument>;
}

export interface Committed {
  results: WriteResult<StoredDocument>[];
  changes: Change<StoredDocument>[];
}

export const rowId = (row: WriteRow<StoredDocument>): string => (row.op === 'put' ? row.doc.id : row.id);

/** Refuses a malformed row before any storage work, so that nothing is written. */
export function validateRows(rows: unknown, collection: string): asserts rows is readonly WriteRow<StoredDocument>[] {
  const fail = (path: (string | number)[], message: string): never => {
    throw new CrmValidationError([{ path, message, code: 'invalid_type' }], collection);
  };
  if (!Array.isArray(rows)) fail([], 'rows must be an array');
  (rows as unknown[]).forEach((row, i) => {
    const candidate = row as Partial<{ op: string; doc: { id?: unknown }; id: unknown; expectedRev: unknown }>;
    if (candidate === null || typeof candidate !== 'object') fail([i], 'must be a write row');
    if (candidate.op === 'put') {
      if (candidate.doc === null || typeof candidate.doc !== 'object') fail([i, 'doc'], 'must be a document');
      if (typeof candidate.doc?.id !== 'string' || candidate.doc.id === '') fail([i, 'doc', 'id'], 'must be a string');
    } else if (candidate.op === 'delete') {
      if (typeof candidate.id !== 'string' || candidate.id === '') fail([i, 'id'], 'must be a string');
    } else fail([i, 'op'], 'must be "put" or "delete"');
    if (candidate.expectedRev !== null && typeof candidate.expectedRev !== 'string') {
      fail([i, 'expectedRev'], 'must be a revision string or null');
    }
  });
}

/**
 * Writes `pending` in one transaction. With `allOrNothing`, the first conflict aborts the transaction and
 * rejects with `CrmConflictError`; otherwise a conflicting row gets its own result and the others are written.
 * Rejects with whatever aborted the transaction (the caller maps it); nothing is then written.
 */
export async function commitWrites(
  db: IDBDatabase,
  layout: Layout,
  pending: readonly PendingWrite[],
  allOrNothing: boolean,
): Promise<Committed> {
  const collections = [...new Set(pending.map((write) => write.collection))];
  const tx = db.transaction([...collections, META_STORE], 'readwrite');
  const done = committed(tx);
  // Observed here so that an abort is never an unhandled rejection; awaited below.
  done.catch(() => undefined);
  try {
    const meta = tx.objectStore(META_STORE);
    const [currents, stats] = await Promise.all([
      Promise.all(
        collections.map((name) =>
          readByIds(
            tx.objectStore(name),
            pending.filter((write) => write.collection === name).map((write) => rowId(write.row)),
          ),
        ),
      ),
      Promise.all(collections.map((name) => settled(meta.get(statsKey(name)) as IDBRequest<IndexStats | undefined>))),
    ]);
    const stores = new Map(
      collections.map((name, i) => [name, { store: tx.objectStore(name), current: currents[i]!, stats: stats[i] }]),
    );
    const results: WriteResult<StoredDocument>[] = [];
    const changes: Change<StoredDocument>[] = [];
    for (const { collection, row } of pending) {
      const target = stores.get(collection)!;
      const id = rowId(row);
      const current = target.current.get(id);
      if ((current?.rev ?? null) !== row.expectedRev) {
        if (allOrNothing) throw new CrmConflictError(id, current, collection);
        results.push({ ok: false, id, error: 'conflict', current });
        continue;
      }
      if (row.op === 'put') {
        target.store.put(row.doc);
        target.current.set(id, row.doc);
        changes.push({ collection, op: 'put', id, doc: row.doc, remote: false });
        results.push({ ok: true, id, doc: row.doc });
      } else {
        // Deleting what is not there changes nothing, so there is nothing to announce.
        if (current) {
          target.store.delete(id);
          target.current.delete(id);
          changes.push({ collection, op: 'delete', id, doc: current, remote: false });
        }
        results.push({ ok: true, id, doc: undefined });
      }
      if (target.stats)
        applyDelta(target.stats, layout.get(collection) ?? [], current, row.op === 'put' ? row.doc : undefined);
    }
    for (const [name, target] of stores) if (target.stats) meta.put(target.stats, statsKey(name));
    tx.commit();
    await done;
    return { results, changes };
  } catch (error) {
    abortQuietly(tx);
    await done.catch(() => undefined);
    throw error;
  }
}
