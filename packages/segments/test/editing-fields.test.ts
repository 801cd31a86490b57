import { expect } from 'chai';
import { createCrm, type Crm } from '@crmkit/core';
import {
  MATCHES,
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
  matchOf,
  parseNumber,
  pluginOperators,
  putValue,
  readCount,
  readable,
  scalarEditor,
  searchFields,
  segmentFields,
  segmentsPlugin,
  setConditionField,
  setConditionOperator,
  setGroupMatch,
  writeCount,
  type Condition,
  type EventCondition,
  type Group,
  type SegmentField,
} from '../src/index.js';
import { now } from './support/crm.js';

const city: SegmentField = {
  path: 'address.city',
  type: 'string',
  label: { en: 'City', tr: 'Şehir' },
  group: 'contact',
};
const age: SegmentField = { path: 'age', type: 'number', group: 'customer' };
const joined: SegmentField = { path: 'createdAt', type: 'date', group: 'customer' };
const stage: SegmentField = { path: 'stage', type: 'enum', enumValues: ['a', 'b'], group: 'analytics' };
const vip: SegmentField = { path: 'vip', type: 'boolean' };
const tags: SegmentField = { path: 'tags', type: 'array', group: 'customer' };
const FIELDS = [city, age, joined, stage, vip, tags];

describe('rule editing: fields, editors and edits', () => {
  it('labels in the reader’s language, else English, else readable', () => {
    expect(labelOf(city.label, 'tr', 'x')).to.equal('Şehir');
    expect(labelOf(city.label, 'de', 'x')).to.equal('City');
    expect(labelOf(undefined, 'en', readable('metrics.lastPurchaseAt'))).to.equal('Last Purchase At');
    expect(labelOf('', 'en', 'fallback')).to.equal('fallback');
  });

  it('groups fields in order and searches them Turkish-aware, within a limit', () => {
    expect(fieldGroups(FIELDS, 'en').map((group) => group.name)).to.deep.equal([
      'contact',
      'customer',
      'analytics',
      '',
    ]);
    expect(fieldGroups(FIELDS, 'en')).to.equal(fieldGroups(FIELDS, 'en'));
    const found = searchFields(FIELDS, 'SEHIR', 'tr', 10);
    expect(found.total).to.equal(1);
    expect(found.groups[0]!.items[0]!.field).to.equal(city);
    const limited = searchFields(FIELDS, '', 'en', 2);
    expect(limited.total).to.equal(FIELDS.length);
    expect(limited.groups.flatMap((group) => group.items)).to.have.length(2);
  });

  it('chooses the value editor from the operator and the field', () => {
    expect(editorFor('', city)).to.equal('none');
    expect(editorFor('isEmpty', city)).to.equal('none');
    expect(editorFor('withinLastDays', joined)).to.equal('days');
    expect(editorFor('between', age)).to.equal('range');
    expect(editorFor('contains', city)).to.equal('text');
    expect(editorFor('in', stage)).to.equal('multi');
    expect(editorFor('in', city)).to.equal('tags');
    expect(editorFor('eq', stage)).to.equal('choice');
    expect(editorFor('eq', vip)).to.equal('boolean');
    expect(editorFor('gt', age)).to.equal('number');
    expect(editorFor('eq', joined)).to.equal('date');
    expect(scalarEditor(age)).to.equal('number');
    expect(scalarEditor(undefined)).to.equal('text');
  });

  it('carries a value across editors as far as it fits', () => {
    expect(carryValue('x', 'text', 'text')).to.equal('x');
    expect(carryValue('x', 'text', 'tags')).to.deep.equal(['x']);
    expect(carryValue(['x', 'y'], 'tags', 'text')).to.equal('x');
    expect(carryValue([1, 2], 'range', 'number')).to.equal(undefined);
    expect(carryValue('x', 'text', 'boolean')).to.equal(undefined);
    expect(carryValue('', 'text', 'multi')).to.equal(undefined);
  });

  it('says which part of a node is unfinished', () => {
    const condition = (patch: Partial<Condition>): Condition => ({ kind: 'condition', field: '', op: '', ...patch });
    expect(incompletePart(condition({}), undefined)).to.equal('field');
    expect(incompletePart(condition({ field: 'age' }), age)).to.equal('op');
    expect(incompletePart(condition({ field: 'age', op: 'gt' }), age)).to.equal('value');
    expect(incompletePart(condition({ field: 'age', op: 'between', value: [1, ''] }), age)).to.equal('value');
    expect(incompletePart(condition({ field: 'age', op: 'isEmpty' }), age)).to.equal(undefined);
    expect(incompletePart(condition({ field: 'age', op: 'gt', value: 3 }), age)).to.equal(undefined);
    expect(incompletePart({ kind: 'event', activityType: '' }, undefined)).to.equal('activityType');
  });

  it('reads numbers as typed, a Turkish decimal comma included', () => {
    expect(parseNumber(' 12 ')).to.equal(12);
    expect(parseNumber('3,5')).to.equal(3.5);
    expect(parseNumber('-1e3')).to.equal(-1000);
    expect(parseNumber('12a')).to.equal('12a');
    expect(parseNumber('  ')).to.equal(undefined);
  });

  it('maps fields to default SQL columns', () => {
    expect(defaultColumns([city, age, tags])).to.deep.equal({
      'address.city': { name: 'address_city', type: 'text', folded: 'address_city_folded' },
      age: { name: 'age', type: 'number' },
      tags: { name: 'tags', type: 'text[]', folded: 'tags_folded' },
    });
    const activities = defaultActivities([
      { path: 'at', type: 'date' },
      { path: 'data.total', type: 'number' },
    ]);
    expect(activities).to.deep.equal({
      table: 'activities',
      customerId: 'customer_id',
      columns: { 'data.total': { name: 'data_total', type: 'number' } },
    });
  });

  it("edits a condition's field and operator, keeping what still fits", () => {
    const node: Condition = {
      kind: 'condition',
      field: 'address.city',
      op: 'eq',
      value: 'Ankara',
      caseSensitive: true,
    };
    setConditionOperator(node, 'in', city);
    expect(node).to.deep.include({ op: 'in', value: ['Ankara'] });
    setConditionField(node, { ...city, path: 'address.district' }, city, ['in', 'eq']);
    expect(node).to.deep.include({ field: 'address.district', op: 'in', value: ['Ankara'], caseSensitive: true });
    setConditionField(node, age, city, ['gt', 'lt']);
    expect(node).to.deep.equal({ kind: 'condition', field: 'age', op: 'gt' });
    putValue(node, 4);
    expect(node.value).to.equal(4);
    putValue(node, undefined);
    expect(node).not.to.have.property('value');
  });

  it("reads and writes a group's match", () => {
    const group: Group = { kind: 'group', combinator: 'and', rules: [] };
    for (const match of MATCHES) {
      setGroupMatch(group, match);
      expect(matchOf(group)).to.equal(match);
    }
    setGroupMatch(group, 'or');
    expect(group).to.deep.equal({ kind: 'group', combinator: 'or', rules: [] });
  });

  it("reads and writes a behaviour's count ('did not … at least N' is stored as at most N − 1)", () => {
    const node: EventCondition = { kind: 'event', activityType: 'purchase' };
    expect(readCount(node)).to.deep.equal({ mode: 'did', frequency: 'gte', times: 1 });
    writeCount(node, { times: 3 });
    expect(node.count).to.deep.equal({ op: 'gte', value: 3 });
    writeCount(node, { frequency: 'eq' });
    expect(node.count).to.deep.equal({ op: 'eq', value: 3 });
    writeCount(node, { mode: 'didNot' });
    expect(node.count).to.deep.equal({ op: 'lte', value: 2 });
    expect(readCount(node)).to.deep.equal({ mode: 'didNot', frequency: 'gte', times: 3 });
    writeCount(node, { times: '' });
    expect(readCount(node).times).to.equal('');
  });

  describe('with a crm', () => {
    let crm: Crm;
    before(async () => {
      crm = await createCrm({ now, plugins: [segmentsPlugin()] });
    });
    after(() => crm.close());

    it("offers the crm's customer fields, activity types and their fields", () => {
      expect(customerFields(crm).map((field) => field.path)).to.deep.equal(segmentFields(crm).map((f) => f.path));
      expect(pluginOperators(undefined)).to.deep.equal([]);
      const types = activityTypes(crm).map((type) => type.type);
      expect(types).to.include('purchase');
      const fields = activityFields(crm, 'purchase');
      expect(fields[0]).to.deep.include({ path: 'at', type: 'date', group: 'activity' });
      expect(fields.every((field) => typeof field.label === 'object')).to.equal(true);
      expect(fields.some((field) => field.path.startsWith('data.'))).to.equal(true);
      expect(activityFields(crm, 'no-such-type').map((field) => field.path)).to.deep.equal(['at']);
    });
  });
});
