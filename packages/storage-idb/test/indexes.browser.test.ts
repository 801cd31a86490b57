/** Which indexes exist, and which ones the adapter reads for a query or a count. */
import { CORE_COLLECTIONS } from '@crmkit/core';
import type { StorageConnection, StoredDocument } from '@crmkit/core';
import { expect } from 'chai';
import { PREFIX, cleanUp, customer, openTenant, spyOnReads, uniqueTenant } from './helpers.js';
import type { Person, ReadCall } from './helpers.js';

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

const wholeStoreReads = (calls: readonly ReadCall[]) =>
  calls.filter((call) => call.on.startsWith('store:') && ['getAll', 'openCursor'].includes(call.method));

describe('indexes', function () {
  this.timeout(30_000);
  let db: StorageConnection;
  let spy: ReturnType<typeof spyOnReads> | undefined;

  before(async () => {
    db = await openTenant(uniqueTenant('indexes'));
    const customers = Array.from({ length: 300 }, (_, i) => customer(i));
    await db.collection('customers').bulkWrite(customers.map((doc) => ({ op: 'put', doc, expectedRev: null })));
    const activities = Array.from({ length: 300 }, (_, i) => ({
      id: `a${String(i).padStart(4, '0')}`,
      rev: '1',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      customerId: `c${String(i % 10).padStart(6, '0')}`,
      type: i % 2 ? 'call' : 'note',
      at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    }));
    await db
      .collection('activities')
      .bulkWrite(activities.map((doc: StoredDocument) => ({ op: 'put', doc, expectedRev: null })));
  });
  after(cleanUp);
  afterEach(() => spy?.restore());

  it('creates one store per collection with the indexes its definition asks for', async () => {
    const raw = await openRaw(`${PREFIX}:${db.tenant}`);
    try {
      for (const definition of CORE_COLLECTIONS) {
        const store = raw.transaction(definition.name).objectStore(definition.name);
        expect(store.keyPath).to.equal('id');
        for (const entry of definition.indexes) {
          const name = typeof entry === 'string' ? entry : entry.join('+');
          const index = store.index(name);
          expect(index.keyPath, name).to.deep.equal(entry);
          // Array fields (tags, emails) are found by any element; compound keys cannot be multiEntry.
          expect(index.multiEntry, name).to.equal(typeof entry === 'string');
        }
        expect(store.indexNames.length).to.equal(definition.indexes.length);
      }
    } finally {
      raw.close();
    }
  });

  it('finds by an array field through its multiEntry index, without reading the store', async () => {
    spy = spyOnReads();
    const page = await db.collection('customers').query({ where: { emails: 'customer42@example.com' } });
    expect(page.items.map((doc) => doc.id)).to.deep.equal(['c000042']);
    // One point of an index in id order: a cursor on the index that reads the matches only.
    expect(spy.calls).to.deep.include({ on: 'index:emails', method: 'openCursor' });
    expect(wholeStoreReads(spy.calls)).to.deep.equal([]);
    expect(spy.cursorSteps()).to.equal(1);
  });

  it('pages a sorted list from its index with getAll, reading about one page per page', async () => {
    const customers = db.collection('customers');
    spy = spyOnReads();
    const first = await customers.query({ sort: [{ field: 'updatedAt' }], limit: 20 });
    const second = await customers.query({ sort: [{ field: 'updatedAt' }], limit: 20, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((doc) => doc.id)).to.deep.equal(
      Array.from({ length: 40 }, (_, i) => customer(i).id),
    );
    expect(spy.calls.filter((call) => call.on === 'index:updatedAt' && call.method === 'getAll')).to.have.length(2);
    expect(wholeStoreReads(spy.calls)).to.deep.equal([]);
    expect(spy.cursorSteps()).to.equal(0);
  });

  it('walks the index backwards with a cursor for a descending sort, stopping after the page', async () => {
    spy = spyOnReads();
    const page = await db
      .collection('customers')
      .query({ sort: [{ field: 'updatedAt', direction: 'desc' }], limit: 10 });
    expect(page.items.map((doc) => doc.id)).to.deep.equal(Array.from({ length: 10 }, (_, i) => customer(299 - i).id));
    expect(spy.calls).to.deep.include({ on: 'index:updatedAt', method: 'openCursor' });
    expect(spy.cursorSteps()).to.be.lessThan(15);
  });

  it("serves one customer's timeline, newest first, from the compound index", async () => {
    spy = spyOnReads();
    const page = await db.collection('activities').query({
      where: { customerId: 'c000003' },
      sort: [{ field: 'at', direction: 'desc' }],
      limit: 5,
    });
    expect(page.items.map((doc) => doc.id)).to.deep.equal(['a0293', 'a0283', 'a0273', 'a0263', 'a0253']);
    expect(spy.calls).to.deep.include({ on: 'index:customerId+at', method: 'openCursor' });
    expect(spy.cursorSteps()).to.be.lessThan(10);
  });

  it('estimates a plan once per collection state: later pages count nothing, a write counts again', async () => {
    const customers = db.collection('customers');
    const query = { where: { 'address.city': 'Bursa' }, sort: [{ field: 'name' }], limit: 20 };
    const counts = (calls: readonly ReadCall[]) => calls.filter((call) => call.method === 'count');
    spy = spyOnReads();
    const first = await customers.query(query);
    // The store's size comes from the statistics record; only the where's index is counted.
    expect(counts(spy.calls)).to.deep.equal([{ on: 'index:address.city', method: 'count' }]);
    spy.calls.length = 0;
    const second = await customers.query({ ...query, cursor: first.nextCursor! });
    expect(second.items).to.have.length(20);
    expect(counts(spy.calls)).to.deep.equal([]);
    const stored = await customers.get(first.items[0]!.id);
    await customers.bulkWrite([{ op: 'put', doc: { ...stored!, rev: '2-x' }, expectedRev: stored!.rev }]);
    spy.calls.length = 0;
    await customers.query(query);
    expect(counts(spy.calls)).to.deep.equal([{ on: 'index:address.city', method: 'count' }]);
  });

  it('counts with index counts when the where is one indexed entry', async () => {
    spy = spyOnReads();
    const { count, exact } = await db.collection('customers').count({ 'address.city': 'Ankara' });
    expect({ count, exact }).to.deep.equal({ count: 60, exact: true });
    expect(spy.calls.map((call) => `${call.on} ${call.method}`)).to.deep.equal([
      'store:crmkit:meta get',
      'index:address.city count',
    ]);
  });

  it('counts an array field by keys, so that a customer with two matching tags counts once', async () => {
    const customers = db.collection('customers');
    const expected = Array.from({ length: 300 }, (_, i) => customer(i)).filter((doc) =>
      doc.tags.some((tag) => tag === 'vip' || tag === 'loyal'),
    ).length;
    spy = spyOnReads();
    expect((await customers.count({ tags: { in: ['vip', 'loyal'] } })).count).to.equal(expected);
    expect(spy.calls.filter((call) => call.method === 'getAll')).to.deep.equal([]);
    expect(spy.calls).to.deep.include({ on: 'index:tags', method: 'getAllKeys' });
  });

  it('intersects primary keys when every entry of the where is indexed', async () => {
    const expected = Array.from({ length: 300 }, (_, i) => customer(i)).filter(
      (doc) => doc.owner === 'owner-3' && doc.address?.city === 'İzmir',
    ).length;
    spy = spyOnReads();
    const result = await db.collection('customers').count({ owner: 'owner-3', 'address.city': 'İzmir' });
    expect(result.count).to.equal(expected);
    expect(spy.calls.filter((call) => call.method === 'getAll')).to.deep.equal([]);
  });

  it('reads the whole store only when no index serves the where or the sort', async () => {
    spy = spyOnReads();
    const page = await db
      .collection('customers')
      .query({ where: { score: 3 }, sort: [{ field: 'score' }], limit: 500 });
    expect(page.items).to.have.length(Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 11 === 3).length);
    expect(wholeStoreReads(spy.calls)).to.deep.equal([{ on: 'store:customers', method: 'getAll' }]);
  });

  it('does not order by an index that leaves out documents (a customer without an owner)', async () => {
    const customers = db.collection<Person>('customers');
    const { owner: _, ...ownerless } = customer(1000);
    await customers.bulkWrite([{ op: 'put', doc: ownerless, expectedRev: null }]);
    try {
      const page = await customers.query({ sort: [{ field: 'owner' }], limit: 1 });
      expect(page.items[0]!.id, 'missing values sort first').to.equal(ownerless.id);
    } finally {
      await customers.bulkWrite([{ op: 'delete', id: ownerless.id, expectedRev: ownerless.rev }]);
    }
    spy = spyOnReads();
    const page = await customers.query({ sort: [{ field: 'owner' }], limit: 1 });
    expect(page.items[0]!.owner).to.equal('owner-0');
    expect(wholeStoreReads(spy.calls), 'the index orders again once the statistics say it covers all').to.deep.equal(
      [],
    );
  });
});
