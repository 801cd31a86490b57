/**
 * The segment service's behaviour, run on any storage: memoryStorage in Node and Chromium
 * (crm-service.test.ts), IndexedDB in Chromium (crm-service-idb.browser.test.ts). Every answer is checked
 * against the reference (`compileSegment` over every stored customer), for both designs: the warm cache and the
 * storage's `where` with the rest in memory.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  CrmValidationError,
  createCrm,
  type Crm,
  type CrmStorage,
  type StorageConnection,
  type StorageCollection,
} from '@crmkit/core';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
import { segmentsPlugin, type SegmentRule } from '../../src/index.js';
import {
  NOW,
  crmRuleArb,
  expectAgreement,
  extrasPlugin,
  makeCustomers,
  now,
  reference,
  seed,
  type ExtrasState,
} from './crm.js';

export interface SuiteOptions {
  customers: number;
  /** fast-check runs of the random-rule property. */
  runs: number;
  /** Two crms on one storage see each other's changes as remote ones. */
  sharedStorage(): CrmStorage;
}

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * DAY).toISOString();

const and = (...rules: SegmentRule['rules']): SegmentRule => ({ kind: 'group', combinator: 'and', rules });
const or = (...rules: SegmentRule['rules']): SegmentRule => ({ kind: 'group', combinator: 'or', rules });

/** Rules a marketer would write, touching every kind of condition. */
export const HAND_WRITTEN: Record<string, SegmentRule> = {
  'İstanbul VIPs': and(
    { kind: 'condition', field: 'address.city', op: 'eq', value: 'istanbul' },
    { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip', 'gold'] },
  ),
  'recent sign-ups from the web or referrals': and(
    { kind: 'condition', field: 'createdAt', op: 'withinLastDays', value: 180 },
    { kind: 'condition', field: 'acquisition.channel', op: 'in', value: ['web', 'referral'] },
  ),
  'declining, or in Türkiye and on the newsletter': or(
    { kind: 'condition', field: 'lifecycle.stage', op: 'eq', value: 'decline' },
    {
      kind: 'group',
      combinator: 'and',
      not: true,
      rules: [
        { kind: 'condition', field: 'tags', op: 'hasNone', value: ['newsletter'] },
        { kind: 'condition', field: 'address.country', op: 'neq', value: 'TR', caseSensitive: true },
      ],
    },
  ),
  'gold and platinum big spenders (metrics)': and(
    { kind: 'condition', field: 'metrics.vipTier', op: 'in', value: ['gold', 'platinum'] },
    { kind: 'condition', field: 'metrics.spendBand', op: 'eq', value: 'high' },
  ),
  'bought over 500 in 90 days, unhappy NPS in a year': and(
    {
      kind: 'event',
      activityType: 'purchase',
      withinDays: 90,
      where: and({ kind: 'condition', field: 'data.total', op: 'gt', value: 500 }),
    },
    {
      kind: 'event',
      activityType: 'nps',
      withinDays: 365,
      where: and({ kind: 'condition', field: 'data.score', op: 'lte', value: 6 }),
    },
  ),
  'never e-mailed, or two Kadıköy purchases ever': or(
    { kind: 'event', activityType: 'email', count: { op: 'eq', value: 0 } },
    {
      kind: 'event',
      activityType: 'purchase',
      where: and({ kind: 'condition', field: 'data.store', op: 'eq', value: 'kadıköy' }),
      count: { op: 'gte', value: 2 },
    },
  ),
  'indexable only (exact in the storage)': and(
    { kind: 'condition', field: 'createdAt', op: 'between', value: [daysAgo(600), daysAgo(30)] },
    { kind: 'condition', field: 'address.city', op: 'eq', value: 'Ankara', caseSensitive: true },
  ),
  'indexed tags and a residual': and(
    { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'], caseSensitive: true },
    { kind: 'condition', field: 'company', op: 'isEmpty' },
    { kind: 'condition', field: 'lifecycle.partner', op: 'isNotEmpty' },
  ),
  'plugin field and operator': and(
    { kind: 'condition', field: 'nameLength', op: 'gt', value: 5 },
    { kind: 'condition', field: 'custom.score', op: 'isEven' },
  ),
  nobody: and({ kind: 'condition', field: 'name', op: 'eq', value: 'nobody at all' }),
  everybody: and({ kind: 'condition', field: 'createdAt', op: 'isNotEmpty' }),
};

/**
 * A storage that counts the reads made through it; `hold` can keep a query's answer (read at the time of the
 * call) back until a promise settles, so that a write commits while a reader waits for an older snapshot.
 */
export function countingStorage(
  inner: CrmStorage,
  hold?: (collection: string) => Promise<void> | undefined,
): { storage: CrmStorage; reads(): number } {
  let reads = 0;
  const wrap = (name: string, collection: StorageCollection): StorageCollection => ({
    get: (id) => (reads++, collection.get(id)),
    getMany: (ids) => (reads++, collection.getMany(ids)),
    query: async (query) => {
      reads++;
      const page = await collection.query(query);
      await hold?.(name);
      return page;
    },
    count: (where) => (reads++, collection.count(where)),
    bulkWrite: (rows) => collection.bulkWrite(rows),
  });
  const storage: CrmStorage = {
    kind: inner.kind,
    async open(options) {
      const connection = await inner.open(options);
      const wrapped: StorageConnection = {
        tenant: connection.tenant,
        collection: (name) => wrap(name, connection.collection(name)) as never,
        transaction: (fn) => connection.transaction(fn),
        subscribe: (listener) => connection.subscribe(listener),
        close: () => connection.close(),
        remove: () => connection.remove(),
      };
      return wrapped;
    },
  };
  return { storage, reads: () => reads };
}

/** Waits until `check` holds (changes from another connection may arrive a little later). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting for the change to arrive');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function segmentServiceSuite(storageName: string, makeStorage: () => CrmStorage, sizes: SuiteOptions): void {
  for (const cache of [true, false]) {
    const design = cache ? 'warm cache' : "storage's where, the rest in memory";
    describe(`crm.segments on ${storageName}: ${design}`, function () {
      this.timeout(120_000);
      const state: ExtrasState = { bandAt: 100_000 };
      const open = (storage: CrmStorage = makeStorage(), locale = 'en') =>
        createCrm({
          storage,
          locale,
          now,
          plugins: [vipTierPlugin(), extrasPlugin(state), segmentsPlugin({ cache, now })],
        });
      let crm: Crm;

      before(async () => {
        crm = await open();
        await seed(crm, sizes.customers);
      });
      after(() => crm.close());

      for (const [name, rule] of Object.entries(HAND_WRITTEN)) {
        it(`counts and lists "${name}" as compileSegment selects`, async () => {
          await expectAgreement(crm, rule);
        });
      }

      it('selects some but not all customers with the hand-written rules (the data set is not trivial)', async () => {
        const total = (await crm.customers.count()).count;
        const counts = await Promise.all(
          Object.entries(HAND_WRITTEN)
            .filter(([name]) => name !== 'nobody' && name !== 'everybody')
            .map(async ([, rule]) => (await crm.segments.count(rule)).count),
        );
        for (const count of counts) expect(count).to.be.above(0).and.below(total);
      });

      it('agrees with compileSegment on random rules (fast-check)', async () => {
        await fc.assert(
          fc.asyncProperty(crmRuleArb, fc.integer({ min: 1, max: 12 }), async (rule, limit) => {
            await expectAgreement(crm, rule, limit);
          }),
          { numRuns: sizes.runs },
        );
      });

      it('returns members with their metrics, as the crm computes them', async () => {
        const page = await crm.segments.members(HAND_WRITTEN['gold and platinum big spenders (metrics)']!, {
          limit: 3,
        });
        expect(page.items).to.have.length(3);
        for (const member of page.items) {
          expect(member.metrics.vipTier).to.be.oneOf(['gold', 'platinum']);
          expect(member.metrics.spendBand).to.equal('high');
        }
      });

      it('gives back copies: changing a member changes nothing stored or cached', async () => {
        const rule = HAND_WRITTEN.everybody!;
        const [first] = (await crm.segments.members(rule, { limit: 1 })).items;
        first!.name = 'changed';
        first!.tags.push('changed');
        const [again] = (await crm.segments.members(rule, { limit: 1 })).items;
        expect(again!.name).not.to.equal('changed');
        expect(again!.tags).not.to.include('changed');
      });

      it('folds case by the crm locale: İ/i and I/ı under tr, the root mapping under en', async () => {
        const storage = makeStorage();
        const english = await open(storage, 'en');
        const turkish = await open(storage, 'tr');
        try {
          await english.customers.putMany(
            ['İSTANBUL', 'İstanbul', 'istanbul', 'ISTANBUL', 'ISPARTA', 'Isparta', 'ısparta', 'isparta'].map(
              (city, i) => ({ name: `City ${i}`, address: { city } }),
            ),
          );
          const cities = async (target: Crm, value: string, caseSensitive?: boolean) => {
            const rule = and({
              kind: 'condition',
              field: 'address.city',
              op: 'eq',
              value,
              ...(caseSensitive === undefined ? {} : { caseSensitive }),
            });
            await expectAgreement(target, rule);
            const members = (await target.segments.members(rule, { limit: 100 })).items;
            return members.map((member) => member.address?.city).sort();
          };
          expect(await cities(turkish, 'istanbul')).to.deep.equal(['istanbul', 'İSTANBUL', 'İstanbul']);
          expect(await cities(english, 'istanbul')).to.deep.equal(['ISTANBUL', 'istanbul']);
          expect(await cities(turkish, 'ısparta')).to.deep.equal(['ISPARTA', 'Isparta', 'ısparta']);
          expect(await cities(english, 'ısparta')).to.deep.equal(['ısparta']);
          expect(await cities(turkish, 'ISPARTA')).to.deep.equal(['ISPARTA', 'Isparta', 'ısparta']);
          expect(await cities(english, 'ISPARTA')).to.deep.equal(['ISPARTA', 'Isparta', 'isparta']);
          expect(await cities(turkish, 'İSTANBUL', true)).to.deep.equal(['İSTANBUL']);
        } finally {
          await english.close();
          await turkish.close();
        }
      });

      it('refuses invalid rules with the path of every bad node, before reading anything', async () => {
        const counted = countingStorage(makeStorage());
        const target = await open(counted.storage);
        try {
          await target.customers.putMany(makeCustomers(5));
          const before = counted.reads();
          const invalid = {
            kind: 'group',
            combinator: 'and',
            rules: [
              { kind: 'condition', field: 'address.town', op: 'eq', value: 'x' },
              { kind: 'condition', field: 'tags', op: 'gt', value: 'a' },
              { kind: 'condition', field: 'lifecycle.totalSpent', op: 'eq', value: '100' },
              { kind: 'condition', field: 'metrics.vipTier', op: 'eq', value: 'diamond' },
              { kind: 'group', combinator: 'or', rules: [] },
            ],
          } as unknown as SegmentRule;
          for (const call of [() => target.segments.count(invalid), () => target.segments.members(invalid)]) {
            const error: unknown = await call().then(
              () => undefined,
              (thrown: unknown) => thrown,
            );
            expect(error).to.be.instanceOf(CrmValidationError);
            expect((error as CrmValidationError).issues.map((issue) => issue.path)).to.deep.equal([
              ['rules', 0, 'field'],
              ['rules', 1, 'op'],
              ['rules', 2, 'value'],
              ['rules', 3, 'value'],
              ['rules', 4, 'rules'],
            ]);
          }
          const shapeless = { kind: 'group', combinator: 'and', rules: [{ kind: 'condition', field: 'name' }] };
          const shapeError: unknown = await target.segments
            .count(shapeless as never)
            .catch((thrown: unknown) => thrown);
          expect((shapeError as CrmValidationError).issues[0]!.path).to.deep.equal(['rules', 0, 'op']);
          expect(counted.reads(), 'storage reads').to.equal(before);
          expect((await target.customers.count()).count).to.equal(5);
          expect((await target.segments.count(HAND_WRITTEN.everybody)).count).to.equal(5);
        } finally {
          await target.close();
        }
      });

      it('refuses a page size or a cursor that is not one of its own', async () => {
        const rule = HAND_WRITTEN.everybody!;
        for (const [options, path] of [
          [{ limit: 0 }, ['limit']],
          [{ limit: 2.5 }, ['limit']],
          [{ cursor: 'not-a-cursor' }, ['cursor']],
        ] as const) {
          const error: unknown = await crm.segments.members(rule, options).catch((thrown: unknown) => thrown);
          expect(error).to.be.instanceOf(CrmValidationError);
          expect((error as CrmValidationError).issues[0]!.path).to.deep.equal(path);
        }
      });

      it('pages by name then id with cursors that stay valid while customers are added between pages', async () => {
        const target = await open();
        try {
          await target.customers.putMany(['Banu', 'Cem', 'Can', 'Deniz', 'Ece', 'Efe'].map((name) => ({ name })));
          const rule = HAND_WRITTEN.everybody!;
          const first = await target.segments.members(rule, { limit: 3 });
          expect(first.items.map((item) => item.name)).to.deep.equal(['Banu', 'Can', 'Cem']);
          await target.customers.putMany([{ name: 'Ahmet' }, { name: 'Cenk' }, { name: 'Zeki' }]);
          const second = await target.segments.members(rule, { limit: 3, cursor: first.nextCursor });
          expect(second.items.map((item) => item.name)).to.deep.equal(['Cenk', 'Deniz', 'Ece']);
          const third = await target.segments.members(rule, { limit: 3, cursor: second.nextCursor });
          expect(third.items.map((item) => item.name)).to.deep.equal(['Efe', 'Zeki']);
          expect(third.nextCursor).to.equal(undefined);
        } finally {
          await target.close();
        }
      });

      describe('after writes', () => {
        let target: Crm;
        const rules = Object.values(HAND_WRITTEN);
        const agreeAll = async () => {
          for (const rule of rules) await expectAgreement(target, rule, 50);
        };

        beforeEach(async () => {
          state.bandAt = 100_000;
          target = await open();
          await seed(target, 30, 3);
          await agreeAll(); // warms the cache, metrics and activities included
        });
        afterEach(() => target.close());

        it('puts and updates', async () => {
          const [first] = await target.customers
            .query({ limit: 1, sort: [{ field: 'name', direction: 'desc' }] })
            .then((page) => page.items);
          // A rename alone moves the customer in the members' order.
          await target.customers.put({ ...first!, name: 'Aaron' });
          await agreeAll();
          const renamed = (await target.customers.get(first!.id))!;
          await target.customers.put({
            ...renamed,
            address: { city: 'İstanbul' },
            tags: ['vip'],
            lifecycle: { totalSpent: 160_000 },
          });
          await agreeAll();
          const [added] = await target.customers.putMany(makeCustomers(4, 99));
          await agreeAll();
          await target.activities.put({
            customerId: added!.id,
            type: 'purchase',
            at: daysAgo(2),
            data: { total: 900, currency: 'TRY', store: 'Kadıköy' },
          });
          await agreeAll();
        });

        it('deletes customers and activities', async () => {
          const customers = await target.customers.all();
          await target.customers.remove(customers[0]!.id);
          await target.customers.remove(customers[customers.length - 1]!.id);
          const [purchase] = await target.activities.all({ type: 'purchase' });
          await target.activities.remove(purchase!.id);
          await agreeAll();
        });

        it('erases a customer with everything they own', async () => {
          const activities = await target.activities.all({ type: 'purchase' });
          const owner = activities[0]!.customerId;
          const eventRule = HAND_WRITTEN['never e-mailed, or two Kadıköy purchases ever']!;
          const before = (await target.segments.count(eventRule)).count;
          await target.erase(owner);
          await agreeAll();
          expect((await target.customers.count()).count).to.equal(29);
          expect((await target.segments.count(eventRule)).count).to.be.at.most(before);
        });

        it('sees the changes another connection makes (remote), customers and activities', async () => {
          const shared = sizes.sharedStorage();
          const here = await open(shared);
          const there = await open(shared);
          try {
            await seed(here, 10, 5);
            const rule = HAND_WRITTEN.everybody!;
            const eventRule = HAND_WRITTEN['bought over 500 in 90 days, unhappy NPS in a year']!;
            expect((await here.segments.count(rule)).count).to.equal(10);
            await here.segments.count(eventRule);
            const [customer] = await there.customers.putMany([{ name: 'Uzak Müşteri' }]);
            await there.activities.putMany([
              { customerId: customer!.id, type: 'purchase', at: daysAgo(1), data: { total: 999, currency: 'TRY' } },
              { customerId: customer!.id, type: 'nps', at: daysAgo(1), data: { score: 2, touchpoint: 'web' } },
            ]);
            await eventually(async () => (await here.segments.count(rule)).count === 11);
            await eventually(
              async () => (await here.segments.count(eventRule)).count === (await reference(here, eventRule)).length,
            );
            await expectAgreement(here, eventRule);
            await there.erase(customer!.id);
            await eventually(async () => (await here.segments.count(rule)).count === 10);
            await expectAgreement(here, eventRule);
          } finally {
            await here.close();
            await there.close();
          }
        });

        it('recomputes metrics when a plugin refits (crm.metrics.invalidate)', async () => {
          const rule = and({ kind: 'condition', field: 'metrics.spendBand', op: 'eq', value: 'high' });
          const before = await expectAgreement(target, rule);
          state.bandAt = 20_000;
          target.metrics.invalidate();
          const after = await expectAgreement(target, rule);
          expect(after).to.be.above(before);
        });

        it('answers rightly when writes land while the cache is loading', async () => {
          let release: () => void = () => undefined;
          let held: Promise<void> | undefined;
          const gate = new Promise<void>((resolve) => (release = resolve));
          const counted = countingStorage(makeStorage(), (collection) =>
            collection === 'customers' && held ? held : undefined,
          );
          const fresh = await open(counted.storage);
          try {
            await seed(fresh, 20, 8);
            const rule = HAND_WRITTEN.everybody!;
            // The first count reads the customers; their page is held back while three more are written.
            held = gate;
            const reads = counted.reads();
            const pending = fresh.segments.count(rule);
            await eventually(async () => counted.reads() > reads);
            held = undefined;
            await fresh.customers.putMany(makeCustomers(3, 12));
            release();
            await pending;
            expect((await fresh.segments.count(rule)).count).to.equal(23);
            await expectAgreement(fresh, rule);
            await expectAgreement(fresh, HAND_WRITTEN['bought over 500 in 90 days, unhappy NPS in a year']!);
          } finally {
            release();
            await fresh.close();
          }
        });
      });
    });
  }
}
