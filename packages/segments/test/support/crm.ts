/**
 * A crm to test the segment service on: schema-valid customers full of awkward values (Turkish letters in every
 * case, missing fields, ties in names), their purchases, NPS answers and e-mails, a plugin that adds a custom
 * field, a metric whose model can be refitted, a computed field and an operator, and the reference answer:
 * `compileSegment` over every stored customer with `segmentFields(crm)`.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { z } from 'zod';
import {
  definePlugin,
  type ActivityInput,
  type Crm,
  type CrmPlugin,
  type Customer,
  type CustomerInput,
} from '@crmkit/core';
import {
  compileSegment,
  segmentFields,
  segmentOperators,
  type Condition,
  type EventCondition,
  type Group,
  type RuleNode,
  type SegmentActivity,
  type SegmentRule,
} from '../../src/index.js';

export const NOW = '2024-06-30T12:00:00.000Z';
export const now = () => new Date(NOW);
const DAY = 86_400_000;

/** mulberry32: the same data on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NAMES = ['Ayşe Yılmaz', 'AYŞE YILMAZ', 'İsmail Işık', 'ismail ışık', 'Zoë Ünal', 'Ali', 'ali', 'Ömer'];
export const CITIES = ['İstanbul', 'ISTANBUL', 'istanbul', 'Isparta', 'ısparta', 'ISPARTA', 'İzmir', 'Ankara', ''];
export const TAGS = ['vip', 'VIP', 'gold', 'newsletter', 'İade', 'iade'];
export const CHANNELS = ['web', 'Web', 'store', 'referral'];
export const STAGES = ['acquisition', 'development', 'retention', 'decline'] as const;
export const STORES = ['Kadıköy', 'KADIKÖY', 'Beşiktaş'];

/** What the test plugin's metric compares spending with; tests change it and call `crm.metrics.invalidate()`. */
export interface ExtrasState {
  bandAt: number;
}

/** A custom field, a refittable metric, a computed segment field and a plugin operator. */
export function extrasPlugin(state: ExtrasState): CrmPlugin {
  return definePlugin({
    id: 'test-extras',
    version: '1.0.0',
    kit: '^0.1.0',
    register(ctx) {
      ctx.fields.add({
        name: 'score',
        schema: z.number().int().min(0).max(10),
        label: { en: 'Score', tr: 'Puan' },
        type: 'number',
      });
      ctx.metrics.add<'low' | 'high'>({
        id: 'spendBand',
        label: { en: 'Spend band', tr: 'Harcama bandı' },
        type: 'enum',
        enumValues: ['low', 'high'],
        inputs: ['lifecycle.totalSpent'],
        compute(inputs) {
          const spent = inputs['lifecycle.totalSpent'];
          return typeof spent === 'number' ? (spent >= state.bandAt ? 'high' : 'low') : undefined;
        },
      });
      ctx.segments.addField({
        path: 'nameLength',
        label: { en: 'Name length', tr: 'Ad uzunluğu' },
        type: 'number',
        group: 'test',
        get: (customer) => customer.name.length,
      });
      ctx.segments.addOperator({
        id: 'isEven',
        label: { en: 'is even', tr: 'çift' },
        types: ['number'],
        evaluate: (value) => typeof value === 'number' && value % 2 === 0,
      });
    },
  });
}

/** `count` customers, deterministic for a seed. */
export function makeCustomers(count: number, seed = 7): CustomerInput[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const date = (days: number) => new Date(Date.parse(NOW) - Math.floor(next() * days * DAY)).toISOString();
  return Array.from({ length: count }, (_, i): CustomerInput => {
    const customer: CustomerInput = {
      name: pick(NAMES),
      tags: TAGS.filter(() => chance(0.25)),
      createdAt: date(800),
    };
    if (chance(0.85)) {
      customer.address = {
        ...(chance(0.9) ? { city: pick(CITIES) } : {}),
        ...(chance(0.7) ? { country: pick(['TR', 'DE']) } : {}),
      };
    }
    if (chance(0.8)) customer.acquisition = { channel: pick(CHANNELS), at: date(900) };
    if (chance(0.5)) customer.language = pick(['tr', 'en']);
    if (chance(0.3)) customer.company = pick(['Acme', 'İnci A.Ş.', 'Işık Ltd']);
    if (chance(0.8)) {
      customer.lifecycle = {
        ...(chance(0.7) ? { stage: pick(STAGES) } : {}),
        ...(chance(0.8) ? { totalSpent: Math.round(next() * 200_000) } : {}),
        ...(chance(0.6) ? { purchases: Math.floor(next() * 30) } : {}),
        ...(chance(0.4) ? { partner: chance(0.5) } : {}),
      };
    }
    if (chance(0.6)) (customer as { custom?: Record<string, unknown> }).custom = { score: i % 11 };
    return customer;
  });
}

/** Purchases, NPS answers and e-mails for the stored customers, some inside and some outside any window. */
export function makeActivities(customers: readonly Customer[], seed = 11): ActivityInput[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const activities: ActivityInput[] = [];
  for (const customer of customers) {
    const count = Math.floor(next() * 5);
    for (let i = 0; i < count; i++) {
      const at = new Date(Date.parse(NOW) - Math.floor(next() * 400 * DAY)).toISOString();
      const kind = pick(['purchase', 'purchase', 'nps', 'email'] as const);
      if (kind === 'purchase') {
        activities.push({
          customerId: customer.id,
          type: 'purchase',
          at,
          data: { total: Math.round(next() * 1000), currency: 'TRY', ...(next() < 0.7 ? { store: pick(STORES) } : {}) },
        });
      } else if (kind === 'nps') {
        activities.push({
          customerId: customer.id,
          type: 'nps',
          at,
          data: { score: Math.floor(next() * 11), touchpoint: 'store' },
        });
      } else {
        activities.push({
          customerId: customer.id,
          type: 'email',
          at,
          data: { direction: 'outbound', subject: 'Kampanya' },
        });
      }
    }
  }
  return activities;
}

/**
 * Purchase histories as BG/NBD assumes them (a purchase rate per customer, a chance to drop out after each
 * purchase), over the 300–500 days before NOW: enough repeat buyers for the analytics models to converge.
 */
export function makePurchaseHistories(customers: readonly Customer[], seedValue = 5): ActivityInput[] {
  const next = random(seedValue);
  const end = Date.parse(NOW);
  const activities: ActivityInput[] = [];
  for (const customer of customers) {
    const rate = -Math.log(1 - next()) / 40; // purchases per day
    const dropout = 0.05 + next() * 0.4;
    for (let at = end - Math.floor(300 + next() * 200) * DAY; at < end; at += (-Math.log(1 - next()) / rate) * DAY) {
      activities.push({
        customerId: customer.id,
        type: 'purchase',
        at: new Date(at).toISOString(),
        data: { total: Math.round(50 + next() * 900), currency: 'TRY' },
      });
      if (next() < dropout) break;
    }
  }
  return activities;
}

/**
 * Fills a crm with `count` customers and their activities. `lifecycle: false` leaves the purchase facts to the
 * analytics plugin (made-up facts without purchase dates make its lifecycle metric throw).
 */
export async function seed(
  crm: Crm,
  count: number,
  seedValue = 7,
  options: { lifecycle?: boolean } = {},
): Promise<Customer[]> {
  const inputs = makeCustomers(count, seedValue).map((customer) => {
    if (options.lifecycle !== false) return customer;
    const { lifecycle: _lifecycle, ...rest } = customer;
    return rest;
  });
  const customers = await crm.customers.putMany(inputs);
  await crm.activities.putMany(makeActivities(customers, seedValue + 4));
  return customers;
}

/** What the rule selects: `compileSegment` with the crm's fields over every stored customer, by name then id. */
export async function reference(crm: Crm, rule: SegmentRule): Promise<Customer[]> {
  const [customers, activities] = await Promise.all([crm.customers.all(), crm.activities.all()]);
  const byCustomer = new Map<string, SegmentActivity[]>();
  for (const activity of activities) {
    const list = byCustomer.get(activity.customerId) ?? [];
    list.push(activity);
    byCustomer.set(activity.customerId, list);
  }
  const isMember = compileSegment(rule, {
    locale: crm.locale,
    now: NOW,
    fields: segmentFields(crm),
    operators: segmentOperators(crm),
  });
  return customers
    .filter((customer) => isMember(customer, { activities: byCustomer.get(customer.id) ?? [] }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every page of members, `limit` at a time. */
export async function allMembers(crm: Crm, rule: SegmentRule, limit = 7) {
  const members = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await crm.segments.members(rule, { limit, cursor });
    expect(page.items.length).to.be.at.most(limit);
    if (page.nextCursor) expect(page.items.length).to.equal(limit);
    members.push(...page.items);
    cursor = page.nextCursor;
    expect(++pages).to.be.below(1000);
  } while (cursor);
  return members;
}

/** count and members agree with the reference, and members carry the metrics of their revision. */
export async function expectAgreement(crm: Crm, rule: SegmentRule, limit = 7): Promise<number> {
  const expected = await reference(crm, rule);
  const counted = await crm.segments.count(rule);
  expect(counted, JSON.stringify(rule)).to.deep.equal({ count: expected.length, exact: true });
  const members = await allMembers(crm, rule, limit);
  expect(
    members.map((member) => member.id),
    JSON.stringify(rule),
  ).to.deep.equal(expected.map((customer) => customer.id));
  for (const member of members) {
    const stored = expected.find((customer) => customer.id === member.id)!;
    expect(member.rev).to.equal(stored.rev);
    expect(member.metrics).to.deep.equal(crm.metrics.attach(stored).metrics);
  }
  return expected.length;
}

// ------------------------------------------------------------------------------------------ rules of this crm

const text = fc.constantFrom(...NAMES, ...CITIES.filter(Boolean), ...CHANNELS, 'is', 'IS', 'tan', 'BUL', 'ş', 'ı', 'İ');
const days = fc.integer({ min: 0, max: 900 });
const isoDate = fc
  .integer({ min: 0, max: 900 })
  .map((back) => new Date(Date.parse(NOW) - back * DAY).toISOString())
  .chain((instant) => fc.constantFrom(instant, instant.slice(0, 10)));
const money = fc.integer({ min: 0, max: 200_000 });
const caseSensitive = fc.option(fc.boolean(), { nil: undefined });

const condition = (field: fc.Arbitrary<string>, op: fc.Arbitrary<string>, value?: fc.Arbitrary<unknown>) =>
  fc
    .record({ field, op, value: value ?? fc.constant(undefined), caseSensitive })
    .map(({ value: v, caseSensitive: sensitive, ...rest }): Condition => ({
      kind: 'condition',
      ...rest,
      ...(v === undefined ? {} : { value: v }),
      ...(sensitive === undefined ? {} : { caseSensitive: sensitive }),
    }));

const STRING_FIELDS = ['name', 'company', 'address.city', 'address.country', 'language', 'acquisition.channel'];
const DATE_FIELDS = ['createdAt', 'acquisition.at', 'updatedAt'];
const NUMBER_FIELDS = ['lifecycle.totalSpent', 'lifecycle.purchases', 'custom.score', 'nameLength'];

/** Conditions on this crm's fields that `validateSegment` accepts: the usual operators of each type. */
export const crmConditionArb: fc.Arbitrary<Condition> = fc.oneof(
  condition(
    fc.constantFrom(...STRING_FIELDS),
    fc.constantFrom('eq', 'neq', 'contains', 'notContains', 'startsWith', 'endsWith', 'lt', 'gte'),
    text,
  ),
  condition(
    fc.constantFrom(...STRING_FIELDS),
    fc.constantFrom('in', 'notIn'),
    fc.array(text, { minLength: 1, maxLength: 3 }),
  ),
  condition(
    fc.constantFrom(...STRING_FIELDS, ...DATE_FIELDS, ...NUMBER_FIELDS, 'tags', 'lifecycle.stage'),
    fc.constantFrom('isEmpty', 'isNotEmpty'),
  ),
  condition(fc.constantFrom(...DATE_FIELDS), fc.constantFrom('withinLastDays', 'notWithinLastDays'), days),
  condition(fc.constantFrom(...DATE_FIELDS), fc.constantFrom('before', 'after', 'gte', 'lt'), isoDate),
  condition(fc.constantFrom(...DATE_FIELDS), fc.constant('between'), fc.tuple(isoDate, isoDate)),
  condition(fc.constantFrom(...NUMBER_FIELDS), fc.constantFrom('eq', 'neq', 'lt', 'lte', 'gt', 'gte'), money),
  condition(fc.constantFrom(...NUMBER_FIELDS), fc.constant('between'), fc.tuple(money, money)),
  condition(
    fc.constantFrom('custom.score', 'nameLength'),
    fc.constantFrom('in', 'notIn'),
    fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 3 }),
  ),
  condition(fc.constantFrom(...NUMBER_FIELDS), fc.constant('isEven')),
  condition(fc.constant('lifecycle.partner'), fc.constantFrom('eq', 'neq'), fc.boolean()),
  condition(fc.constant('lifecycle.stage'), fc.constantFrom('in', 'notIn'), fc.subarray([...STAGES], { minLength: 1 })),
  condition(fc.constant('lifecycle.stage'), fc.constantFrom('eq', 'neq'), fc.constantFrom(...STAGES)),
  condition(
    fc.constant('metrics.vipTier'),
    fc.constantFrom('in', 'notIn'),
    fc.subarray(['standard', 'silver', 'gold', 'platinum'], { minLength: 1 }),
  ),
  condition(fc.constant('metrics.spendBand'), fc.constantFrom('eq', 'neq'), fc.constantFrom('low', 'high')),
  condition(
    fc.constant('tags'),
    fc.constantFrom('hasAny', 'hasAll', 'hasNone'),
    fc.array(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 3 }),
  ),
);

const activityCondition: fc.Arbitrary<Condition> = fc.oneof(
  condition(fc.constant('data.total'), fc.constantFrom('gt', 'gte', 'lt'), fc.integer({ min: 0, max: 1000 })),
  condition(fc.constant('data.store'), fc.constantFrom('eq', 'neq', 'startsWith'), fc.constantFrom(...STORES, 'kadı')),
  condition(fc.constant('data.score'), fc.constantFrom('gte', 'lte'), fc.integer({ min: 0, max: 10 })),
  condition(fc.constant('at'), fc.constantFrom('after', 'before'), isoDate),
);

export const crmEventArb: fc.Arbitrary<EventCondition> = fc
  .record(
    {
      activityType: fc.constantFrom('purchase', 'nps', 'email', 'call'),
      withinDays: fc.integer({ min: 0, max: 500 }),
      where: fc.record({
        kind: fc.constant('group' as const),
        combinator: fc.constantFrom('and' as const, 'or' as const),
        rules: fc.array(activityCondition, { minLength: 1, maxLength: 2 }),
      }),
      count: fc.record({
        op: fc.constantFrom('gte' as const, 'lte' as const, 'eq' as const),
        value: fc.integer({ min: 0, max: 3 }),
      }),
    },
    { requiredKeys: ['activityType'] },
  )
  .map((event) => ({ kind: 'event' as const, ...event }));

/** Random rules over this crm's fields, with event conditions now and then. */
export const crmRuleArb: fc.Arbitrary<SegmentRule> = fc.letrec<{ group: Group; node: RuleNode }>((tie) => ({
  group: fc
    .record({
      combinator: fc.constantFrom('and' as const, 'or' as const),
      not: fc.option(fc.boolean(), { nil: undefined }),
      rules: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
    })
    .map(({ not, ...group }): Group => ({ kind: 'group', ...group, ...(not === undefined ? {} : { not }) })),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: crmConditionArb },
    { weight: 1, arbitrary: crmEventArb },
    { weight: 2, arbitrary: tie('group') },
  ),
})).group;
