/** Change notifications: one listener call per committed write, with the right ops, and none for anything else. */
import { CrmConflictError } from '@crmkit/core';
import { expect } from 'chai';
import type { Bdd } from '../bdd.js';
import { makeActivity } from '../factories/activities.js';
import { makeCustomer } from '../factories/customers.js';
import type { CustomerFixture } from '../factories/customers.js';
import { makeTicket } from '../factories/other-documents.js';
import { makeRev, revise } from '../factories/revisions.js';
import { rejectsWith, seed } from './expectations.js';
import { ChangeRecorder } from './harness.js';
import type { Harness } from './harness.js';

export function changeTests(t: Bdd, h: Harness): void {
  t.describe('change notifications', () => {
    t.it(
      'one call per bulkWrite, listing the written rows with their ops and documents, leaving out the conflict',
      async () => {
        const connection = await h.open();
        const customers = connection.collection<CustomerFixture>('customers');
        const [kept, removed, contested] = [1, 2, 3].map((i) => makeCustomer(i)) as [
          CustomerFixture,
          CustomerFixture,
          CustomerFixture,
        ];
        await seed(connection, 'customers', [kept, removed, contested]);
        const recorder = new ChangeRecorder();
        connection.subscribe(recorder.listener);

        const edited = revise(kept, { tags: ['vip'] });
        const added = makeCustomer(4);
        await customers.bulkWrite([
          { op: 'put', doc: edited, expectedRev: kept.rev },
          { op: 'delete', id: removed.id, expectedRev: removed.rev },
          { op: 'put', doc: revise(contested), expectedRev: makeRev(5) },
          { op: 'put', doc: added, expectedRev: null },
        ]);
        await recorder.settle(h);

        expect(recorder.calls, 'listener calls').to.have.length(1);
        const byId = new Map(recorder.calls[0]!.map((change) => [change.id, change]));
        expect(recorder.summary(0)).to.deep.equal([
          `delete customers/${removed.id}`,
          `put customers/${kept.id}`,
          `put customers/${added.id}`,
        ]);
        expect(byId.get(kept.id), 'the update').to.deep.include({
          collection: 'customers',
          doc: edited,
          remote: false,
        });
        expect(byId.get(added.id), 'the insert').to.deep.include({ doc: added, remote: false });
        expect(byId.get(removed.id), 'the delete carries the last stored version').to.deep.include({
          doc: removed,
          remote: false,
        });
      },
    );

    t.it('no call for a batch whose every row conflicts, nor for an empty batch', async () => {
      const connection = await h.open();
      const customers = connection.collection<CustomerFixture>('customers');
      const stored = makeCustomer(5);
      await seed(connection, 'customers', [stored]);
      const recorder = new ChangeRecorder();
      connection.subscribe(recorder.listener);
      const results = await customers.bulkWrite([
        { op: 'put', doc: revise(stored), expectedRev: null },
        { op: 'delete', id: stored.id, expectedRev: makeRev(4) },
      ]);
      await customers.bulkWrite([]);
      await h.quiet();
      expect(
        results.map((result) => result.ok),
        'the rows conflicted',
      ).to.deep.equal([false, false]);
      expect(recorder.calls, 'listener calls').to.have.length(0);
    });

    t.it('no call for deleting, with expectedRev null, a document that does not exist (nothing changed)', async () => {
      const connection = await h.open();
      const recorder = new ChangeRecorder();
      connection.subscribe(recorder.listener);
      const results = await connection
        .collection('tickets')
        .bulkWrite([{ op: 'delete', id: 'tkt_0404', expectedRev: null }]);
      await h.quiet();
      expect(results[0], 'the delete').to.deep.include({ ok: true, id: 'tkt_0404' });
      expect(recorder.calls, 'listener calls').to.have.length(0);
    });

    t.it('one call per transaction, across collections; none for a transaction that failed', async () => {
      const connection = await h.open();
      const customer = makeCustomer(6);
      await seed(connection, 'customers', [customer]);
      const recorder = new ChangeRecorder();
      connection.subscribe(recorder.listener);
      const note = makeActivity(1, customer.id);
      const ticket = makeTicket(1, customer.id);
      await connection.transaction((tx) => {
        tx.write('activities', [{ op: 'put', doc: note, expectedRev: null }]);
        tx.write('tickets', [{ op: 'put', doc: ticket, expectedRev: null }]);
        tx.write('customers', [{ op: 'delete', id: customer.id, expectedRev: customer.rev }]);
      });
      await rejectsWith(
        () =>
          connection.transaction((tx) => {
            tx.write('tickets', [{ op: 'put', doc: makeTicket(2, customer.id), expectedRev: null }]);
            tx.write('activities', [{ op: 'put', doc: note, expectedRev: null }]);
          }),
        CrmConflictError,
      );
      await connection.transaction(() => 'nothing to write');
      await recorder.settle(h);
      expect(recorder.calls, 'listener calls').to.have.length(1);
      expect(recorder.summary(0)).to.deep.equal([
        `delete customers/${customer.id}`,
        `put activities/${note.id}`,
        `put tickets/${ticket.id}`,
      ]);
    });

    t.it('every listener hears each write once; an unsubscribed listener hears nothing more', async () => {
      const connection = await h.open();
      const customers = connection.collection('customers');
      const staying = new ChangeRecorder();
      const leaving = new ChangeRecorder();
      connection.subscribe(staying.listener);
      const unsubscribe = connection.subscribe(leaving.listener);
      await customers.bulkWrite([{ op: 'put', doc: makeCustomer(7), expectedRev: null }]);
      await staying.settle(h);
      await leaving.settle(h);
      unsubscribe();
      await customers.bulkWrite([{ op: 'put', doc: makeCustomer(8), expectedRev: null }]);
      await staying.settle(h, 2);
      expect(
        staying.calls.map((_, i) => staying.summary(i)),
        'the listener still subscribed',
      ).to.deep.equal([['put customers/cus_0007'], ['put customers/cus_0008']]);
      expect(
        leaving.calls.map((_, i) => leaving.summary(i)),
        'the listener that left',
      ).to.deep.equal([['put customers/cus_0007']]);
    });

    if (h.options.changesAcrossConnections) {
      t.it(
        'another connection of the tenant hears the write once, marked remote; the writer hears it as local',
        async () => {
          const writer = await h.open();
          const reader = await h.open();
          const local = new ChangeRecorder();
          const remote = new ChangeRecorder();
          writer.subscribe(local.listener);
          reader.subscribe(remote.listener);
          const customer = makeCustomer(9);
          await writer.collection('customers').bulkWrite([{ op: 'put', doc: customer, expectedRev: null }]);
          await local.settle(h);
          await remote.settle(h);
          expect(local.calls).to.have.length(1);
          expect(remote.calls).to.have.length(1);
          const expected = { collection: 'customers', op: 'put', id: customer.id, doc: customer };
          expect(local.calls[0], 'what the writer heard').to.have.length(1);
          expect(local.calls[0]![0]).to.deep.include({ ...expected, remote: false });
          expect(remote.calls[0], 'what the other connection heard').to.have.length(1);
          expect(remote.calls[0]![0]).to.deep.include({ ...expected, remote: true });
        },
      );

      t.it('a closed connection’s listeners hear nothing more', async () => {
        const writer = await h.open();
        const closing = await h.open();
        const open = new ChangeRecorder();
        const closed = new ChangeRecorder();
        writer.subscribe(open.listener);
        closing.subscribe(closed.listener);
        await closing.close();
        await writer.collection('customers').bulkWrite([{ op: 'put', doc: makeCustomer(10), expectedRev: null }]);
        await open.settle(h);
        expect(open.calls, 'the open connection’s listener').to.have.length(1);
        expect(closed.calls, 'the closed connection’s listener').to.have.length(0);
      });
    }
  });
}
