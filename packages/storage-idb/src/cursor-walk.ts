/**
 * A raw cursor over an index that starts right after a keyset position `(key, primaryKey)`: IndexedDB seeks
 * there with `continuePrimaryKey` (a lookup, not a walk through the entries before it), so resuming a page costs
 * the page, not the tie group or the index before it. One promise per walk, not per step.
 */
import type { StoredDocument } from '@crmkit/core';

export interface Walk {
  range: IDBKeyRange | undefined;
  /** Resume strictly after this entry; the cursor starts at the range's start otherwise. */
  after?: { key: IDBValidKey; primaryKey: string };
  /** Called with each document in index order; return false to stop. */
  visit(doc: StoredDocument): boolean;
}

export function walkIndex(index: IDBIndex, walk: Walk): Promise<void> {
  const { after } = walk;
  return new Promise((resolve, reject) => {
    const request = index.openCursor(walk.range, 'next');
    // Seek to the position, then skip it if it is still stored (it was the last item of the previous page).
    let state: 'seek' | 'land' | 'walk' = after ? 'seek' : 'walk';
    request.onerror = () => reject(request.error ?? new DOMException('cursor failed', 'UnknownError'));
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      if (state !== 'walk') {
        const order = indexedDB.cmp(cursor.key, after!.key) || indexedDB.cmp(cursor.primaryKey, after!.primaryKey);
        const seeking = state === 'seek';
        state = seeking && order < 0 ? 'land' : 'walk';
        if (state === 'land') return cursor.continuePrimaryKey(after!.key, after!.primaryKey);
        if (order === 0) return cursor.continue();
      }
      if (walk.visit(cursor.value as StoredDocument)) cursor.continue();
      else resolve();
    };
  });
}
