/** Revision checks inside the write transaction: per-row results, batches that see themselves, one winner. */
import { CrmConflictError } from '@crmkit/core';
import type { WriteResult } from '@crmkit/core';
import { expect } from 'chai';
import { cleanUp, customer, openTenant, uniqueTenant } from './helpers.js';
import type { Person } from './helpers.js';

describe('writes', function () {
  this.timeout(20_000);
  afterEach(cleanUp);

  it('gives every row its own result, a conflict carrying the stored document, and writes the rest', async () => {
    const customers = (await openTenant()).collection<Person>('customers');
    const a = customer(1);
    await customers.bulkWrite([{ op: 'put', doc: a, expectedRev: null }]);
    const results = await customers.bulkWrite([
      { op: 'put', doc: { ...a, rev: '2-x', name: 'stale' }, expectedRev: '0-old' },
      { op: 'put', doc: customer(2), expectedRev: null },
      { op: 'delete', id: 'never-existed', expectedRev: null },
    ]);
    expect(results).to.deep.equal([
      { ok: false, id: a.id, error: 'conflict', current: a },
      { ok: true, id: customer(2).id, doc: customer(2) },
      { ok: true, id: 'never-existed', doc: undefined },
    ]);
    expect((await customers.get(a.id))?.name).to.equal(a.name);
  });

  it('lets a later row of a batch see an earlier one', async () => {
    const customers = (await openTenant()).collection<Person>('customers');
    const a = customer(1);
    const results = await customers.bulkWrite([
      { op: 'put', doc: a, expectedRev: null },
      { op: 'put', doc: { ...a, rev: '2-a', name: 'renamed' }, expectedRev: a.rev },
      { op: 'put', doc: { ...a, rev: '2-b' }, expectedRev: a.rev },
      { op: 'delete', id: a.id, expectedRev: '2-a' },
      { op: 'put', doc: { ...a, rev: '3-a' }, expectedRev: null },
    ]);
    expect(results.map((result) => result.ok)).to.deep.equal([true, true, false, true, true]);
    expect((results[2] as Extract<WriteResult<Person>, { ok: false }>).current?.name).to.equal('renamed');
    expect((await customers.get(a.id))?.rev).to.equal('3-a');
  });

  it('lets exactly one of two connections win with the same expected revision', async () => {
    const tenant = uniqueTenant('race');
    const one = (await openTenant(tenant)).collection<Person>('customers');
    const two = (await openTenant(tenant)).collection<Person>('customers');
    const a = customer(1);
    await one.bulkWrite([{ op: 'put', doc: a, expectedRev: null }]);
    for (let round = 0; round < 5; round++) {
      const stored = (await one.get(a.id))!;
      const [first, second] = await Promise.all([
        one.bulkWrite([{ op: 'put', doc: { ...stored, rev: `r${round}-one` }, expectedRev: stored.rev }]),
        two.bulkWrite([{ op: 'put', doc: { ...stored, rev: `r${round}-two` }, expectedRev: stored.rev }]),
      ]);
      const outcomes = [first[0]!, second[0]!];
      expect(outcomes.filter((result) => result.ok)).to.have.length(1);
      const loser = outcomes.find((result) => !result.ok) as Extract<WriteResult<Person>, { ok: false }>;
      expect(loser.current?.rev).to.equal((await one.get(a.id))?.rev);
    }
  });

  it('commits a transaction over several collections together, or refuses it on the first conflict', async () => {
    const db = await openTenant();
    const a = customer(1);
    await db.transaction((tx) => {
      tx.write('customers', [{ op: 'put', doc: a, expectedRev: null }]);
      tx.write('consents', [{ op: 'put', doc: { ...customer(5), id: 'k1', customerId: a.id }, expectedRev: null }]);
    });
    let error: unknown;
    try {
      await db.transaction(async (tx) => {
        const stored = await tx.collection('customers').get(a.id);
        tx.write('consents', [{ op: 'put', doc: { ...customer(6), id: 'k2' }, expectedRev: null }]);
        tx.write('customers', [{ op: 'put', doc: { ...stored!, rev: '2' }, expectedRev: 'stale' }]);
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(CrmConflictError);
    expect((error as CrmConflictError).current).to.deep.equal(a);
    expect((error as CrmConflictError).collection).to.equal('customers');
    expect(await db.collection('consents').get('k2')).to.equal(undefined);
    expect((await db.collection('consents').count()).count).to.equal(1);
  });
});
