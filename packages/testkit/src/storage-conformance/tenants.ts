/** Two tenants on one storage share nothing: not documents, not ids, not counts, not notifications. */
import { expect } from 'chai';
import type { Bdd } from '../bdd.js';
import { makeActivity } from '../factories/activities.js';
import { makeCustomer } from '../factories/customers.js';
import type { CustomerFixture } from '../factories/customers.js';
import { ids, seed } from './expectations.js';
import { ChangeRecorder } from './harness.js';
import type { Harness } from './harness.js';

export function tenantTests(t: Bdd, h: Harness): void {
  t.describe('tenants', () => {
    t.it('never see each other’s documents through get, getMany, query or count', async () => {
      const istanbul = await h.open('istanbul-magaza');
      const london = await h.open('london-shop');
      const turkish = [0, 2, 4].map((i) => makeCustomer(i));
      const english = [1, 3].map((i) => makeCustomer(i));
      await seed(istanbul, 'customers', turkish);
      await seed(london, 'customers', english);
      await seed(london, 'activities', [makeActivity(1, english[0]!.id)]);

      const there = istanbul.collection('customers');
      expect(await there.get(english[0]!.id), 'get').to.equal(undefined);
      expect(await there.getMany(ids(english) as string[]), 'getMany').to.deep.equal([undefined, undefined]);
      expect(ids((await there.query()).items), 'query').to.deep.equal(ids(turkish));
      expect(await there.count(), 'count').to.deep.include({ count: 3 });
      expect(await istanbul.collection('activities').count(), 'activities').to.deep.include({ count: 0 });
      expect(ids((await london.collection('customers').query()).items), 'the other tenant').to.deep.equal(ids(english));
    });

    t.it('hold the same id independently: each tenant inserts, updates and deletes its own', async () => {
      const first = await h.open('bayi-ankara');
      const second = await h.open('bayi-izmir');
      const ankara = makeCustomer(3, { name: 'Ankara kaydı' });
      const izmir = makeCustomer(3, { name: 'İzmir kaydı' });
      await seed(first, 'customers', [ankara]);
      await seed(second, 'customers', [izmir]);
      expect(await first.collection('customers').get(ankara.id)).to.deep.equal(ankara);
      expect(await second.collection('customers').get(izmir.id)).to.deep.equal(izmir);

      // A revision from one tenant means nothing in the other.
      const crossed = await second
        .collection<CustomerFixture>('customers')
        .bulkWrite([{ op: 'delete', id: izmir.id, expectedRev: ankara.rev }]);
      expect(crossed[0], 'a delete with the other tenant’s rev').to.deep.include({ ok: false, error: 'conflict' });
      await first.collection('customers').bulkWrite([{ op: 'delete', id: ankara.id, expectedRev: ankara.rev }]);
      expect(await first.collection('customers').get(ankara.id), 'deleted in its tenant').to.equal(undefined);
      expect(await second.collection('customers').get(izmir.id), 'untouched in the other').to.deep.equal(izmir);
    });

    t.it('never hear each other’s writes', async () => {
      const writer = await h.open('yazan');
      const bystander = await h.open('seyirci');
      const sameTenant = new ChangeRecorder();
      const otherTenant = new ChangeRecorder();
      writer.subscribe(sameTenant.listener);
      bystander.subscribe(otherTenant.listener);
      await writer.collection('customers').bulkWrite([{ op: 'put', doc: makeCustomer(1), expectedRev: null }]);
      await writer.transaction((tx) =>
        tx.write('activities', [{ op: 'put', doc: makeActivity(1, 'cus_0001'), expectedRev: null }]),
      );
      await sameTenant.settle(h, 2);
      expect(sameTenant.calls, 'the writing tenant’s listener').to.have.length(2);
      expect(otherTenant.calls, 'the other tenant’s listener').to.have.length(0);
    });
  });
}
