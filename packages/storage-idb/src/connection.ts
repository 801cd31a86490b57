/** One open tenant database: its collections, all-or-nothing transactions, change events, close and remove. */
import { CrmStorageError, CrmUnknownCollectionError } from '@crmkit/core';
import type {
  Change,
  ChangeListener,
  StorageCollection,
  StorageConnection,
  StoredDocument,
  TransactionScope,
  WriteResult,
} from '@crmkit/core';
import { unwrap } from 'idb';
import type { IDBPDatabase } from 'idb';
import { ChangeChannel } from './change-channel.js';
import { IdbCollection } from './collection.js';
import { closedError, toStorageError } from './errors.js';
import type { ClosedReason } from './errors.js';
import { emptyStats, statsKey } from './index-stats.js';
import type { IndexStats } from './index-stats.js';
import { settled } from './requests.js';
import type { KeyedSource } from './scan.js';
import { META_STORE } from './schema.js';
import type { IndexSpec, Layout } from './schema.js';
import { commitWrites, validateRows } from './write.js';
import type { PendingWrite } from './write.js';

/** What a read sees: the collection's store (idb-wrapped and raw) and, on demand, its index statistics. */
export interface ReadScope {
  store: KeyedSource;
  raw: IDBObjectStore;
  specs: readonly IndexSpec[];
  stats: () => Promise<IndexStats>;
}

/** Estimates kept at most; more distinct where values than this start the cache afresh. */
const MAX_ESTIMATES = 256;

export class IdbConnection implements StorageConnection {
  private readonly listeners = new Set<ChangeListener>();
  private readonly channel: ChangeChannel;
  private readonly raw: IDBDatabase;
  private closedReason: ClosedReason | undefined;
  /** Bumped by every change to a collection, here or in another tab: the estimates made before it are stale. */
  private readonly generations = new Map<string, number>();
  private readonly estimates = new Map<string, { generation: number; value: number }>();

  constructor(
    readonly tenant: string,
    private readonly db: IDBPDatabase,
    private readonly layout: Layout,
    private readonly names: ReadonlySet<string>,
    private readonly databaseName: string,
    private readonly factory: IDBFactory,
  ) {
    this.raw = unwrap(db);
    // Another tab's upgrade or delete waits for this connection: give way at once, and say why from now on.
    this.raw.onversionchange = (event) => this.shutDown(event.newVersion === null ? 'deleted' : 'version');
    this.raw.onclose = () => this.shutDown('unavailable');
    this.channel = new ChangeChannel(`crmkit-changes:${databaseName}`, (changes) => this.deliver(changes));
  }

  collection<T extends StoredDocument = StoredDocument>(name: string): StorageCollection<T> {
    this.specs(name);
    return new IdbCollection<T>(this, name);
  }

  /** The indexes the collection's store has; only the collections this connection was opened with are known. */
  specs(name: string): readonly IndexSpec[] {
    this.assertOpen();
    const specs = this.names.has(name) ? this.layout.get(name) : undefined;
    if (!specs) throw new CrmUnknownCollectionError(name, [...this.names]);
    return specs;
  }

  assertOpen(): void {
    if (this.closedReason) throw closedError(this.tenant, this.closedReason);
  }

  mapError(error: unknown): Error {
    return toStorageError(error, this.tenant, this.closedReason);
  }

  /** Runs `fn` in one read-only transaction over the collection and the index statistics. */
  async read<R>(name: string, fn: (scope: ReadScope) => Promise<R>): Promise<R> {
    const specs = this.specs(name);
    try {
      const tx = this.db.transaction([name, META_STORE], 'readonly');
      // A failed request rejects its own promise; the transaction's is not needed.
      tx.done.catch(() => undefined);
      const raw = unwrap(tx).objectStore(name);
      const stats = async (): Promise<IndexStats> =>
        ((await settled(unwrap(tx).objectStore(META_STORE).get(statsKey(name)))) as IndexStats | undefined) ??
        emptyStats();
      return await fn({ store: tx.objectStore(name) as unknown as KeyedSource, raw, specs, stats });
    } catch (error) {
      throw this.mapError(error);
    }
  }

  /**
   * A count that only steers a query plan, computed once per collection state: paging through a collection
   * re-plans every page, and counting an index walks every entry in range. A stale value is never wrong, only
   * possibly a slower plan, so it is kept until the collection changes.
   */
  async estimate(collection: string, key: string, compute: () => Promise<number>): Promise<number> {
    const generation = this.generations.get(collection) ?? 0;
    const cacheKey = `${collection}\u0000${key}`;
    const cached = this.estimates.get(cacheKey);
    if (cached?.generation === generation) return cached.value;
    const value = await compute();
    if (this.estimates.size >= MAX_ESTIMATES) this.estimates.clear();
    this.estimates.set(cacheKey, { generation, value });
    return value;
  }

  async commit(pending: readonly PendingWrite[], allOrNothing: boolean): Promise<WriteResult<StoredDocument>[]> {
    this.assertOpen();
    if (!pending.length) return [];
    let committed;
    try {
      committed = await commitWrites(this.raw, this.layout, pending, allOrNothing);
    } catch (error) {
      throw this.mapError(error);
    }
    this.channel.post(committed.changes);
    this.deliver(committed.changes);
    return committed.results;
  }

  async transaction<R>(fn: (tx: TransactionScope) => R | Promise<R>): Promise<R> {
    this.assertOpen();
    const pending: PendingWrite[] = [];
    let ended = false;
    const scope: TransactionScope = {
      collection: (name) => this.collection(name),
      write: (collection, rows) => {
        // A write after the end would be lost without a word: refuse it instead.
        if (ended) throw new CrmStorageError('closed', 'this transaction has already ended', { retryable: false });
        this.specs(collection);
        validateRows(rows, collection);
        // A snapshot, so that changing a row after handing it over changes nothing (IndexedDB would clone it
        // only at the commit). A value that cannot be cloned cannot be stored either: refused the same way.
        let copies: PendingWrite['row'][];
        try {
          copies = structuredClone(rows) as PendingWrite['row'][];
        } catch (error) {
          throw this.mapError(error);
        }
        for (const row of copies) pending.push({ collection, row });
      },
    };
    let result: R;
    try {
      result = await fn(scope);
    } finally {
      ended = true;
    }
    await this.commit(pending, true);
    return result;
  }

  private deliver(changes: readonly Change<StoredDocument>[]): void {
    if (!changes.length) return;
    for (const collection of new Set(changes.map((change) => change.collection))) {
      this.generations.set(collection, (this.generations.get(collection) ?? 0) + 1);
    }
    for (const listener of this.listeners) {
      try {
        listener(changes);
      } catch (error) {
        // A listener's failure is its own; the write has committed and other listeners still hear of it.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.shutDown('closed');
    return Promise.resolve();
  }

  async remove(): Promise<void> {
    this.assertOpen();
    this.shutDown('deleted');
    // Other connections to this database close on the resulting versionchange, so the delete is not blocked.
    const request = this.factory.deleteDatabase(this.databaseName);
    try {
      await settled(request);
    } catch (error) {
      throw this.mapError(error);
    }
  }

  /** Closes once; the first reason stays, so later calls say why the connection went away. */
  private shutDown(reason: ClosedReason): void {
    if (this.closedReason) return;
    this.closedReason = reason;
    this.listeners.clear();
    this.channel.close();
    this.raw.close();
  }
}
