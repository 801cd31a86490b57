import { sendKeys } from '@web/test-runner-commands';
import type { SegmentRule } from '@crmkit/segments';
import '../src/index.js';
import type { CrmSegmentBuilder } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, text, until } from './support.js';
import { audienceOf, builder, countIs, segmentCrm } from './segment-builder-support.js';

const focused = (el: CrmSegmentBuilder) => el.shadowRoot!.activeElement as HTMLElement | null;
const press = (key: string) => sendKeys({ press: key });
const fields = (rule: SegmentRule): unknown =>
  rule.rules.map((node) =>
    node.kind === 'group' ? { [node.combinator]: fields(node) } : node.kind === 'condition' ? node.field : node.kind,
  );
const announced = (el: CrmSegmentBuilder) => text($(el, '.builder > [role="status"]'));

async function twoConditions(el: CrmSegmentBuilder): Promise<void> {
  el.value = {
    kind: 'group',
    combinator: 'and',
    rules: [
      { kind: 'condition', field: 'address.city', op: 'eq', value: 'Ankara', id: 'city' },
      { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'], id: 'tags' },
    ],
  };
  await el.updateComplete;
}

describe('crm-segment-builder by keyboard', () => {
  it('builds a condition with the keyboard alone: add, search the field, choose, type the value', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    el.focus();
    expect(focused(el)).to.equal($(el, 'select.match'));
    await press('Tab');
    expect(focused(el)?.dataset.act).to.equal('add-condition');
    await press('Enter');
    await el.updateComplete;
    const search = focused(el) as HTMLInputElement;
    expect(search.getAttribute('role')).to.equal('combobox');
    expect(search.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ type: 'sehir' });
    await el.updateComplete;
    // Nothing in English is called "sehir"; the Turkish label is "Şehir". In English, "city".
    expect(text($(el, '.picker-status'))).to.equal('No field matches “sehir”.');
    for (let i = 0; i < 5; i++) await press('Backspace');
    await sendKeys({ type: 'ci' });
    await el.updateComplete;
    const active = () => $(el, `#${search.getAttribute('aria-activedescendant')}`);
    expect(text(active().querySelector('.path'))).to.equal('address.city');
    await press('ArrowDown');
    await el.updateComplete;
    expect(active().getAttribute('aria-selected')).to.equal('true');
    await press('ArrowUp');
    await el.updateComplete;
    await press('Enter');
    await el.updateComplete;
    expect(focused(el)?.getAttribute('part')).to.equal('operator');
    expect(text($(el, 'button.field'))).to.equal('Field: City');
    await press('Tab');
    expect(focused(el)?.getAttribute('part')).to.equal('value-input');
    await sendKeys({ type: 'London' });
    await countIs(el, '1 customer matches');
    await expect(el).to.be.accessible();
  });

  it('closes the field picker with Escape, back on its button', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    await twoConditions(el);
    $<HTMLButtonElement>(el, '[data-node="city"] button.field').focus();
    await press('Enter');
    await el.updateComplete;
    expect(focused(el)?.getAttribute('part')).to.equal('field-search');
    // The current field is the active option when the list opens.
    const search = focused(el)!;
    expect($(el, `#${search.getAttribute('aria-activedescendant')}`).textContent).to.contain('address.city');
    await expect(el).to.be.accessible();
    await press('Escape');
    await el.updateComplete;
    expect($$(el, '[part="field-picker"]')).to.have.length(0);
    expect(focused(el)).to.equal($(el, '[data-node="city"] button.field'));
    expect(el.value.rules[0]).to.include({ field: 'address.city' });
  });

  it('moves a node with the arrow keys on its handle: up, down, into a group and out again', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    await twoConditions(el);
    $<HTMLButtonElement>(el, '[data-node="tags"] [part="handle"]').focus();
    expect(focused(el)!.getAttribute('aria-describedby')).to.equal('move-hint');
    await press('ArrowUp');
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal(['tags', 'address.city']);
    expect(announced(el)).to.equal('Moved to position 1 of 2.');
    expect(focused(el)).to.equal($(el, '[data-node="tags"] [part="handle"]'));
    await press('ArrowDown');
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal(['address.city', 'tags']);
    // Right indents: the node above is a condition, so both go into a new "any of" group.
    await press('ArrowRight');
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal(['address.city', { or: ['tags'] }]);
    expect(announced(el)).to.equal('Moved into a group.');
    expect(focused(el)).to.equal($(el, '[data-node="tags"] [part="handle"]'));
    // A second condition indented joins the group above it.
    $<HTMLButtonElement>(el, '[data-node="city"] [part="handle"]').focus();
    await press('ArrowDown');
    await el.updateComplete;
    await press('ArrowRight');
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal([{ or: ['tags', 'address.city'] }]);
    await press('ArrowLeft');
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal([{ or: ['tags'] }, 'address.city']);
    $<HTMLButtonElement>(el, '[data-node="tags"] [part="handle"]').focus();
    await press('ArrowLeft');
    await el.updateComplete;
    // The group left empty goes.
    expect(fields(el.value)).to.deep.equal(['tags', 'address.city']);
    expect(announced(el)).to.equal('Moved out of the group.');
    await expect(el).to.be.accessible();
  });

  it('mirrors indenting in a right-to-left page', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    el.parentElement!.setAttribute('dir', 'rtl');
    await twoConditions(el);
    $<HTMLButtonElement>(el, '[data-node="tags"] [part="handle"]').focus();
    await press('ArrowLeft');
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal(['address.city', { or: ['tags'] }]);
    await press('ArrowRight');
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal(['address.city', 'tags']);
    expect(text($(el, '#move-hint'))).to.contain('left to indent');
    await expect(el).to.be.accessible();
  });

  it('offers the same moves as buttons, which stay focusable where they cannot act', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    await twoConditions(el);
    $<HTMLButtonElement>(el, '[data-node="city"] [part="actions-button"]').focus();
    await press('Enter');
    await el.updateComplete;
    const toolbar = $(el, '#actions-city');
    expect(toolbar.getAttribute('role')).to.equal('group');
    const up = toolbar.querySelector<HTMLButtonElement>('[data-act="up"]')!;
    expect(up.getAttribute('aria-disabled')).to.equal('true');
    await press('Tab');
    expect(focused(el)).to.equal(up);
    await press('Enter');
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal(['address.city', 'tags']);
    await press('Tab');
    expect(focused(el)?.dataset.act).to.equal('down');
    await press('Enter');
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal(['tags', 'address.city']);
    // Focus follows the moved node to the same button, now disabled at the bottom.
    expect(focused(el)).to.equal($(el, '#actions-city [data-act="down"]'));
    expect(focused(el)!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    await press('Tab');
    await press('Tab');
    await press('Tab');
    expect(focused(el)?.dataset.act).to.equal('duplicate');
    await press('Enter');
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal(['tags', 'address.city', 'address.city']);
    expect(announced(el)).to.equal('Duplicated.');
  });

  it('adds and removes tags with Enter, comma and Backspace', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    el.value = { kind: 'group', combinator: 'and', rules: [{ kind: 'condition', field: 'tags', op: 'hasAny' }] };
    await el.updateComplete;
    $<HTMLInputElement>(el, '[part="tags"] input').focus();
    await sendKeys({ type: 'vip' });
    await press('Enter');
    await sendKeys({ type: 'wholesale,' });
    await el.updateComplete;
    expect(el.value.rules[0]).to.deep.include({ value: ['vip', 'wholesale'] });
    await countIs(el, '3 customers match');
    await press('Backspace');
    await el.updateComplete;
    expect(el.value.rules[0]).to.deep.include({ value: ['vip'] });
    expect(focused(el)).to.equal($(el, '[part="tags"] input'));
    expect($(el, '[part="tag"] button').getAttribute('aria-label')).to.equal('Remove vip');
    expect(audienceOf(el)).to.not.equal(null);
  });
});

describe('crm-segment-builder by drag and drop', () => {
  function drag(el: CrmSegmentBuilder, from: string, to: string, where: 'top' | 'bottom' | 'body') {
    const handle = $(el, `[data-node="${from}"] [part="handle"]`);
    const target = $(el, `[data-node="${to}"]`);
    const head = target.querySelector(':scope > .head')!;
    const box = (where === 'body' ? target.querySelector(':scope > .add')! : head).getBoundingClientRect();
    const y = where === 'top' ? box.top + 2 : where === 'bottom' ? box.bottom - 2 : box.top + box.height / 2;
    const dataTransfer = new DataTransfer();
    const init = { bubbles: true, composed: true, cancelable: true, dataTransfer };
    handle.dispatchEvent(new DragEvent('dragstart', init));
    const over = new DragEvent('dragover', { ...init, clientX: box.left + 5, clientY: y });
    (where === 'body' ? target.querySelector(':scope > .add')! : head).dispatchEvent(over);
    return { over, drop: () => target.dispatchEvent(new DragEvent('drop', init)), handle };
  }

  it('moves nodes before, after and into groups, and never into themselves', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    el.value = {
      kind: 'group',
      combinator: 'and',
      rules: [
        { kind: 'condition', field: 'address.city', op: 'eq', value: 'Ankara', id: 'city' },
        { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'], id: 'tags' },
        {
          kind: 'group',
          combinator: 'or',
          id: 'group',
          rules: [{ kind: 'condition', field: 'name', op: 'isNotEmpty', id: 'name' }],
        },
      ],
    };
    await el.updateComplete;
    let move = drag(el, 'tags', 'city', 'top');
    expect(move.over.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect($(el, '[data-node="city"]').classList.contains('drop-before')).to.equal(true);
    expect($(el, '[data-node="tags"]').classList.contains('dragging')).to.equal(true);
    move.drop();
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal(['tags', 'address.city', { or: ['name'] }]);
    expect(announced(el)).to.equal('Moved to position 1 of 3.');
    expect($$(el, '.drop-before, .drop-after, .drop-inside, .dragging')).to.have.length(0);

    move = drag(el, 'city', 'group', 'body');
    await el.updateComplete;
    expect($(el, '[data-node="group"]').classList.contains('drop-inside')).to.equal(true);
    move.drop();
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal(['tags', { or: ['name', 'address.city'] }]);

    move = drag(el, 'name', 'tags', 'bottom');
    move.drop();
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal(['tags', 'name', { or: ['address.city'] }]);

    // A group cannot go into itself or its own children.
    move = drag(el, 'group', 'city', 'top');
    expect(move.over.defaultPrevented).to.equal(false);
    move.drop();
    await el.updateComplete;
    expect(fields(el.value)).to.deep.equal(['tags', 'name', { or: ['address.city'] }]);
    await until(() => !el.shadowRoot!.querySelector('.dragging'), 'drag ended');
  });
});
