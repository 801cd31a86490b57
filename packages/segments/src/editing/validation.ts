/**
 * The builder's view of `validateSegment`: unfinished nodes (no field yet, no value yet) are left out of the rule
 * that is counted and reported as "choose a field", "enter a value"; the engine checks the rest, customer
 * conditions against the customer fields and each behaviour's "where" against its activity's fields. Every issue
 * lands on the node its path names, with a sentence from the catalogue.
 */
import type { SegmentField } from '../fields.js';
import type { SegmentOperator } from '../operators.js';
import type { Group, SegmentRule } from '../rule.js';
import { validateSegment } from '../validate.js';
import { editorFor, incompletePart } from './fields.js';
import { nodeAtPath } from './tree.js';
import type { BuilderNode, NodeIssue } from './types.js';

export interface Checked {
  /** Every problem, unfinished nodes included. */
  issues: NodeIssue[];
  /** The finished part of the rule, when the engine finds nothing wrong with it: what the live count counts. */
  countable: SegmentRule | undefined;
  /** How many unfinished nodes the count leaves out. */
  unfinished: number;
}

export interface CheckContext {
  fields: readonly SegmentField[];
  operators: readonly SegmentOperator[];
  activityFields(type: string): readonly SegmentField[];
  t(key: string): string;
}

type Field = SegmentField | undefined;

export function checkRule(rule: SegmentRule, context: CheckContext): Checked {
  const issues: NodeIssue[] = [];
  const seen = new Set<string>();
  const add = (node: BuilderNode, part: string, code: string, message: string, text: string) => {
    const key = `${node.id}|${part}|${code}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push({ node: node.id!, part, code, message, path: [], text });
  };
  const customer = new Map(context.fields.map((field) => [field.path, field]));
  const activity = new Map<string, Map<string, SegmentField>>();
  const activityMap = (type: string) => {
    let map = activity.get(type);
    if (!map) activity.set(type, (map = new Map(context.activityFields(type).map((field) => [field.path, field]))));
    return map;
  };

  let unfinished = 0;
  // A copy without the unfinished nodes (and the groups they leave empty): the part that can be counted.
  const prune = (group: Group, fields: Map<string, SegmentField>, root: boolean): Group | undefined => {
    const kept: BuilderNode[] = [];
    if (group.rules.length === 0) {
      add(
        group,
        'rules',
        'empty_group',
        'empty group',
        context.t(root ? 'segment.issue.emptyRule' : 'segment.issue.emptyGroup'),
      );
      if (!root) unfinished++;
    }
    for (const node of group.rules) {
      if (node.kind === 'group') {
        const inner = prune(node, fields, false);
        if (inner) kept.push(inner);
        continue;
      }
      const field = node.kind === 'condition' ? fields.get(node.field) : undefined;
      const part = incompletePart(node, field);
      if (part) {
        unfinished++;
        add(node, part, 'incomplete', 'unfinished', context.t(unfinishedKey(node, part, field)));
        continue;
      }
      if (node.kind === 'event' && node.where) {
        const where = prune(node.where, activityMap(node.activityType), false);
        const copy = { ...node };
        if (where) copy.where = where;
        else delete copy.where;
        kept.push(copy);
      } else kept.push(node);
    }
    return kept.length || root ? { ...group, rules: kept } : undefined;
  };
  const countable = prune(rule, customer, true)!;

  let blocking = 0;
  const engine = (root: Group, fields: readonly SegmentField[], map: Map<string, SegmentField>) => {
    for (const issue of validateSegment(root, fields, { operators: context.operators })) {
      if (issue.code === 'empty_group') continue;
      const { node, part } = nodeAtPath(root, issue.path);
      const field = node.kind === 'condition' ? map.get(node.field) : undefined;
      blocking++;
      add(node, part, issue.code, issue.message, context.t(issueKey(node, part, issue.code, field)));
    }
  };
  engine(countable, context.fields, customer);
  for (const node of countable.rules.flatMap(function flat(node): BuilderNode[] {
    return node.kind === 'group' ? node.rules.flatMap(flat) : [node];
  })) {
    if (node.kind === 'event' && node.where) {
      engine(node.where, context.activityFields(node.activityType), activityMap(node.activityType));
    }
  }
  return { issues, countable: blocking ? undefined : countable, unfinished };
}

function unfinishedKey(node: BuilderNode, part: string, field: Field): string {
  if (part === 'activityType') return 'segment.issue.activity';
  if (part === 'field') return 'segment.issue.field';
  if (part === 'op') return 'segment.issue.operator';
  return node.kind === 'condition' && editorFor(node.op, field) === 'range'
    ? 'segment.issue.range'
    : 'segment.issue.value';
}

function issueKey(node: BuilderNode, part: string, code: string, field: Field): string {
  if (code === 'unknown_field') return 'segment.issue.unknownField';
  if (code === 'operator_not_allowed' || code === 'unknown_operator') return 'segment.issue.operatorNotAllowed';
  if (part === 'count') return 'segment.issue.times';
  if (part === 'withinDays') return 'segment.issue.days';
  if (node.kind !== 'condition' || part !== 'value') return 'issue.invalid';
  switch (editorFor(node.op, field)) {
    case 'days':
      return 'segment.issue.days';
    case 'range':
      return 'segment.issue.range';
    case 'choice':
    case 'multi':
      return 'segment.issue.choice';
    case 'boolean':
      return 'segment.issue.choice';
    default:
      return field?.type === 'number'
        ? 'segment.issue.number'
        : field?.type === 'date'
          ? 'segment.issue.date'
          : 'issue.invalid';
  }
}
