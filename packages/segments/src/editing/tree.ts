/**
 * The builder's rule tree and the edits on it. Every node carries an `id` (the rule format's own key for builders);
 * an edit clones the tree and changes the clone, so each state is a plain value that the element can hand out.
 * Nodes inside a behavioural condition's `where` belong to that condition: no edit moves them out of it, or others in.
 */
import { CrmValidationError, type CrmIssue } from '@crmkit/core';
import { MAX_DEPTH, type Condition, type EventCondition, type Group, type SegmentRule } from '../rule.js';
import type { BuilderNode } from './types.js';

type Path = (string | number)[];

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const newId = (): string => 'n' + Math.random().toString(36).slice(2, 10);

export const newCondition = (): Condition => ({ kind: 'condition', id: newId(), field: '', op: '' });

export const newEvent = (activityType: string): EventCondition => ({
  kind: 'event',
  id: newId(),
  activityType,
  count: { op: 'gte', value: 1 },
});

export const newGroup = (combinator: 'and' | 'or' = 'and', rules: BuilderNode[] = [newCondition()]): Group => ({
  kind: 'group',
  id: newId(),
  combinator,
  rules,
});

export const emptyRule = (): SegmentRule => ({ kind: 'group', id: newId(), combinator: 'and', rules: [] });

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A rule from outside (property, attribute, saved segment, import) as the builder's tree: every node keyed, unknown
 * keys dropped. Values that do not fit their operator are kept, to be shown at their condition; what is not a rule
 * tree at all is refused with a `CrmValidationError` naming each place, and nothing changes.
 */
export function normalize(input: unknown): SegmentRule {
  const issues: CrmIssue[] = [];
  const seen = new Set<string>();
  const visit = (value: unknown, path: Path, depth: number, inWhere: boolean): BuilderNode | undefined => {
    const bad = (message: string, key?: string) =>
      void issues.push({ path: key ? [...path, key] : path, message, code: 'invalid_rule' });
    if (!isObject(value) || depth > MAX_DEPTH)
      return bad(
        depth > MAX_DEPTH ? `nests deeper than ${MAX_DEPTH} levels` : 'must be a group, condition or behaviour',
      );
    const text = (key: string) => {
      const found = value[key];
      return typeof found === 'string' ? found : bad('must be text', key);
    };
    const { kind, rules, combinator, count, where } = value;
    const id = typeof value.id === 'string' && ID.test(value.id) && !seen.has(value.id) ? value.id : newId();
    seen.add(id);
    if (kind === 'group') {
      if (combinator !== 'and' && combinator !== 'or') bad('must be "and" or "or"', 'combinator');
      if (!Array.isArray(rules)) bad('must be a list', 'rules');
      const children = (Array.isArray(rules) ? (rules as unknown[]) : []).map((child, i) =>
        visit(child, [...path, 'rules', i], depth + 1, inWhere),
      );
      const group: Group = {
        kind,
        id,
        combinator: combinator === 'or' ? 'or' : 'and',
        rules: children.filter((c) => !!c),
      };
      if (value.not === true) group.not = true;
      return group;
    }
    if (kind === 'condition') {
      const condition: Condition = { kind, id, field: text('field') ?? '', op: text('op') ?? '' };
      if ('value' in value) condition.value = value.value;
      if (value.caseSensitive === true) condition.caseSensitive = true;
      return condition;
    }
    if (kind !== 'event' || inWhere) return bad(inWhere ? 'a behaviour cannot sit inside another' : 'unknown kind');
    const event: EventCondition = { kind, id, activityType: text('activityType') ?? '' };
    if (value.withinDays !== undefined) event.withinDays = value.withinDays as number;
    if (count !== undefined) {
      if (isObject(count) && ['gte', 'lte', 'eq'].includes(count.op as string))
        event.count = { op: count.op as 'gte', value: count.value as number };
      else bad('must be { op: "gte" | "lte" | "eq", value }', 'count');
    }
    if (where !== undefined) {
      const group =
        isObject(where) && where.kind === 'group' ? visit(where, [...path, 'where'], depth + 1, true) : undefined;
      if (group) event.where = group as Group;
      else bad('must be a group', 'where');
    }
    return event;
  };
  let rule: BuilderNode | undefined;
  try {
    const json: unknown = typeof input === 'string' ? JSON.parse(input) : JSON.parse(JSON.stringify(input) ?? 'null');
    rule = visit(json, [], 1, false);
    if (rule && rule.kind !== 'group')
      issues.push({ path: [], message: 'the root must be a group', code: 'invalid_rule' });
  } catch (error) {
    issues.push({ path: [], message: `not JSON: ${String(error)}`, code: 'invalid_json' });
  }
  if (issues.length) throw new CrmValidationError(issues, 'segment rule');
  return rule as SegmentRule;
}

/** Where a node sits: its group, its index there, and the behaviour whose `where` holds it (if any). */
export interface NodeLocation {
  node: BuilderNode;
  parent: Group | undefined;
  index: number;
  /** The behavioural condition whose `where` holds the node; undefined in the customer part of the rule. */
  owner: EventCondition | undefined;
  /** The groups from the root (or the `where`) down to the parent. */
  ancestors: Group[];
}

export function locate(root: Group, id: string): NodeLocation | undefined {
  const visit = (group: Group, owner: EventCondition | undefined, ancestors: Group[]): NodeLocation | undefined => {
    const chain = [...ancestors, group];
    for (const [index, node] of group.rules.entries()) {
      if (node.id === id) return { node, parent: group, index, owner, ancestors: chain };
      if (node.kind === 'group') {
        const found = visit(node, owner, chain);
        if (found) return found;
      } else if (node.kind === 'event' && node.where) {
        if (node.where.id === id) return { node: node.where, parent: undefined, index: 0, owner: node, ancestors: [] };
        const found = visit(node.where, node, []);
        if (found) return found;
      }
    }
    return undefined;
  };
  if (root.id === id) return { node: root, parent: undefined, index: 0, owner: undefined, ancestors: [] };
  return visit(root, undefined, []);
}

/** Every node of the tree, depth first, the `where` groups included. */
export function* nodes(group: Group): Generator<BuilderNode> {
  yield group;
  for (const node of group.rules) {
    if (node.kind === 'group') yield* nodes(node);
    else {
      yield node;
      if (node.kind === 'event' && node.where) yield* nodes(node.where);
    }
  }
}

/** Applies `change` to a copy of the tree; the original stays as it was. */
export function edit(rule: SegmentRule, change: (draft: SegmentRule) => void): SegmentRule {
  const draft = structuredClone(rule);
  change(draft);
  return draft;
}

/** A copy of a node with new ids throughout (for duplicates). */
export function rekey<T extends BuilderNode>(node: T): T {
  const copy = structuredClone(node);
  for (const inner of copy.kind === 'group'
    ? nodes(copy)
    : [copy, ...(copy.kind === 'event' && copy.where ? nodes(copy.where) : [])])
    inner.id = newId();
  return copy;
}

/** What a node can do where it stands, for the move buttons' state and the keyboard. */
export function moves(root: Group, id: string): { up: boolean; down: boolean; indent: boolean; outdent: boolean } {
  const at = locate(root, id);
  if (!at?.parent) return { up: false, down: false, indent: false, outdent: false };
  return {
    up: at.index > 0,
    down: at.index < at.parent.rules.length - 1,
    indent: at.ancestors.length < MAX_DEPTH - 2,
    outdent: at.ancestors.length > 1,
  };
}

/** Removes a node; a behaviour's "where" left empty goes with it. */
export function remove(root: Group, id: string): void {
  const at = locate(root, id);
  if (at?.parent) at.parent.rules.splice(at.index, 1);
  if (at?.owner && (at.node === at.owner.where || (at.parent === at.owner.where && !at.parent?.rules.length)))
    delete at.owner.where;
}

export function duplicate(root: Group, id: string): string | undefined {
  const at = locate(root, id);
  if (!at?.parent) return undefined;
  const copy = rekey(at.node);
  at.parent.rules.splice(at.index + 1, 0, copy);
  return copy.id;
}

/** Up (-1) or down (+1) among its siblings. */
export function shift(root: Group, id: string, delta: -1 | 1): boolean {
  const at = locate(root, id);
  const target = at ? at.index + delta : -1;
  if (!at?.parent || target < 0 || target >= at.parent.rules.length) return false;
  const [node] = at.parent.rules.splice(at.index, 1);
  at.parent.rules.splice(target, 0, node!);
  return true;
}

/**
 * Into the group just above it (at its end); when the node above is not a group, into a new group in its place,
 * combining the other way than its parent (indenting is how "A and (B or C)" is made).
 */
export function indent(root: Group, id: string): boolean {
  const at = locate(root, id);
  if (!at?.parent || !moves(root, id).indent) return false;
  const above = at.parent.rules[at.index - 1];
  at.parent.rules.splice(at.index, 1);
  if (above?.kind === 'group') above.rules.push(at.node);
  else at.parent.rules.splice(at.index, 0, newGroup(at.parent.combinator === 'and' ? 'or' : 'and', [at.node]));
  return true;
}

/** Out of its group, just after it; a group left empty goes. Never out of the root or of a behaviour's `where`. */
export function outdent(root: Group, id: string): boolean {
  const at = locate(root, id);
  const grand = at?.ancestors.at(-2);
  if (!at?.parent || !grand) return false;
  at.parent.rules.splice(at.index, 1);
  const parentIndex = grand.rules.indexOf(at.parent);
  grand.rules.splice(parentIndex + 1, 0, at.node);
  if (at.parent.rules.length === 0) grand.rules.splice(parentIndex, 1);
  return true;
}

export type DropPosition = 'before' | 'after' | 'inside';

/** Whether `id` may be dropped at `target`: same part of the rule, and never into itself. */
export function canDrop(root: Group, id: string, targetId: string, position: DropPosition): boolean {
  if (id === targetId) return false;
  const from = locate(root, id);
  const to = locate(root, targetId);
  if (!from?.parent || !to) return false;
  if (position === 'inside' ? to.node.kind !== 'group' : !to.parent) return false;
  if ((from.owner?.id ?? '') !== (to.owner?.id ?? '')) return false;
  if (from.node.kind !== 'group') return true;
  for (const inner of nodes(from.node)) if (inner.id === targetId) return false;
  return true;
}

/** Moves `id` before or after `target`, or to the end of the group `target`. */
export function drop(root: Group, id: string, targetId: string, position: DropPosition): boolean {
  if (!canDrop(root, id, targetId, position)) return false;
  const from = locate(root, id)!;
  from.parent!.rules.splice(from.index, 1);
  const to = locate(root, targetId)!;
  if (position === 'inside') (to.node as Group).rules.push(from.node);
  else to.parent!.rules.splice(to.index + (position === 'after' ? 1 : 0), 0, from.node);
  return true;
}

/**
 * The node that an engine path (`['rules', 2, 'where', 'rules', 0, 'value']`) names, and the key after it
 * (`value`), for showing an issue where it belongs.
 */
export function nodeAtPath(root: Group, path: readonly (string | number)[]): { node: BuilderNode; part: string } {
  let node: BuilderNode = root;
  let i = 0;
  while (i < path.length) {
    const step = path[i];
    if (step === 'rules' && node.kind === 'group' && typeof path[i + 1] === 'number') {
      const child: BuilderNode | undefined = node.rules[path[i + 1] as number];
      if (!child) break;
      node = child;
      i += 2;
    } else if (step === 'where' && node.kind === 'event' && node.where) {
      node = node.where;
      i += 1;
    } else break;
  }
  return { node, part: typeof path[i] === 'string' ? (path[i] as string) : '' };
}
