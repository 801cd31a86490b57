import { CORE_COLLECTIONS } from '@crmkit/core';
import type { StorageConnection, StoredDocument } from '@crmkit/core';
import { expect } from 'chai';
import type { Bdd } from '../bdd.js';
import { makeActivity } from '../factories/activities.js';
import { customerId, makeCustomer } from '../factories/customers.js';
import { makeNpsResponse } from '../factories/other-documents.js';
import { readAll, seed } from './expectations.js';
import type { Harness } from './harness.js';
import { WHERE_CASES } from './where-cases.js';

export function whereAndCountTests(t: Bdd, h: Harness): void {
  t.describe('where and count', () => {
    // The filters only read, so they share one seeded tenant instead of seeding for every case.
    const data: Record<string, StoredDocument[]> = {
      customers: Array.from({ length: 40 }, (_, i) => makeCustomer(i)),
      activities: Array.from({ length: 60 }, (_, i) => makeActivity(i, customerId(i % 8))),
      npsResponses: Array.from({ length: 33 }, (_, i) => makeNpsResponse(i, customerId(i % 8))),
    };
    let connection: StorageConnection | undefined;
    t.before(async () => {
      const storage = await h.anotherStorage();
      connection = await storage.open({ tenant: h.sharedTenant('where'), collections: CORE_COLLECTIONS });
      for (const [collection, docs] of Object.entries(data)) await seed(connection, collection, docs);
    });
    t.after(async () => {
      await connection?.remove();
    });

    for (const testCase of WHERE_CASES) {
      t.it(
        `${testCase.collection} where ${testCase.label}: query (paged) and count agree with the expected documents`,
        async () => {
          const expected = data[testCase.collection]!.filter(testCase.expected).map((doc) => doc.id);
          expect(expected.length > 0, 'the case selects some fixtures').to.equal(!testCase.none);
          const collection = connection!.collection(testCase.collection);
          const found = await readAll(collection, { where: testCase.where, limit: 7 });
          expect(found.map((doc) => doc.id)).to.deep.equal(expected);
          const counted = await collection.count(testCase.where);
          expect(counted.exact, 'count.exact').to.be.a('boolean');
          if (counted.exact || !h.options.approximateCounts) {
            expect(counted, 'count').to.deep.equal({ count: expected.length, exact: true });
          } else {
            expect(Number.isInteger(counted.count) && counted.count >= 0, `estimated count ${counted.count}`).to.equal(
              true,
            );
          }
        },
      );
    }
  });
}
