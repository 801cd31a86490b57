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

// Editing a rule (the builder's model, no DOM): keyed nodes, immutable edits, moves, issues mapped to nodes.
export {
  canDrop,
  drop as dropNode,
  duplicate as duplicateNode,
  edit as editRule,
  emptyRule,
  indent as indentNode,
  locate as locateNode,
  moves as nodeMoves,
  newCondition,
  newEvent,
  newGroup,
  newId,
  nodeAtPath,
  nodes as ruleNodes,
  normalize as normalizeRule,
  outdent as outdentNode,
  rekey as rekeyNode,
  remove as removeNode,
  shift as shiftNode,
} from './editing/tree.js';
export type { DropPosition, NodeLocation } from './editing/tree.js';
export {
  MATCHES,
  matchOf,
  putValue,
  readCount,
  setConditionField,
  setGroupMatch,
  setConditionOperator,
  writeCount,
} from './editing/edits.js';
export type { EventCount, Match } from './editing/edits.js';
export { checkRule } from './editing/validation.js';
export type { CheckContext, Checked } from './editing/validation.js';
export {
  activityFields,
  activityTypes,
  carryValue,
  customerFields,
  defaultActivities,
  defaultColumns,
  editorFor,
  fieldGroups,
  incompletePart,
  labelOf,
  parseNumber,
  pluginOperators,
  readable,
  scalarEditor,
  searchFields,
} from './editing/fields.js';
export type { ActivityType, FieldGroup } from './editing/fields.js';
export { VALUE_EDITORS } from './editing/types.js';
export type { BuilderNode, NodeIssue, ValueEditor } from './editing/types.js';
