/** 10,000 customers: one bulk write, index counts, complete paging in two orders, a full rewrite, conflicts, deletes. */
import type { StorageCollection } from '@crmkit/core';
import { expect } from 'chai';
import { cleanUp, customer, openTenant } from './helpers.js';
import type { Person } from './helpers.js';

const COUNT = 10_000;

async function allPages(collection: StorageCollection<Person>, query: Parameters<StorageCollection['query']>[0]) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await collection.query({ ...query, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((doc) => doc.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { ids, pages };
}

describe('10,000 documents', function () {
  this.timeout(120_000);
  after(cleanUp);

  const docs = Array.from({ length: COUNT }, (_, i) => customer(i));
  let customers: StorageCollection<Person>;

  before(async () => {
    customers = (await openTenant()).collection<Person>('customers');
    const results = await customers.bulkWrite(docs.map((doc) => ({ op: 'put', doc, expectedRev: null })));
    expect(results.every((result) => result.ok)).to.equal(true);
  });

  it('counts all, and by an indexed field', async () => {
    expect(await customers.count()).to.deep.equal({ count: COUNT, exact: true });
    const vip = docs.filter((doc) => doc.tags.includes('vip')).length;
    expect(await customers.count({ tags: 'vip' })).to.deep.equal({ count: vip, exact: true });
    const recent = docs.filter((doc) => doc.updatedAt >= '2024-12-01').length;
    expect((await customers.count({ updatedAt: { gte: '2024-12-01' } })).count).to.equal(recent);
  });

  it('pages through every document exactly once, newest first and by id', async () => {
    const newest = await allPages(customers, { sort: [{ field: 'updatedAt', direction: 'desc' }], limit: 1000 });
    expect(newest.pages).to.equal(10);
    expect(newest.ids).to.deep.equal(docs.map((doc) => doc.id).reverse());
    const byId = await allPages(customers, { limit: 3000 });
    expect(byId.ids).to.deep.equal(docs.map((doc) => doc.id));
    const byName = await allPages(customers, { sort: [{ field: 'name' }], limit: 700 });
    expect(new Set(byName.ids).size).to.equal(COUNT);
  });

  it('rewrites all of them with their revisions, refuses stale ones, and deletes them', async () => {
    const updated = docs.map((doc) => ({ ...doc, rev: `2-${doc.id}`, tags: ['rewritten'] }));
    const results = await customers.bulkWrite(updated.map((doc, i) => ({ op: 'put', doc, expectedRev: docs[i]!.rev })));
    expect(results.every((result) => result.ok)).to.equal(true);
    expect((await customers.count({ tags: 'rewritten' })).count).to.equal(COUNT);

    const stale = await customers.bulkWrite(docs.map((doc) => ({ op: 'put', doc, expectedRev: doc.rev })));
    expect(stale.filter((result) => !result.ok)).to.have.length(COUNT);
    expect(stale[5]).to.deep.include({ ok: false, error: 'conflict', current: updated[5] });

    await customers.bulkWrite(updated.map((doc) => ({ op: 'delete', id: doc.id, expectedRev: doc.rev })));
    expect(await customers.count()).to.deep.equal({ count: 0, exact: true });
  });
});
