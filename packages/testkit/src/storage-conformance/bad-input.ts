/** Bad input gets a typed error naming what is wrong, and changes nothing. */
import { CORE_COLLECTIONS, CrmUnknownCollectionError, CrmValidationError } from '@crmkit/core';
import type { Query, Where } from '@crmkit/core';
import { expect } from 'chai';
import type { Bdd } from '../bdd.js';
import { makeCustomer } from '../factories/customers.js';
import { refusesWith, rejectsWith, seed } from './expectations.js';
import type { Harness } from './harness.js';

/** Filters a caller could build by mistake (from JSON, a form, untyped JavaScript); the cast is the point. */
const MALFORMED_WHERES: ReadonlyArray<[string, unknown]> = [
  ['a string instead of an object', 'name = Ayşe'],
  ['an array instead of an object', [{ name: 'Ayşe Yılmaz' }]],
  ['an unknown operator', { name: { like: 'Ay%' } }],
  ['in that is not an array', { 'address.city': { in: 'İstanbul' } }],
  ['in holding an object', { 'address.city': { in: [{ city: 'İstanbul' }] } }],
  ['a bare array value', { tags: ['vip', 'b2b'] }],
  ['eq holding an object', { address: { eq: { city: 'İzmir' } } }],
  ['a range bound that is an object', { createdAt: { gte: { year: 2024 } } }],
  ['a range bound that is a boolean', { 'lifecycle.purchases': { gt: true } }],
  ['a range bound that is NaN', { 'lifecycle.purchases': { lt: Number.NaN } }],
  ['a prefix that is not a string', { name: { prefix: 5 } }],
  ['an undefined condition', { owner: undefined }],
];

export function badInputTests(t: Bdd, h: Harness): void {
  t.describe('bad input', () => {
    t.it(
      'a cursor that is not one (garbage, truncated, or from another sort) is refused with CrmValidationError',
      async () => {
        const connection = await h.open();
        await seed(
          connection,
          'customers',
          Array.from({ length: 10 }, (_, i) => makeCustomer(i)),
        );
        const customers = connection.collection('customers');
        const byName: Query = { sort: [{ field: 'name' }], limit: 3 };
        const { nextCursor } = await customers.query(byName);
        expect(nextCursor, 'a real cursor').to.be.a('string');
        const bad = ['bu bir imleç değil', '%%%', nextCursor!.slice(0, -4), `x${nextCursor!}`];
        for (const cursor of bad) {
          const error = await rejectsWith(() => customers.query({ ...byName, cursor }), CrmValidationError);
          expect(error.issues[0]?.path, `the issue path for cursor ${JSON.stringify(cursor)}`).to.deep.equal([
            'cursor',
          ]);
        }
        await rejectsWith(
          () => customers.query({ sort: [{ field: 'name', direction: 'desc' }], cursor: nextCursor }),
          CrmValidationError,
        );
        await rejectsWith(
          () => customers.query({ sort: [{ field: 'updatedAt' }], cursor: nextCursor }),
          CrmValidationError,
        );
      },
    );

    for (const [label, where] of MALFORMED_WHERES) {
      t.it(`a malformed where (${label}) is refused by query and count with CrmValidationError`, async () => {
        const connection = await h.open();
        await seed(connection, 'customers', [makeCustomer(1)]);
        const customers = connection.collection('customers');
        const fromQuery = await rejectsWith(() => customers.query({ where: where as Where }), CrmValidationError);
        const fromCount = await rejectsWith(() => customers.count(where as Where), CrmValidationError);
        for (const error of [fromQuery, fromCount]) {
          expect(error.issues.length, 'issues').to.be.greaterThan(0);
          expect(error.issues[0]!.path[0], 'the issue path starts at where').to.equal('where');
        }
      });
    }

    t.it(
      'a limit that is not a positive whole number, or a sort that is not one, is refused with CrmValidationError',
      async () => {
        const connection = await h.open();
        const customers = connection.collection('customers');
        for (const limit of [0, -5, 2.5, Number.NaN]) {
          await rejectsWith(() => customers.query({ limit }), CrmValidationError);
        }
        const badSorts = [[{ field: 'name', direction: 'up' }], [{ field: '' }], [{ field: 42 }], 'name'];
        for (const sort of badSorts) {
          await rejectsWith(() => customers.query({ sort: sort as unknown as Query['sort'] }), CrmValidationError);
        }
      },
    );

    t.it('an unknown collection is refused with CrmUnknownCollectionError', async () => {
      const connection = await h.open();
      const error = await refusesWith(() => connection.collection('invoicez').get('x'), CrmUnknownCollectionError);
      expect(error.collection).to.equal('invoicez');
      await refusesWith(() => connection.collection('__proto__').count(), CrmUnknownCollectionError);
      await refusesWith(() => connection.collection('toString').query(), CrmUnknownCollectionError);
    });

    t.it('a connection knows only the collections it was opened with, and other data survives', async () => {
      const full = await h.open();
      await seed(full, 'customers', [makeCustomer(1)]);
      await full.close();
      const customersOnly = await h.open(
        'main',
        CORE_COLLECTIONS.filter(({ name }) => name === 'customers'),
      );
      await refusesWith(() => customersOnly.collection('activities').count(), CrmUnknownCollectionError);
      expect(await customersOnly.collection('customers').count(), 'customers').to.deep.include({ count: 1 });
    });
  });
}
