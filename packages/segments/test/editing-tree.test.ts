import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import {
  MAX_DEPTH,
  canDrop,
  dropNode,
  duplicateNode,
  editRule,
  emptyRule,
  indentNode,
  locateNode,
  newCondition,
  newEvent,
  newGroup,
  nodeAtPath,
  nodeMoves,
  normalizeRule,
  outdentNode,
  rekeyNode,
  removeNode,
  ruleNodes,
  shiftNode,
  type Condition,
  type EventCondition,
  type Group,
  type SegmentRule,
} from '../src/index.js';

const cond = (id: string, field = 'name'): Condition => ({ kind: 'condition', id, field, op: 'eq', value: id });
const group = (id: string, rules: Group['rules'], combinator: 'and' | 'or' = 'and'): Group => ({
  kind: 'group',
  id,
  combinator,
  rules,
});
const ids = (g: Group): unknown => g.rules.map((n) => (n.kind === 'group' ? { [n.id!]: ids(n) } : n.id));

/** root: a, (g: b, c), e(where w: x) */
function sample(): SegmentRule {
  const event: EventCondition = {
    kind: 'event',
    id: 'e',
    activityType: 'purchase',
    where: group('w', [cond('x', 'data.total')]),
  };
  return group('root', [cond('a'), group('g', [cond('b'), cond('c')], 'or'), event]);
}

describe('rule editing: the tree', () => {
  describe('normalizeRule', () => {
    it('keys every node, keeps valid ids, re-keys duplicates and drops unknown keys', () => {
      const rule = normalizeRule({
        kind: 'group',
        id: 'root',
        combinator: 'or',
        extra: 1,
        rules: [
          { kind: 'condition', id: 'same', field: 'name', op: 'eq', value: 'x', junk: true },
          { kind: 'condition', id: 'same', field: 'name', op: 'eq', value: 'y' },
          { kind: 'condition', id: '<bad id>', field: 'age', op: 'gt', value: 'not a number' },
        ],
      });
      expect(rule.id).to.equal('root');
      expect(rule.combinator).to.equal('or');
      expect(rule).not.to.have.property('extra');
      const [first, second, third] = rule.rules as Condition[];
      expect(first!.id).to.equal('same');
      expect(first).not.to.have.property('junk');
      expect(second!.id)
        .to.match(/^[A-Za-z0-9_-]+$/)
        .and.not.equal('same');
      expect(third!.id).to.not.equal('<bad id>');
      // A value that does not fit its operator is kept, for the builder to show at its condition.
      expect(third!.value).to.equal('not a number');
    });

    it('reads JSON text and never shares objects with its input', () => {
      const input = sample();
      const rule = normalizeRule(input);
      expect(rule).to.deep.equal(input);
      expect(rule).not.to.equal(input);
      expect(normalizeRule(JSON.stringify(input))).to.deep.equal(input);
    });

    it('refuses what is not a rule tree with a CrmValidationError naming each place', () => {
      const refuse = (input: unknown): CrmValidationError => {
        try {
          normalizeRule(input);
        } catch (error) {
          expect(error).to.be.instanceOf(CrmValidationError);
          return error as CrmValidationError;
        }
        throw new Error('accepted');
      };
      expect(refuse('{not json').issues[0]!.code).to.equal('invalid_json');
      expect(refuse({ kind: 'condition', field: 'a', op: 'eq' }).issues[0]!.message).to.match(/root must be a group/);
      const bad = refuse({
        kind: 'group',
        combinator: 'xor',
        rules: [
          { kind: 'nope' },
          { kind: 'event', activityType: 'a', where: { kind: 'group', combinator: 'and', rules: [{ kind: 'event' }] } },
        ],
      });
      const paths = bad.issues.map((issue) => issue.path.join('.'));
      expect(paths).to.include.members(['combinator', 'rules.0', 'rules.1.where.rules.0']);
      let deep: unknown = { kind: 'condition', field: 'a', op: 'eq' };
      for (let i = 0; i < MAX_DEPTH + 1; i++) deep = { kind: 'group', combinator: 'and', rules: [deep] };
      expect(refuse(deep).issues[0]!.message).to.match(/deeper/);
    });
  });

  it('creates keyed nodes', () => {
    expect(newCondition()).to.include({ kind: 'condition', field: '', op: '' });
    expect(newEvent('purchase')).to.deep.include({ activityType: 'purchase', count: { op: 'gte', value: 1 } });
    expect(newGroup('or').rules).to.have.length(1);
    expect(emptyRule().rules).to.deep.equal([]);
    expect(newCondition().id).to.not.equal(newCondition().id);
  });

  it('locates nodes, their group, ancestors and the behaviour that owns them', () => {
    const rule = sample();
    expect(locateNode(rule, 'c')).to.include({ index: 1, owner: undefined });
    expect(locateNode(rule, 'c')!.ancestors.map((g) => g.id)).to.deep.equal(['root', 'g']);
    expect(locateNode(rule, 'x')!.owner!.id).to.equal('e');
    expect(locateNode(rule, 'w')!.parent).to.equal(undefined);
    expect(locateNode(rule, 'nope')).to.equal(undefined);
    expect([...ruleNodes(rule)].map((n) => n.id)).to.deep.equal(['root', 'a', 'g', 'b', 'c', 'e', 'w', 'x']);
  });

  it('edits a copy, and duplicates with new ids', () => {
    const rule = sample();
    const next = editRule(rule, (draft) => void shiftNode(draft, 'a', 1));
    expect(ids(rule)).to.deep.equal(['a', { g: ['b', 'c'] }, 'e']);
    expect(ids(next)).to.deep.equal([{ g: ['b', 'c'] }, 'a', 'e']);
    const copy = rekeyNode(rule.rules[2] as EventCondition);
    expect(copy.id).to.not.equal('e');
    expect(copy.where!.rules[0]!.id).to.not.equal('x');
    const id = duplicateNode(next, 'g')!;
    expect(next.rules[1]!.id).to.equal(id);
    expect((next.rules[1] as Group).rules.map((n) => n.id)).to.not.include('b');
  });

  it('moves up, down, in and out, and says which moves a node can make', () => {
    const rule = sample();
    expect(nodeMoves(rule, 'a')).to.deep.equal({ up: false, down: true, indent: true, outdent: false });
    expect(nodeMoves(rule, 'b')).to.deep.include({ up: false, down: true, outdent: true });
    expect(nodeMoves(rule, 'root')).to.deep.equal({ up: false, down: false, indent: false, outdent: false });
    expect(shiftNode(rule, 'a', -1)).to.equal(false);
    // Indenting under a condition makes a group that combines the other way.
    expect(indentNode(rule, 'g')).to.equal(true);
    const made = rule.rules[1] as Group;
    expect(made).to.deep.include({ kind: 'group', combinator: 'or' });
    expect(ids(rule)).to.deep.equal(['a', { [made.id!]: [{ g: ['b', 'c'] }] }, 'e']);
    // Out again: the group made for it, now empty, goes.
    expect(outdentNode(rule, 'g')).to.equal(true);
    expect(ids(rule)).to.deep.equal(['a', { g: ['b', 'c'] }, 'e']);
    const fresh = sample();
    expect(indentNode(fresh, 'e')).to.equal(true);
    expect(ids(fresh)).to.deep.equal(['a', { g: ['b', 'c', 'e'] }]);
    expect(outdentNode(fresh, 'e')).to.equal(true);
    expect(ids(fresh)).to.deep.equal(['a', { g: ['b', 'c'] }, 'e']);
    // An emptied group goes.
    expect(outdentNode(fresh, 'b') && outdentNode(fresh, 'c')).to.equal(true);
    expect(ids(fresh)).to.deep.equal(['a', 'c', 'b', 'e']);
    // Never out of a behaviour's where.
    expect(outdentNode(fresh, 'x')).to.equal(false);
  });

  it('removes nodes; a behaviour whose where is emptied loses it', () => {
    const rule = sample();
    removeNode(rule, 'b');
    expect(ids(rule)).to.deep.equal(['a', { g: ['c'] }, 'e']);
    removeNode(rule, 'x');
    expect(rule.rules[2]).to.not.have.property('where');
  });

  it('drops before, after and inside, never into itself or across a behaviour', () => {
    const rule = sample();
    expect(canDrop(rule, 'g', 'b', 'before')).to.equal(false);
    expect(canDrop(rule, 'a', 'x', 'after')).to.equal(false);
    expect(canDrop(rule, 'a', 'a', 'after')).to.equal(false);
    expect(canDrop(rule, 'a', 'b', 'inside')).to.equal(false);
    expect(dropNode(rule, 'a', 'g', 'inside')).to.equal(true);
    expect(ids(rule)).to.deep.equal([{ g: ['b', 'c', 'a'] }, 'e']);
    expect(dropNode(rule, 'e', 'b', 'before')).to.equal(true);
    expect(ids(rule)).to.deep.equal([{ g: ['e', 'b', 'c', 'a'] }]);
    expect(dropNode(rule, 'a', 'g', 'after')).to.equal(true);
    expect(ids(rule)).to.deep.equal([{ g: ['e', 'b', 'c'] }, 'a']);
  });

  it('maps an engine path to its node and part', () => {
    const rule = sample();
    expect(nodeAtPath(rule, ['rules', 1, 'rules', 0, 'value'])).to.deep.include({ part: 'value' });
    expect(nodeAtPath(rule, ['rules', 1, 'rules', 0, 'value']).node.id).to.equal('b');
    expect(nodeAtPath(rule, ['rules', 2, 'where', 'rules', 0, 'field']).node.id).to.equal('x');
    expect(nodeAtPath(rule, ['rules', 9, 'op']).node.id).to.equal('root');
    expect(nodeAtPath(rule, []).part).to.equal('');
  });
});
