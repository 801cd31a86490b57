/**
 * Reading many documents by id inside one transaction. Measured in Chromium: a `get` costs about four times as
 * much per document as `getAll`, and `getAllKeys` a fifth of it. So for a large batch the store's keys between the
 * smallest and largest id are listed first; a dense hit set is then read with one `getAll` over that range,
 * a sparse one with pipelined `get`s of the hits only. A batch of new documents reads nothing but keys.
 */
import type { StoredDocument } from '@crmkit/core';
import { settled } from './requests.js';

const PIPELINE_BELOW = 24;
/** `getAll` over the range wins while the range holds fewer than this many keys per hit. */
const RANGE_READ_DENSITY = 4;

export async function readByIds(store: IDBObjectStore, ids: Iterable<string>): Promise<Map<string, StoredDocument>> {
  const wanted = [...new Set(ids)];
  const found = new Map<string, StoredDocument>();
  if (!wanted.length) return found;
  let hits = wanted;
  if (wanted.length >= PIPELINE_BELOW) {
    wanted.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const range = IDBKeyRange.bound(wanted[0]!, wanted[wanted.length - 1]!);
    const keys = await settled(store.getAllKeys(range));
    const wantedSet = new Set(wanted);
    hits = (keys as string[]).filter((key) => wantedSet.has(key));
    if (!hits.length) return found;
    if (keys.length <= hits.length * RANGE_READ_DENSITY) {
      for (const doc of (await settled(store.getAll(range))) as StoredDocument[]) {
        if (wantedSet.has(doc.id)) found.set(doc.id, doc);
      }
      return found;
    }
  }
  const docs = await Promise.all(hits.map((id) => settled(store.get(id) as IDBRequest<StoredDocument | undefined>)));
  docs.forEach((doc) => doc && found.set(doc.id, doc));
  return found;
}
