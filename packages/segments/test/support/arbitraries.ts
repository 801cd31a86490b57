/**
 * fast-check generators for the property tests: customers full of awkward values (nulls, missing fields, Turkish
 * letters, numbers as strings, dates in both forms, tags in mixed case) and rule trees over the same fields.
 */
import fc from 'fast-check';
import {
  isBuiltinOperator,
  type Condition,
  type EventCondition,
  type Group,
  type RuleNode,
  type SegmentRule,
} from '../../src/index.js';
import { valueProblem } from '../../src/values.js';

export const NOW = '2024-06-30T12:00:00.000Z';

const CITIES = [
  'İstanbul',
  'ISTANBUL',
  'istanbul',
  'Isparta',
  'ısparta',
  'ISPARTA',
  'İzmir',
  'izmir',
  'Ankara',
  'Iğdır',
  '',
];
const NAMES = ['Ayşe Yılmaz', 'AYŞE YILMAZ', 'İsmail Işık', 'ismail ışık', 'Zoë', 'Ali', "O'Brien; --", 'ali'];
const TAGS = ['vip', 'VIP', 'Vip', 'newsletter', 'İade', 'iade', 'IADE', 'gold', '42', ''];
const CHANNELS = ['web', 'store', 'referral', 'Web', 'WEB'];
const DATES = [
  '2024-06-30T12:00:00.000Z',
  '2024-06-29T12:00:00.000Z',
  '2024-06-20T09:00:00.000Z',
  '2024-05-01T00:00:00.000Z',
  '2024-01-01T00:00:00.000Z',
  '2023-12-31T23:59:59.999Z',
  '2024-07-01T00:00:00.000Z',
  '2024-06-20',
  '2024-01-01',
];

/** A value of the field's usual type most of the time, and anything else sometimes. */
const sometimes = <T>(usual: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: usual },
    { weight: 1, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        '',
        0,
        false,
        [],
        {},
        '5',
        5,
        ['vip'],
        'vip',
        true,
        '2024-06-20T09:00:00.000Z',
      ),
    },
  );

/**
 * Objects on the way to a field are objects, null or missing. (A string there would expose its methods to
 * json-logic-js's `var`: `{"var": "acquisition.at"}` on `{"acquisition": ""}` is String.prototype.at there, missing here.)
 */
const container = <T>(usual: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: usual }, { weight: 1, arbitrary: fc.constantFrom(null, {}) });

const dateArb = fc.oneof(
  fc.constantFrom(...DATES),
  fc
    .date({ min: new Date('2023-01-01'), max: new Date('2024-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
);

/** Schema-conformant: the usual type, null or missing (what typed storage columns and indexes can hold). */
const typed = <T>(usual: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: usual }, { weight: 1, arbitrary: fc.constant(null) });

export const typedCustomerArb = fc
  .record(
    {
      id: fc.string({ minLength: 1, maxLength: 6 }),
      name: typed(fc.constantFrom(...NAMES)),
      address: fc.record(
        { city: typed(fc.constantFrom(...CITIES)), country: typed(fc.constantFrom('TR', 'DE', 'tr')) },
        { requiredKeys: [] },
      ),
      tags: typed(fc.array(fc.constantFrom(...TAGS), { maxLength: 4 })),
      language: typed(fc.constantFrom('tr', 'en', 'TR')),
      acquisition: fc.record(
        { channel: typed(fc.constantFrom(...CHANNELS)), at: typed(dateArb) },
        { requiredKeys: [] },
      ),
      metrics: fc.record(
        {
          clv: typed(
            fc.oneof(
              fc.integer({ min: -10, max: 3000 }),
              fc.double({ min: -10, max: 3000, noNaN: true, noDefaultInfinity: true }),
            ),
          ),
          orders: typed(fc.integer({ min: 0, max: 20 })),
        },
        { requiredKeys: [] },
      ),
      custom: fc.record(
        { consent: typed(fc.boolean()), score: typed(fc.integer({ min: 0, max: 10 })) },
        { requiredKeys: [] },
      ),
      createdAt: typed(dateArb),
    },
    { requiredKeys: ['id'] },
  )
  .map((customer) => JSON.parse(JSON.stringify(customer)) as Record<string, unknown>);

/** Missing keys are dropped from the record, so "missing" and "null" are both generated. */
export const customerArb = fc
  .record(
    {
      id: fc.string({ minLength: 1, maxLength: 6 }),
      name: sometimes(fc.constantFrom(...NAMES)),
      address: container(
        fc.record(
          { city: sometimes(fc.constantFrom(...CITIES)), country: sometimes(fc.constantFrom('TR', 'DE', 'tr')) },
          { requiredKeys: [] },
        ),
      ),
      tags: sometimes(fc.array(fc.constantFrom(...TAGS), { maxLength: 4 })),
      language: sometimes(fc.constantFrom('tr', 'en', 'TR')),
      acquisition: container(
        fc.record({ channel: sometimes(fc.constantFrom(...CHANNELS)), at: sometimes(dateArb) }, { requiredKeys: [] }),
      ),
      metrics: container(
        fc.record(
          {
            clv: sometimes(
              fc.oneof(
                fc.integer({ min: -10, max: 3000 }),
                fc.double({ min: -10, max: 3000, noNaN: true, noDefaultInfinity: true }),
              ),
            ),
            orders: sometimes(fc.integer({ min: 0, max: 20 })),
          },
          { requiredKeys: [] },
        ),
      ),
      custom: container(
        fc.record(
          { consent: sometimes(fc.boolean()), score: sometimes(fc.integer({ min: 0, max: 10 })) },
          { requiredKeys: [] },
        ),
      ),
      createdAt: sometimes(dateArb),
    },
    { requiredKeys: ['id'] },
  )
  .map((customer) => JSON.parse(JSON.stringify(customer)) as Record<string, unknown>);

const FIELDS = {
  string: ['name', 'address.city', 'address.country', 'language', 'acquisition.channel'],
  number: ['metrics.clv', 'metrics.orders', 'custom.score'],
  boolean: ['custom.consent'],
  date: ['createdAt', 'acquisition.at'],
  array: ['tags'],
};
const ALL_FIELDS = Object.values(FIELDS).flat();

/** The field descriptors of the generated customers. */
export const FIELD_DESCRIPTORS = Object.entries(FIELDS).flatMap(([type, paths]) =>
  paths.map((path) => ({ path, type: type as 'string' | 'number' | 'boolean' | 'date' | 'array' })),
);
export const FIELD_PATHS = ALL_FIELDS;

const text = fc.constantFrom(
  ...CITIES,
  ...NAMES,
  ...TAGS,
  ...CHANNELS,
  'is',
  'IS',
  'tan',
  'BUL',
  'v',
  '+90',
  '4',
  "'",
  '%',
  '_',
);
const num = fc.oneof(fc.integer({ min: -5, max: 3000 }), fc.constantFrom(0, 7, 1250.5));
const primitive = fc.oneof(text, num, fc.boolean());
const date = fc.constantFrom(...DATES);
const caseSensitive = fc.option(fc.boolean(), { nil: undefined });

/** A condition: a usual operator for the field's type most of the time, any operator on any field sometimes. */
export const conditionArb: fc.Arbitrary<Condition> = fc
  .oneof(
    fc.record({
      field: fc.constantFrom(...FIELDS.string),
      op: fc.constantFrom('eq', 'neq', 'contains', 'notContains', 'startsWith', 'endsWith'),
      value: text,
    }),
    fc.record({
      field: fc.constantFrom(...FIELDS.string),
      op: fc.constantFrom('in', 'notIn'),
      value: fc.array(text, { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      field: fc.constantFrom(...FIELDS.string, ...FIELDS.date),
      op: fc.constantFrom('lt', 'lte', 'gt', 'gte'),
      value: fc.oneof(text, date),
    }),
    fc.record({
      field: fc.constantFrom(...FIELDS.number),
      op: fc.constantFrom('eq', 'neq', 'lt', 'lte', 'gt', 'gte'),
      value: num,
    }),
    fc.record({
      field: fc.constantFrom(...FIELDS.number),
      op: fc.constantFrom('in', 'notIn'),
      value: fc.array(num, { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ field: fc.constantFrom(...FIELDS.number), op: fc.constant('between'), value: fc.tuple(num, num) }),
    fc.record({ field: fc.constantFrom(...FIELDS.date), op: fc.constant('between'), value: fc.tuple(date, date) }),
    fc.record({
      field: fc.constantFrom(...FIELDS.date),
      op: fc.constantFrom('before', 'after', 'eq', 'neq'),
      value: date,
    }),
    fc.record({
      field: fc.constantFrom(...FIELDS.date),
      op: fc.constantFrom('withinLastDays', 'notWithinLastDays'),
      value: fc.integer({ min: 0, max: 400 }),
    }),
    fc.record({ field: fc.constantFrom(...FIELDS.boolean), op: fc.constantFrom('eq', 'neq'), value: fc.boolean() }),
    fc.record({
      field: fc.constantFrom(...FIELDS.array),
      op: fc.constantFrom('hasAny', 'hasAll', 'hasNone'),
      value: fc.array(text, { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      field: fc.constantFrom(...ALL_FIELDS),
      op: fc.constantFrom('isEmpty', 'isNotEmpty'),
      value: fc.constant(undefined),
    }),
    fc.record({
      field: fc.constantFrom(...ALL_FIELDS),
      op: fc.constantFrom('eq', 'neq', 'in', 'hasAny', 'contains', 'gt'),
      value: fc.oneof(primitive, fc.array(primitive, { minLength: 1, maxLength: 2 })),
    }),
  )
  .chain((base) =>
    caseSensitive.map((flag) => ({
      kind: 'condition' as const,
      ...base,
      ...(flag === undefined ? {} : { caseSensitive: flag }),
    })),
  )
  .map((condition) => {
    const { value, ...rest } = condition;
    const result: Condition = value === undefined ? rest : { ...rest, value };
    return result;
  })
  // Keep only values the operator accepts (the odd mixes above may not be).
  .filter((condition) => isBuiltinOperator(condition.op) && valueProblem(condition.op, condition.value) === undefined);

const groupArb: fc.Arbitrary<Group> = fc.letrec<{ group: Group; node: RuleNode }>((tie) => ({
  group: fc
    .record({
      kind: fc.constant('group' as const),
      combinator: fc.constantFrom('and' as const, 'or' as const),
      not: fc.option(fc.boolean(), { nil: undefined }),
      // Mostly non-empty: empty groups are constants and teach little.
      rules: fc.oneof(
        { weight: 1, arbitrary: fc.constant<RuleNode[]>([]) },
        { weight: 12, arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) },
      ),
    })
    .map(({ not, ...group }) => (not === undefined ? group : { ...group, not })),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: conditionArb },
    { weight: 1, arbitrary: tie('group') },
  ),
})).group;

export const ruleArb: fc.Arbitrary<SegmentRule> = groupArb;

/** Rules whose every string condition is case-sensitive: the exportable ones (with no events). */
export const exportableRuleArb: fc.Arbitrary<SegmentRule> = ruleArb.map(function sensitive(group: Group): Group {
  return {
    ...group,
    rules: group.rules.map((node) =>
      node.kind === 'group' ? sensitive(node) : node.kind === 'condition' ? { ...node, caseSensitive: true } : node,
    ),
  };
});

export const customersArb = fc.array(customerArb, { minLength: 1, maxLength: 25 });

const ACTIVITY_TYPES = ['purchase', 'nps', 'email'];

/** Activities for one customer: types, times in and out of windows, totals and stores (sometimes missing). */
export const activitiesArb = fc.array(
  fc.record({
    type: fc.constantFrom(...ACTIVITY_TYPES),
    at: fc.oneof({ weight: 8, arbitrary: dateArb }, { weight: 1, arbitrary: fc.constant(null) }),
    data: fc.record(
      {
        total: typed(fc.integer({ min: 0, max: 1000 })),
        store: typed(fc.constantFrom('Kadıköy', 'KADIKÖY', 'Beşiktaş')),
      },
      { requiredKeys: [] },
    ),
  }),
  { maxLength: 4 },
);

const activityConditionArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    kind: fc.constant('condition' as const),
    field: fc.constant('data.total'),
    op: fc.constantFrom('gt', 'gte', 'lt', 'eq'),
    value: fc.integer({ min: 0, max: 1000 }),
  }),
  fc.record({
    kind: fc.constant('condition' as const),
    field: fc.constant('data.store'),
    op: fc.constantFrom('eq', 'neq', 'startsWith'),
    value: fc.constantFrom('Kadıköy', 'kadıköy', 'KADIKÖY', 'Beş'),
  }),
  fc.record({
    kind: fc.constant('condition' as const),
    field: fc.constant('at'),
    op: fc.constantFrom('after', 'before'),
    value: fc.constantFrom(...DATES),
  }),
);

export const eventArb: fc.Arbitrary<EventCondition> = fc.record(
  {
    kind: fc.constant('event' as const),
    activityType: fc.constantFrom(...ACTIVITY_TYPES),
    withinDays: fc.integer({ min: 0, max: 400 }),
    where: fc.record({
      kind: fc.constant('group' as const),
      combinator: fc.constantFrom('and' as const, 'or' as const),
      rules: fc.array(activityConditionArb, { minLength: 1, maxLength: 2 }),
    }),
    count: fc.record({
      op: fc.constantFrom('gte' as const, 'lte' as const, 'eq' as const),
      value: fc.integer({ min: 0, max: 3 }),
    }),
  },
  { requiredKeys: ['kind', 'activityType'] },
);

/** Rules with event conditions beside (and inside groups with) ordinary ones. */
export const ruleWithEventsArb: fc.Arbitrary<SegmentRule> = fc
  .tuple(ruleArb, fc.array(eventArb, { minLength: 1, maxLength: 2 }), fc.constantFrom('and' as const, 'or' as const))
  .map(([rule, events, combinator]) => ({ kind: 'group', combinator, rules: [rule, ...events] }));
