/**
 * The segment rule tree: the one serialisable format that the builder edits, storages filter by, and JsonLogic and
 * SQL are exported from. The zod schemas check its shape; what an operator's value must be is checked by
 * `conditionValueProblem` (operators.ts/values.ts), because plugin operators bring values of their own.
 */
// Core turns off zod's JIT (a `new Function` probe that a strict CSP reports) before any schema is built
// (docs/decisions/0007); importing it first keeps that order for the schemas below.
import '@crmkit/core';
import { z } from 'zod';
import type { Operator } from './operators.js';
import { pathSegmentProblem } from './paths.js';

export type Primitive = string | number | boolean;

export interface Condition {
  kind: 'condition';
  /** Dotted path into the customer (`address.city`, `tags`, `metrics.clv`) or a computed field's path. */
  field: string;
  op: Operator;
  value?: unknown;
  /** Strings compare case-insensitively by default, folding case by the locale's rules. */
  caseSensitive?: boolean;
  /** The builder's own key for the node (e.g. for list rendering); ignored by the engine. */
  id?: string;
}

export interface EventCondition {
  kind: 'event';
  /** e.g. `purchase`, `nps`, `email`; compared exactly. */
  activityType: string;
  /** Only activities in the last N days (up to `now`). */
  withinDays?: number;
  /** Conditions on the activity itself (`data.total`, `data.channel`, `at`); no event conditions inside. */
  where?: Group;
  /** How many matching activities are needed; at least one when absent. */
  count?: { op: 'gte' | 'lte' | 'eq'; value: number };
  id?: string;
}

export interface Group {
  kind: 'group';
  combinator: 'and' | 'or';
  /** Negates the whole group. */
  not?: boolean;
  rules: Array<Group | Condition | EventCondition>;
  id?: string;
}

export type SegmentRule = Group;
export type RuleNode = Group | Condition | EventCondition;

// Said again here: bundlers drop side-effect-only imports of packages marked `sideEffects: false`, as core is.
z.config({ jitless: true });

const FieldPathSchema = z.string().superRefine((path, ctx) => {
  const problem = pathSegmentProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: `field path ${problem}` });
});

const NodeIdSchema = z.string().max(200).optional();

const ConditionObject = z.strictObject({
  kind: z.literal('condition'),
  field: FieldPathSchema,
  op: z.string().min(1, 'operator is required'),
  value: z.unknown().optional(),
  caseSensitive: z.boolean().optional(),
  id: NodeIdSchema,
});

const CountSchema = z.strictObject({
  op: z.enum(['gte', 'lte', 'eq']),
  value: z.number().int().min(0),
});

const EventObject = z.strictObject({
  kind: z.literal('event'),
  activityType: z.string().min(1, 'activity type is required'),
  withinDays: z.number().finite().min(0).max(100_000).optional(),
  get where(): z.ZodOptional<z.ZodType<Group>> {
    return GroupObject.optional();
  },
  count: CountSchema.optional(),
  id: NodeIdSchema,
});

const GroupObject = z.strictObject({
  kind: z.literal('group'),
  combinator: z.enum(['and', 'or']),
  not: z.boolean().optional(),
  get rules(): z.ZodArray<z.ZodType<RuleNode>> {
    return z.array(NodeUnion);
  },
  id: NodeIdSchema,
});

const NodeUnion = z.discriminatedUnion('kind', [GroupObject, ConditionObject, EventObject]);

export const ConditionSchema: z.ZodType<Condition> = ConditionObject;
export const EventConditionSchema: z.ZodType<EventCondition> = EventObject;
export const GroupSchema: z.ZodType<Group> = GroupObject;
export const RuleNodeSchema: z.ZodType<RuleNode> = NodeUnion;

/** The root of a segment is always a group. */
export const SegmentRuleSchema: z.ZodType<SegmentRule> = GroupSchema;

/** Deeper trees are refused before any recursion, so hostile input cannot exhaust the stack. */
export const MAX_DEPTH = 32;

export function depthProblem(rule: unknown): (string | number)[] | undefined {
  const stack: Array<{ node: unknown; depth: number; path: (string | number)[] }> = [
    { node: rule, depth: 1, path: [] },
  ];
  while (stack.length) {
    const { node, depth, path } = stack.pop()!;
    if (depth > MAX_DEPTH) return path;
    if (node === null || typeof node !== 'object') continue;
    const { rules, where } = node as { rules?: unknown; where?: unknown };
    if (Array.isArray(rules)) {
      (rules as unknown[]).forEach((child, i) =>
        stack.push({ node: child, depth: depth + 1, path: [...path, 'rules', i] }),
      );
    }
    if (where !== undefined) stack.push({ node: where, depth: depth + 1, path: [...path, 'where'] });
  }
  return undefined;
}
