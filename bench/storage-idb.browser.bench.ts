/**
 * @crmkit/storage-idb against Dexie and against raw IndexedDB, in one Chromium run: write 10,000 realistic
 * customers into an empty store with the kit's customer indexes, then read them all back. Every contender gets
 * the same documents, the same indexes (single fields multiEntry, as the adapter makes them) and a fresh database
 * per run; the order of contenders rotates between runs. Medians of the timed runs are printed with the ratios
 * (target: adapter ≤ 1.0 × Dexie and ≤ 1.3 × raw), then the time the kit's zod `CustomerSchema` takes to validate
 * the same customers.
 *
 *   pnpm bench storage-idb
 */
import { CORE_COLLECTIONS, CustomerSchema, LADDER_RUNGS, LIFECYCLE_STAGES } from '../packages/core/src/index.js';
import type { Customer } from '../packages/core/src/index.js';
import Dexie from 'dexie';
import { indexedDbStorage } from '../packages/storage-idb/src/index.js';
import { random } from './support/random.js';

const COUNT = 10_000;
const RUNS = 9;
const WARM_UP = 1;
const PAGE = 1_000;

type Log = (line: string) => void;

// ---------------------------------------------------------------------------------------------- the customers

const FIRST = [
  'Ayşe',
  'Mehmet',
  'Zeynep',
  'Mustafa',
  'Elif',
  'Ahmet',
  'Emine',
  'Ali',
  'Hatice',
  'Hüseyin',
  'İrem',
  'Çağrı',
];
const LAST = ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Kılıç'];
const CITIES = [
  'İstanbul',
  'Ankara',
  'İzmir',
  'Bursa',
  'Antalya',
  'Konya',
  'Adana',
  'Gaziantep',
  'Eskişehir',
  'Trabzon',
];
const CHANNELS = ['store', 'web', 'referral', 'agent', 'direct-marketing', 'social'];
const TAGS = ['vip', 'b2b', 'newsletter', 'churn-risk', 'loyal', 'wholesale', 'event-2024', 'complaint'];

function makeCustomers(count: number): Customer[] {
  const next = random(2024);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const day = (from: number, span: number) =>
    new Date(Date.UTC(2020, 0, 1) + (from + Math.floor(next() * span)) * 86_400_000);
  return Array.from({ length: count }, (_, i) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const slug = `${first}.${last}`
      .toLocaleLowerCase('tr')
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    const created = day(0, 1500);
    const firstPurchase = day(0, 1500);
    const purchases = 1 + Math.floor(next() * 40);
    return {
      id: `cus_${i.toString(36).padStart(6, '0')}`,
      rev: `1-${Math.floor(next() * 1e9).toString(36)}`,
      createdAt: created.toISOString(),
      updatedAt: new Date(created.getTime() + Math.floor(next() * 9e9)).toISOString(),
      name: `${first} ${last}`,
      emails:
        next() < 0.3 ? [`${slug}${i}@example.com.tr`, `${slug}@work.example.com`] : [`${slug}${i}@example.com.tr`],
      phones: [`+90 5${Math.floor(30 + next() * 20)} ${String(Math.floor(next() * 1e7)).padStart(7, '0')}`],
      ...(next() < 0.4 ? { company: `${last} ${pick(['Tekstil', 'Gıda', 'Yazılım', 'İnşaat'])} A.Ş.` } : {}),
      address: {
        line: `${pick(['Atatürk', 'Cumhuriyet', 'İnönü', 'Gazi'])} Cd. No:${1 + Math.floor(next() * 200)}`,
        district: pick(['Kadıköy', 'Çankaya', 'Konak', 'Nilüfer', 'Muratpaşa']),
        city: pick(CITIES),
        postalCode: String(10000 + Math.floor(next() * 80000)),
        country: 'TR',
      },
      language: next() < 0.85 ? 'tr' : 'en-GB',
      tags: TAGS.filter(() => next() < 0.2),
      acquisition: {
        channel: pick(CHANNELS),
        at: created.toISOString(),
        ...(next() < 0.5 ? { campaign: `spring-${2020 + Math.floor(next() * 5)}` } : {}),
      },
      owner: `usr_${Math.floor(next() * 25)}`,
      lifecycle: {
        stage: pick(LIFECYCLE_STAGES),
        ladder: pick(LADDER_RUNGS),
        firstPurchaseAt: firstPurchase.toISOString(),
        lastPurchaseAt: new Date(firstPurchase.getTime() + Math.floor(next() * 3e10)).toISOString(),
        purchases,
        totalSpent: Math.round(purchases * (50 + next() * 2000) * 100) / 100,
        currency: 'TRY',
      },
      custom: {},
    };
  });
}

// ---------------------------------------------------------------------------------------------- the contenders

const INDEXES = CORE_COLLECTIONS.find((definition) => definition.name === 'customers')!.indexes;

interface Timing {
  write: number;
  read: number;
  /** Reading back in pages of PAGE, where the contender pages; NaN otherwise. */
  paged: number;
}

interface Contender {
  name: string;
  /** Opens a fresh, empty database, runs the timed work, and removes the database again. */
  run(docs: readonly Customer[], database: string): Promise<Timing>;
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

function check(count: number, what: string): void {
  if (count !== COUNT) throw new Error(`${what} read back ${count} customers, not ${COUNT}`);
}

const adapter: Contender = {
  name: '@crmkit/storage-idb',
  async run(docs, database) {
    const connection = await indexedDbStorage({ prefix: 'bench' }).open({
      tenant: database,
      collections: CORE_COLLECTIONS,
    });
    const customers = connection.collection<Customer>('customers');
    const [write] = await timed(() => customers.bulkWrite(docs.map((doc) => ({ op: 'put', doc, expectedRev: null }))));
    const [read, page] = await timed(() => customers.query({ limit: COUNT }));
    check(page.items.length, 'the adapter');
    const [paged, pages] = await timed(async () => {
      let total = 0;
      let cursor: string | undefined;
      do {
        const next = await customers.query({ limit: PAGE, ...(cursor ? { cursor } : {}) });
        total += next.items.length;
        cursor = next.nextCursor;
      } while (cursor);
      return total;
    });
    check(pages, 'the adapter, paging');
    await connection.remove();
    return { write, read, paged };
  },
};

const dexie: Contender = {
  name: `Dexie ${Dexie.semVer}`,
  async run(docs, database) {
    const db = new Dexie(`dexie-${database}`);
    const schema = [
      'id',
      ...INDEXES.map((index) => (typeof index === 'string' ? `*${index}` : `[${index.join('+')}]`)),
    ];
    db.version(1).stores({ customers: schema.join(', ') });
    await db.open();
    const table = db.table<Customer, string>('customers');
    const [write] = await timed(() => table.bulkPut(docs as Customer[]));
    const [read, all] = await timed(() => table.toArray());
    check(all.length, 'Dexie');
    const [paged, pages] = await timed(async () => {
      let total = 0;
      let last: string | undefined;
      for (;;) {
        const page = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last))
          .limit(PAGE)
          .toArray();
        total += page.length;
        if (page.length < PAGE) return total;
        last = page[page.length - 1]!.id;
      }
    });
    check(pages, 'Dexie, paging');
    db.close();
    await Dexie.delete(`dexie-${database}`);
    return { write, read, paged };
  },
};

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });
}

const raw: Contender = {
  name: 'raw IndexedDB',
  async run(docs, database) {
    const name = `raw-${database}`;
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('customers', { keyPath: 'id' });
      for (const index of INDEXES) {
        if (typeof index === 'string') store.createIndex(index, index, { multiEntry: true });
        else store.createIndex(index.join('+'), [...index]);
      }
    };
    const db = await request(open);
    const [write] = await timed(
      () =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction('customers', 'readwrite');
          const store = tx.objectStore('customers');
          for (const doc of docs) store.put(doc);
          // As the adapter does: commit without waiting for the event loop to notice there is nothing more.
          tx.commit();
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(tx.error ?? new Error('aborted'));
        }),
    );
    const [read, all] = await timed(() => request(db.transaction('customers').objectStore('customers').getAll()));
    check(all.length, 'raw IndexedDB');
    db.close();
    await request(indexedDB.deleteDatabase(name));
    return { write, read, paged: NaN };
  },
};

// ---------------------------------------------------------------------------------------------- the run

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const ms = (value: number): string => (Number.isNaN(value) ? '—' : value.toFixed(1)).padStart(9);

export default async function run(log: Log): Promise<void> {
  const docs = makeCustomers(COUNT);
  const contenders = [adapter, dexie, raw];
  const timings = new Map<Contender, Timing[]>(contenders.map((contender) => [contender, []]));
  const session = Math.random().toString(36).slice(2, 8);
  log(
    `${COUNT.toLocaleString('en')} customers, ${INDEXES.length} indexes; ${RUNS} timed runs after ${WARM_UP} warm-up`,
  );
  for (let round = 0; round < WARM_UP + RUNS; round++) {
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
    for (const contender of order) {
      const timing = await contender.run(docs, `${session}-${round}`);
      if (round >= WARM_UP) timings.get(contender)!.push(timing);
    }
  }

  const medians = new Map(
    contenders.map((contender) => {
      const runs = timings.get(contender)!;
      const totals = runs.map((t) => t.write + t.read);
      return [
        contender,
        {
          write: median(runs.map((t) => t.write)),
          read: median(runs.map((t) => t.read)),
          total: median(totals),
          range: `${Math.min(...totals).toFixed(0)}–${Math.max(...totals).toFixed(0)}`,
          paged: median(runs.map((t) => t.paged)),
        },
      ];
    }),
  );
  log(
    `median ms${' '.repeat(19)}${['write', 'read', 'total'].map((h) => h.padStart(9)).join('')}  total range  pages of ${PAGE}`,
  );
  for (const contender of contenders) {
    const m = medians.get(contender)!;
    log(`${contender.name.padEnd(27)} ${ms(m.write)}${ms(m.read)}${ms(m.total)}  ${m.range.padEnd(11)}${ms(m.paged)}`);
  }
  const ours = medians.get(adapter)!;
  const ratio = (peer: Contender, key: 'write' | 'read' | 'total') => (ours[key] / medians.get(peer)![key]).toFixed(2);
  for (const [peer, target] of [
    [dexie, 1.0],
    [raw, 1.3],
  ] as const) {
    const total = ours.total / medians.get(peer)!.total;
    // The same ratio taken within each round (the contenders ran back to back), then the median: steadier when
    // the machine's load drifts during the run.
    const theirs = timings.get(peer)!;
    const paired = median(
      timings.get(adapter)!.map((t, i) => (t.write + t.read) / (theirs[i]!.write + theirs[i]!.read)),
    );
    log(
      `ratio adapter / ${peer.name}: total ${total.toFixed(2)} (write ${ratio(peer, 'write')}, read ${ratio(peer, 'read')}; ` +
        `per-round median ${paired.toFixed(2)}) — target ≤ ${target.toFixed(1)}: ${total <= target ? 'met' : 'MISSED'}`,
    );
  }
  log(`ratio adapter / Dexie, paging by ${PAGE}: ${(ours.paged / medians.get(dexie)!.paged).toFixed(2)}`);

  const validations: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const [time, failures] = await timed(() =>
      Promise.resolve(docs.reduce((bad, doc) => bad + (CustomerSchema.safeParse(doc).success ? 0 : 1), 0)),
    );
    if (failures) throw new Error(`${failures} customers failed validation`);
    if (i >= WARM_UP) validations.push(time);
  }
  log(
    `zod (CustomerSchema of @crmkit/core): validating ${COUNT.toLocaleString('en')} customers takes ${median(validations).toFixed(1)} ms (median)`,
  );
}
