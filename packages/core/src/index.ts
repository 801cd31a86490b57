import './zod-config.js';
export * from './errors.js';
export * from './collections.js';
export * from './events.js';
export * from './schemas/index.js';
export type * from './storage/contract.js';
export * from './storage/query-helpers.js';
export { memoryStorage } from './storage/memory-storage.js';
export {
  createCrm,
  Crm,
  type CreateCrmOptions,
  type CrmBatch,
  type TransactionOptions,
  type CustomerExport,
  type ChangeCallback,
} from './crm.js';
export { Repository, nextRev, newId } from './repository.js';
export {
  ConsentRepository,
  ActivityRepository,
  AuditRepository,
  SegmentRepository,
  currentConsents,
  isSegmentRule,
} from './repositories.js';
export {
  SchemaRegistry,
  toIssues,
  type CustomFieldDefinition,
  type ActivityTypeDefinition,
} from './schema-registry.js';
export { MetricsEngine, type MetricValues, type CustomerWithMetrics } from './metrics.js';
export { definePlugin, versionSatisfies } from './plugins/define-plugin.js';
export { PluginHost, PluginTimeoutError, type Owned, type Contributions } from './plugins/plugin-host.js';
export type * from './plugins/types.js';
export * from './i18n/messages.js';
export * from './i18n/text.js';
export * from './i18n/format.js';
export { KIT_VERSION } from './version.js';
export { catalogueLabel, describeObject, mergeFields, type FieldDescriptor } from './field-descriptors.js';
