/**
 * Segment engine benchmark (Node): 100,000 synthetic customers in memory, one realistic rule (9 conditions,
 * nested groups, a date window, tags), evaluated by
 *   - compileSegment (closures)            vs a hand-written JavaScript predicate for the same rule (target ≤ 1.5×)
 *   - compileSegment                       vs json-logic-js `apply` of the exported rule       (target ≥ 10× faster)
 * plus our compiled JsonLogic evaluator, and a Turkish case-insensitive rule against a hand-written one.
 * Run: pnpm exec tsx bench/segments.bench.ts
 */
import jsonLogic from 'json-logic-js';
import { compileJsonLogic, compileSegment, toJsonLogic, type SegmentRule } from '../packages/segments/src/index.js';

const CUSTOMERS = 100_000;
const NOW = '2024-06-30T12:00:00.000Z';

/** A small seeded generator, so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function customers(count: number): Record<string, unknown>[] {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const cities = ['İstanbul', 'ISTANBUL', 'Ankara', 'İzmir', 'Isparta', 'Bursa', 'Berlin'];
  const channels = ['web', 'store', 'referral', 'agent', 'social'];
  const tagPool = ['vip', 'gold', 'newsletter', 'blocked', 'b2b', 'İade'];
  const stages = ['acquisition', 'development', 'retention', 'decline'];
  const base = Date.parse(NOW);
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    rev: '1-a',
    name: next() < 0.02 ? '' : `Customer ${i}`,
    emails: [`c${i}@example.com`],
    phones: [],
    address: next() < 0.1 ? undefined : { city: pick(cities), country: next() < 0.8 ? 'TR' : 'DE' },
    tags: Array.from({ length: Math.floor(next() * 4) }, () => pick(tagPool)),
    acquisition: { channel: pick(channels), at: new Date(base - next() * 900 * 86_400_000).toISOString() },
    custom: { consent: next() < 0.7 },
    lifecycle: { stage: pick(stages) },
    metrics: next() < 0.05 ? undefined : { clv: Math.round(next() * 3000), orders: Math.floor(next() * 12) },
    createdAt: new Date(base - next() * 900 * 86_400_000).toISOString(),
    updatedAt: NOW,
  }));
}

const rule: SegmentRule = {
  kind: 'group',
  combinator: 'and',
  rules: [
    { kind: 'condition', field: 'acquisition.channel', op: 'in', value: ['web', 'referral'], caseSensitive: true },
    { kind: 'condition', field: 'createdAt', op: 'withinLastDays', value: 365 },
    { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip', 'gold'], caseSensitive: true },
    {
      kind: 'group',
      combinator: 'or',
      rules: [
        { kind: 'condition', field: 'metrics.clv', op: 'gte', value: 1000 },
        {
          kind: 'group',
          combinator: 'and',
          rules: [
            { kind: 'condition', field: 'metrics.orders', op: 'gte', value: 5 },
            {
              kind: 'condition',
              field: 'lifecycle.stage',
              op: 'in',
              value: ['development', 'retention'],
              caseSensitive: true,
            },
          ],
        },
      ],
    },
    { kind: 'condition', field: 'address.country', op: 'eq', value: 'TR', caseSensitive: true },
    { kind: 'condition', field: 'custom.consent', op: 'eq', value: true },
    { kind: 'condition', field: 'tags', op: 'hasNone', value: ['blocked'], caseSensitive: true },
    { kind: 'condition', field: 'name', op: 'isNotEmpty' },
  ],
};

type Customer = {
  name?: string;
  tags?: string[];
  address?: { city?: string; country?: string };
  acquisition?: { channel?: string };
  custom?: { consent?: boolean };
  lifecycle?: { stage?: string };
  metrics?: { clv?: number; orders?: number };
  createdAt?: string;
};

const from = new Date(Date.parse(NOW) - 365 * 86_400_000).toISOString();

/** What a careful developer would write by hand for the same rule. */
function handWritten(doc: unknown): boolean {
  const c = doc as Customer;
  const channel = c.acquisition?.channel;
  if (channel !== 'web' && channel !== 'referral') return false;
  const created = c.createdAt;
  if (typeof created !== 'string' || created < from || created > NOW) return false;
  const tags = c.tags;
  if (!Array.isArray(tags) || !(tags.includes('vip') || tags.includes('gold'))) return false;
  const clv = c.metrics?.clv;
  const orders = c.metrics?.orders;
  const stage = c.lifecycle?.stage;
  const valuable =
    (typeof clv === 'number' && clv >= 1000) ||
    (typeof orders === 'number' && orders >= 5 && (stage === 'development' || stage === 'retention'));
  if (!valuable) return false;
  if (c.address?.country !== 'TR') return false;
  if (c.custom?.consent !== true) return false;
  if (tags.includes('blocked')) return false;
  const name = c.name;
  return !(name == null || name === '');
}

const turkishRule: SegmentRule = {
  kind: 'group',
  combinator: 'and',
  rules: [{ kind: 'condition', field: 'address.city', op: 'eq', value: 'istanbul' }],
};
const turkishByHand = (doc: unknown) => (doc as Customer).address?.city?.toLocaleLowerCase('tr') === 'istanbul';
const englishByHand = (doc: unknown) => (doc as Customer).address?.city?.toLowerCase() === 'istanbul';

type Predicate = (doc: unknown) => unknown;

/** One pass over all customers; every predicate goes through this same call site, as in a real count loop. */
function pass(predicate: Predicate, docs: readonly unknown[]): number {
  let selected = 0;
  for (let i = 0; i < docs.length; i++) if (predicate(docs[i])) selected++;
  return selected;
}

/**
 * Median milliseconds of one pass, for each predicate. The predicates take turns (so drift and GC hit them alike)
 * after a warm-up of all of them (so none profits from being the only one the loop has seen).
 */
function measureAll(
  entries: ReadonlyArray<{ label: string; predicate: Predicate; rounds: number }>,
  docs: readonly unknown[],
) {
  for (const { predicate } of entries) for (let i = 0; i < 3; i++) pass(predicate, docs);
  const times = entries.map(() => [] as number[]);
  const selected = entries.map(() => 0);
  const most = Math.max(...entries.map((entry) => entry.rounds));
  for (let round = 0; round < most; round++) {
    entries.forEach((entry, i) => {
      if (round >= entry.rounds) return;
      const start = performance.now();
      selected[i] = pass(entry.predicate, docs);
      times[i]!.push(performance.now() - start);
    });
  }
  return entries.map((entry, i) => {
    const sorted = times[i]!.sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(`  ${entry.label.padEnd(44)} ${median.toFixed(2).padStart(8)} ms / pass   (${selected[i]} selected)`);
    return median;
  });
}

const docs = customers(CUSTOMERS);
const compiled = compileSegment(rule, { now: NOW });
const exported = toJsonLogic(rule, { now: NOW });
const reference = (doc: unknown): unknown => jsonLogic.apply(exported, doc) as unknown;
const ours = compileJsonLogic(exported);
const truthy = (value: unknown) => (Array.isArray(value) ? value.length > 0 : Boolean(value));

const expected = docs.filter((doc) => handWritten(doc)).length;
for (const [name, predicate] of [
  ['compileSegment', compiled],
  ['json-logic-js', (doc: unknown) => truthy(reference(doc))],
] as const) {
  const count = docs.filter((doc) => predicate(doc)).length;
  if (count !== expected) throw new Error(`${name} selected ${count}, the hand-written predicate ${expected}`);
}

console.log(`Segment evaluation, ${CUSTOMERS.toLocaleString('en')} customers, Node ${process.version}`);
console.log('Rule: 9 conditions, nested and/or, a 365-day window, tags (hasAny, hasNone), exact strings');
const [hand, segment, oursJsonLogic, referenceTime] = measureAll(
  [
    { label: 'hand-written JavaScript predicate', predicate: handWritten, rounds: 40 },
    { label: 'compileSegment (closures)', predicate: compiled, rounds: 40 },
    { label: 'compileJsonLogic of the export (ours)', predicate: (doc) => truthy(ours(doc)), rounds: 15 },
    {
      label: 'json-logic-js apply of the export',
      predicate: reference,
      rounds: 7,
    },
  ],
  docs,
) as [number, number, number, number];
console.log(`  compiled / hand-written: ${(segment / hand).toFixed(2)}×   (target ≤ 1.5×)`);
console.log(`  json-logic-js / compiled: ${(referenceTime / segment).toFixed(1)}× faster   (target ≥ 10×)`);
console.log(`  json-logic-js / our compiled JsonLogic: ${(referenceTime / oursJsonLogic).toFixed(1)}× faster`);

// A page that compiles many segments shares the closures' code between them, so V8 inlines less: run forty
// variants of the rule (different values and orders) first, then measure the same rule again.
const variants = Array.from({ length: 40 }, (_, i): SegmentRule => ({
  ...rule,
  rules: [...rule.rules.slice(i % 4), ...rule.rules.slice(0, i % 4)].map((node) =>
    node.kind === 'condition' && node.op === 'gte' ? { ...node, value: 500 + i } : node,
  ),
}));
for (const variant of variants) pass(compileSegment(variant, { now: NOW }), docs);
const [handAfter, segmentAfter] = measureAll(
  [
    { label: 'hand-written, after 40 other segments ran', predicate: handWritten, rounds: 30 },
    { label: 'compileSegment, after 40 other segments ran', predicate: compileSegment(rule, { now: NOW }), rounds: 30 },
  ],
  docs,
) as [number, number];
console.log(`  compiled / hand-written with many segments: ${(segmentAfter / handAfter).toFixed(2)}×`);

// Editing a rule recompiles it: validation, planning and closures, per keystroke.
const compileRounds = 2000;
const compileStart = performance.now();
for (let i = 0; i < compileRounds; i++) compileSegment(variants[i % variants.length]!, { now: NOW });
const perCompile = (performance.now() - compileStart) / compileRounds;
console.log(`  compileSegment of the 9-condition rule: ${(perCompile * 1000).toFixed(0)} µs per compile`);

console.log('Case-insensitive city (under tr, İSTANBUL = istanbul; our fold remembers the values it has seen)');
const [turkishHand, turkishCompiled, englishHand, englishCompiled] = measureAll(
  [
    { label: "hand-written toLocaleLowerCase('tr')", predicate: turkishByHand, rounds: 20 },
    { label: 'compileSegment, locale tr', predicate: compileSegment(turkishRule, { locale: 'tr' }), rounds: 20 },
    { label: 'hand-written toLowerCase()', predicate: englishByHand, rounds: 20 },
    { label: 'compileSegment, locale en', predicate: compileSegment(turkishRule, { locale: 'en' }), rounds: 20 },
  ],
  docs,
) as [number, number, number, number];
console.log(`  tr: compiled / hand-written: ${(turkishCompiled / turkishHand).toFixed(2)}×`);
console.log(`  en: compiled / hand-written: ${(englishCompiled / englishHand).toFixed(2)}×`);
