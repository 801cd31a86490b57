/** Documents cross the storage boundary as copies: no caller can change stored data through an object it holds. */
import { CrmConflictError } from '@crmkit/core';
import { expect } from 'chai';
import type { Bdd } from '../bdd.js';
import { makeCustomer } from '../factories/customers.js';
import type { CustomerFixture } from '../factories/customers.js';
import { revise } from '../factories/revisions.js';
import { rejectsWith, seed } from './expectations.js';
import { ChangeRecorder } from './harness.js';
import type { Harness } from './harness.js';

/** Scribbles over a customer the way careless UI code might. */
function vandalise(customer: CustomerFixture | undefined): void {
  expect(customer, 'a document to mutate').to.not.equal(undefined);
  customer!.name = 'DEĞİŞTİRİLDİ';
  customer!.tags.push('hacked');
  customer!.address.city = 'Nowhere';
}

export function copyTests(t: Bdd, h: Harness): void {
  t.describe('copies', () => {
    t.it('mutating documents returned by get, getMany, query or bulkWrite changes nothing stored', async () => {
      const connection = await h.open();
      const customers = connection.collection<CustomerFixture>('customers');
      const original = makeCustomer(3);
      const written = await customers.bulkWrite([{ op: 'put', doc: original, expectedRev: null }]);
      vandalise(written[0]?.ok ? written[0].doc : undefined);
      vandalise(await customers.get(original.id));
      vandalise((await customers.getMany([original.id]))[0]);
      vandalise((await customers.query()).items[0]);
      expect(await customers.get(original.id)).to.deep.equal(makeCustomer(3, { rev: original.rev }));
    });

    t.it('mutating the document given to bulkWrite, after the write, changes nothing stored', async () => {
      const connection = await h.open();
      const customers = connection.collection<CustomerFixture>('customers');
      const doc = makeCustomer(4);
      await customers.bulkWrite([{ op: 'put', doc, expectedRev: null }]);
      vandalise(doc);
      expect(await customers.get(doc.id)).to.deep.equal(makeCustomer(4, { rev: doc.rev }));
    });

    t.it('mutating the document carried by a conflict or a change notification changes nothing stored', async () => {
      const connection = await h.open();
      const customers = connection.collection<CustomerFixture>('customers');
      const original = makeCustomer(5);
      await seed(connection, 'customers', [original]);
      const recorder = new ChangeRecorder();
      connection.subscribe(recorder.listener);
      const edited = revise(original, { tags: ['vip'] });
      await customers.bulkWrite([{ op: 'put', doc: edited, expectedRev: original.rev }]);
      await recorder.settle(h);
      vandalise(recorder.calls[0]?.[0]?.doc as CustomerFixture | undefined);

      const conflict = await customers.bulkWrite([{ op: 'put', doc: revise(original), expectedRev: original.rev }]);
      vandalise(conflict[0]?.ok === false ? conflict[0].current : undefined);
      const error = await rejectsWith<CrmConflictError<CustomerFixture>>(
        () =>
          connection.transaction((tx) =>
            tx.write('customers', [{ op: 'put', doc: revise(original), expectedRev: original.rev }]),
          ),
        CrmConflictError,
      );
      vandalise(error.current);
      expect(await customers.get(original.id)).to.deep.equal(makeCustomer(5, { rev: edited.rev, tags: ['vip'] }));
    });
  });
}
