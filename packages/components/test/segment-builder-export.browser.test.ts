import { oneEvent } from '@open-wc/testing';
import { applyJsonLogic, type SegmentRule } from '@crmkit/segments';
import '../src/index.js';
import { CrmSegmentChangeEvent, CrmSegmentImportEvent, CrmSegmentSaveEvent } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, text, until } from './support.js';
import { builder, choose, exportOf, libraryOf, segmentCrm, type } from './segment-builder-support.js';

const SPENT: SegmentRule = {
  kind: 'group',
  combinator: 'and',
  rules: [{ kind: 'condition', field: 'lifecycle.totalSpent', op: 'gt', value: 1000 }],
};

async function openExport(el: HTMLElement) {
  const panel = exportOf(el);
  $(panel, 'summary').click();
  await until(() => $$(panel, '[data-format]').length === 2, 'export open');
  return panel;
}

const block = (panel: HTMLElement, format: string) => $(panel, `[data-format="${format}"]`);

describe('crm-segment-export', () => {
  let copied: string[];
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  beforeEach(() => {
    copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (value: string) => Promise.resolve(void copied.push(value)) },
    });
  });
  afterEach(() => {
    delete (navigator as { clipboard?: unknown }).clipboard;
    if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
  });

  it('exports the rule as JsonLogic and SQL, each copyable', async () => {
    const { crm, customer } = await segmentCrm();
    const el = await builder(crm);
    el.value = SPENT;
    const panel = await openExport(el);
    await until(() => !!block(panel, 'jsonLogic').querySelector('pre'), 'JsonLogic');
    const logic = JSON.parse(block(panel, 'jsonLogic').querySelector('pre')!.textContent) as object;
    // The export selects what the engine selects: Ayşe spent 62,000.
    expect(applyJsonLogic(logic, await crm.customers.require(customer.id))).to.equal(true);
    const sql = block(panel, 'sql');
    expect(text(sql.querySelector('pre'))).to.equal(
      'SELECT "c".* FROM "customers" AS "c" WHERE "c"."lifecycle_totalSpent" > $1::double precision',
    );
    expect(text(sql.querySelector('code'))).to.equal('[1000]');
    choose($<HTMLSelectElement>(panel, 'select'), 'sqlite');
    await until(() => text(block(panel, 'sql').querySelector('pre')).endsWith('> ?1'), 'sqlite');
    block(panel, 'jsonLogic').querySelector<HTMLButtonElement>('[data-copy]')!.click();
    await until(() => copied.length === 1, 'copied');
    expect(JSON.parse(copied[0]!)).to.deep.equal(logic);
    await until(() => text($(panel, '[role="status"]')) === 'Copied.', 'announced');
    await expect(panel).to.be.accessible();
  });

  it('says why a rule has no exact form, and shows the condition that stops it', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    el.value = {
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'condition', field: 'address.city', op: 'eq', value: 'İstanbul', id: 'city' }],
    };
    const panel = await openExport(el);
    const reason = block(panel, 'jsonLogic');
    expect(reason.getAttribute('role')).to.equal('note');
    expect(text(reason.querySelector('p'))).to.equal('This rule has no exact JsonLogic form:');
    expect(text(reason.querySelectorAll('p')[1])).to.contain('case-insensitive matching on "address.city"');
    // The SQL export compares folded columns (the default column map names a folded twin of each text column).
    expect(text(block(panel, 'sql').querySelector('pre'))).to.contain('"c"."address_city_folded" = $1::text');
    reason.querySelector('button')!.click();
    expect(el.shadowRoot!.activeElement?.closest('[data-node]')?.getAttribute('data-node')).to.equal('city');
    await expect(panel).to.be.accessible();
    // "Match case" makes it exact.
    $<HTMLInputElement>(el, '[data-act="case"]').click();
    await until(() => !!block(panel, 'jsonLogic').querySelector('pre'), 'exact now');
    expect(JSON.parse(block(panel, 'jsonLogic').querySelector('pre')!.textContent)).to.deep.equal({
      '===': [{ var: 'address.city' }, 'İstanbul'],
    });
  });

  it('exports behaviours to SQL but not to JsonLogic, and nothing while the rule has problems', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    el.value = {
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'event', activityType: 'purchase', withinDays: 30, count: { op: 'gte', value: 2 } }],
    };
    const panel = await openExport(el);
    expect(text(block(panel, 'jsonLogic').querySelectorAll('p')[1])).to.contain('event conditions have no JsonLogic');
    expect(text(block(panel, 'sql').querySelector('pre'))).to.contain('FROM "activities" AS "a"');
    el.value = {
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'condition', field: 'lifecycle.totalSpent', op: 'gt', value: 'lots' }],
    };
    await until(() => text(block(panel, 'sql')).includes('Fix the highlighted conditions'), 'blocked');
    expect(text(block(panel, 'jsonLogic'))).to.contain('Fix the highlighted conditions to export the rule.');
  });

  it('imports JsonLogic into the builder, and refuses what is not JSON or has no rule form', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    const panel = await openExport(el);
    const area = $<HTMLTextAreaElement>(panel, 'textarea');
    const importButton = $(panel, '[data-import]');
    type(area, '{"and": [');
    importButton.click();
    await until(() => $$(panel, '#import-error').length === 1, 'error');
    expect(text($(panel, '#import-error'))).to.equal('This is not JSON.');
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    await expect(panel).to.be.accessible();
    type(area, '{"==": [{"var": "address.city"}, "Ankara"]}');
    importButton.click();
    await until(() => text($(panel, '#import-error')).startsWith('This JsonLogic cannot be imported:'), 'refused');
    // A host may keep its rule: cancel the import event.
    type(area, '{"===": [{"var": "address.country"}, "GB"]}');
    panel.addEventListener(CrmSegmentImportEvent.type, (event) => event.preventDefault(), { once: true });
    importButton.click();
    await panel.updateComplete;
    expect(el.value.rules).to.deep.equal([]);
    type(area, '{"===": [{"var": "address.country"}, "GB"]}');
    const changed = oneEvent(el, CrmSegmentChangeEvent.type);
    importButton.click();
    const event = (await changed) as unknown as CrmSegmentChangeEvent;
    expect(event.rule.rules).to.have.length(1);
    expect(event.rule.rules[0]).to.include({ kind: 'condition', field: 'address.country', op: 'eq', value: 'GB' });
    expect(area.value).to.equal('');
    expect($$(panel, '#import-error')).to.have.length(0);
  });
});

describe('crm-segment-library', () => {
  it('saves the rule as a named segment, updates it, saves it as a new one, and lists them', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    const library = libraryOf(el);
    await library.updateComplete;
    expect(text($(library, 'p.muted'))).to.equal('No saved segments yet.');
    el.value = SPENT;
    await el.updateComplete;
    $(library, '[data-save]').click();
    await until(() => $$(library, '#save-error').length === 1, 'name required');
    expect(text($(library, '#save-error'))).to.equal('This field is required.');
    expect($(library, '#name').getAttribute('aria-invalid')).to.equal('true');
    await expect(library).to.be.accessible();
    type($<HTMLInputElement>(library, '#name'), 'Big spenders');
    type($<HTMLInputElement>(library, '#description'), 'Over 1,000 TRY');
    const saved = oneEvent(library, CrmSegmentSaveEvent.type);
    $(library, '[data-save]').click();
    const first = ((await saved) as unknown as CrmSegmentSaveEvent).segment;
    expect(first).to.include({ name: 'Big spenders', description: 'Over 1,000 TRY' });
    expect((first.rule as SegmentRule).rules[0]).to.include({ field: 'lifecycle.totalSpent', value: 1000 });
    await until(() => $$(library, '#load option').length === 1, 'listed');
    expect(text($(library, 'p.muted'))).to.equal('Editing “Big spenders”');
    // Saving again updates the same segment; "save as new" makes another.
    el.value = { ...SPENT, rules: [{ ...SPENT.rules[0]!, value: 5000 }] } as SegmentRule;
    await el.updateComplete;
    const again = oneEvent(library, CrmSegmentSaveEvent.type);
    $(library, '[data-save]').click();
    const second = ((await again) as unknown as CrmSegmentSaveEvent).segment;
    expect(second.id).to.equal(first.id);
    expect(second.rev).not.to.equal(first.rev);
    type($<HTMLInputElement>(library, '#name'), 'Bigger spenders');
    $(library, '[data-save-new]').click();
    await until(() => $$(library, '#load option').length === 2, 'two');
    expect($$(library, '#load option').map((option) => text(option))).to.deep.equal([
      'Big spenders',
      'Bigger spenders',
    ]);
    expect((await crm.segments.count()).count).to.equal(2);
    await expect(library).to.be.accessible();
  });

  it('loads a saved segment into the builder, and one named by segment-id at the start', async () => {
    const { crm } = await segmentCrm();
    const vip = await crm.segments.put({
      name: 'VIP',
      rule: {
        kind: 'group',
        combinator: 'and',
        rules: [{ kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'] }],
      },
    });
    await crm.segments.put({ name: 'Spenders', rule: SPENT });
    const el = await builder(crm);
    const library = libraryOf(el);
    await until(() => $$(library, '#load option').length === 2, 'listed');
    choose($<HTMLSelectElement>(library, '#load'), vip.id);
    const changed = oneEvent(el, CrmSegmentChangeEvent.type);
    $(library, '[data-load]').click();
    expect(((await changed) as unknown as CrmSegmentChangeEvent).rule.rules[0]).to.include({ field: 'tags' });
    await until(() => text($(library, '[role="status"]')) === 'Loaded “VIP”.', 'announced');
    expect($<HTMLInputElement>(library, '#name').value).to.equal('VIP');

    const other = await builder(crm);
    libraryOf(other).segmentId = vip.id;
    await until(() => other.value.rules.length === 1, 'loaded by id');
    expect(other.value.rules[0]).to.include({ field: 'tags', op: 'hasAny' });
  });

  it('refuses to save a rule with problems, and says when someone else changed the segment', async () => {
    const { crm } = await segmentCrm();
    const el = await builder(crm);
    const library = libraryOf(el);
    el.value = {
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'condition', field: 'lifecycle.totalSpent', op: 'gt', value: 'lots' }],
    };
    type($<HTMLInputElement>(library, '#name'), 'Broken');
    await el.updateComplete;
    $(library, '[data-save]').click();
    await until(() => $$(library, '#save-error').length === 1, 'refused');
    expect(text($(library, '#save-error'))).to.equal('Fix the highlighted conditions to export the rule.');
    expect((await crm.segments.count()).count).to.equal(0);

    el.value = SPENT;
    await el.updateComplete;
    const saved = oneEvent(library, CrmSegmentSaveEvent.type);
    $(library, '[data-save]').click();
    const segment = ((await saved) as unknown as CrmSegmentSaveEvent).segment;
    await crm.segments.put({ ...segment, name: 'Renamed elsewhere' });
    $(library, '[data-save]').click();
    await until(() => $$(library, '#save-error').length === 1, 'conflict');
    expect(text($(library, '#save-error'))).to.equal('Someone else changed this record while you were editing it.');
  });
});
