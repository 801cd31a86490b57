/**
 * The builder's rule tree and the edits on it. Every node carries an `id` (the rule format's own key for builders);
 * an edit clones the tree and changes the clone, so each state is a plain value that the element can hand out.
 * Nodes inside a behavioural condition's `where` belong to that condition: no edit moves them out of it, or others in.
 */
import { CrmValidationError, type CrmIssue } from '@crmkit/core';
import { MAX_DEPTH, type Condition, type EventCondition, type Group, type SegmentRule } from '@crmkit/segments';
import type { BuilderNode } from './segment-builder.types.js';

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
  let json: unknown;
  try {
    json = typeof input === 'string' ? JSON.parse(input) : JSON.parse(JSON.stringify(input) ?? 'null');
  } catch (error) {
    throw new CrmValidationError(
      [
        {
          path: [],
          message: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
          code: 'invalid_json',
        },
      ],
      'segment rule',
    );
  }
  const issues: CrmIssue[] = [];
  const seen = new Set<string>();
  const problem = (path: Path, message: string) => issues.push({ path, message, code: 'invalid_rule' });
  const key = (value: unknown): string => {
    const id = typeof value === 'string' && ID.test(value) && !seen.has(value) ? value : newId();
    seen.add(id);
    return id;
  };

  const group = (value: Record<string, unknown>, path: Path, depth: number, inWhere: boolean): Group => {
    const { combinator, rules, not } = value;
    if (combinator !== 'and' && combinator !== 'or') problem([...path, 'combinator'], 'must be "and" or "or"');
    if (not !== undefined && typeof not !== 'boolean') problem([...path, 'not'], 'must be true or false');
    if (!Array.isArray(rules)) problem([...path, 'rules'], 'must be a list');
    const out: Group = {
      kind: 'group',
      id: key(value.id),
      combinator: combinator === 'or' ? 'or' : 'and',
      rules: [],
    };
    if (not === true) out.not = true;
    if (Array.isArray(rules)) {
      rules.forEach((child: unknown, i) => {
        const built = node(child, [...path, 'rules', i], depth + 1, inWhere);
        if (built) out.rules.push(built);
      });
    }
    return out;
  };

  const node = (value: unknown, path: Path, depth: number, inWhere: boolean): BuilderNode | undefined => {
    if (depth > MAX_DEPTH) {
      problem(path, `rules nest deeper than ${MAX_DEPTH} levels`);
      return undefined;
    }
    if (!isObject(value)) {
      problem(path, 'must be a group, a condition or a behaviour');
      return undefined;
    }
    if (value.kind === 'group') return group(value, path, depth, inWhere);
    if (value.kind === 'condition') {
      const { field, op, caseSensitive } = value;
      if (typeof field !== 'string') problem([...path, 'field'], 'must be a field path');
      if (typeof op !== 'string') problem([...path, 'op'], 'must be an operator');
      if (caseSensitive !== undefined && typeof caseSensitive !== 'boolean')
        problem([...path, 'caseSensitive'], 'must be true or false');
      const out: Condition = { kind: 'condition', id: key(value.id), field: String(field ?? ''), op: String(op ?? '') };
      if ('value' in value) out.value = value.value;
      if (caseSensitive === true) out.caseSensitive = true;
      return out;
    }
    if (value.kind === 'event' && !inWhere) {
      const { activityType, withinDays, count, where } = value;
      if (typeof activityType !== 'string') problem([...path, 'activityType'], 'must be an activity type');
      const out: EventCondition = { kind: 'event', id: key(value.id), activityType: String(activityType ?? '') };
      if (withinDays !== undefined) out.withinDays = withinDays as number;
      if (count !== undefined) {
        if (!isObject(count) || !['gte', 'lte', 'eq'].includes(count.op as string)) {
          problem([...path, 'count'], 'must be { op: "gte" | "lte" | "eq", value }');
        } else out.count = { op: count.op as 'gte', value: count.value as number };
      }
      if (where !== undefined) {
        if (isObject(where) && where.kind === 'group') out.where = group(where, [...path, 'where'], depth + 1, true);
        else problem([...path, 'where'], 'must be a group');
      }
      return out;
    }
    problem(path, inWhere && value.kind === 'event' ? 'a behaviour cannot sit inside another' : 'unknown kind');
    return undefined;
  };

  if (!isObject(json) || json.kind !== 'group') problem([], 'a segment rule is a group at the root');
  const rule = isObject(json) && json.kind === 'group' ? group(json, [], 1, false) : emptyRule();
  if (issues.length) throw new CrmValidationError(issues, 'segment rule');
  return rule;
}

/** Where a node sits: its group, its index there, and the behaviour whose `where` holds it (if any). */
export interface Location {
  node: BuilderNode;
  parent: Group | undefined;
  index: number;
  /** The behavioural condition whose `where` holds the node; undefined in the customer part of the rule. */
  owner: EventCondition | undefined;
  /** The groups from the root (or the `where`) down to the parent. */
  ancestors: Group[];
}

export function locate(root: Group, id: string): Location | undefined {
  const visit = (group: Group, owner: EventCondition | undefined, ancestors: Group[]): Location | undefined => {
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

export function remove(root: Group, id: string): void {
  const at = locate(root, id);
  if (at?.parent) at.parent.rules.splice(at.index, 1);
  else if (at?.owner && at.node === at.owner.where) delete at.owner.where;
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
