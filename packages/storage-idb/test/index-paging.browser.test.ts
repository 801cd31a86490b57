/**
 * Paging through an index query across many pages where thousands of documents tie on the index value, with
 * deletes and inserts between pages: every document comes exactly once, in order, exactly as memoryStorage pages
 * the same sequence; and resuming a page reads about a page, not the tie group before it.
 */
import { memoryStorage } from '@crmkit/core';
import type { CollectionDefinition, Query, StorageCollection, StoredDocument, WriteRow } from '@crmkit/core';
import { expect } from 'chai';
import { statsKey } from '../src/index-stats.js';
import type { IndexStats } from '../src/index-stats.js';
import { META_STORE } from '../src/schema.js';
import { PREFIX, cleanUp, openTenant, spyOnReads, uniqueTenant } from './helpers.js';

interface Row extends StoredDocument {
  type: string;
  customerId: string;
  at: string;
  n: number;
}

const ROWS: CollectionDefinition[] = [{ name: 'rows', indexes: ['type', 'customerId', ['customerId', 'at'], 'at'] }];
const STAMP = '2025-01-01T00:00:00.000Z';

/** 6,000 rows: half `purchase`, all of customer `c1` at one of three instants, ids spread over the key space. */
function row(i: number, suffix = ''): Row {
  return {
    id: `${((i * 7_919) % 100_000).toString(36).padStart(4, '0')}-${i}${suffix}`,
    rev: '1',
    createdAt: STAMP,
    updatedAt: STAMP,
    type: i % 2 ? 'purchase' : 'note',
    customerId: i % 3 ? 'c1' : 'c2',
    at: `2025-01-0${1 + (i % 3)}T00:00:00.000Z`,
    n: i,
  };
}

const put = (docs: readonly Row[]): WriteRow<Row>[] => docs.map((doc) => ({ op: 'put', doc, expectedRev: null }));

interface Pair {
  idb: StorageCollection<Row>;
  memory: StorageCollection<Row>;
}

/**
 * Pages `query` through both storages, applying `between(page, ids so far)` after each page, and checks that each
 * page is the same in both; returns the ids in the order they came.
 */
async function pageBoth(
  pair: Pair,
  query: Query,
  between: (page: number, ids: readonly string[]) => Promise<void>,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let page = 0;
  do {
    const next = { ...query, ...(cursor ? { cursor } : {}) };
    const [ours, theirs] = await Promise.all([pair.idb.query(next), pair.memory.query(next)]);
    const got = ours.items.map((doc) => doc.id);
    expect(got, `page ${page}`).to.deep.equal(theirs.items.map((doc) => doc.id));
    expect(Boolean(ours.nextCursor), `page ${page} has a next one`).to.equal(Boolean(theirs.nextCursor));
    ids.push(...got);
    cursor = ours.nextCursor;
    await between(page++, ids);
  } while (cursor);
  return ids;
}

describe('paging an index query with large tie groups', function () {
  this.timeout(120_000);
  after(cleanUp);

  let pair: Pair;
  let tenant: string;
  const docs = Array.from({ length: 6_000 }, (_, i) => row(i));

  beforeEach(async () => {
    pair = {
      idb: (await openTenant((tenant = uniqueTenant('paging')), ROWS)).collection<Row>('rows'),
      memory: (await memoryStorage().open({ tenant: 'paging', collections: ROWS })).collection<Row>('rows'),
    };
    await Promise.all([pair.idb.bulkWrite(put(docs)), pair.memory.bulkWrite(put(docs))]);
  });

  /**
   * Between pages: deletes rows ahead of and behind the last id read, deletes the last row read itself every
   * third page (the cursor's position is then gone), and inserts rows that every query here matches, one right
   * after the last id and one anywhere.
   */
  async function churn(page: number, ids: readonly string[]): Promise<void> {
    const last = ids[ids.length - 1] ?? '';
    const ahead = docs.filter((doc) => doc.id > last).slice(page * 3, page * 3 + 4);
    const behind = docs.filter((doc) => doc.id < last).slice(page, page + 2);
    const gone = [...ahead, ...behind].map((doc) => doc.id);
    if (page % 3 === 2 && last) gone.push(last);
    const fresh = { type: 'purchase', customerId: 'c1', at: '2025-01-02T00:00:00.000Z' };
    const inserted = [
      { ...row(10_000 + page), ...fresh },
      { ...row(20_000 + page), ...fresh, id: `${last}-after` },
    ];
    const rows: WriteRow<Row>[] = [
      ...gone.map((id) => ({ op: 'delete' as const, id, expectedRev: '1' })),
      ...put(inserted),
    ];
    const [ours, theirs] = await Promise.all([pair.idb.bulkWrite(rows), pair.memory.bulkWrite(rows)]);
    expect(ours.map((result) => result.ok)).to.deep.equal(theirs.map((result) => result.ok));
  }

  const once = (ids: readonly string[]) => expect(new Set(ids).size).to.equal(ids.length);

  it('pages 3,000 rows of one type in id order, each once, with writes between pages', async () => {
    const ids = await pageBoth(pair, { where: { type: 'purchase' }, limit: 97 }, churn);
    expect(ids.length).to.be.greaterThan(2_900);
    expect([...ids].sort()).to.deep.equal(ids);
    once(ids);
  });

  it('pages by a field whose index holds two values for 6,000 rows (ties resumed by primary key)', async () => {
    const ids = await pageBoth(pair, { sort: [{ field: 'type' }], limit: 250 }, churn);
    expect(ids.length).to.be.greaterThan(5_800);
    once(ids);
  });

  it("pages a customer's rows by a compound index whose last field ties in thousands", async () => {
    const ids = await pageBoth(pair, { where: { customerId: 'c1' }, sort: [{ field: 'at' }], limit: 113 }, churn);
    expect(ids.length).to.be.greaterThan(3_900);
    once(ids);
  });

  it('pages a type in id order with a filter outside the index', async () => {
    const query = { where: { type: 'purchase', n: { gte: 1_000 } }, limit: 200 };
    const ids = await pageBoth(pair, query, () => Promise.resolve());
    expect(ids).to.deep.equal(
      docs
        .filter((doc) => doc.type === 'purchase' && doc.n >= 1_000)
        .map((doc) => doc.id)
        .sort(),
    );
  });

  it('resumes a page by seeking, reading about one page of the tie group per page', async () => {
    const first = await pair.idb.query({ where: { type: 'purchase' }, limit: 50 });
    const spy = spyOnReads();
    try {
      const second = await pair.idb.query({ where: { type: 'purchase' }, limit: 50, cursor: first.nextCursor! });
      expect(second.items).to.have.length(50);
      expect(spy.cursorSteps()).to.be.at.most(51);
      expect(spy.calls.filter((call) => call.method !== 'get')).to.deep.equal([
        { on: 'index:type', method: 'openCursor' },
      ]);
      const byType = await pair.idb.query({ sort: [{ field: 'type' }], limit: 50 });
      spy.calls.length = 0;
      await pair.idb.query({ sort: [{ field: 'type' }], limit: 50, cursor: byType.nextCursor! });
      expect(spy.calls.map((call) => call.method)).to.not.include('getAllKeys');
    } finally {
      spy.restore();
    }
  });

  it('keeps the number of documents in the statistics exact through puts, deletes and conflicts', async () => {
    await pageBoth(pair, { where: { type: 'purchase' }, limit: 500 }, churn);
    // A put that conflicts if docs[0] is still stored (or creates it again), then an update.
    const rows: WriteRow<Row>[] = [
      { op: 'put', doc: docs[0]!, expectedRev: null },
      { op: 'put', doc: { ...docs[0]!, rev: '2' }, expectedRev: '1' },
    ];
    await Promise.all([pair.idb.bulkWrite(rows), pair.memory.bulkWrite(rows)]);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`${PREFIX}:${tenant}`);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    try {
      const tx = db.transaction([META_STORE, 'rows']);
      const request = (store: string, read: (store: IDBObjectStore) => IDBRequest) =>
        new Promise<unknown>(
          (resolve) =>
            (read(tx.objectStore(store)).onsuccess = (event) => resolve((event.target as IDBRequest).result)),
        );
      const [stats, count] = await Promise.all([
        request(META_STORE, (store) => store.get(statsKey('rows'))),
        request('rows', (store) => store.count()),
      ]);
      expect((stats as IndexStats).documents).to.equal(count);
      expect(count).to.equal((await pair.memory.count()).count);
    } finally {
      db.close();
    }
  });
});
