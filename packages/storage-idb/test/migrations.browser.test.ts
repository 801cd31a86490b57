/** The database follows the collection definitions as they grow, runs data migrations once, and gives way to other tabs. */
import { CrmStorageError } from '@crmkit/core';
import type { CollectionDefinition, StoredDocument } from '@crmkit/core';
import { expect } from 'chai';
import { indexedDbStorage } from '../src/index.js';
import type { IdbMigration } from '../src/index.js';
import { PREFIX, cleanUp, customer, openTenant, spyOnReads, uniqueTenant } from './helpers.js';
import type { Person } from './helpers.js';

const BASE: CollectionDefinition[] = [{ name: 'customers', indexes: ['name'] }];
const GROWN: CollectionDefinition[] = [
  { name: 'customers', indexes: ['name', 'owner', ['owner', 'updatedAt']] },
  { name: 'loyaltyCards', indexes: ['customerId'] },
];

function databaseVersion(tenant: string): Promise<number | undefined> {
  return indexedDB.databases().then((all) => all.find((db) => db.name === `${PREFIX}:${tenant}`)?.version);
}

function rawDatabase(tenant: string, version: number, setUp: (db: IDBDatabase) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(`${PREFIX}:${tenant}`, version);
    request.onupgradeneeded = () => setUp(request.result);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const put = (docs: StoredDocument[]) => docs.map((doc) => ({ op: 'put' as const, doc, expectedRev: null }));

describe('schema upgrades and migrations', function () {
  this.timeout(30_000);
  afterEach(cleanUp);

  it('adds the indexes and stores that grown definitions ask for, keeping the data, in one version step', async () => {
    const tenant = uniqueTenant('grow');
    const first = await openTenant(tenant, BASE);
    await first.collection('customers').bulkWrite(put([customer(1), customer(2), customer(8)]));
    const before = await databaseVersion(tenant);
    await first.close();

    const grown = await openTenant(tenant, GROWN);
    expect(await databaseVersion(tenant)).to.equal(before! + 1);
    const spy = spyOnReads();
    try {
      const page = await grown.collection<Person>('customers').query({ where: { owner: 'owner-1' } });
      expect(page.items.map((doc) => doc.id)).to.deep.equal([customer(1).id, customer(8).id]);
      expect(spy.calls).to.deep.include({ on: 'index:owner', method: 'openCursor' });
      // Statistics for the new index were computed from the existing data, so it may order and count.
      const sorted = await grown
        .collection('customers')
        .query({ where: { owner: 'owner-1' }, sort: [{ field: 'updatedAt', direction: 'desc' }] });
      expect(sorted.items.map((doc) => doc.id)).to.deep.equal([customer(8).id, customer(1).id]);
      expect(spy.calls).to.deep.include({ on: 'index:owner+updatedAt', method: 'openCursor' });
    } finally {
      spy.restore();
    }
    expect(await grown.collection('loyaltyCards').count()).to.deep.equal({ count: 0, exact: true });
  });

  it('does not upgrade back for a tab with older definitions', async () => {
    const tenant = uniqueTenant('older');
    await (await openTenant(tenant, GROWN)).close();
    const version = await databaseVersion(tenant);
    const older = await openTenant(tenant, BASE);
    expect(await databaseVersion(tenant)).to.equal(version);
    // Its writes keep the statistics of indexes it did not ask for, so the newer tab can still trust them.
    await older.collection('customers').bulkWrite(put([customer(3)]));
    await older.close();
    const newer = await openTenant(tenant, GROWN);
    const page = await newer.collection('customers').query({ sort: [{ field: 'owner' }] });
    expect(page.items.map((doc) => doc.id)).to.deep.equal([customer(3).id]);
  });

  it('re-creates an index whose shape differs from the definition', async () => {
    const tenant = uniqueTenant('reshape');
    await rawDatabase(tenant, 3, (db) =>
      db.createObjectStore('customers', { keyPath: 'id' }).createIndex('tags', 'tags'),
    );
    const connection = await openTenant(tenant, [{ name: 'customers', indexes: ['tags'] }]);
    expect(await databaseVersion(tenant)).to.equal(4);
    await connection.collection('customers').bulkWrite(put([customer(0)]));
    expect((await connection.collection('customers').count({ tags: 'vip' })).count).to.equal(1);
  });

  it('leaves out an index whose path IndexedDB cannot index, and answers its queries all the same', async () => {
    const definitions = [
      { name: 'customers', indexes: ['name', 'custom.loyalty-card', ['custom.loyalty-card', 'name']] },
    ];
    const connection = await openTenant(uniqueTenant('odd-path'), definitions);
    const customers = connection.collection('customers');
    await customers.bulkWrite(
      put([{ ...customer(1), custom: { 'loyalty-card': 'gold' } } as StoredDocument, customer(2)]),
    );
    const page = await customers.query({ where: { 'custom.loyalty-card': 'gold' } });
    expect(page.items.map((doc) => doc.id)).to.deep.equal([customer(1).id]);
    expect((await customers.count({ 'custom.loyalty-card': 'gold' })).count).to.equal(1);
  });

  it('runs each data migration once, in order, and records it', async () => {
    const tenant = uniqueTenant('migrate');
    const seen: string[] = [];
    const upperCaseNames: IdbMigration = {
      id: '0001-upper-case-names',
      async up(tx) {
        seen.push(this.id);
        const store = tx.objectStore('customers');
        for (const doc of (await store.getAll()) as Person[]) await store.put({ ...doc, name: doc.name.toUpperCase() });
      },
    };
    const tagEveryone: IdbMigration = {
      id: '0002-tag-everyone',
      async up(tx) {
        seen.push(this.id);
        const store = tx.objectStore('customers');
        for (const doc of (await store.getAll()) as Person[]) await store.put({ ...doc, tags: ['migrated'] });
      },
    };
    const plain = await openTenant(tenant, BASE);
    await plain.collection('customers').bulkWrite(put([customer(1)]));
    await plain.close();

    await (await openTenant(tenant, BASE, { migrations: [upperCaseNames] })).close();
    await (await openTenant(tenant, BASE, { migrations: [upperCaseNames] })).close();
    const both = await openTenant(tenant, [{ name: 'customers', indexes: ['name', 'tags'] }], {
      migrations: [upperCaseNames, tagEveryone],
    });
    expect(seen).to.deep.equal(['0001-upper-case-names', '0002-tag-everyone']);
    const doc = await both.collection<Person>('customers').get(customer(1).id);
    expect(doc?.name).to.equal(customer(1).name.toUpperCase());
    expect((await both.collection('customers').count({ tags: 'migrated' })).count).to.equal(1);
  });

  it('refuses a failing migration with a typed error and leaves the database as it was', async () => {
    const tenant = uniqueTenant('failing');
    const plain = await openTenant(tenant, BASE);
    await plain.collection('customers').bulkWrite(put([customer(1)]));
    await plain.close();
    const version = await databaseVersion(tenant);
    const broken: IdbMigration = {
      id: 'broken',
      async up(tx) {
        await tx.objectStore('customers').clear();
        throw new Error('cannot convert');
      },
    };
    const error = await rejection(openTenant(tenant, BASE, { migrations: [broken] }));
    expect(error).to.be.instanceOf(CrmStorageError);
    expect((error as CrmStorageError).storageCode).to.equal('version');
    expect((error as CrmStorageError).message).to.contain('cannot convert');
    expect(await databaseVersion(tenant)).to.equal(version);
    const again = await openTenant(tenant, BASE);
    expect((await again.collection('customers').count()).count).to.equal(1);
  });

  it('refuses the same migration id twice', () => {
    const migration: IdbMigration = { id: 'same', up: () => undefined };
    expect(() => indexedDbStorage({ migrations: [migration, migration] })).to.throw('used twice');
  });

  it('closes cleanly when another tab upgrades the database, and says so on every later call', async () => {
    const tenant = uniqueTenant('versionchange');
    const old = await openTenant(tenant, BASE);
    const customers = old.collection('customers');
    const heard: unknown[] = [];
    old.subscribe((changes) => heard.push(changes));
    const upgraded = await openTenant(tenant, GROWN);
    const error = await rejection(customers.get('x'));
    expect(error).to.be.instanceOf(CrmStorageError);
    expect((error as CrmStorageError).storageCode).to.equal('version');
    expect(() => old.collection('customers')).to.throw(CrmStorageError, 'upgraded by another tab');
    await upgraded.collection('customers').bulkWrite(put([customer(1)]));
    expect(heard).to.deep.equal([]);
    await old.close();
  });

  it('remove() deletes the database; other connections close, and reopening starts empty', async () => {
    const tenant = uniqueTenant('remove');
    const one = await openTenant(tenant, BASE);
    const two = await openTenant(tenant, BASE);
    const theirs = two.collection('customers');
    await one.collection('customers').bulkWrite(put([customer(1)]));
    await one.remove();
    expect(await databaseVersion(tenant)).to.equal(undefined);
    const error = await rejection(theirs.count());
    expect((error as CrmStorageError).storageCode).to.equal('closed');
    const fresh = await openTenant(tenant, BASE);
    expect((await fresh.collection('customers').count()).count).to.equal(0);
  });
});
