/**
 * @crmkit/segments — the segment engine: one rule tree for the builder, the storage, JsonLogic and SQL.
 * No DOM; no eval: runs in Node, browsers and under `script-src 'self'`.
 */
export {
  ConditionSchema,
  EventConditionSchema,
  GroupSchema,
  MAX_DEPTH,
  RuleNodeSchema,
  SegmentRuleSchema,
} from './rule.js';
export type { Condition, EventCondition, Group, Primitive, RuleNode, SegmentRule } from './rule.js';
export {
  ARRAY_OPERATORS,
  BUILTIN_OPERATORS,
  DATE_OPERATORS,
  DEFAULT_OPERATORS,
  FIELD_TYPES,
  SCALAR_OPERATORS,
  isBuiltinOperator,
} from './operators.js';
export type { BuiltinOperator, FieldType, Operator, SegmentOperator } from './operators.js';
export type { SegmentField } from './fields.js';
export { SEGMENT_LOCALES, folder, isCaseless } from './fold.js';
export type { Fold, SegmentLocale } from './fold.js';
export { isComparableDate, looksLikeIsoDate } from './dates.js';
export type { SegmentOptions } from './plan.js';

export { validateSegment, allowedOperators } from './validate.js';
export type { SegmentIssue, ValidateOptions } from './validate.js';
export { compileSegment } from './compile.js';
export type { SegmentActivity, SegmentContext, SegmentPredicate } from './compile.js';

export { applyJsonLogic, compileJsonLogic, isLogic, truthy } from './jsonlogic/evaluate.js';
export type { JsonLogic, JsonLogicEvaluator, JsonLogicOperation, JsonLogicOptions } from './jsonlogic/evaluate.js';
export { toJsonLogic } from './jsonlogic/export.js';
export type { JsonLogicRule } from './jsonlogic/export.js';
export { fromJsonLogic } from './jsonlogic/import.js';

export { toSql } from './sql/to-sql.js';
export type { SqlActivities, SqlColumn, SqlColumnType, SqlDialect, SqlQuery, ToSqlOptions } from './sql/to-sql.js';

export { splitForStorage } from './storage-split.js';
export type { StorageSplit } from './storage-split.js';

export { segmentFields, segmentOperators } from './crm/fields.js';
export type { CrmFieldOptions } from './crm/fields.js';
export { segmentsPlugin } from './crm/plugin.js';
export type { SegmentsPluginOptions } from './crm/engine.js';
