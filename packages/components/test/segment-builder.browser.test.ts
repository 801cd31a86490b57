import { html } from '@open-wc/testing';
import { CrmValidationError, definePlugin } from '@crmkit/core';
import type { SegmentRule } from '@crmkit/segments';
import '../src/index.js';
import { CrmSegmentChangeEvent, type CrmSegmentBuilder } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, mount, text, until } from './support.js';
import {
  addCondition,
  builder,
  choose,
  audienceOf,
  countIs,
  pickField,
  segmentCrm,
  type,
} from './segment-builder-support.js';

/** The rule without the builder's node ids, to compare with what a test means. */
function plain(rule: unknown): unknown {
  return JSON.parse(JSON.stringify(rule, (key, value: unknown) => (key === 'id' ? undefined : value)));
}

const valueInput = (node: HTMLElement) => node.querySelector<HTMLInputElement>('[part="value-input"]')!;
const operators = (node: HTMLElement) =>
  [...node.querySelectorAll<HTMLOptionElement>('[part="operator"] option')].map((option) => option.value);

describe('crm-segment-builder', () => {
  it('waits for a crm with a skeleton, then starts with an empty rule and asks for a condition', async () => {
    const waiting = await builder(undefined);
    expect($$(waiting, '[part="skeleton"]')).to.have.length(1);
    await expect(waiting).to.be.accessible();

    const { crm } = await segmentCrm();
    const el = await builder(crm);
    await countIs(el, 'Add a condition to see how many customers match.');
    expect(plain(el.value)).to.deep.equal({ kind: 'group', combinator: 'and', rules: [] });
    expect(text($(el, '[role="heading"]'))).to.equal('Segment');
    expect($$(audienceOf(el), '[part="preview"]')).to.have.length(0);
    await expect(el).to.be.accessible();
    await expect(audienceOf(el)).to.be.accessible();
  });

  it('lists the fields grouped and finds them Turkish-aware; the operators follow the field type', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm, { lang: 'tr' });
    $(el, '[data-act="add-condition"]').click();
    await el.updateComplete;
    const search = $<HTMLInputElement>(el, '[part="field-search"]');
    expect(el.shadowRoot!.activeElement).to.equal(search);
    expect(search.getAttribute('role')).to.equal('combobox');
    const groups = $$(el, '[part="field-options"] [role="group"]').map((group) =>
      text(group.querySelector('.group-label')),
    );
    expect(groups).to.deep.equal(['Müşteri', 'Analitik']);
    type(search, 'SEHİR');
    await el.updateComplete;
    const options = $$(el, '[role="option"]');
    expect(options.map((option) => option.querySelector('.path')!.textContent)).to.deep.equal(['address.city']);
    expect(options[0]!.textContent).to.contain('Şehir');
    await expect(el).to.be.accessible();
    options[0]!.click();
    await el.updateComplete;
    const node = $(el, '[part="condition"]');
    expect(text(node.querySelector('button.field'))).to.equal('Alan: Şehir');
    expect(operators(node)).to.include.members(['eq', 'contains', 'startsWith', 'isEmpty']);
    expect(operators(node)).not.to.include('withinLastDays');
    expect(el.shadowRoot!.activeElement).to.equal(node.querySelector('[part="operator"]'));

    await pickField(el, node, 'lifecycle.totalSpent');
    expect(operators(node)).to.include.members(['gt', 'between']);
    expect(operators(node)).not.to.include('contains');
    await pickField(el, node, 'createdAt');
    expect(operators(node)).to.include.members(['withinLastDays', 'before']);
    await pickField(el, node, 'tags');
    expect(operators(node)).to.deep.equal(['hasAny', 'hasAll', 'hasNone', 'isEmpty', 'isNotEmpty']);
  });

  it('gives each operator its value editor', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    const cases: Array<[string, string, string]> = [
      ['address.city', 'contains', 'input[type="text"]'],
      ['lifecycle.totalSpent', 'gt', 'input[inputmode="decimal"]'],
      ['lifecycle.totalSpent', 'between', '[role="group"] input + span + input'],
      ['createdAt', 'before', 'input[type="date"]'],
      ['createdAt', 'withinLastDays', 'input[aria-label="Number of days"]'],
      ['lifecycle.stage', 'in', 'fieldset input[type="checkbox"]'],
      ['lifecycle.stage', 'eq', 'select[part="value-input"]'],
      ['lifecycle.partner', 'eq', 'select[part="value-input"] option[value="true"]'],
      ['tags', 'hasAny', '[part="tags"] input'],
    ];
    for (const [path, op, selector] of cases) {
      const node = await addCondition(el, path, op);
      expect(node.querySelector(selector), `${path} ${op}`).to.not.equal(null);
    }
    const empty = await addCondition(el, 'company', 'isEmpty');
    expect(empty.querySelector('[part="value-input"]')).to.equal(null);
    const stage = $$(el, '[part="condition"]')[5]!;
    expect([...stage.querySelectorAll('label.choice')].map((label) => text(label))).to.deep.equal([
      'Acquisition',
      'Development',
      'Retention',
      'Decline',
    ]);
    await expect(el).to.be.accessible();
  });

  it('edits values in every editor and keeps the rule in step', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    const spent = await addCondition(el, 'lifecycle.totalSpent', 'between');
    const [low, high] = spent.querySelectorAll<HTMLInputElement>('input');
    type(low!, '1000');
    type(high!, '200000');
    const stage = await addCondition(el, 'lifecycle.stage', 'in');
    stage.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[2]!.click();
    const tags = await addCondition(el, 'tags', 'hasAny');
    const tagInput = tags.querySelector<HTMLInputElement>('[part="tags"] input')!;
    tagInput.value = 'vip, wholesale';
    tagInput.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    const days = await addCondition(el, 'createdAt', 'withinLastDays');
    type(valueInput(days), '30');
    await el.updateComplete;
    expect(plain(el.value)).to.deep.equal({
      kind: 'group',
      combinator: 'and',
      rules: [
        { kind: 'condition', field: 'lifecycle.totalSpent', op: 'between', value: [1000, 200000] },
        { kind: 'condition', field: 'lifecycle.stage', op: 'in', value: ['retention'] },
        { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip', 'wholesale'] },
        { kind: 'condition', field: 'createdAt', op: 'withinLastDays', value: 30 },
      ],
    });
    await countIs(el, '2 customers match');
    // A tag goes with its remove button; Backspace in the empty box removes the last one.
    tags.querySelector<HTMLButtonElement>('.tag button')!.click();
    await el.updateComplete;
    expect(tags.querySelectorAll('.tag')).to.have.length(1);
    tags
      .querySelector('[part="tags"] input')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Backspace', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(tags.querySelectorAll('.tag')).to.have.length(0);
  });

  it('nests groups with all / any / not all / none of', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    const city = await addCondition(el, 'address.city', 'eq');
    type(valueInput(city), 'London');
    $$(el, '[data-act="add-group"]')[0]!.click();
    await el.updateComplete;
    const group = $$(el, '[part="group"]')[1]!;
    expect(group.getAttribute('aria-label')).to.equal('Group 2');
    choose(group.querySelector<HTMLSelectElement>('select.match')!, 'notOr');
    const inner = group.querySelector<HTMLElement>('[part="condition"]')!;
    expect(inner).to.equal(null);
    group.querySelector<HTMLButtonElement>('[data-act="add-condition"]')!.click();
    await el.updateComplete;
    const nested = group.querySelector<HTMLElement>('[part="condition"]')!;
    await pickField(el, nested, 'tags');
    choose(nested.querySelector('[part="operator"]')!, 'hasAny');
    const tagInput = nested.querySelector<HTMLInputElement>('[part="tags"] input')!;
    tagInput.value = 'vip';
    tagInput.dispatchEvent(new Event('change', { bubbles: true }));
    choose($(el, 'select.match'), 'or');
    await el.updateComplete;
    expect(plain(el.value)).to.deep.equal({
      kind: 'group',
      combinator: 'or',
      rules: [
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'London' },
        {
          kind: 'group',
          combinator: 'or',
          not: true,
          rules: [{ kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'] }],
        },
      ],
    });
    // London, or no VIP tag: John and Ayşe.
    await countIs(el, '2 customers match');
    await expect(el).to.be.accessible();
  });

  it('removes and duplicates conditions and groups', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    const city = await addCondition(el, 'address.city', 'eq');
    type(valueInput(city), 'Ankara');
    city.querySelector<HTMLButtonElement>('[part="actions-button"]')!.click();
    await el.updateComplete;
    expect(city.querySelector('[part="actions-button"]')!.getAttribute('aria-expanded')).to.equal('true');
    city.querySelector<HTMLButtonElement>('[data-act="duplicate"]')!.click();
    await el.updateComplete;
    const nodes = $$(el, '[part="condition"]');
    expect(nodes).to.have.length(2);
    expect(nodes[0]!.dataset.node).not.to.equal(nodes[1]!.dataset.node);
    expect(plain(el.value)).to.deep.equal({
      kind: 'group',
      combinator: 'and',
      rules: [
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'Ankara' },
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'Ankara' },
      ],
    });
    nodes[0]!.querySelector<HTMLButtonElement>('[part="remove-button"]')!.click();
    await el.updateComplete;
    expect($$(el, '[part="condition"]')).to.have.length(1);
    expect(text($(el, '.builder > [role="status"]'))).to.equal('Condition 1 removed.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="condition"] [part="handle"]'));
  });

  it('shows validation at the condition and keeps what was typed', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    await countIs(el, 'Add a condition to see how many customers match.');
    const spent = await addCondition(el, 'lifecycle.totalSpent', 'gt');
    // Unfinished: not counted, said gently.
    await until(() => $$(audienceOf(el), '[part="count"] .muted').length === 1, 'unfinished note');
    expect(text($(audienceOf(el), '[part="count"] .muted'))).to.equal('1 unfinished condition is not counted yet.');
    expect(spent.querySelector('[part="issue"]')).to.equal(null);
    type(valueInput(spent), '12a');
    await el.updateComplete;
    expect(valueInput(spent).value).to.equal('12a');
    expect((el.value.rules[0] as { value: unknown }).value).to.equal('12a');
    const issue = spent.querySelector('[part="issue"]')!;
    expect(text(issue)).to.equal('Enter a number.');
    expect(valueInput(spent).getAttribute('aria-invalid')).to.equal('true');
    expect(valueInput(spent).getAttribute('aria-describedby')).to.equal(issue.id);
    await countIs(el, 'Fix the highlighted conditions to see how many customers match.');
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('Enter a number.');
    await expect(el).to.be.accessible();
    type(valueInput(spent), '1000');
    await el.updateComplete;
    expect(spent.querySelector('[part="issue"]')).to.equal(null);
    expect(el.checkValidity()).to.equal(true);
    await countIs(el, '2 customers match');
  });

  it('reports a field that no longer exists and an operator the field does not offer', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    el.value = {
      kind: 'group',
      combinator: 'and',
      rules: [
        { kind: 'condition', field: 'custom.gone', op: 'eq', value: 'x' },
        { kind: 'condition', field: 'lifecycle.totalSpent', op: 'contains', value: '1' },
      ],
    };
    el.reportValidity();
    await el.updateComplete;
    const [gone, wrong] = $$(el, '[part="condition"]');
    expect(text(gone!.querySelector('[part="issue"]'))).to.equal('This field is not available (any more).');
    expect(text(gone!.querySelector('button.field'))).to.equal('Field: custom.gone');
    expect(text(wrong!.querySelector('[part="issue"]'))).to.equal('This comparison does not apply to this field.');
    expect(wrong!.querySelector<HTMLSelectElement>('[part="operator"]')!.value).to.equal('contains');
    expect(el.issues.map((issue) => issue.code)).to.deep.equal(['unknown_field', 'operator_not_allowed']);
  });

  it('builds behaviours: did / did not do an activity at least N times in the last D days, where …', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    $(el, '[data-act="add-event"]').click();
    await el.updateComplete;
    const event = $(el, '[part="event"]');
    expect(el.shadowRoot!.activeElement).to.equal(event.querySelector('select'));
    choose(event.querySelector('select[data-part="activity"]')!, 'purchase');
    await el.updateComplete;
    type(event.querySelector<HTMLInputElement>('input[data-part="times"]')!, '2');
    type(event.querySelector<HTMLInputElement>('input[data-part="days"]')!, '30');
    await countIs(el, '1 customer matches');
    event.querySelector<HTMLButtonElement>('[data-act="add-where"]')!.click();
    await el.updateComplete;
    const where = event.querySelector<HTMLElement>('[part="condition"]')!;
    const search = where.querySelector<HTMLInputElement>('[part="field-search"]')!;
    expect($$(el, '[part="field-options"] .path').map((path) => path.textContent)).to.include.members([
      'at',
      'data.total',
      'data.currency',
    ]);
    expect(el.shadowRoot!.activeElement).to.equal(search);
    await pickField(el, where, 'data.total');
    choose(where.querySelector('[part="operator"]')!, 'gte');
    type(valueInput(where), '500');
    await el.updateComplete;
    expect(plain(el.value)).to.deep.equal({
      kind: 'group',
      combinator: 'and',
      rules: [
        {
          kind: 'event',
          activityType: 'purchase',
          count: { op: 'gte', value: 2 },
          withinDays: 30,
          where: {
            kind: 'group',
            combinator: 'and',
            rules: [{ kind: 'condition', field: 'data.total', op: 'gte', value: 500 }],
          },
        },
      ],
    });
    await countIs(el, '1 customer matches');
    expect(where.querySelector('[data-act="add-event"]')).to.equal(null);
    // "did not buy at least once in the last 30 days": Zeynep (an old purchase) and John.
    where.querySelector<HTMLButtonElement>('[part="remove-button"]')!.click();
    await el.updateComplete;
    choose(event.querySelector('select')!, 'didNot');
    type(event.querySelector<HTMLInputElement>('input[data-part="times"]')!, '1');
    await el.updateComplete;
    expect((el.value.rules[0] as { count: unknown }).count).to.deep.equal({ op: 'lte', value: 0 });
    await countIs(el, '2 customers match');
    await expect(el).to.be.accessible();
  });

  it('fires crm-segment-change for each edit, not for values the host sets', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    const seen: CrmSegmentChangeEvent[] = [];
    el.addEventListener(CrmSegmentChangeEvent.type, (event) => seen.push(event));
    el.value = { kind: 'group', combinator: 'or', rules: [] };
    await el.updateComplete;
    expect(seen).to.have.length(0);
    const city = await addCondition(el, 'address.city', 'eq');
    type(valueInput(city), 'Ankara');
    const last = seen.at(-1)!;
    expect(last.bubbles && last.composed).to.equal(true);
    expect(plain(last.rule)).to.deep.equal({
      kind: 'group',
      combinator: 'or',
      rules: [{ kind: 'condition', field: 'address.city', op: 'eq', value: 'Ankara' }],
    });
    expect(last.issues).to.deep.equal([]);
    type(valueInput(city), '');
    expect(seen.at(-1)!.issues.map((issue) => issue.text)).to.deep.equal(['Enter a value.']);
  });

  it('takes a rule as a property or as JSON, and refuses what is not a rule without changing anything', async () => {
    const { crm } = await segmentCrm();
    const rule: SegmentRule = {
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'], id: 'mine' }],
    };
    const el = await mount<CrmSegmentBuilder>(
      html`<crm-segment-builder .crm=${crm} value=${JSON.stringify(rule)}></crm-segment-builder>`,
    );
    expect(el.value.rules[0]).to.deep.equal(rule.rules[0]);
    expect(el.countable).to.deep.equal(el.value);
    const before = el.value;
    for (const bad of ['{"kind":"condition"}', 'not json', { kind: 'group', combinator: 'xor', rules: [] }, [1]]) {
      expect(() => (el.value = bad as never)).to.throw(CrmValidationError);
      expect(el.value).to.deep.equal(before);
    }
    el.value = JSON.stringify({ kind: 'group', combinator: 'or', rules: [] });
    await el.updateComplete;
    expect($(el, 'select.match').querySelector<HTMLOptionElement>('option:checked')!.value).to.equal('or');
  });

  it('works with fields from the host and no crm', async () => {
    const el = await mount<CrmSegmentBuilder>(
      html`<crm-segment-builder
        .fields=${[{ path: 'score', type: 'number', label: { en: 'Score', tr: 'Puan' }, group: 'Host' }]}
      ></crm-segment-builder>`,
    );
    expect($$(el, '[data-act="add-event"]')).to.have.length(0);
    const node = await addCondition(el, 'score', 'gte');
    type(valueInput(node), '7');
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
    expect(text($(el, '[part="field-button"]'))).to.equal('Field: Score');
  });

  it('speaks Turkish', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm, { lang: 'tr' });
    await countIs(el, 'Kaç müşterinin eşleştiğini görmek için bir koşul ekleyin.');
    expect(text($(el, '.lead'))).to.equal('Şunlara uyan müşteriler:');
    expect(text($(el, '[data-act="add-condition"]'))).to.equal('+ Koşul ekle');
    const node = await addCondition(el, 'lifecycle.stage', 'in');
    expect([...node.querySelectorAll('label.choice')].map((label) => text(label))).to.deep.equal([
      'Edinim',
      'Gelişim',
      'Elde tutma',
      'Düşüş',
    ]);
    await expect(el).to.be.accessible();
  });

  it('uses the plugins’ segment operators', async () => {
    const weekend = definePlugin({
      id: 'weekend',
      version: '1.0.0',
      kit: '^0.1.0',
      register(ctx) {
        ctx.segments.addOperator({
          id: 'onWeekend',
          label: { en: 'falls on a weekend', tr: 'hafta sonuna denk gelir' },
          types: ['date'],
          evaluate: (value) => typeof value === 'string' && [0, 6].includes(new Date(value).getUTCDay()),
        });
      },
    });
    const { crm } = await segmentCrm({ plugins: [weekend] });
    const el = await builder(crm);
    const node = await addCondition(el, 'createdAt', 'onWeekend');
    expect(
      [...node.querySelectorAll<HTMLOptionElement>('[part="operator"] option')].find((o) => o.value === 'onWeekend')!
        .textContent,
    ).to.contain('falls on a weekend');
  });
});
