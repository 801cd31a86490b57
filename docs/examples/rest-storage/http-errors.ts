/**
 * HTTP answers → the kit's typed errors. The kernel and the elements branch on these classes (a conflict opens the
 * card's merge view, a retryable storage error keeps an NPS answer in its outbox), so an adapter must never let a
 * bare `Error` or an HTTP status escape.
 */
import {
  CrmConflictError,
  CrmStorageError,
  CrmUnknownCollectionError,
  CrmValidationError,
  type CrmIssue,
} from '@crmkit/core';
import type { ErrorBody } from './wire.js';

// #region mapping
export function errorFromResponse(status: number, body: Partial<ErrorBody> | undefined): Error {
  const message = body?.message ?? `HTTP ${status}`;
  if (status === 400) {
    const issues: CrmIssue[] = body?.issues ?? [{ path: [], message, code: 'custom' }];
    return new CrmValidationError(issues, body?.target);
  }
  if (status === 404 && body?.error === 'unknown_collection') {
    return new CrmUnknownCollectionError(body.collection ?? '?', body.known ?? []);
  }
  if (status === 409) return new CrmConflictError(body?.id ?? '?', body?.current, body?.collection);
  if (status === 507) return new CrmStorageError('quota_exceeded', message, { retryable: false });
  // 500, 502, 503, 504: the backend or a proxy failed; the same call may well succeed in a moment.
  if (status >= 500) return new CrmStorageError('unavailable', message, { retryable: true });
  return new CrmStorageError('unknown', message, { retryable: false });
}

/** fetch() itself rejected: no answer at all (offline, DNS, connection reset). */
export function errorFromNetwork(cause: unknown): CrmStorageError {
  return new CrmStorageError('unavailable', `the storage server did not answer: ${String(cause)}`, {
    retryable: true,
    cause,
  });
}
// #endregion mapping
