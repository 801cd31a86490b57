/** Shared by the adapter's browser tests: unique tenants, documents, and clean-up. */
import { CORE_COLLECTIONS } from '@crmkit/core';
import type { CollectionDefinition, StorageConnection, StoredDocument } from '@crmkit/core';
import { indexedDbStorage } from '../src/index.js';
import type { IndexedDbStorageOptions } from '../src/index.js';

const run = Math.random().toString(36).slice(2, 8);
let counter = 0;

export const PREFIX = 'crmkit-test';

export function uniqueTenant(label = 't'): string {
  counter++;
  return `${label}-${run}-${counter}`;
}

const opened: StorageConnection[] = [];

/** Opens a tenant and remembers the connection so that `cleanUp` removes its database. */
export async function openTenant(
  tenant: string = uniqueTenant(),
  collections: readonly CollectionDefinition[] = CORE_COLLECTIONS,
  options: IndexedDbStorageOptions = {},
): Promise<StorageConnection> {
  const connection = await indexedDbStorage({ prefix: PREFIX, ...options }).open({ tenant, collections });
  opened.push(connection);
  return connection;
}

export async function cleanUp(): Promise<void> {
  const names = new Set(opened.map((connection) => `${PREFIX}:${connection.tenant}`));
  await Promise.all(opened.splice(0).map((connection) => connection.close()));
  await Promise.all([...names].map((name) => deleteDatabase(name)));
}

export function deleteDatabase(name: string, factory: IDBFactory = indexedDB): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
  });
}

export interface Person extends StoredDocument {
  name: string;
  emails: string[];
  tags: string[];
  owner?: string;
  address?: { city?: string };
  score?: number;
}

const STAMP = '2025-01-01T00:00:00.000Z';

export function person(id: string, fields: Partial<Person> = {}): Person {
  return { id, rev: `1-${id}`, createdAt: STAMP, updatedAt: STAMP, name: id, emails: [], tags: [], ...fields };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const CITIES = ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Antalya'];
const TAGS = ['vip', 'b2b', 'newsletter', 'churn-risk', 'loyal'];

/** A customer shaped like the kit's, with values spread so that indexes have work to do. */
export function customer(i: number): Person {
  const stamp = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString();
  return {
    id: `c${String(i).padStart(6, '0')}`,
    rev: `1-${i}`,
    createdAt: stamp,
    updatedAt: stamp,
    name: `Customer ${String((i * 7919) % 100_000).padStart(5, '0')}`,
    emails: [`customer${i}@example.com`],
    tags: TAGS.filter((_, t) => (i + t) % (t + 2) === 0),
    owner: `owner-${i % 7}`,
    address: { city: CITIES[i % CITIES.length]! },
    score: i % 11,
  };
}

export interface ReadCall {
  /** `index:<name>` or `store:<name>`. */
  on: string;
  method: string;
}

/** Records every read request the adapter makes, and every cursor step, until `restore`. */
export function spyOnReads(): { calls: ReadCall[]; cursorSteps: () => number; restore: () => void } {
  const calls: ReadCall[] = [];
  let steps = 0;
  const restores: Array<() => void> = [];
  const patch = (proto: object, kind: 'index' | 'store', method: string): void => {
    const target = proto as Record<string, (...args: unknown[]) => unknown>;
    const original = target[method]!;
    target[method] = function (this: IDBIndex | IDBObjectStore, ...args: unknown[]) {
      calls.push({ on: `${kind}:${this.name}`, method });
      return original.apply(this, args);
    };
    restores.push(() => (target[method] = original));
  };
  for (const method of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor']) {
    patch(IDBIndex.prototype, 'index', method);
    patch(IDBObjectStore.prototype, 'store', method);
  }
  // Cursor steps are counted where the adapter reads each one (patching `continue` would hide it from idb, which
  // recognises cursor methods by identity).
  const value = Object.getOwnPropertyDescriptor(IDBCursorWithValue.prototype, 'value')!;
  Object.defineProperty(IDBCursorWithValue.prototype, 'value', {
    ...value,
    get(this: IDBCursorWithValue) {
      steps++;
      return value.get!.call(this) as unknown;
    },
  });
  restores.push(() => Object.defineProperty(IDBCursorWithValue.prototype, 'value', value));
  return { calls, cursorSteps: () => steps, restore: () => restores.forEach((restore) => restore()) };
}
