import { CORE_COLLECTIONS } from '@crmkit/core';
import type { StoredDocument } from '@crmkit/core';
import { expect } from 'chai';
import type { Bdd } from '../bdd.js';
import { makeCustomer } from '../factories/customers.js';
import type { CustomerFixture } from '../factories/customers.js';
import { makeDocument } from '../factories/documents.js';
import { revise } from '../factories/revisions.js';
import { isoAt } from '../factories/time.js';
import { expectWritten, ids, readAll, seed } from './expectations.js';
import type { Harness } from './harness.js';

export function crudTests(t: Bdd, h: Harness): void {
  t.describe('documents', () => {
    for (const { name } of CORE_COLLECTIONS) {
      t.it(`${name}: insert, read, update and delete round-trip`, async () => {
        const connection = await h.open();
        const collection = connection.collection(name);
        const first = makeDocument(name, 1);
        const second = makeDocument(name, 2);
        expect(await collection.get(first.id), 'before the insert').to.equal(undefined);

        const inserted = await collection.bulkWrite([
          { op: 'put', doc: first, expectedRev: null },
          { op: 'put', doc: second, expectedRev: null },
        ]);
        expect(inserted).to.have.length(2);
        expectWritten(inserted[0], first.id);
        expectWritten(inserted[1], second.id);
        expect(inserted[0]!.ok && inserted[0]!.doc, 'the written document').to.deep.equal(first);
        expect(await collection.get(first.id)).to.deep.equal(first);

        const updated: StoredDocument = revise(first, { updatedAt: isoAt(100_000) });
        expectWritten((await collection.bulkWrite([{ op: 'put', doc: updated, expectedRev: first.rev }]))[0], first.id);
        expect(await collection.get(first.id), 'after the update').to.deep.equal(updated);

        const deleted = await collection.bulkWrite([{ op: 'delete', id: first.id, expectedRev: updated.rev }]);
        expectWritten(deleted[0], first.id);
        expect(await collection.get(first.id), 'after the delete').to.equal(undefined);
        expect(await collection.get(second.id), 'the other document').to.deep.equal(second);
        expect(await collection.count(), 'count after the delete').to.deep.include({ count: 1 });
        expect(ids((await collection.query()).items)).to.deep.equal([second.id]);
      });
    }

    t.it(
      'keeps every JSON value exactly: Unicode, emoji, null, false, 0, empty arrays and objects, deep nesting',
      async () => {
        const connection = await h.open();
        const customers = connection.collection('customers');
        const doc = {
          ...makeCustomer(7),
          name: 'Ağaoğlu 🌷 İnşaat — “Çiçek” Şubesi',
          notes: 'Satır 1\nSatır 2\tsekme \\ ters bölü "tırnak" ',
          custom: {
            loyaltyCard: null,
            marketingOptOut: false,
            visits: 0,
            balance: -12.75,
            ratio: 0.1 + 0.2,
            bigCount: Number.MAX_SAFE_INTEGER,
            empty: '',
            noTags: [],
            nothing: {},
            matrix: [
              [1, 2],
              [3, [4, { deep: ['ş', 'ğ', 'ı', 'İ'] }]],
            ],
          },
        };
        await seed(connection, 'customers', [doc]);
        expect(await customers.get(doc.id), 'get').to.deep.equal(doc);
        expect((await customers.getMany([doc.id]))[0], 'getMany').to.deep.equal(doc);
        expect((await customers.query()).items[0], 'query').to.deep.equal(doc);
      },
    );

    t.it('an update replaces the whole document: fields it leaves out are gone', async () => {
      const connection = await h.open();
      const customers = connection.collection<CustomerFixture>('customers');
      const original = makeCustomer(2);
      expect(original.company, 'the fixture has a company').to.be.a('string');
      await seed(connection, 'customers', [original]);
      const { company: _dropped, ...withoutCompany } = revise(original, { tags: ['vip'] });
      const results = await customers.bulkWrite([{ op: 'put', doc: withoutCompany, expectedRev: original.rev }]);
      expectWritten(results[0], original.id);
      const stored = await customers.get(original.id);
      expect(stored).to.deep.equal(withoutCompany);
      expect(stored, 'the stored customer').to.not.have.property('company');
    });

    t.it(
      'query without arguments returns every document in id order; count without a filter counts them all',
      async () => {
        const connection = await h.open();
        const docs = [5, 3, 9, 1, 7].map((i) => makeCustomer(i));
        await seed(connection, 'customers', docs);
        const customers = connection.collection('customers');
        const page = await customers.query();
        expect(ids(page.items)).to.deep.equal(['cus_0001', 'cus_0003', 'cus_0005', 'cus_0007', 'cus_0009']);
        expect(page.nextCursor, 'nextCursor of the only page').to.equal(undefined);
        expect(await customers.count()).to.deep.equal({ count: 5, exact: true });
        expect(await readAll(connection.collection('activities')), 'an empty collection').to.deep.equal([]);
      },
    );
  });

  t.describe('getMany', () => {
    t.it('answers in the order asked, with undefined for every missing id, repeats included', async () => {
      const connection = await h.open();
      const docs = [1, 2, 3, 4, 5].map((i) => makeCustomer(i));
      await seed(connection, 'customers', docs);
      const found = await connection
        .collection('customers')
        .getMany(['cus_0003', 'cus_9999', 'cus_0001', 'cus_0003', 'cus_0005', 'nobody']);
      expect(found).to.have.length(6);
      expect(found).to.deep.equal([docs[2], undefined, docs[0], docs[2], docs[4], undefined]);
    });

    t.it('answers an empty list with an empty list, and shows deleted documents as holes', async () => {
      const connection = await h.open();
      const customers = connection.collection('customers');
      const docs = [1, 2, 3].map((i) => makeCustomer(i));
      await seed(connection, 'customers', docs);
      expect(await customers.getMany([])).to.deep.equal([]);
      await customers.bulkWrite([{ op: 'delete', id: docs[1]!.id, expectedRev: docs[1]!.rev }]);
      expect(await customers.getMany(docs.map((doc) => doc.id))).to.deep.equal([docs[0], undefined, docs[2]]);
    });
  });
}
