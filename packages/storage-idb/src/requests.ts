/**
 * Promises over raw IndexedDB requests, for the hot paths (bulk reads by id, bulk writes) where one promise per
 * batch instead of one per request matters, and where an aborted transaction must not leave a rejected promise
 * nobody waits for.
 */

export function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new DOMException('request failed', 'UnknownError'));
  });
}

/** Resolves when the transaction commits; rejects with its error (QuotaExceededError, AbortError, …) otherwise. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.addEventListener('complete', () => resolve());
    tx.addEventListener('abort', () =>
      reject(tx.error ?? new DOMException('the transaction was aborted', 'AbortError')),
    );
  });
}

/** Aborts a transaction that may already have finished (then there is nothing left to undo). */
export function abortQuietly(tx: IDBTransaction): void {
  try {
    tx.abort();
  } catch {
    // already committed or aborted
  }
}
