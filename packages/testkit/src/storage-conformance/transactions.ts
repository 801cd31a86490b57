import { CORE_COLLECTIONS, CrmConflictError, CrmUnknownCollectionError } from '@crmkit/core';
import type { StorageConnection } from '@crmkit/core';
import { expect } from 'chai';
import type { Bdd } from '../bdd.js';
import { makeActivity } from '../factories/activities.js';
import type { ActivityFixture } from '../factories/activities.js';
import { makeCustomer } from '../factories/customers.js';
import type { CustomerFixture } from '../factories/customers.js';
import { makeConsent, makeNpsResponse } from '../factories/other-documents.js';
import { revise } from '../factories/revisions.js';
import { isoAt } from '../factories/time.js';
import { rejectsWith, seed } from './expectations.js';
import type { Harness } from './harness.js';

/** Every document of every collection, so that "nothing was written" is checked everywhere, not just where expected. */
async function snapshot(connection: StorageConnection): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const { name } of CORE_COLLECTIONS) all[name] = (await connection.collection(name).query({ limit: 1000 })).items;
  return all;
}

export function transactionTests(t: Bdd, h: Harness): void {
  t.describe('transactions', () => {
    /** A customer with an existing activity, and a transaction's worth of writes touching three collections. */
    async function prepare() {
      const connection = await h.open();
      const customer = makeCustomer(20);
      const activity = makeActivity(1, customer.id);
      await seed(connection, 'customers', [customer]);
      await seed(connection, 'activities', [activity]);
      const before = await snapshot(connection);
      const customerUpdate = revise(customer, { tags: ['vip'], updatedAt: isoAt(8000) });
      const newActivity = makeActivity(2, customer.id);
      const consent = makeConsent(1, customer.id);
      return { connection, customer, activity, before, customerUpdate, newActivity, consent };
    }

    t.it('commits writes to several collections together and resolves with what the function returned', async () => {
      const { connection, customer, activity, customerUpdate, newActivity, consent } = await prepare();
      const value = await connection.transaction((tx) => {
        tx.write<CustomerFixture>('customers', [{ op: 'put', doc: customerUpdate, expectedRev: customer.rev }]);
        tx.write<ActivityFixture>('activities', [
          { op: 'put', doc: newActivity, expectedRev: null },
          { op: 'delete', id: activity.id, expectedRev: activity.rev },
        ]);
        tx.write('consents', [{ op: 'put', doc: consent, expectedRev: null }]);
        return 'tamam';
      });
      expect(value).to.equal('tamam');
      expect(await connection.collection('customers').get(customer.id)).to.deep.equal(customerUpdate);
      expect(await connection.collection('activities').getMany([newActivity.id, activity.id])).to.deep.equal([
        newActivity,
        undefined,
      ]);
      expect(await connection.collection('consents').get(consent.id)).to.deep.equal(consent);
    });

    t.it(
      'a function that throws after writing leaves nothing written in any collection, and its error comes back',
      async () => {
        const { connection, customer, before, customerUpdate, newActivity, consent } = await prepare();
        const failure = new RangeError('bakiye yetersiz');
        const error = await rejectsWith(
          () =>
            connection.transaction((tx) => {
              tx.write('customers', [{ op: 'put', doc: customerUpdate, expectedRev: customer.rev }]);
              tx.write('activities', [{ op: 'put', doc: newActivity, expectedRev: null }]);
              tx.write('consents', [{ op: 'put', doc: consent, expectedRev: null }]);
              throw failure;
            }),
          RangeError,
        );
        expect(error, 'the rejection').to.equal(failure);
        expect(await snapshot(connection)).to.deep.equal(before);
      },
    );

    t.it('a function that rejects after an await leaves nothing written', async () => {
      const { connection, customer, before, customerUpdate, newActivity } = await prepare();
      await rejectsWith(
        () =>
          connection.transaction(async (tx) => {
            tx.write('customers', [{ op: 'put', doc: customerUpdate, expectedRev: customer.rev }]);
            await tx.collection('customers').get(customer.id);
            tx.write('activities', [{ op: 'put', doc: newActivity, expectedRev: null }]);
            throw new TypeError('vazgeçildi');
          }),
        TypeError,
      );
      expect(await snapshot(connection)).to.deep.equal(before);
    });

    t.it(
      'one conflicting row rejects the whole transaction with CrmConflictError and leaves every collection as it was',
      async () => {
        const { connection, customer, activity, before, customerUpdate, newActivity } = await prepare();
        const staleActivity = revise(activity, { by: 'usr_tom' });
        const error = await rejectsWith(
          () =>
            connection.transaction((tx) => {
              tx.write('customers', [{ op: 'put', doc: customerUpdate, expectedRev: customer.rev }]);
              tx.write('npsResponses', [{ op: 'put', doc: makeNpsResponse(1, customer.id), expectedRev: null }]);
              tx.write('activities', [
                { op: 'put', doc: newActivity, expectedRev: null },
                { op: 'put', doc: staleActivity, expectedRev: '9-eskimis' },
              ]);
            }),
          CrmConflictError,
        );
        expect(error.id, 'the conflicting id').to.equal(activity.id);
        expect(error.current, 'the stored document carried by the conflict').to.deep.equal(activity);
        expect(await snapshot(connection)).to.deep.equal(before);
      },
    );

    t.it('a write to an unknown collection fails the transaction and leaves nothing written', async () => {
      const { connection, customer, before, customerUpdate } = await prepare();
      await rejectsWith(
        () =>
          connection.transaction((tx) => {
            tx.write('customers', [{ op: 'put', doc: customerUpdate, expectedRev: customer.rev }]);
            tx.write('invoicesTypo', [{ op: 'put', doc: makeCustomer(21), expectedRev: null }]);
          }),
        CrmUnknownCollectionError,
      );
      expect(await snapshot(connection)).to.deep.equal(before);
    });

    t.it('reads inside a transaction see committed data, not the writes gathered so far', async () => {
      const { connection, customer, customerUpdate, newActivity } = await prepare();
      const seen = await connection.transaction(async (tx) => {
        tx.write('customers', [{ op: 'put', doc: customerUpdate, expectedRev: customer.rev }]);
        tx.write('activities', [{ op: 'put', doc: newActivity, expectedRev: null }]);
        return {
          customer: await tx.collection('customers').get(customer.id),
          activity: await tx.collection('activities').get(newActivity.id),
        };
      });
      expect(seen).to.deep.equal({ customer, activity: undefined });
      expect(await connection.collection('customers').get(customer.id), 'after the commit').to.deep.equal(
        customerUpdate,
      );
    });

    t.it('later rows see earlier rows of the same transaction (insert, then update, then delete)', async () => {
      const connection = await h.open();
      const draft = makeCustomer(22);
      const named = revise(draft, { name: 'Özge Yıldız Demir' });
      const note = makeActivity(3, draft.id);
      await connection.transaction((tx) => {
        tx.write('customers', [{ op: 'put', doc: draft, expectedRev: null }]);
        tx.write('activities', [{ op: 'put', doc: note, expectedRev: null }]);
        tx.write('customers', [{ op: 'put', doc: named, expectedRev: draft.rev }]);
        tx.write('activities', [{ op: 'delete', id: note.id, expectedRev: note.rev }]);
      });
      expect(await connection.collection('customers').get(draft.id)).to.deep.equal(named);
      expect(await connection.collection('activities').get(note.id)).to.equal(undefined);
    });
  });
}
