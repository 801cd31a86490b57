/**
 * Failures become typed errors and leave nothing half-written. The quota is real: a storage bucket with a small
 * quota makes Chromium abort the transaction with QuotaExceededError, for bulkWrite and for transaction(). The
 * abort is real too: a value that cannot be cloned, placed after rows already put in the same transaction.
 */
import {
  CrmConflictError,
  CrmStorageError,
  CrmUnknownCollectionError,
  CrmValidationError,
  CORE_COLLECTIONS,
} from '@crmkit/core';
import type { StorageConnection, StoredDocument, WriteRow } from '@crmkit/core';
import { expect } from 'chai';
import { indexedDbStorage } from '../src/index.js';
import { cleanUp, customer, openTenant, sleep, uniqueTenant } from './helpers.js';

interface StorageBucket {
  indexedDB: IDBFactory;
}
interface StorageBucketManager {
  open(name: string, options?: { quota?: number; persisted?: boolean }): Promise<StorageBucket>;
  delete(name: string): Promise<void>;
}
const buckets = (navigator as Navigator & { storageBuckets?: StorageBucketManager }).storageBuckets;

async function rejection(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function expectStorageError(error: unknown, code: string, retryable: boolean): void {
  expect(error).to.be.instanceOf(CrmStorageError);
  expect((error as CrmStorageError).storageCode).to.equal(code);
  expect((error as CrmStorageError).retryable).to.equal(retryable);
}

const puts = (docs: StoredDocument[]): WriteRow<StoredDocument>[] =>
  docs.map((doc) => ({ op: 'put', doc, expectedRev: null }));

describe('errors', function () {
  this.timeout(30_000);
  afterEach(cleanUp);

  describe('quota', () => {
    const bucketName = `quota-${uniqueTenant('b')}`.toLowerCase().replace(/[^a-z0-9_-]/g, '');
    let connection: StorageConnection;

    before(async function () {
      if (!buckets) this.skip();
      const bucket = await buckets.open(bucketName, { quota: 256 * 1024 });
      connection = await indexedDbStorage({ indexedDB: bucket.indexedDB }).open({
        tenant: 'quota',
        collections: CORE_COLLECTIONS,
      });
    });
    after(async () => {
      await connection?.remove();
      await buckets?.delete(bucketName);
    });

    it('maps QuotaExceededError to quota_exceeded and stores nothing of the batch', async () => {
      const customers = connection.collection('customers');
      await customers.bulkWrite(puts([customer(0)]));
      const heard: unknown[] = [];
      connection.subscribe((changes) => heard.push(changes));
      const large = Array.from({ length: 60 }, (_, i) => ({ ...customer(i + 1), notes: 'x'.repeat(20_000) + i }));
      const error = await rejection(() => customers.bulkWrite(puts(large)));
      expectStorageError(error, 'quota_exceeded', false);
      expect(((error as CrmStorageError).cause as DOMException).name).to.equal('QuotaExceededError');
      expect(await customers.count()).to.deep.equal({ count: 1, exact: true });
      expect(heard).to.deep.equal([]);
      // The same through transaction(); the connection stays usable (Chromium may count the aborted bytes against
      // the quota for a while, so no further write is attempted here).
      const again = await rejection(() => connection.transaction((tx) => tx.write('customers', puts(large))));
      expectStorageError(again, 'quota_exceeded', false);
      expect((await customers.get(customer(0).id))?.id).to.equal(customer(0).id);
    });
  });

  it('aborts the whole bulkWrite when a later row cannot be stored, and says aborted', async () => {
    const db = await openTenant();
    const customers = db.collection('customers');
    const heard: unknown[] = [];
    db.subscribe((changes) => heard.push(changes));
    const uncloneable = { ...customer(3), onClick: () => undefined } as unknown as StoredDocument;
    const error = await rejection(() =>
      customers.bulkWrite(puts([customer(1), customer(2), uncloneable, customer(4)])),
    );
    expectStorageError(error, 'aborted', false);
    expect(((error as CrmStorageError).cause as DOMException).name).to.equal('DataCloneError');
    expect(await customers.count()).to.deep.equal({ count: 0, exact: true });
    expect(await customers.get(customer(1).id)).to.equal(undefined);
    await sleep(30);
    expect(heard).to.deep.equal([]);
  });

  it('refuses a transaction whose rows cannot be stored: aborted, and neither collection is written', async () => {
    const db = await openTenant();
    const uncloneable = { ...customer(3), id: 't2', data: Symbol('nope') } as unknown as StoredDocument;
    const error = await rejection(() =>
      db.transaction((tx) => {
        tx.write('customers', puts([customer(1), customer(2)]));
        tx.write('tickets', puts([{ ...customer(9), id: 't1' }, uncloneable]));
      }),
    );
    expectStorageError(error, 'aborted', false);
    expect((await db.collection('customers').count()).count).to.equal(0);
    expect((await db.collection('tickets').count()).count).to.equal(0);
  });

  it('rejects with the error of a failing transaction function and writes nothing', async () => {
    const db = await openTenant();
    const error = await rejection(() =>
      db.transaction((tx) => {
        tx.write('customers', puts([customer(1)]));
        throw new RangeError('no');
      }),
    );
    expect(error).to.be.instanceOf(RangeError);
    expect((await db.collection('customers').count()).count).to.equal(0);
  });

  it('refuses bad input with typed errors before touching the database', async () => {
    const db = await openTenant();
    const customers = db.collection('customers');
    expect(() => db.collection('nope')).to.throw(CrmUnknownCollectionError);
    expect(await rejection(() => db.transaction((tx) => tx.write('nope', [])))).to.be.instanceOf(
      CrmUnknownCollectionError,
    );
    const badRow = (await rejection(() =>
      customers.bulkWrite([
        { op: 'put', doc: customer(1), expectedRev: null },
        { op: 'put', doc: { ...customer(2), id: 42 } as unknown as StoredDocument, expectedRev: null },
      ]),
    )) as CrmValidationError;
    expect(badRow).to.be.instanceOf(CrmValidationError);
    expect(badRow.issues[0]!.path).to.deep.equal([1, 'doc', 'id']);
    expect((await customers.count()).count).to.equal(0);
    const badWhere = (await rejection(() =>
      customers.query({ where: { name: { like: 'x' } as never } }),
    )) as CrmValidationError;
    expect(badWhere.issues[0]!.path).to.deep.equal(['where', 'name', 'like']);
    expect(await rejection(() => customers.query({ cursor: 'not-a-cursor' }))).to.be.instanceOf(CrmValidationError);
    expect(await rejection(() => customers.query({ limit: 0 }))).to.be.instanceOf(CrmValidationError);
    expect((await customers.query({ cursor: '' })).items, 'an empty cursor is no cursor, as in pageOf').to.deep.equal(
      [],
    );
    expect(await rejection(() => customers.count({ tags: { in: 'vip' as never } }))).to.be.instanceOf(
      CrmValidationError,
    );
    expect(await rejection(() => indexedDbStorage().open({ tenant: '', collections: [] }))).to.be.instanceOf(
      CrmValidationError,
    );
    expect(await customers.get(undefined as unknown as string)).to.equal(undefined);
  });

  it('refuses every call after close with storageCode closed', async () => {
    const db = await openTenant();
    const customers = db.collection('customers');
    await db.close();
    await db.close();
    expectStorageError(await rejection(() => customers.get('x')), 'closed', false);
    expectStorageError(await rejection(() => customers.bulkWrite(puts([customer(1)]))), 'closed', false);
    expectStorageError(await rejection(() => db.transaction(() => undefined)), 'closed', false);
    expect(() => db.collection('customers')).to.throw(CrmStorageError);
  });

  it('reports a conflict in transaction() as CrmConflictError, not as a storage failure', async () => {
    const db = await openTenant();
    await db.collection('customers').bulkWrite(puts([customer(1)]));
    const error = await rejection(() => db.transaction((tx) => tx.write('customers', puts([customer(1)]))));
    expect(error).to.be.instanceOf(CrmConflictError);
  });
});
