import { html, oneEvent } from '@open-wc/testing';
import type { SegmentRule } from '@crmkit/segments';
import '../src/index.js';
import type { CrmSegmentBuilder } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, mount, text } from './support.js';
import { segmentCrm, type } from './segment-builder-support.js';

const RULE: SegmentRule = {
  kind: 'group',
  combinator: 'and',
  rules: [{ kind: 'condition', field: 'address.country', op: 'eq', value: 'TR', caseSensitive: true, id: 'tr' }],
};

async function inForm(value = RULE) {
  const { crm } = await segmentCrm();
  const form = await mount<HTMLFormElement>(
    html`<form>
      <fieldset>
        <crm-segment-builder name="audience" .crm=${crm} value=${JSON.stringify(value)}></crm-segment-builder>
      </fieldset>
      <button>Send</button>
    </form>`,
  );
  const el = form.querySelector<CrmSegmentBuilder>('crm-segment-builder')!;
  await el.updateComplete;
  return { form, el };
}

describe('crm-segment-builder in a form', () => {
  it('submits the rule as JSON under its name', async () => {
    const { form, el } = await inForm();
    expect(el.form).to.equal(form);
    expect(JSON.parse(new FormData(form).get('audience') as string)).to.deep.equal(el.value);
    form.addEventListener('submit', (event) => event.preventDefault(), { once: true });
    const submitted = oneEvent(form, 'submit');
    form.requestSubmit();
    await submitted;
    const input = $<HTMLInputElement>(el, '[part="value-input"]');
    type(input, 'DE');
    await el.updateComplete;
    expect((JSON.parse(new FormData(form).get('audience') as string) as SegmentRule).rules[0]).to.include({
      value: 'DE',
    });
  });

  it('reports its validity: a form with a broken rule does not submit, and the problems show', async () => {
    const { form, el } = await inForm({ kind: 'group', combinator: 'and', rules: [] });
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.customError).to.equal(true);
    expect(el.validationMessage).to.equal('Add at least one condition.');
    // The empty rule's problem is not shown until the user tries to submit.
    expect($$(el, '[part="issue"]')).to.have.length(0);
    let submitted = false;
    form.addEventListener('submit', (event) => {
      submitted = true;
      event.preventDefault();
    });
    form.requestSubmit();
    await el.updateComplete;
    expect(submitted).to.equal(false);
    expect(text($(el, '[part="issue"]'))).to.equal('Add at least one condition.');
    await expect(el).to.be.accessible();
    el.value = RULE;
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
  });

  it('goes back to its value attribute on reset, and is disabled with its fieldset', async () => {
    const { form, el } = await inForm();
    el.value = { kind: 'group', combinator: 'or', rules: [] };
    await el.updateComplete;
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ ...RULE, id: el.value.id });
    form.querySelector('fieldset')!.disabled = true;
    await el.updateComplete;
    expect($(el, '[part="base"]').hasAttribute('inert')).to.equal(true);
    expect(new FormData(form).has('audience')).to.equal(false);
    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect($(el, '[part="base"]').hasAttribute('inert')).to.equal(false);
  });

  it('says so when its value attribute is not a rule, and keeps the rule it has', async () => {
    const { crm } = await segmentCrm();
    const el = await mount<CrmSegmentBuilder>(html`<crm-segment-builder .crm=${crm}></crm-segment-builder>`);
    const errored = oneEvent(el, 'crm-error');
    el.setAttribute('value', '{"kind":"nonsense"}');
    const event = (await errored) as unknown as { error: Error };
    expect(event.error.name).to.equal('CrmValidationError');
    expect(el.value.rules).to.deep.equal([]);
  });
});
