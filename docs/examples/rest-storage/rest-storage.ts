/**
 * `restStorage()`: a crmkit storage adapter over a vendor's REST backend (the routes are in wire.ts). The backend
 * checks revisions and answers queries; this client turns the contract's calls into HTTP requests, HTTP failures
 * into the kit's typed errors, and tells its listeners what its own writes committed.
 */
import {
  CrmStorageError,
  CrmUnknownCollectionError,
  pageSize,
  validateWhere,
  type Change,
  type ChangeListener,
  type CountResult,
  type CrmStorage,
  type Page,
  type Query,
  type StorageCollection,
  type StorageConnection,
  type StorageOpenOptions,
  type StoredDocument,
  type TransactionScope,
  type Where,
  type WriteResult,
  type WriteRow,
} from '@crmkit/core';
import { errorFromNetwork, errorFromResponse } from './http-errors.js';
import type {
  ChangesResponse,
  ErrorBody,
  GetResponse,
  OpenResponse,
  TransactionBody,
  TransactionResponse,
  WriteBody,
  WriteResponse,
} from './wire.js';

// #region options
export interface RestStorageOptions {
  /** Where the routes live, e.g. `https://crm.example.com/api/v1`. */
  baseUrl: string;
  /** Defaults to the global fetch; pass your own for auth, retries or tests. */
  fetch?: typeof fetch;
  /** Extra headers for every request (an API key, a CSRF token…). */
  headers?: () => Record<string, string>;
  /** How often a connection with listeners asks for others' changes. Default 2000 ms. */
  pollMs?: number;
}

export function restStorage(options: RestStorageOptions): CrmStorage {
  const http = new Http(options);
  return {
    kind: 'rest',
    async open({ tenant, collections }: StorageOpenOptions): Promise<StorageConnection> {
      const path = `/tenants/${encodeURIComponent(tenant)}`;
      const { seq } = await http.call<OpenResponse>(`${path}/open`, 'POST', { collections });
      const names = new Set(collections.map((definition) => definition.name));
      return new RestConnection(http, tenant, names, seq, options.pollMs ?? 2000);
    },
  };
}
// #endregion options

class Http {
  private readonly base: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: RestStorageOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  // #region call
  async call<R>(path: string, method: 'POST' | 'DELETE', body?: unknown): Promise<R> {
    let response: Response;
    try {
      response = await this.fetch(this.base + path, {
        method,
        headers: { 'content-type': 'application/json', ...this.options.headers?.() },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw errorFromNetwork(cause);
    }
    const text = await response.text();
    const json: unknown = text ? parseJson(text) : undefined;
    if (!response.ok) throw errorFromResponse(response.status, json as Partial<ErrorBody> | undefined);
    return json as R;
  }
  // #endregion call
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's HTML error page: the status alone will have to speak.
    return undefined;
  }
}

class RestConnection implements StorageConnection {
  private readonly listeners = new Set<ChangeListener>();
  private closed = false;
  /** Sent with every write, so that the change feed leaves this connection's own writes out. */
  readonly id = crypto.randomUUID();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly http: Http,
    readonly tenant: string,
    private readonly names: ReadonlySet<string>,
    private seq: number,
    private readonly pollMs: number,
  ) {}

  get path(): string {
    return `/tenants/${encodeURIComponent(this.tenant)}`;
  }

  collection<T extends StoredDocument = StoredDocument>(name: string): StorageCollection<T> {
    this.checkName(name);
    return new RestCollection<T>(this, name);
  }

  checkName(name: string): void {
    if (!this.names.has(name)) throw new CrmUnknownCollectionError(name, [...this.names]);
  }

  /** Every request goes through here, so that a closed connection refuses work before the network is touched. */
  request<R>(path: string, method: 'POST' | 'DELETE', body?: unknown): Promise<R> {
    if (this.closed) return Promise.reject(this.closedError());
    return this.http.call<R>(this.path + path, method, body);
  }

  closedError(): CrmStorageError {
    return new CrmStorageError('closed', `the storage of tenant "${this.tenant}" is closed`, { retryable: false });
  }

  // #region notify
  /** Tells this connection's listeners, once per committed write, what it changed; nothing when nothing did. */
  notify(changes: readonly Change<StoredDocument>[], remote = false): void {
    if (!changes.length || this.closed) return;
    const delivered = changes.map((change) => ({ ...change, doc: change.doc ?? undefined, remote }));
    for (const listener of this.listeners) {
      try {
        listener(delivered);
      } catch (error) {
        // The write has committed; one listener's bug must not hide it from the others.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
  // #endregion notify

  // #region feed
  /** While someone listens, asks the server every `pollMs` for what other connections committed. */
  private poll(): void {
    if (this.timer !== undefined || this.closed || !this.listeners.size) return;
    this.timer = setTimeout(() => {
      const asked = { after: this.seq, connection: this.id };
      this.request<ChangesResponse>('/changes', 'POST', asked)
        .then(({ seq, batches }) => {
          this.seq = seq;
          for (const changes of batches) this.notify(changes, true);
        })
        // A poll that failed loses nothing: the next one asks from the same position.
        .catch(() => undefined)
        .finally(() => {
          this.timer = undefined;
          this.poll();
        });
    }, this.pollMs);
  }
  // #endregion feed

  // #region transaction
  async transaction<R>(fn: (tx: TransactionScope) => R | Promise<R>): Promise<R> {
    if (this.closed) throw this.closedError();
    const writes: TransactionBody['writes'] = [];
    let finished = false;
    const scope: TransactionScope = {
      collection: (name) => this.collection(name),
      write: (collection, rows) => {
        if (finished) throw new CrmStorageError('closed', 'this transaction has already ended', { retryable: false });
        this.checkName(collection);
        // A snapshot now: the caller may change its objects after handing them over.
        writes.push({ collection, rows: structuredClone(rows) as WriteRow<StoredDocument>[] });
      },
    };
    let result: R;
    try {
      result = await fn(scope);
    } finally {
      finished = true;
    }
    if (writes.length) {
      // The server commits every row or none, and answers 409 (→ CrmConflictError) for a stale revision.
      const body: TransactionBody = { writes, connection: this.id };
      const { changes } = await this.request<TransactionResponse>('/transaction', 'POST', body);
      this.notify(changes);
    }
    return result;
  }
  // #endregion transaction

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    this.poll();
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    clearTimeout(this.timer);
    return Promise.resolve();
  }

  async remove(): Promise<void> {
    await this.request('', 'DELETE');
    await this.close();
  }
}

class RestCollection<T extends StoredDocument> implements StorageCollection<T> {
  private readonly path: string;

  constructor(
    private readonly connection: RestConnection,
    name: string,
  ) {
    this.path = `/collections/${encodeURIComponent(name)}`;
  }

  async get(id: string): Promise<T | undefined> {
    const [doc] = await this.getMany([id]);
    return doc;
  }

  async getMany(ids: readonly string[]): Promise<(T | undefined)[]> {
    const { docs } = await this.connection.request<GetResponse>(`${this.path}/get`, 'POST', { ids });
    return docs.map((doc) => (doc ?? undefined) as T | undefined);
  }

  // #region query
  async query(query: Query = {}): Promise<Page<T>> {
    // JSON.stringify drops `undefined` and turns NaN into null: check here what the server could no longer see.
    validateWhere(query.where);
    pageSize(query);
    return this.connection.request<Page<T>>(`${this.path}/query`, 'POST', query);
  }
  // #endregion query

  async count(where?: Where): Promise<CountResult> {
    validateWhere(where);
    return this.connection.request<CountResult>(`${this.path}/count`, 'POST', { where });
  }

  // #region bulkWrite
  async bulkWrite(rows: readonly WriteRow<T>[]): Promise<WriteResult<T>[]> {
    const body: WriteBody = {
      rows: rows as readonly WriteRow<StoredDocument>[] as WriteRow<StoredDocument>[],
      connection: this.connection.id,
    };
    const { results, changes } = await this.connection.request<WriteResponse>(`${this.path}/write`, 'POST', body);
    this.connection.notify(changes);
    // JSON dropped the `undefined` members; put them back so that results look like every other adapter's.
    return results.map((result) =>
      result.ok
        ? { ok: true, id: result.id, doc: (result.doc ?? undefined) as T | undefined }
        : { ok: false, id: result.id, error: 'conflict', current: (result.current ?? undefined) as T | undefined },
    );
  }
  // #endregion bulkWrite
}
