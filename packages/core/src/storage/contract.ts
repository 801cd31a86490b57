/**
 * The storage contract: what an adapter (memory, IndexedDB, a vendor's REST backend…) must do so that the kernel
 * can sit on it. It is proven by `runStorageConformance` in `@crmkit/testkit`; docs/storage-adapters.md explains it.
 *
 * The finer rules (failures reject, closed means closed, what sorts first…) are in docs/decisions/0051.
 *
 * The kernel validates, assigns ids and revisions and runs hooks; an adapter only stores documents, checks the
 * expected revision of each write, answers simple indexed queries, and tells subscribers what changed.
 */

/** Every stored document has these. `rev` changes on every write; the kernel makes it (`<n>-<random>`). */
export interface StoredDocument {
  id: string;
  rev: string;
  createdAt: string;
  updatedAt: string;
}

export type Primitive = string | number | boolean | null;

/** The simple filter subset that storages can push to indexes; every entry must hold (AND). */
export interface WhereOps {
  eq?: Primitive;
  in?: readonly Primitive[];
  gt?: string | number;
  gte?: string | number;
  lt?: string | number;
  lte?: string | number;
  /** String prefix, compared exactly (case-sensitive). */
  prefix?: string;
}

/**
 * Keys are dotted paths (`address.city`). A bare value means equality. When the field holds an array (tags,
 * emails), an entry matches if any element matches, as IndexedDB's multiEntry indexes do.
 */
export type Where = Readonly<Record<string, Primitive | WhereOps>>;

export interface SortKey {
  field: string;
  direction?: 'asc' | 'desc';
}

export interface Query {
  where?: Where;
  /** The storage always appends `id` (ascending) as the last key so that cursors are stable. */
  sort?: readonly SortKey[];
  /** Page size; adapters cap it at their own maximum. Default 100. */
  limit?: number;
  /** The `nextCursor` of the previous page. Opaque to callers. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  nextCursor?: string;
}

export interface CountResult {
  count: number;
  /** False when the adapter estimated (e.g. a remote backend that only gives an approximation). */
  exact: boolean;
}

/** A write: `expectedRev` is the revision the caller last read, `null` for a document that must not exist yet. */
export type WriteRow<T extends StoredDocument> =
  { op: 'put'; doc: T; expectedRev: string | null } | { op: 'delete'; id: string; expectedRev: string | null };

export type WriteResult<T extends StoredDocument> =
  { ok: true; id: string; doc: T | undefined } | { ok: false; id: string; error: 'conflict'; current: T | undefined };

export interface Change<T extends StoredDocument> {
  collection: string;
  op: 'put' | 'delete';
  id: string;
  /** The document as written (for `put`), the last stored version (for `delete`). */
  doc: T | undefined;
  /** True when the change was made by another connection (another tab, another process). */
  remote: boolean;
}

export type ChangeListener = (changes: readonly Change<StoredDocument>[]) => void;

/** One collection of one tenant. */
export interface StorageCollection<T extends StoredDocument = StoredDocument> {
  get(id: string): Promise<T | undefined>;
  /** Same order as `ids`; `undefined` where a document does not exist. */
  getMany(ids: readonly string[]): Promise<(T | undefined)[]>;
  query(query?: Query): Promise<Page<T>>;
  count(where?: Where): Promise<CountResult>;
  /**
   * Each row gets its own result, in order. A row whose `expectedRev` does not match the stored revision is
   * refused with the stored document; the other rows are still written (use `transaction` for all-or-nothing).
   */
  bulkWrite(rows: readonly WriteRow<T>[]): Promise<WriteResult<T>[]>;
}

/** The writes of a transaction, gathered while its function runs and committed at its end. */
export interface TransactionScope {
  /** Reads see committed data (not the writes gathered so far). */
  collection<T extends StoredDocument = StoredDocument>(name: string): StorageCollection<T>;
  /** Takes a snapshot of the rows; throws once the transaction has ended. */
  write<T extends StoredDocument>(collection: string, rows: readonly WriteRow<T>[]): void;
}

/** A tenant's data, opened. */
export interface StorageConnection {
  readonly tenant: string;
  collection<T extends StoredDocument = StoredDocument>(name: string): StorageCollection<T>;
  /**
   * All or nothing across collections: `fn` gathers writes; at its end they commit together, or, if `fn` throws
   * or any row conflicts, nothing is written and the promise rejects (`CrmConflictError` for a conflict).
   */
  transaction<R>(fn: (tx: TransactionScope) => R | Promise<R>): Promise<R>;
  /** Changes committed through this connection and, where the storage can tell, through others. */
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
  /** Deletes every document of this tenant and closes the connection. */
  remove(): Promise<void>;
}

/** What a collection needs from a storage: its name and the indexes its queries use. */
export interface CollectionDefinition {
  name: string;
  /** Dotted paths to index, singly or compound (`['customerId', 'at']`). Arrays index each element. */
  indexes: ReadonlyArray<string | readonly string[]>;
}

export interface StorageOpenOptions {
  tenant: string;
  collections: readonly CollectionDefinition[];
}

/** A storage: opens a connection per tenant. Tenants never see each other's data. */
export interface CrmStorage {
  /** For messages and for the conformance suite's report, e.g. `memory`, `indexeddb`. */
  readonly kind: string;
  open(options: StorageOpenOptions): Promise<StorageConnection>;
}
