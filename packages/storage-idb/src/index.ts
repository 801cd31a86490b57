export { indexedDbStorage } from './storage.js';
export type { IndexedDbStorageOptions } from './options.js';
export { MIGRATIONS } from './migrations.js';
export type { IdbMigration, UpgradeTransaction } from './migrations.js';
