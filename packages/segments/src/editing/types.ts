import type { CrmIssue } from '@crmkit/core';
import type { Condition, EventCondition, Group } from '../rule.js';

/** The value editors, chosen by the operator and the field's type. */
export const VALUE_EDITORS = [
  'none',
  'text',
  'number',
  'date',
  'days',
  'boolean',
  'choice',
  'range',
  'multi',
  'tags',
] as const;
export type ValueEditor = (typeof VALUE_EDITORS)[number];

/** A node of a rule being edited; every node carries its `id` (the editor's key). */
export type BuilderNode = Group | Condition | EventCondition;

/** A problem shown at a node: the engine's issue and the sentence people read. */
export interface NodeIssue extends CrmIssue {
  /** The id of the node it belongs to. */
  node: string;
  /** The part of the node: `field`, `op`, `value`, `count`, `activityType`, `rules`, or `` for the whole node. */
  part: string;
  text: string;
}
