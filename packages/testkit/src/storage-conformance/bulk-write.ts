import { expect } from 'chai';
import type { Bdd } from '../bdd.js';
import { makeActivity } from '../factories/activities.js';
import { makeCustomer } from '../factories/customers.js';
import type { CustomerFixture } from '../factories/customers.js';
import { makeRev, revise } from '../factories/revisions.js';
import { isoAt } from '../factories/time.js';
import { expectConflict, expectWritten, seed } from './expectations.js';
import type { Harness } from './harness.js';

export function bulkWriteTests(t: Bdd, h: Harness): void {
  t.describe('bulkWrite', () => {
    t.it(
      'gives each row its own result, in order; a conflict carries the stored document and stops no other row',
      async () => {
        const connection = await h.open();
        const customers = connection.collection<CustomerFixture>('customers');
        const [ayse, emily, ismail] = [0, 1, 2].map((i) => makeCustomer(i)) as [
          CustomerFixture,
          CustomerFixture,
          CustomerFixture,
        ];
        await seed(connection, 'customers', [ayse, emily, ismail]);

        const emilyTagged = revise(emily, { tags: ['vip'], updatedAt: isoAt(9000) });
        const staleIsmail = revise(ismail, { name: 'İsmail Çelik (eski)' });
        const newcomer = makeCustomer(3);
        const results = await customers.bulkWrite([
          { op: 'put', doc: emilyTagged, expectedRev: emily.rev },
          { op: 'put', doc: staleIsmail, expectedRev: makeRev(7) },
          { op: 'put', doc: newcomer, expectedRev: null },
          { op: 'delete', id: ayse.id, expectedRev: ayse.rev },
        ]);

        expect(results.map((result) => result.id)).to.deep.equal([emily.id, ismail.id, newcomer.id, ayse.id]);
        expectWritten(results[0], emily.id);
        expectConflict(results[1], ismail.id, ismail);
        expectWritten(results[2], newcomer.id);
        expectWritten(results[3], ayse.id);
        expect(await customers.getMany([emily.id, ismail.id, newcomer.id, ayse.id])).to.deep.equal([
          emilyTagged,
          ismail,
          newcomer,
          undefined,
        ]);
      },
    );

    t.it('never lets a stale expectedRev win: the stored document stays as the newer write left it', async () => {
      const connection = await h.open();
      const customers = connection.collection<CustomerFixture>('customers');
      const v1 = makeCustomer(4);
      await seed(connection, 'customers', [v1]);
      const v2 = revise(v1, { tags: ['vip', 'b2b'], updatedAt: isoAt(5000) });
      expectWritten((await customers.bulkWrite([{ op: 'put', doc: v2, expectedRev: v1.rev }]))[0], v1.id);

      // A second editor still holds v1 and saves over it.
      const lateEdit = revise(v1, { name: 'Ümit Güneş (düzeltildi)', updatedAt: isoAt(5001) });
      expectConflict((await customers.bulkWrite([{ op: 'put', doc: lateEdit, expectedRev: v1.rev }]))[0], v1.id, v2);
      expectConflict((await customers.bulkWrite([{ op: 'delete', id: v1.id, expectedRev: v1.rev }]))[0], v1.id, v2);
      expect(await customers.get(v1.id)).to.deep.equal(v2);
    });

    t.it('refuses expectedRev null for an id that exists, with the stored document', async () => {
      const connection = await h.open();
      const customers = connection.collection<CustomerFixture>('customers');
      const original = makeCustomer(5);
      await seed(connection, 'customers', [original]);
      const duplicate = makeCustomer(5, { name: 'Başka Biri' });
      expectConflict(
        (await customers.bulkWrite([{ op: 'put', doc: duplicate, expectedRev: null }]))[0],
        original.id,
        original,
      );
      expect(await customers.get(original.id)).to.deep.equal(original);
    });

    t.it('refuses an expectedRev for a document that does not exist (conflict with no stored document)', async () => {
      const connection = await h.open();
      const customers = connection.collection<CustomerFixture>('customers');
      const ghost = makeCustomer(6);
      expectConflict(
        (await customers.bulkWrite([{ op: 'put', doc: ghost, expectedRev: makeRev(3) }]))[0],
        ghost.id,
        undefined,
      );
      expectConflict(
        (await customers.bulkWrite([{ op: 'delete', id: ghost.id, expectedRev: makeRev(3) }]))[0],
        ghost.id,
        undefined,
      );
      expect(await customers.get(ghost.id)).to.equal(undefined);
      expect(await customers.count()).to.deep.include({ count: 0 });
    });

    t.it(
      'deletes only with the stored rev: a stale rev or null conflicts; the right rev removes; null on a missing id is a no-op',
      async () => {
        const connection = await h.open();
        const activities = connection.collection('activities');
        const call = makeActivity(1, 'cus_0001');
        const note = makeActivity(2, 'cus_0001');
        await seed(connection, 'activities', [call, note]);
        const results = await activities.bulkWrite([
          { op: 'delete', id: call.id, expectedRev: makeRev(2) },
          { op: 'delete', id: call.id, expectedRev: null },
          { op: 'delete', id: note.id, expectedRev: note.rev },
          { op: 'delete', id: 'act_99999', expectedRev: null },
        ]);
        expectConflict(results[0], call.id, call);
        expectConflict(results[1], call.id, call);
        expectWritten(results[2], note.id);
        expectWritten(results[3], 'act_99999');
        expect(await activities.getMany([call.id, note.id, 'act_99999'])).to.deep.equal([call, undefined, undefined]);
      },
    );

    t.it('checks each row against the rows before it in the same batch', async () => {
      const connection = await h.open();
      const customers = connection.collection<CustomerFixture>('customers');
      const draft = makeCustomer(8);
      const first = revise(draft, { tags: ['newsletter'] });
      const second = revise(first, { tags: ['newsletter', 'vip'] });
      const rival = revise(draft, { tags: ['churn-risk'] });
      const results = await customers.bulkWrite([
        { op: 'put', doc: draft, expectedRev: null },
        { op: 'put', doc: first, expectedRev: draft.rev },
        // Same expectedRev as the row before: that row already replaced it, so this one must not win.
        { op: 'put', doc: rival, expectedRev: draft.rev },
        { op: 'put', doc: second, expectedRev: first.rev },
        { op: 'put', doc: makeCustomer(8, { name: 'İkinci Kayıt' }), expectedRev: null },
      ]);
      expectWritten(results[0], draft.id);
      expectWritten(results[1], draft.id);
      expectConflict(results[2], draft.id, first);
      expectWritten(results[3], draft.id);
      expectConflict(results[4], draft.id, second);
      expect(await customers.get(draft.id)).to.deep.equal(second);
    });

    t.it('answers an empty batch with an empty list', async () => {
      const connection = await h.open();
      expect(await connection.collection('customers').bulkWrite([])).to.deep.equal([]);
      expect(await connection.collection('customers').count()).to.deep.include({ count: 0 });
    });
  });
}
