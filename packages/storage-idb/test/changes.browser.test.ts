/** Change events: once to the writing connection, once (marked remote) to every other connection of the tenant. */
import type { Change, StorageConnection, StoredDocument } from '@crmkit/core';
import { expect } from 'chai';
import { cleanUp, customer, openTenant, sleep, uniqueTenant } from './helpers.js';

type Batches = Change<StoredDocument>[][];

function listen(connection: StorageConnection): Batches {
  const batches: Batches = [];
  connection.subscribe((changes) => batches.push([...changes]));
  return batches;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 2000) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

const summary = (batches: Batches) =>
  batches.map((batch) => batch.map((c) => `${c.collection} ${c.op} ${c.id} ${c.remote}`));

describe('change events', function () {
  this.timeout(20_000);
  let tenant: string;
  let mine: StorageConnection;
  let theirs: StorageConnection;
  let heardHere: Batches;
  let heardThere: Batches;

  beforeEach(async () => {
    tenant = uniqueTenant('changes');
    mine = await openTenant(tenant);
    // Another storage object, as another tab would have: only the BroadcastChannel connects them.
    theirs = await openTenant(tenant);
    heardHere = listen(mine);
    heardThere = listen(theirs);
  });
  afterEach(cleanUp);

  it('tells the writer at once, the other connection once with remote: true, and nobody twice', async () => {
    const a = customer(1);
    const b = customer(2);
    await mine.collection('customers').bulkWrite([
      { op: 'put', doc: a, expectedRev: null },
      { op: 'put', doc: b, expectedRev: null },
    ]);
    expect(summary(heardHere)).to.deep.equal([['customers put c000001 false', 'customers put c000002 false']]);
    await until(() => heardThere.length > 0, 'the remote change');
    await sleep(50);
    expect(summary(heardThere)).to.deep.equal([['customers put c000001 true', 'customers put c000002 true']]);
    expect(heardThere[0]![0]!.doc).to.deep.equal(a);
    expect(heardHere).to.have.length(1);

    await theirs.collection('customers').bulkWrite([{ op: 'delete', id: a.id, expectedRev: a.rev }]);
    await until(() => heardHere.length > 1, 'the remote delete');
    await sleep(50);
    expect(summary(heardHere).slice(1)).to.deep.equal([['customers delete c000001 true']]);
    expect(heardHere[1]![0]!.doc, 'a delete carries the last stored version').to.deep.equal(a);
    expect(summary(heardThere).slice(1)).to.deep.equal([['customers delete c000001 false']]);
  });

  it('sends a transaction across collections as one batch, and nothing for refused writes', async () => {
    const a = customer(1);
    await mine.transaction((tx) => {
      tx.write('customers', [{ op: 'put', doc: a, expectedRev: null }]);
      tx.write('tickets', [
        { op: 'put', doc: { ...customer(9), id: 't1', customerId: a.id } as StoredDocument, expectedRev: null },
      ]);
    });
    await until(() => heardThere.length > 0, 'the remote transaction');
    expect(summary(heardThere)).to.deep.equal([['customers put c000001 true', 'tickets put t1 true']]);

    // A conflicting row, a conflicting transaction and a failed transaction change nothing and say nothing.
    await mine.collection('customers').bulkWrite([{ op: 'put', doc: a, expectedRev: null }]);
    await mine
      .transaction((tx) => tx.write('customers', [{ op: 'put', doc: a, expectedRev: 'stale' }]))
      .catch(() => undefined);
    await mine
      .transaction(() => {
        throw new Error('changed my mind');
      })
      .catch(() => undefined);
    await sleep(80);
    expect(heardHere).to.have.length(1);
    expect(heardThere).to.have.length(1);
  });

  it('stops after unsubscribe and after close', async () => {
    const stop = theirs.subscribe(() => {
      throw new Error('must not be called');
    });
    stop();
    await theirs.close();
    await mine.collection('customers').bulkWrite([{ op: 'put', doc: customer(1), expectedRev: null }]);
    await sleep(80);
    expect(heardThere).to.deep.equal([]);
    expect(heardHere).to.have.length(1);
  });

  it('keeps tenants apart', async () => {
    const other = await openTenant(uniqueTenant('elsewhere'));
    const heardElsewhere = listen(other);
    await mine.collection('customers').bulkWrite([{ op: 'put', doc: customer(1), expectedRev: null }]);
    await until(() => heardThere.length > 0, 'the remote change');
    await sleep(50);
    expect(heardElsewhere).to.deep.equal([]);
    expect(await other.collection('customers').get(customer(1).id)).to.equal(undefined);
  });
});
