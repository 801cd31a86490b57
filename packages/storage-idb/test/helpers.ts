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
