/**
 * Keyset pagination under concurrent writes. A model of the collection predicts every page: the documents
 * after the last one read (by the sort, as it was when read), `limit` of them. Inserts and updates land
 * between pages on both sides of the cursor; offset paging would repeat or skip documents here, keyset paging
 * must not.
 */
import type { SortKey, Where } from '@crmkit/core';
import { expect } from 'chai';
import type { Bdd } from '../bdd.js';
import { customerTags, makeCustomer } from '../factories/customers.js';
import type { CustomerFixture } from '../factories/customers.js';
import { revise } from '../factories/revisions.js';
import { isoAt } from '../factories/time.js';
import { expectWritten, ids, readAll, seed } from './expectations.js';
import type { Harness } from './harness.js';
import { compareDocs, sortDocs, sortKeyOf } from './oracle.js';

interface PagingCase {
  label: string;
  sort: SortKey[];
  where?: Where;
  matches?: (customer: CustomerFixture) => boolean;
}

const CASES: PagingCase[] = [
  { label: 'updatedAt ascending', sort: [{ field: 'updatedAt' }] },
  { label: 'updatedAt descending', sort: [{ field: 'updatedAt', direction: 'desc' }] },
  { label: 'name ascending', sort: [{ field: 'name', direction: 'asc' }] },
  { label: 'name descending', sort: [{ field: 'name', direction: 'desc' }] },
  {
    label: 'city ascending, then name descending',
    sort: [{ field: 'address.city' }, { field: 'name', direction: 'desc' }],
  },
  { label: 'owner ascending (missing for some)', sort: [{ field: 'owner' }] },
  { label: 'owner descending (missing for some)', sort: [{ field: 'owner', direction: 'desc' }] },
  { label: 'id descending', sort: [{ field: 'id', direction: 'desc' }] },
  {
    label: 'updatedAt descending, only vip',
    sort: [{ field: 'updatedAt', direction: 'desc' }],
    where: { tags: 'vip' },
    matches: (customer) => customer.tags.includes('vip'),
  },
];

const SEEDED = 45;
const LIMIT = 6;
/** Only six distinct updatedAt values among 45 customers, and names repeat every 20: many ties. */
const tiedUpdatedAt = (i: number) => isoAt(1000 + (i % 6) * 10);

export function paginationTests(t: Bdd, h: Harness): void {
  t.describe('cursor pagination', () => {
    for (const testCase of CASES) {
      t.it(
        `by ${testCase.label}: every document exactly once while others are inserted and updated between pages`,
        async () => {
          const connection = await h.open();
          const customers = connection.collection<CustomerFixture>('customers');
          const model = new Map<string, CustomerFixture>();
          const seeded = Array.from({ length: SEEDED }, (_, i) => makeCustomer(i, { updatedAt: tiedUpdatedAt(i) }));
          await seed(connection, 'customers', seeded);
          for (const doc of seeded) model.set(doc.id, doc);
          const matches = testCase.matches ?? (() => true);

          const seen = new Map<string, number>();
          /** How often each document's sort key (or its match of the filter) changed: each change may show it again. */
          const moved = new Map<string, number>();
          let last: CustomerFixture | undefined;
          let cursor: string | undefined;
          let finished = false;
          for (let step = 0; step < 100 && !finished; step++) {
            const page = await customers.query({ where: testCase.where, sort: testCase.sort, limit: LIMIT, cursor });
            const remaining = sortDocs([...model.values()].filter(matches), testCase.sort).filter(
              (doc) => last === undefined || compareDocs(doc, last, testCase.sort) > 0,
            );
            const expected = remaining.slice(0, LIMIT);
            expect(ids(page.items), `page ${step + 1}`).to.deep.equal(ids(expected));
            expect(page.items, `the documents of page ${step + 1}`).to.deep.equal(expected);
            expect(page.nextCursor !== undefined, `nextCursor on page ${step + 1}`).to.equal(remaining.length > LIMIT);
            for (const doc of page.items) seen.set(doc.id, (seen.get(doc.id) ?? 0) + 1);
            finished = page.nextCursor === undefined;
            if (finished) break;
            last = page.items[page.items.length - 1];
            cursor = page.nextCursor;

            // Between pages: two inserts (the oldest and the newest updatedAt, names on both sides of the cursor)…
            const inserted = [
              makeCustomer(100 + 2 * step, { updatedAt: isoAt(-100 - step), tags: ['vip'] }),
              makeCustomer(101 + 2 * step, { updatedAt: isoAt(20_000 + step), tags: ['vip', 'newsletter'] }),
            ];
            await seed(connection, 'customers', inserted);
            for (const doc of inserted) model.set(doc.id, doc);
            // …and two updates, one of a document already read and one of a document still ahead.
            const pending = remaining.slice(LIMIT);
            const targets = [page.items[0], pending[pending.length - 1]].filter((doc) => doc !== undefined);
            for (const target of targets) {
              const current = model.get(target.id)!;
              const tags = current.tags.includes('vip') ? customerTags(step) : [...current.tags, 'vip'];
              const next = revise(current, { tags, updatedAt: isoAt(30_000 + step) });
              expectWritten(
                (await customers.bulkWrite([{ op: 'put', doc: next, expectedRev: current.rev }]))[0],
                next.id,
              );
              if (
                sortKeyOf(next, testCase.sort) !== sortKeyOf(current, testCase.sort) ||
                matches(next) !== matches(current)
              )
                moved.set(next.id, (moved.get(next.id) ?? 0) + 1);
              model.set(next.id, next);
            }
          }

          expect(finished, 'the walk reached a last page').to.equal(true);
          for (const doc of seeded) {
            if (moved.has(doc.id) || !matches(doc)) continue;
            expect(seen.get(doc.id) ?? 0, `times ${doc.id} was returned`).to.equal(1);
          }
          for (const [id, times] of seen) {
            expect(times, `times ${id} was returned`).to.be.at.most(1 + (moved.get(id) ?? 0));
          }
        },
      );
    }

    t.it('a sort that names id first orders by id alone: keys after it never matter', async () => {
      const connection = await h.open();
      const docs = Array.from({ length: 12 }, (_, i) => makeCustomer(i));
      await seed(connection, 'customers', docs);
      const sort: SortKey[] = [{ field: 'id', direction: 'desc' }, { field: 'name' }];
      const items = await readAll(connection.collection('customers'), { sort, limit: 5 });
      expect(ids(items)).to.deep.equal(ids([...docs].reverse()));
    });

    t.it('pages of the default size (100) when no limit is given', async () => {
      const connection = await h.open();
      await seed(
        connection,
        'customers',
        Array.from({ length: 105 }, (_, i) => makeCustomer(i)),
      );
      const customers = connection.collection('customers');
      const first = await customers.query();
      expect(first.items, 'the first page').to.have.length(100);
      expect(first.nextCursor, 'nextCursor').to.be.a('string');
      const second = await customers.query({ cursor: first.nextCursor });
      expect(ids(second.items)).to.deep.equal(['cus_0100', 'cus_0101', 'cus_0102', 'cus_0103', 'cus_0104']);
      expect(second.nextCursor, 'nextCursor of the last page').to.equal(undefined);
    });

    t.it('gives no nextCursor when the results exactly fill the page, and an empty page for no results', async () => {
      const connection = await h.open();
      await seed(
        connection,
        'customers',
        Array.from({ length: 8 }, (_, i) => makeCustomer(i)),
      );
      const customers = connection.collection('customers');
      const full = await customers.query({ limit: 8 });
      expect(full.items).to.have.length(8);
      expect(full.nextCursor).to.equal(undefined);
      const none = await customers.query({ where: { 'address.city': 'Trabzon' }, limit: 8 });
      expect(none).to.deep.equal({ items: [] });
    });

    t.it('a cursor stays valid after the document it points past is deleted', async () => {
      const connection = await h.open();
      const docs = Array.from({ length: 10 }, (_, i) => makeCustomer(i));
      await seed(connection, 'customers', docs);
      const customers = connection.collection('customers');
      const sort: SortKey[] = [{ field: 'name' }];
      const first = await customers.query({ sort, limit: 4 });
      const lastRead = first.items[3]!;
      await customers.bulkWrite([{ op: 'delete', id: lastRead.id, expectedRev: lastRead.rev }]);
      const rest = await readAll(customers, { sort, limit: 4, cursor: first.nextCursor });
      expect(ids([...first.items, ...rest])).to.deep.equal(ids(sortDocs(docs, sort)));
    });
  });
}
