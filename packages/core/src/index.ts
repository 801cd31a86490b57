export * from './errors.js';
export * from './collections.js';
export type * from './storage/contract.js';
export * from './storage/query-helpers.js';
export { memoryStorage } from './storage/memory-storage.js';
