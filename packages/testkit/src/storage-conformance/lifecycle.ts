/** Closing, reopening and removing a tenant. */
import { CORE_COLLECTIONS, CrmStorageError } from '@crmkit/core';
import type { StorageConnection, StoredDocument } from '@crmkit/core';
import { expect } from 'chai';
import type { Bdd } from '../bdd.js';
import { makeCustomer } from '../factories/customers.js';
import { makeDocument } from '../factories/documents.js';
import { refusesWith, rejectsWith, seed } from './expectations.js';
import type { Harness } from './harness.js';

/** Three documents in every collection. */
async function fill(connection: StorageConnection): Promise<Map<string, StoredDocument[]>> {
  const written = new Map<string, StoredDocument[]>();
  for (const { name } of CORE_COLLECTIONS) {
    const docs = [1, 2, 3].map((i) => makeDocument(name, i));
    await seed(connection, name, docs);
    written.set(name, docs);
  }
  return written;
}

async function expectHolds(connection: StorageConnection, written: Map<string, StoredDocument[]>): Promise<void> {
  for (const [name, docs] of written) {
    const collection = connection.collection(name);
    expect(await collection.getMany(docs.map((doc) => doc.id)), name).to.deep.equal(docs);
    expect((await collection.query()).items, `${name}, queried`).to.deep.equal(docs);
    expect(await collection.count(), `${name}, counted`).to.deep.include({ count: docs.length });
  }
}

export function lifecycleTests(t: Bdd, h: Harness): void {
  t.describe('close, reopen and remove', () => {
    t.it('close then reopen keeps every document of every collection', async () => {
      const first = await h.open();
      const written = await fill(first);
      await first.close();
      const again = await h.open();
      await expectHolds(again, written);
    });

    if (h.options.durable) {
      t.it('a new storage object from the factory sees what an earlier one wrote', async () => {
        const first = await h.open();
        const written = await fill(first);
        await first.close();
        const again = await h.open('main', CORE_COLLECTIONS, await h.anotherStorage());
        await expectHolds(again, written);
      });
    }

    t.it('a closed connection refuses work with CrmStorageError', async () => {
      const connection = await h.open();
      const stored = makeCustomer(1);
      await seed(connection, 'customers', [stored]);
      const customers = connection.collection('customers');
      await connection.close();
      await rejectsWith(() => customers.get('cus_0001'), CrmStorageError);
      await rejectsWith(() => customers.query(), CrmStorageError);
      await rejectsWith(
        () => customers.bulkWrite([{ op: 'put', doc: makeCustomer(2), expectedRev: null }]),
        CrmStorageError,
      );
      await rejectsWith(() => connection.transaction(() => undefined), CrmStorageError);
      const reopened = await h.open();
      expect(await reopened.collection('customers').getMany(['cus_0001', 'cus_0002']), 'after reopening').to.deep.equal(
        [stored, undefined],
      );
    });

    t.it(
      'remove empties the tenant in every collection, closes the connection, and leaves other tenants intact',
      async () => {
        const doomed = await h.open('silinecek');
        const neighbour = await h.open('komsu');
        await fill(doomed);
        const kept = await fill(neighbour);
        await doomed.remove();
        // collection() is synchronous, so it may refuse at once; count() must then reject.
        await refusesWith(() => doomed.collection('customers').count(), CrmStorageError);

        const reopened = await h.open('silinecek');
        for (const { name } of CORE_COLLECTIONS) {
          const collection = reopened.collection(name);
          expect(await collection.count(), `${name} after remove`).to.deep.include({ count: 0 });
          expect((await collection.query()).items, `${name} after remove`).to.deep.equal([]);
        }
        // The ids are free again.
        await seed(reopened, 'customers', [makeCustomer(1)]);
        await expectHolds(neighbour, kept);
      },
    );
  });
}
