/**
 * The adapter must page, order and count exactly as the reference adapter does, whichever plan it picks. Random
 * documents (regular ones that let indexes order, and irregular ones with missing, null, boolean, array and object
 * values that must not break anything) and random queries go to both, page by page.
 */
import { memoryStorage } from '@crmkit/core';
import type { CollectionDefinition, Query, StorageCollection, StoredDocument, Where, WhereOps } from '@crmkit/core';
import { expect } from 'chai';
import fc from 'fast-check';
import { cleanUp, openTenant, uniqueTenant } from './helpers.js';

const THINGS: CollectionDefinition[] = [
  { name: 'things', indexes: ['n', 's', 'tags', 'address.city', ['group', 'n'], ['group', 's'], 'mixed'] },
];

const letters = fc.constantFrom('', 'a', 'ab', 'b', 'B', 'ç', 'İ', 'z', 'a\uffff', '\uffff', 'ba');
const weird = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constant(undefined),
  fc.constant({ x: 1 }),
  fc.constant([1, 'a']),
);

function documents(regular: boolean) {
  const n = regular ? fc.integer({ min: -3, max: 3 }) : fc.oneof(fc.integer({ min: -3, max: 3 }), letters, weird);
  const s = regular ? letters : fc.oneof(letters, fc.integer({ min: 0, max: 2 }), weird);
  const doc = fc.record(
    {
      id: fc.stringMatching(/^[a-e]{1,3}$/),
      n,
      s,
      tags: regular
        ? fc.array(letters, { maxLength: 3 })
        : fc.oneof(fc.array(letters, { maxLength: 3 }), letters, weird),
      group: regular ? fc.constantFrom('g1', 'g2') : fc.oneof(fc.constantFrom('g1', 'g2'), weird),
      address: fc.option(fc.record({ city: fc.oneof(letters, weird) }, { requiredKeys: [] }), { nil: undefined }),
      mixed: fc.oneof(fc.integer({ min: -2, max: 2 }), letters, weird),
    },
    { requiredKeys: ['id', 'n', 's', 'tags', 'group'] },
  );
  return fc.uniqueArray(doc, { selector: (d) => d.id, maxLength: 30 });
}

const FIELDS = ['n', 's', 'tags', 'group', 'address.city', 'mixed', 'id', 'unindexed'];
const value = fc.oneof(fc.integer({ min: -3, max: 3 }), letters, fc.constant(null), fc.boolean());
const ops: fc.Arbitrary<WhereOps> = fc.record(
  {
    eq: value,
    in: fc.array(value, { maxLength: 3 }),
    gt: fc.oneof(fc.integer({ min: -3, max: 3 }), letters),
    gte: fc.oneof(fc.integer({ min: -3, max: 3 }), letters),
    lt: fc.oneof(fc.integer({ min: -3, max: 3 }), letters),
    lte: fc.oneof(fc.integer({ min: -3, max: 3 }), letters),
    prefix: letters,
  },
  { requiredKeys: [] },
);
const where: fc.Arbitrary<Where> = fc
  .array(fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(value, ops)), { maxLength: 2 })
  .map((entries) => Object.fromEntries(entries));
const query: fc.Arbitrary<Query> = fc.record({
  where,
  sort: fc.array(
    fc.record({ field: fc.constantFrom(...FIELDS), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
    { maxLength: 2 },
  ),
  limit: fc.integer({ min: 1, max: 7 }),
});

/** Queries that the indexes can serve (an ordered field, a compound prefix), to reach every index path. */
const direction = fc.constantFrom('asc' as const, 'desc' as const);
const indexedQuery: fc.Arbitrary<Query> = fc.record({
  where: fc.oneof(
    fc.constant({}),
    fc.record({ group: fc.constantFrom('g1', 'g2') }),
    fc.record({ group: fc.record({ eq: fc.constantFrom('g1', 'g2') }), n: ops }),
    fc.record({ n: ops }),
    fc.record({ s: ops, tags: value }),
  ),
  sort: fc.oneof(
    fc.tuple(fc.record({ field: fc.constantFrom('n', 's', 'address.city', 'tags'), direction })),
    fc.tuple(
      fc.record({ field: fc.constantFrom('n', 's'), direction }),
      fc.record({ field: fc.constantFrom('id', 'mixed'), direction }),
    ),
  ),
  limit: fc.integer({ min: 1, max: 4 }),
});

async function pages(collection: StorageCollection, q: Query): Promise<string[][]> {
  const result: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await collection.query({ ...q, ...(cursor ? { cursor } : {}) });
    result.push([...page.items.map((doc) => doc.id), page.nextCursor ?? '(end)']);
    cursor = page.nextCursor;
  } while (cursor && result.length < 40);
  return result;
}

async function compare(memory: StorageCollection, idb: StorageCollection, queries: readonly Query[]): Promise<void> {
  for (const q of queries) {
    expect(await pages(idb, q), JSON.stringify(q)).to.deep.equal(await pages(memory, q));
    expect(await idb.count(q.where), `count ${JSON.stringify(q.where)}`).to.deep.equal(await memory.count(q.where));
  }
}

const asDocs = (docs: object[]): StoredDocument[] =>
  docs.map((doc) => ({ ...doc, rev: '1', createdAt: 'c', updatedAt: 'u' }) as StoredDocument);

describe('same answers as memoryStorage', function () {
  this.timeout(120_000);
  afterEach(cleanUp);

  for (const regular of [true, false]) {
    it(`pages and counts ${regular ? 'regular' : 'irregular'} documents identically, also after updates`, async () => {
      await fc.assert(
        fc.asyncProperty(
          documents(regular),
          documents(!regular),
          fc.array(fc.oneof(query, indexedQuery), { minLength: 1, maxLength: 8 }),
          async (first, second, queries) => {
            const tenant = uniqueTenant('same');
            const memory = (await memoryStorage().open({ tenant, collections: THINGS })).collection('things');
            const idb = (await openTenant(tenant, THINGS)).collection('things');
            const rows = asDocs(first).map((doc) => ({ op: 'put' as const, doc, expectedRev: null }));
            await memory.bulkWrite(rows);
            await idb.bulkWrite(rows);
            await compare(memory, idb, queries);
            // Updates and deletes move documents between regular and irregular: the index statistics must follow.
            const existing = new Set(first.map((doc) => doc.id));
            const updates = asDocs(second).map((doc, i) =>
              i % 3 === 2 && existing.has(doc.id)
                ? { op: 'delete' as const, id: doc.id, expectedRev: '1' }
                : { op: 'put' as const, doc: { ...doc, rev: '2' }, expectedRev: existing.has(doc.id) ? '1' : null },
            );
            expect(await idb.bulkWrite(updates)).to.deep.equal(await memory.bulkWrite(updates));
            await compare(memory, idb, queries);
          },
        ),
        { numRuns: 40 },
      );
    });
  }
});
