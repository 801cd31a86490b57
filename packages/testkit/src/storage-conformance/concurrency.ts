/**
 * Writers racing on one document. Whatever the interleaving, exactly one write may win and every loser must get
 * a conflict carrying the winner's document: that is what makes "a stale rev never silently wins" hold under load.
 */
import { CrmConflictError } from '@crmkit/core';
import type { StorageConnection, WriteResult } from '@crmkit/core';
import { expect } from 'chai';
import type { Bdd } from '../bdd.js';
import { makeCustomer } from '../factories/customers.js';
import type { CustomerFixture } from '../factories/customers.js';
import { revise } from '../factories/revisions.js';
import { isoAt } from '../factories/time.js';
import { seed } from './expectations.js';
import type { Harness } from './harness.js';

/** Exactly one result is ok; it is the stored version, and every other result is a conflict carrying it. */
async function expectOneWinner(
  connection: StorageConnection,
  candidates: readonly CustomerFixture[],
  results: readonly (WriteResult<CustomerFixture> | undefined)[],
): Promise<CustomerFixture> {
  const winners = results.flatMap((result, index) => (result?.ok ? [index] : []));
  expect(winners, 'the writes that won').to.have.length(1);
  const winner = candidates[winners[0]!]!;
  expect(await connection.collection('customers').get(winner.id), 'the stored document').to.deep.equal(winner);
  results.forEach((result, index) => {
    if (index === winners[0]) return;
    expect(result, `loser #${index}`).to.deep.include({ ok: false, id: winner.id, error: 'conflict' });
    expect(result!.ok === false && result!.current, `the document carried by loser #${index}`).to.deep.equal(winner);
  });
  return winner;
}

export function concurrencyTests(t: Bdd, h: Harness): void {
  t.describe('concurrent writers', () => {
    t.it('two updates with the same expectedRev at the same time: one wins, the other conflicts with it', async () => {
      const connection = await h.open();
      const customers = connection.collection<CustomerFixture>('customers');
      const original = makeCustomer(10);
      await seed(connection, 'customers', [original]);
      const edits = [
        revise(original, { tags: ['vip'], updatedAt: isoAt(7000) }),
        revise(original, { owner: 'usr_sarah', updatedAt: isoAt(7000) }),
      ];
      const results = await Promise.all(
        edits.map((doc) => customers.bulkWrite([{ op: 'put', doc, expectedRev: original.rev }])),
      );
      await expectOneWinner(
        connection,
        edits,
        results.map((batch) => batch[0]),
      );
    });

    t.it('the same race between two connections of one tenant (two tabs)', async () => {
      const tabA = await h.open();
      const tabB = await h.open();
      const original = makeCustomer(11);
      await seed(tabA, 'customers', [original]);
      const edits = [
        revise(original, { name: 'Jack Evans-Yılmaz', updatedAt: isoAt(7100) }),
        revise(original, { tags: ['churn-risk'], updatedAt: isoAt(7100) }),
      ];
      const results = await Promise.all([
        tabA
          .collection<CustomerFixture>('customers')
          .bulkWrite([{ op: 'put', doc: edits[0]!, expectedRev: original.rev }]),
        tabB
          .collection<CustomerFixture>('customers')
          .bulkWrite([{ op: 'put', doc: edits[1]!, expectedRev: original.rev }]),
      ]);
      const winner = await expectOneWinner(
        tabA,
        edits,
        results.map((batch) => batch[0]),
      );
      expect(await tabB.collection('customers').get(original.id), 'what the other tab reads').to.deep.equal(winner);
    });

    t.it('five writers inserting the same new id: exactly one creates it', async () => {
      const connection = await h.open();
      const customers = connection.collection<CustomerFixture>('customers');
      const candidates = [1, 2, 3, 4, 5].map((n) => makeCustomer(12, { name: `Aday ${n}`, tags: [`aday-${n}`] }));
      const results = await Promise.all(
        candidates.map((doc) => customers.bulkWrite([{ op: 'put', doc, expectedRev: null }])),
      );
      await expectOneWinner(
        connection,
        candidates,
        results.map((batch) => batch[0]),
      );
      expect(await customers.count()).to.deep.include({ count: 1 });
    });

    t.it(
      'two transactions with the same expectedRev: one commits, the other rejects with a conflict and writes nothing',
      async () => {
        const connection = await h.open();
        const original = makeCustomer(13);
        await seed(connection, 'customers', [original]);
        const edits = [revise(original, { tags: ['vip'] }), revise(original, { tags: ['b2b'] })];
        const outcomes = await Promise.allSettled(
          edits.map((doc, i) =>
            connection.transaction((tx) => {
              tx.write('customers', [{ op: 'put', doc, expectedRev: original.rev }]);
              tx.write('activities', [
                {
                  op: 'put',
                  doc: {
                    id: `act_race_${i}`,
                    rev: '1-race',
                    createdAt: isoAt(0),
                    updatedAt: isoAt(0),
                    customerId: original.id,
                    type: 'note',
                    at: isoAt(0),
                    data: { text: 'Etiket değişti' },
                  },
                  expectedRev: null,
                },
              ]);
              return i;
            }),
          ),
        );
        const committed = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [i] : []));
        expect(committed, 'the transactions that committed').to.have.length(1);
        const winner = edits[committed[0]!]!;
        const loser = outcomes[1 - committed[0]!]!;
        expect(loser.status).to.equal('rejected');
        const error: unknown = loser.status === 'rejected' ? loser.reason : undefined;
        expect(error, 'the losing transaction’s error').to.be.instanceOf(CrmConflictError);
        expect((error as CrmConflictError).current, 'the document carried by the conflict').to.deep.equal(winner);
        expect(await connection.collection('customers').get(original.id)).to.deep.equal(winner);
        expect(
          await connection.collection('activities').getMany(['act_race_0', 'act_race_1']),
          'the activities each transaction wrote',
        ).to.satisfy((docs: unknown[]) => docs.filter(Boolean).length === 1);
      },
    );

    t.it('an update racing a delete of the same revision: exactly one applies', async () => {
      const connection = await h.open();
      const customers = connection.collection<CustomerFixture>('customers');
      const original = makeCustomer(14);
      await seed(connection, 'customers', [original]);
      const edit = revise(original, { tags: ['vip'] });
      const [updated, deleted] = await Promise.all([
        customers.bulkWrite([{ op: 'put', doc: edit, expectedRev: original.rev }]),
        customers.bulkWrite([{ op: 'delete', id: original.id, expectedRev: original.rev }]),
      ]);
      const stored = await customers.get(original.id);
      if (updated[0]?.ok) {
        expect(deleted[0], 'the delete, after the update won').to.deep.include({
          ok: false,
          error: 'conflict',
          current: edit,
        });
        expect(stored).to.deep.equal(edit);
      } else {
        expect(deleted[0], 'the delete').to.deep.include({ ok: true, id: original.id });
        expect(updated[0], 'the update, after the delete won').to.deep.include({
          ok: false,
          error: 'conflict',
          current: undefined,
        });
        expect(stored).to.equal(undefined);
      }
    });
  });
}
