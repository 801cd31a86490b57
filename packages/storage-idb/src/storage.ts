/** `indexedDbStorage()`: the kit's storage in browsers, one IndexedDB database per tenant. */
import { CrmStorageError, CrmValidationError } from '@crmkit/core';
import type { CrmStorage, StorageConnection, StorageOpenOptions } from '@crmkit/core';
import { IdbConnection } from './connection.js';
import { toStorageError } from './errors.js';
import { MIGRATIONS } from './migrations.js';
import { openTenantDatabase } from './open-database.js';
import type { IndexedDbStorageOptions } from './options.js';
import { wantedLayout } from './schema.js';

export function indexedDbStorage(options: IndexedDbStorageOptions = {}): CrmStorage {
  const prefix = options.prefix ?? 'crmkit';
  const migrations = [...MIGRATIONS, ...(options.migrations ?? [])];
  const ids = migrations.map((migration) => migration.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) {
    throw new CrmValidationError(
      [{ path: ['migrations'], message: `migration id "${repeated}" is used twice`, code: 'custom' }],
      'indexedDbStorage',
    );
  }
  return {
    kind: 'indexeddb',
    async open({ tenant, collections }: StorageOpenOptions): Promise<StorageConnection> {
      if (typeof tenant !== 'string' || tenant === '') {
        throw new CrmValidationError([
          { path: ['tenant'], message: 'must be a non-empty string', code: 'invalid_type' },
        ]);
      }
      const factory = options.indexedDB ?? globalThis.indexedDB;
      if (!factory) {
        throw new CrmStorageError('unavailable', 'IndexedDB is not available here; use memoryStorage()', {
          retryable: false,
        });
      }
      const wanted = wantedLayout(collections);
      const name = `${prefix}:${tenant}`;
      try {
        const { db, layout } = await openTenantDatabase(factory, name, wanted, migrations);
        return new IdbConnection(tenant, db, layout, new Set(wanted.keys()), name, factory);
      } catch (error) {
        throw toStorageError(error, tenant);
      }
    },
  };
}
