/**
 * What travels between `restStorage()` and the backend: JSON bodies of the routes below. A real backend keeps the
 * same shapes; the mock server in test/guides/ implements them over memoryStorage().
 *
 *   POST   {base}/tenants/{tenant}/open                       OpenBody            → OpenResponse
 *   POST   {base}/tenants/{tenant}/collections/{name}/get     GetBody             → GetResponse
 *   POST   {base}/tenants/{tenant}/collections/{name}/query   Query               → Page
 *   POST   {base}/tenants/{tenant}/collections/{name}/count   CountBody           → CountResult
 *   POST   {base}/tenants/{tenant}/collections/{name}/write   WriteBody           → WriteResponse
 *   POST   {base}/tenants/{tenant}/transaction                TransactionBody     → TransactionResponse
 *   POST   {base}/tenants/{tenant}/changes                    ChangesBody         → ChangesResponse
 *   DELETE {base}/tenants/{tenant}                                                 → 204
 *
 * Failures answer with an ErrorBody and the status that restStorage() maps back to the kit's typed errors.
 */
import type {
  Change,
  CollectionDefinition,
  CrmIssue,
  StoredDocument,
  Where,
  WriteResult,
  WriteRow,
} from '@crmkit/core';

export interface OpenBody {
  collections: CollectionDefinition[];
}

/** Where the tenant's change feed stands now: a new connection hears what is committed after this. */
export interface OpenResponse {
  seq: number;
}

export interface GetBody {
  ids: string[];
}

/** JSON has no `undefined`: a missing document is `null`. */
export interface GetResponse {
  docs: (StoredDocument | null)[];
}

export interface CountBody {
  where?: Where;
}

export interface WriteBody {
  rows: WriteRow<StoredDocument>[];
  /** Which client connection writes, so that the feed does not echo its own writes back to it. */
  connection: string;
}

/** The server answers a write with what it committed, so that a delete's change carries the last stored version. */
export interface WriteResponse {
  results: WriteResult<StoredDocument>[];
  changes: Change<StoredDocument>[];
}

export interface TransactionBody {
  writes: { collection: string; rows: WriteRow<StoredDocument>[] }[];
  connection: string;
}

export interface TransactionResponse {
  changes: Change<StoredDocument>[];
}

/** The tenant's change feed: what others committed after `after`, one batch per committed write. */
export interface ChangesBody {
  after: number;
  connection: string;
}

export interface ChangesResponse {
  seq: number;
  batches: Change<StoredDocument>[][];
}

export interface ErrorBody {
  error: 'validation' | 'unknown_collection' | 'conflict' | 'quota_exceeded' | 'unavailable' | 'unknown';
  message: string;
  /** validation */
  issues?: CrmIssue[];
  target?: string;
  /** unknown_collection */
  collection?: string;
  known?: string[];
  /** conflict: the stored document (absent when there is none) */
  id?: string;
  current?: StoredDocument;
}
