/**
 * @crmkit/storage-idb paging through an index query at the demo's size: 10,000 customers and ~200,000 activities,
 * about 12 % of them purchases. Times what `crm.activities.all({ type: 'purchase' })` does (pages of 1,000 by id
 * under an equality on the `type` index), counting the purchases, a first page of 25 under an indexed `where`,
 * and a customer's timeline (`forCustomer`: `[customerId, at]` descending) and `[customerId, dueAt]` paging.
 * One database, seeded once per run (about a minute here) and removed at the end.
 *
 *   pnpm bench index-paging
 */
import { CORE_COLLECTIONS } from '../packages/core/src/index.js';
import type { Query, StorageCollection, StoredDocument } from '../packages/core/src/index.js';
import { indexedDbStorage } from '../packages/storage-idb/src/index.js';
import { random } from './support/random.js';

const CUSTOMERS = 10_000;
const ACTIVITIES_PER_CUSTOMER = 20;
const TYPES = ['note', 'call', 'email', 'meeting', 'task', 'ticket', 'nps', 'consent'];
const CITIES = ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Antalya', 'Konya', 'Adana', 'Gaziantep'];
const BATCH = 10_000;
const REPEATS = 3;

type Log = (line: string) => void;
type Doc = StoredDocument & Record<string, unknown>;

function uuid(next: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

function makeData(): { customers: Doc[]; activities: Doc[] } {
  const next = random(7);
  const day = (span: number) => new Date(Date.UTC(2021, 0, 1) + Math.floor(next() * span) * 86_400_000).toISOString();
  const customers: Doc[] = [];
  const activities: Doc[] = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    const id = uuid(next);
    const at = day(1500);
    customers.push({
      id,
      rev: '1-a',
      createdAt: at,
      updatedAt: at,
      name: `Customer ${c.toString().padStart(5, '0')}`,
      address: { city: CITIES[Math.floor(next() * CITIES.length)]! },
      tags: next() < 0.2 ? ['vip'] : [],
    });
    const count = Math.floor(next() * 2 * ACTIVITIES_PER_CUSTOMER) + 1;
    for (let a = 0; a < count; a++) {
      const purchase = next() < 0.117;
      const type = purchase ? 'purchase' : TYPES[Math.floor(next() * TYPES.length)]!;
      const when = day(1500);
      activities.push({
        id: uuid(next),
        rev: '1-a',
        createdAt: when,
        updatedAt: when,
        customerId: id,
        type,
        at: when,
        ...(type === 'task' ? { dueAt: day(1500) } : {}),
        data: purchase
          ? { total: { amount: Math.round(next() * 500_000) / 100, currency: 'TRY' }, currency: 'TRY', items: 3 }
          : { text: `note ${a} for customer ${c}` },
      });
    }
  }
  return { customers, activities };
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

/** Every page of a query; the time of all of them and of the slowest. */
async function allPages(collection: StorageCollection, query: Query) {
  let cursor: string | undefined;
  let items = 0;
  let pages = 0;
  let slowest = 0;
  const started = performance.now();
  do {
    const [time, page] = await timed(() => collection.query({ ...query, ...(cursor ? { cursor } : {}) }));
    slowest = Math.max(slowest, time);
    items += page.items.length;
    pages++;
    cursor = page.nextCursor;
  } while (cursor);
  return { total: performance.now() - started, slowest, items, pages };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
};

export default async function run(log: Log): Promise<void> {
  const { customers, activities } = makeData();
  const purchases = activities.filter((doc) => doc.type === 'purchase').length;
  const tenant = `paging-${Math.random().toString(36).slice(2, 8)}`;
  const connection = await indexedDbStorage({ prefix: 'bench' }).open({ tenant, collections: CORE_COLLECTIONS });
  try {
    const customerStore = connection.collection('customers');
    const activityStore = connection.collection('activities');
    const [seed] = await timed(async () => {
      await customerStore.bulkWrite(customers.map((doc) => ({ op: 'put', doc, expectedRev: null })));
      for (let i = 0; i < activities.length; i += BATCH) {
        const rows = activities.slice(i, i + BATCH).map((doc) => ({ op: 'put' as const, doc, expectedRev: null }));
        await activityStore.bulkWrite(rows);
      }
    });
    log(
      `${CUSTOMERS.toLocaleString('en')} customers, ${activities.length.toLocaleString('en')} activities ` +
        `(${purchases.toLocaleString('en')} purchases), seeded in ${(seed / 1000).toFixed(1)} s`,
    );

    const report = async (label: string, work: () => Promise<string>) => {
      const lines: string[] = [];
      for (let i = 0; i < REPEATS; i++) lines.push(await work());
      log(`${label}: ${lines.join(' | ')}`);
    };
    await report('all purchases in pages of 1,000 (total / slowest page)', async () => {
      const result = await allPages(activityStore, { where: { type: 'purchase' }, limit: 1000 });
      if (result.items !== purchases) throw new Error(`paged ${result.items} purchases, not ${purchases}`);
      return `${result.total.toFixed(0)} ms / ${result.slowest.toFixed(0)} ms (${result.pages} pages)`;
    });
    await report('count({ type: purchase })', async () => {
      const [time, result] = await timed(() => activityStore.count({ type: 'purchase' }));
      if (result.count !== purchases) throw new Error(`counted ${result.count} purchases, not ${purchases}`);
      return `${time.toFixed(0)} ms`;
    });
    await report('first 25 purchases by at desc', async () => {
      const [time] = await timed(() =>
        activityStore.query({ where: { type: 'purchase' }, sort: [{ field: 'at', direction: 'desc' }], limit: 25 }),
      );
      return `${time.toFixed(1)} ms`;
    });
    await report('first 25 customers in İzmir by name', async () => {
      const [time] = await timed(() =>
        customerStore.query({ where: { 'address.city': 'İzmir' }, sort: [{ field: 'name' }], limit: 25 }),
      );
      return `${time.toFixed(1)} ms`;
    });
    await report('first 25 vip customers (by id)', async () => {
      const [time] = await timed(() => customerStore.query({ where: { tags: 'vip' }, limit: 25 }));
      return `${time.toFixed(1)} ms`;
    });
    const sample = Array.from({ length: 50 }, (_, i) => customers[i * 199]!.id);
    await report('forCustomer, 50 customers, every page of 25 (median per customer)', async () => {
      const times: number[] = [];
      for (const customerId of sample) {
        const result = await allPages(activityStore, {
          where: { customerId },
          sort: [{ field: 'at', direction: 'desc' }],
          limit: 25,
        });
        times.push(result.total);
      }
      return `${median(times).toFixed(1)} ms`;
    });
    await report('[customerId, dueAt] asc, 50 customers, every page of 5 (median per customer)', async () => {
      const times: number[] = [];
      for (const customerId of sample) {
        const result = await allPages(activityStore, {
          where: { customerId, dueAt: { gte: '2020-01-01' } },
          sort: [{ field: 'dueAt' }],
          limit: 5,
        });
        times.push(result.total);
      }
      return `${median(times).toFixed(1)} ms`;
    });
  } finally {
    await connection.remove();
  }
}
