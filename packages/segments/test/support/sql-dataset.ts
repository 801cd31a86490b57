/**
 * The SQL side of the property tests: a customers table whose columns hold the generated customers' values
 * (plus case-folded copies per locale), an activities table, and the column map `toSql` needs for them.
 */
import {
  folder,
  type SegmentActivity,
  type SegmentLocale,
  type SqlColumn,
  type ToSqlOptions,
} from '../../src/index.js';

export interface Row {
  customer: Record<string, unknown>;
  activities: SegmentActivity[];
}

interface ColumnSpec {
  path: string;
  column: string;
  type: SqlColumn['type'];
  folded?: boolean;
}

export const COLUMN_SPECS: ColumnSpec[] = [
  { path: 'name', column: 'name', type: 'text', folded: true },
  { path: 'address.city', column: 'city', type: 'text', folded: true },
  { path: 'address.country', column: 'country', type: 'text', folded: true },
  { path: 'language', column: 'language', type: 'text', folded: true },
  { path: 'acquisition.channel', column: 'channel', type: 'text', folded: true },
  { path: 'acquisition.at', column: 'acquired_at', type: 'text', folded: true },
  { path: 'createdAt', column: 'created_at', type: 'text', folded: true },
  { path: 'metrics.clv', column: 'clv', type: 'number' },
  { path: 'metrics.orders', column: 'orders', type: 'number' },
  { path: 'custom.score', column: 'score', type: 'number' },
  { path: 'custom.consent', column: 'consent', type: 'boolean' },
  { path: 'tags', column: 'tags', type: 'text[]', folded: true },
];

const LOCALES: SegmentLocale[] = ['en', 'tr'];

export function sqlOptions(dialect: 'postgres' | 'sqlite', locale: SegmentLocale, now: string): ToSqlOptions {
  return {
    dialect,
    locale,
    now,
    table: 'customers',
    columns: Object.fromEntries(
      COLUMN_SPECS.map((spec) => [
        spec.path,
        { name: spec.column, type: spec.type, ...(spec.folded ? { folded: `${spec.column}_${locale}` } : {}) },
      ]),
    ),
    activities: {
      table: 'activities',
      customerId: 'customer_id',
      columns: {
        'data.total': { name: 'total', type: 'number' },
        'data.store': { name: 'store', type: 'text', folded: `store_${locale}` },
      },
    },
  };
}

const sqlType = (type: SqlColumn['type'], dialect: 'postgres' | 'sqlite') =>
  dialect === 'postgres'
    ? { text: 'text', number: 'double precision', boolean: 'boolean', 'text[]': 'text[]' }[type]
    : { text: 'TEXT', number: 'REAL', boolean: 'INTEGER', 'text[]': 'TEXT' }[type];

export function createTables(dialect: 'postgres' | 'sqlite'): string[] {
  const columns = COLUMN_SPECS.flatMap((spec) => [
    `${spec.column} ${sqlType(spec.type, dialect)}`,
    ...(spec.folded ? LOCALES.map((locale) => `${spec.column}_${locale} ${sqlType(spec.type, dialect)}`) : []),
  ]);
  return [
    `CREATE TABLE customers (id TEXT PRIMARY KEY, ${columns.join(', ')})`,
    `CREATE TABLE activities (customer_id TEXT NOT NULL, type TEXT NOT NULL, at TEXT, total ${sqlType('number', dialect)}, store TEXT, ${LOCALES.map((l) => `store_${l} TEXT`).join(', ')})`,
  ];
}

function read(doc: unknown, path: string): unknown {
  let value = doc;
  for (const key of path.split('.')) value = value == null ? undefined : (value as Record<string, unknown>)[key];
  return value ?? null;
}

/** The values of one customer row, in the order of `customerColumns()`. */
export function customerColumns(): string[] {
  return [
    'id',
    ...COLUMN_SPECS.flatMap((spec) => [spec.column, ...(spec.folded ? LOCALES.map((l) => `${spec.column}_${l}`) : [])]),
  ];
}

export function customerValues(customer: Record<string, unknown>, dialect: 'postgres' | 'sqlite'): unknown[] {
  const encode = (value: unknown, type: SqlColumn['type']): unknown => {
    if (value === null) return null;
    if (type === 'text[]') return dialect === 'postgres' ? value : JSON.stringify(value);
    if (type === 'boolean' && dialect === 'sqlite') return value ? 1 : 0;
    return value;
  };
  const fold = (value: unknown, locale: SegmentLocale): unknown => {
    const f = folder(locale);
    if (typeof value === 'string') return f(value);
    if (Array.isArray(value)) return value.map((item: string) => f(item));
    return value;
  };
  return [
    customer.id,
    ...COLUMN_SPECS.flatMap((spec) => {
      const value = read(customer, spec.path);
      return [
        encode(value, spec.type),
        ...(spec.folded ? LOCALES.map((locale) => encode(fold(value, locale), spec.type)) : []),
      ];
    }),
  ];
}

export function activityValues(customerId: string, activity: SegmentActivity): unknown[] {
  const data = (activity.data ?? {}) as { total?: number | null; store?: string | null };
  const store = data.store ?? null;
  return [
    customerId,
    activity.type,
    activity.at ?? null,
    data.total ?? null,
    store,
    ...LOCALES.map((locale) => (store === null ? null : folder(locale)(store))),
  ];
}
