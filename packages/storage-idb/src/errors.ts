/** IndexedDB's DOMExceptions as the kit's typed errors, so that callers branch on `storageCode`, never on names. */
import { CrmError, CrmStorageError } from '@crmkit/core';

export type ClosedReason = 'closed' | 'version' | 'deleted' | 'unavailable';

export function closedError(tenant: string, reason: ClosedReason): CrmStorageError {
  switch (reason) {
    case 'version':
      return new CrmStorageError(
        'version',
        `the database of tenant "${tenant}" was upgraded by another tab or connection; open it again`,
        { retryable: false },
      );
    case 'deleted':
      return new CrmStorageError('closed', `the database of tenant "${tenant}" was removed`, { retryable: false });
    case 'unavailable':
      return new CrmStorageError('unavailable', `the browser closed the database of tenant "${tenant}"`, {
        retryable: true,
      });
    case 'closed':
      return new CrmStorageError('closed', `the storage of tenant "${tenant}" is closed`, { retryable: false });
  }
}

/**
 * Maps whatever an IndexedDB call threw or a transaction aborted with. Errors that are already the kit's pass
 * through unchanged. `closedReason` is how the connection was closed, if it was, for `InvalidStateError`.
 */
export function toStorageError(error: unknown, tenant: string, closedReason?: ClosedReason): Error {
  if (error instanceof CrmError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  const options = (retryable: boolean) => ({ retryable, cause: error });
  switch (name) {
    case 'QuotaExceededError':
      return new CrmStorageError(
        'quota_exceeded',
        `the browser's storage quota for tenant "${tenant}" is used up; nothing of this write was stored${detail}`,
        options(false),
      );
    case 'AbortError':
    case 'TransactionInactiveError':
      return new CrmStorageError(
        'aborted',
        `the transaction was aborted; nothing of it was stored${detail}`,
        options(true),
      );
    case 'DataCloneError':
    case 'DataError':
      return new CrmStorageError(
        'aborted',
        `IndexedDB refused a value (it cannot be stored or is not a valid key); nothing of this write was stored${detail}`,
        options(false),
      );
    case 'InvalidStateError':
      return closedError(tenant, closedReason ?? 'closed');
    case 'VersionError':
    case 'NotFoundError':
      return new CrmStorageError(
        'version',
        `the database of tenant "${tenant}" has another schema${detail}`,
        options(false),
      );
    case 'UnknownError':
      return new CrmStorageError('unavailable', `IndexedDB failed${detail}`, options(true));
    default:
      return new CrmStorageError('unknown', `IndexedDB failed${detail}`, options(false));
  }
}
