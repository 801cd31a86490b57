import { expect } from 'chai';
import { checkRule, type CheckContext, type SegmentField, type SegmentRule } from '../src/index.js';

const FIELDS: SegmentField[] = [
  { path: 'age', type: 'number' },
  { path: 'name', type: 'string' },
  { path: 'stage', type: 'enum', enumValues: ['a', 'b'] },
];
const ACTIVITY: SegmentField[] = [
  { path: 'at', type: 'date' },
  { path: 'data.total', type: 'number' },
];
const context: CheckContext = {
  fields: FIELDS,
  operators: [],
  activityFields: (type) => (type === 'purchase' ? ACTIVITY : []),
  t: (key) => `«${key}»`,
};

describe('rule editing: checkRule', () => {
  it('leaves unfinished nodes out of the countable rule and says what each lacks', () => {
    const rule: SegmentRule = {
      kind: 'group',
      id: 'root',
      combinator: 'and',
      rules: [
        { kind: 'condition', id: 'done', field: 'age', op: 'gt', value: 30 },
        { kind: 'condition', id: 'nofield', field: '', op: '' },
        { kind: 'condition', id: 'noop', field: 'age', op: '' },
        { kind: 'condition', id: 'novalue', field: 'age', op: 'between', value: [1, ''] },
        { kind: 'group', id: 'empty', combinator: 'or', rules: [] },
        { kind: 'event', id: 'noactivity', activityType: '' },
      ],
    };
    const checked = checkRule(rule, context);
    expect(checked.unfinished).to.equal(5);
    expect(checked.countable).to.deep.equal({
      kind: 'group',
      id: 'root',
      combinator: 'and',
      rules: [{ kind: 'condition', id: 'done', field: 'age', op: 'gt', value: 30 }],
    });
    const at = Object.fromEntries(checked.issues.map((issue) => [issue.node, `${issue.part} ${issue.text}`]));
    expect(at).to.deep.equal({
      nofield: 'field «segment.issue.field»',
      noop: 'op «segment.issue.operator»',
      novalue: 'value «segment.issue.range»',
      empty: 'rules «segment.issue.emptyGroup»',
      noactivity: 'activityType «segment.issue.activity»',
    });
    expect(checked.issues.every((issue) => issue.code === 'incomplete' || issue.code === 'empty_group')).to.equal(true);
  });

  it("puts the engine's issues on their node, a behaviour's where against its activity's fields", () => {
    const rule: SegmentRule = {
      kind: 'group',
      id: 'root',
      combinator: 'and',
      rules: [
        { kind: 'condition', id: 'gone', field: 'removed', op: 'eq', value: 1 },
        { kind: 'condition', id: 'wrongop', field: 'stage', op: 'contains', value: 'a' },
        { kind: 'condition', id: 'notnumber', field: 'age', op: 'gt', value: 'many' },
        {
          kind: 'event',
          id: 'buy',
          activityType: 'purchase',
          where: {
            kind: 'group',
            id: 'w',
            combinator: 'and',
            rules: [
              { kind: 'condition', id: 'total', field: 'data.total', op: 'gt', value: 'lots' },
              { kind: 'condition', id: 'fine', field: 'data.total', op: 'gt', value: 5 },
            ],
          },
        },
      ],
    };
    const checked = checkRule(rule, context);
    expect(checked.countable).to.equal(undefined);
    const at = Object.fromEntries(checked.issues.map((issue) => [issue.node, issue.text]));
    expect(at).to.deep.equal({
      gone: '«segment.issue.unknownField»',
      wrongop: '«segment.issue.operatorNotAllowed»',
      notnumber: '«segment.issue.number»',
      total: '«segment.issue.number»',
    });
  });

  it('counts a rule with nothing wrong as it is', () => {
    const rule: SegmentRule = {
      kind: 'group',
      id: 'root',
      combinator: 'or',
      rules: [{ kind: 'condition', id: 'n', field: 'name', op: 'contains', value: 'ş' }],
    };
    expect(checkRule(rule, context)).to.deep.equal({ issues: [], countable: rule, unfinished: 0 });
  });
});
