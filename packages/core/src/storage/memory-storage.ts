/**
 * `memoryStorage()`: the default storage for Node, tests and server-side rendering. Data lives as long as the
 * storage object; closing and reopening a tenant keeps it. Documents are cloned in and out, so a caller can never
 * change stored data by mutating an object it holds.
 */
import { CrmConflictError, CrmStorageError, CrmUnknownCollectionError } from '../errors.js';
import type {
  Change,
  ChangeListener,
  CollectionDefinition,
  CountResult,
  CrmStorage,
  Page,
  Query,
  StorageCollection,
  StorageConnection,
  StorageOpenOptions,
  StoredDocument,
  TransactionScope,
  Where,
  WriteResult,
  WriteRow,
} from './contract.js';
import { makeComparator, matchesWhere, normalizeSort, pageOf, validateWhere } from './query-helpers.js';

type Table = Map<string, StoredDocument>;

interface TenantData {
  tables: Map<string, Table>;
  connections: Set<MemoryConnection>;
}

export function memoryStorage(): CrmStorage {
  const tenants = new Map<string, TenantData>();
  return {
    kind: 'memory',
    open(options: StorageOpenOptions): Promise<StorageConnection> {
      let data = tenants.get(options.tenant);
      if (!data) {
        data = { tables: new Map(), connections: new Set() };
        tenants.set(options.tenant, data);
      }
      for (const definition of options.collections) {
        if (!data.tables.has(definition.name)) data.tables.set(definition.name, new Map());
      }
      const connection = new MemoryConnection(options.tenant, data, options.collections, () =>
        tenants.delete(options.tenant),
      );
      data.connections.add(connection);
      return Promise.resolve(connection);
    },
  };
}

const clone = <T>(value: T): T => structuredClone(value);

/** Runs `work` so that whatever it throws (closed, unknown collection, bad query) becomes a rejection, as callers of a promise API expect. */
const settle = <R>(work: () => R): Promise<R> => new Promise((resolve) => resolve(work()));

class MemoryConnection implements StorageConnection {
  private listeners = new Set<ChangeListener>();
  private closed = false;
  /** The collections this connection was opened with: others are unknown to it even if the tenant holds them. */
  private names: ReadonlySet<string>;

  constructor(
    readonly tenant: string,
    private data: TenantData,
    private definitions: readonly CollectionDefinition[],
    private forget: () => void,
  ) {
    this.names = new Set(definitions.map((definition) => definition.name));
  }

  collection<T extends StoredDocument = StoredDocument>(name: string): StorageCollection<T> {
    this.table(name);
    return new MemoryCollection<T>(this, name);
  }

  table(name: string): Table {
    this.assertOpen();
    const table = this.names.has(name) ? this.data.tables.get(name) : undefined;
    if (!table)
      throw new CrmUnknownCollectionError(
        name,
        this.definitions.map((d) => d.name),
      );
    return table;
  }

  assertOpen(): void {
    if (this.closed)
      throw new CrmStorageError('closed', `the storage of tenant "${this.tenant}" is closed`, { retryable: false });
  }

  /**
   * Writes one row that was already checked; the caller broadcasts the changes once per committed write.
   * Deleting a document that is not there changes nothing, so it yields no change to announce.
   */
  applyRow(collection: string, row: WriteRow<StoredDocument>): Change<StoredDocument> | undefined {
    const table = this.table(collection);
    if (row.op === 'put') {
      table.set(row.doc.id, clone(row.doc));
      return { collection, op: 'put', id: row.doc.id, doc: clone(row.doc), remote: false };
    }
    const previous = table.get(row.id);
    if (!previous) return undefined;
    table.delete(row.id);
    return { collection, op: 'delete', id: row.id, doc: previous, remote: false };
  }

  /** Tells every connection of this tenant, once, what one committed write changed. */
  broadcast(changes: readonly Change<StoredDocument>[]): void {
    if (!changes.length) return;
    for (const connection of this.data.connections) connection.notify(changes, connection !== this);
  }

  notify(changes: readonly Change<StoredDocument>[], remote: boolean): void {
    const delivered = remote ? changes.map((change) => ({ ...change, remote: true })) : changes;
    for (const listener of this.listeners) {
      try {
        listener(delivered);
      } catch (error) {
        // A listener's failure is its own; the write has committed and other listeners still hear of it.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  async transaction<R>(fn: (tx: TransactionScope) => R | Promise<R>): Promise<R> {
    this.assertOpen();
    const gathered: Array<{ collection: string; row: WriteRow<StoredDocument> }> = [];
    let finished = false;
    const scope: TransactionScope = {
      collection: (name) => this.collection(name),
      write: (collection, rows) => {
        // A write after the end would be silently lost: refuse it loudly instead.
        if (finished) throw new CrmStorageError('closed', 'this transaction has already ended', { retryable: false });
        this.table(collection);
        // Snapshot now, so that mutating a row after handing it over changes nothing.
        for (const row of rows) gathered.push({ collection, row: clone(row) });
      },
    };
    let result: R;
    try {
      result = await fn(scope);
    } finally {
      finished = true;
    }
    // Check every row against the stored state (and against earlier rows of the same transaction) before writing any.
    const pending = new Map<string, StoredDocument | undefined>();
    for (const { collection, row } of gathered) {
      const id = row.op === 'put' ? row.doc.id : row.id;
      const key = `${collection}\u0000${id}`;
      const current = pending.has(key) ? pending.get(key) : this.table(collection).get(id);
      if ((current?.rev ?? null) !== row.expectedRev)
        throw new CrmConflictError(id, current && clone(current), collection);
      pending.set(key, row.op === 'put' ? row.doc : undefined);
    }
    this.broadcast(gathered.flatMap(({ collection, row }) => this.applyRow(collection, row) ?? []));
    return result;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.data.connections.delete(this);
    return Promise.resolve();
  }

  async remove(): Promise<void> {
    this.assertOpen();
    for (const table of this.data.tables.values()) table.clear();
    for (const connection of [...this.data.connections]) await connection.close();
    this.forget();
  }
}

class MemoryCollection<T extends StoredDocument> implements StorageCollection<T> {
  constructor(
    private connection: MemoryConnection,
    private name: string,
  ) {}

  private get table(): Table {
    return this.connection.table(this.name);
  }

  get(id: string): Promise<T | undefined> {
    return settle(() => {
      const doc = this.table.get(id);
      return doc && (clone(doc) as T);
    });
  }

  getMany(ids: readonly string[]): Promise<(T | undefined)[]> {
    return settle(() => {
      const table = this.table;
      return ids.map((id) => {
        const doc = table.get(id);
        return doc && (clone(doc) as T);
      });
    });
  }

  query(query: Query = {}): Promise<Page<T>> {
    return settle(() => {
      validateWhere(query.where);
      const sort = normalizeSort(query.sort);
      const matching = [...this.table.values()].filter((doc) => matchesWhere(doc, query.where));
      matching.sort(makeComparator(sort));
      const page = pageOf(matching, query, sort);
      return { ...page, items: page.items.map((doc) => clone(doc) as T) };
    });
  }

  count(where?: Where): Promise<CountResult> {
    return settle(() => {
      validateWhere(where);
      let count = 0;
      for (const doc of this.table.values()) if (matchesWhere(doc, where)) count++;
      return { count, exact: true };
    });
  }

  bulkWrite(rows: readonly WriteRow<T>[]): Promise<WriteResult<T>[]> {
    return settle(() => this.writeRows(rows));
  }

  private writeRows(rows: readonly WriteRow<T>[]): WriteResult<T>[] {
    const table = this.table;
    const results: WriteResult<T>[] = [];
    const changes: Change<StoredDocument>[] = [];
    // Row by row, so that a later row of the same batch sees an earlier one, as in a real store.
    for (const row of rows) {
      const id = row.op === 'put' ? row.doc.id : row.id;
      const current = table.get(id) as T | undefined;
      if ((current?.rev ?? null) !== row.expectedRev) {
        results.push({ ok: false, id, error: 'conflict', current: current && clone(current) });
        continue;
      }
      const change = this.connection.applyRow(this.name, row);
      if (change) changes.push(change);
      results.push({ ok: true, id, doc: row.op === 'put' ? clone(row.doc) : undefined });
    }
    this.connection.broadcast(changes);
    return results;
  }
}
