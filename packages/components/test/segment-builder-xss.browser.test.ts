import { aTimeout } from '@open-wc/testing';
import { z } from 'zod';
import { definePlugin } from '@crmkit/core';
import '../src/index.js';
import type { CrmSegmentBuilder } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, shadow, text, until } from './support.js';
import { audienceOf, builder, exportOf, libraryOf, segmentCrm, type } from './segment-builder-support.js';
import { FOREIGN, XSS_CORPUS } from './xss-corpus.js';

/** A plugin that puts the payload into every text the builder shows: field labels, groups, values, activity types. */
function hostile(payload: string) {
  return definePlugin({
    id: 'hostile',
    version: '1.0.0',
    kit: '^0.1.0',
    register(ctx) {
      ctx.fields.add({
        name: 'note',
        label: { en: payload, tr: payload },
        type: 'enum',
        enumValues: [payload, 'plain'],
        schema: z.string().optional(),
      });
      ctx.segments.addField({
        path: 'custom.note',
        label: { en: payload, tr: payload },
        type: 'enum',
        enumValues: [payload, 'plain'],
        group: payload,
      });
      ctx.timeline.addType({
        type: 'hostileThing',
        schema: z.strictObject({ text: z.string() }),
        label: { en: payload, tr: payload },
        icon: 'x',
        render: () => ({ title: payload }),
      });
    },
  });
}

const roots = (el: CrmSegmentBuilder) => [el, audienceOf(el), exportOf(el), libraryOf(el)].map((node) => shadow(node));

describe('crm-segment-builder and hostile data', () => {
  afterEach(() => {
    delete window.__xss;
  });

  for (const payload of XSS_CORPUS) {
    it(`shows ${JSON.stringify(payload.slice(0, 40))} literally and runs nothing`, async () => {
      const { crm, ayse } = await segmentCrm({ plugins: [hostile(payload)] });
      await crm.customers.put({ ...ayse, name: payload, custom: { note: payload } });
      await crm.segments.put({
        name: payload,
        description: payload,
        rule: { kind: 'group', combinator: 'and', rules: [{ kind: 'condition', field: 'name', op: 'isNotEmpty' }] },
      });
      const el = await builder(crm, { preview: 10 });
      el.value = {
        kind: 'group',
        combinator: 'or',
        rules: [
          { kind: 'condition', field: 'name', op: 'eq', value: payload, caseSensitive: true },
          { kind: 'condition', field: 'tags', op: 'hasAny', value: [payload, 'vip'], caseSensitive: true },
          { kind: 'condition', field: 'custom.note', op: 'in', value: [payload] },
          { kind: 'condition', field: payload, op: 'eq', value: payload },
          { kind: 'event', activityType: payload },
        ],
      };
      await el.updateComplete;
      const [builderRoot] = roots(el);

      // Values and labels show as text.
      expect($<HTMLInputElement>(el, '[part="value-input"]').value).to.equal(payload);
      expect(text($(el, '[part="tag"] span'))).to.equal(payload.replace(/\s+/g, ' ').trim());
      expect($$(el, 'label.choice').map((label) => label.textContent.trim())).to.include(payload);
      expect($$(el, 'button.field').map((button) => button.textContent)).to.satisfy((labels: string[]) =>
        labels.some((label) => label.includes(payload)),
      );
      expect($$(el, '[data-act="activity"] option').map((option) => option.textContent.trim())).to.include(payload);

      // The field picker lists the hostile label under the hostile group.
      $$<HTMLButtonElement>(el, 'button.field')[0]!.click();
      await el.updateComplete;
      type($<HTMLInputElement>(el, '[part="field-search"]'), 'custom.note');
      await el.updateComplete;
      expect(text($(el, '.group-label'))).to.equal(payload.replace(/\s+/g, ' ').trim());
      expect($(el, '[role="option"]').textContent).to.contain(payload);

      // The audience lists the hostile name; the library lists the hostile segment name.
      el.value = {
        kind: 'group',
        combinator: 'and',
        rules: [{ kind: 'condition', field: 'name', op: 'eq', value: payload, caseSensitive: true }],
      };
      await until(() => $$(audienceOf(el), '[part="preview"] li').length === 1, 'preview');
      expect($(audienceOf(el), '[part="preview"] li').textContent).to.equal(payload);
      await until(() => $$(libraryOf(el), '#load option').length === 1, 'saved segment');
      expect($(libraryOf(el), '#load option').textContent.trim()).to.equal(payload);

      // The export shows the payload inside JsonLogic and the SQL parameters, and imports refuse it as text.
      $(exportOf(el), 'summary').click();
      await until(() => $$(exportOf(el), 'pre').length === 2, 'export');
      expect($(exportOf(el), 'pre').textContent).to.contain(JSON.stringify(payload).slice(1, -1));
      type($<HTMLTextAreaElement>(exportOf(el), 'textarea'), JSON.stringify({ '===': [{ var: payload }, payload] }));
      $(exportOf(el), '[data-import]').click();
      await exportOf(el).updateComplete;
      // An unknown field from the import shows its path as text, with its issue.
      await el.updateComplete;
      expect($(el, 'button.field').textContent).to.contain(payload);

      await aTimeout(50);
      for (const root of roots(el)) expect(root.querySelectorAll(FOREIGN)).to.have.length(0);
      expect(builderRoot!.querySelectorAll('[onerror], [onload]')).to.have.length(0);
      expect(window.__xss).to.equal(undefined);
    });
  }
});
