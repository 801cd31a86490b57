import { html, aTimeout, oneEvent } from '@open-wc/testing';
import { createCrm, definePlugin } from '@crmkit/core';
import '../src/index.js';
import { CrmNpsSubmitEvent, type CrmNpsReport } from '../src/index.js';
import { expect } from './expect.js';
import { askingWidget, npsCrm } from './nps-support.js';
import { $, $$, mount, shadow, text, until } from './support.js';
import { FOREIGN, XSS_CORPUS } from './xss-corpus.js';

/** Every saved segment selects every customer. */
const everyone = definePlugin({
  id: 'everyone',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    ctx.segments.provideService((crm) => ({
      count: async () => ({ count: (await crm.customers.all()).length, exact: true }),
      members: async () => ({ items: (await crm.customers.all()).map((c) => ({ ...c, metrics: {} })) }),
    }));
  },
});

describe('crm-nps-widget and crm-nps-report with hostile text', () => {
  afterEach(() => {
    delete window.__xss;
  });

  for (const payload of XSS_CORPUS) {
    const name = JSON.stringify(payload.slice(0, 40));

    it(`the widget shows configured texts ${name} literally, and stores a comment and touchpoint as typed`, async () => {
      const seeded = await npsCrm();
      const touchpoint = payload.slice(0, 100);
      const el = await askingWidget(seeded, { touchpoint });
      el.texts = {
        question: payload,
        low: payload,
        high: { en: payload, tr: payload },
        followUp: { detractor: payload, passive: payload, promoter: payload },
        thanks: payload,
      };
      el.showCategories = true;
      await el.updateComplete;
      expect(text($(el, '#question'))).to.equal(payload.trim());
      expect($(el, '#low').textContent).to.equal(payload);
      $$<HTMLButtonElement>(el, '[role="radio"]')[5]!.click();
      await el.updateComplete;
      expect($(el, '[part="follow-up"] label').textContent).to.equal(payload);
      const comment = $<HTMLTextAreaElement>(el, '#comment');
      comment.value = payload;
      comment.dispatchEvent(new Event('input'));
      const submitted = oneEvent(el, CrmNpsSubmitEvent.type);
      $(el, '[part="send-button"]').click();
      const { answer } = (await submitted) as unknown as CrmNpsSubmitEvent;
      expect(answer.comment).to.equal(payload.trim());
      await until(() => $$(el, '[part="thanks"]').length === 1, 'thanks');
      expect($(el, '[part="thanks"]').textContent).to.equal(payload);
      const [stored] = await seeded.crm.npsResponses.all({ customerId: seeded.customer.id });
      expect([stored!.comment, stored!.touchpoint]).to.deep.equal([payload.trim(), touchpoint.trim()]);
      await aTimeout(30);
      expect(shadow(el).querySelectorAll(FOREIGN)).to.have.length(0);
      expect(window.__xss).to.equal(undefined);
    });

    it(`the report shows touchpoint and segment names ${name} literally`, async () => {
      const crm = await createCrm({ plugins: [everyone] });
      const customer = await crm.customers.put({ name: 'Someone' });
      const touchpoint = payload.slice(0, 100);
      await crm.npsResponses.putMany([
        { customerId: customer.id, score: 9, touchpoint, at: '2025-01-05T10:00:00Z', comment: payload },
        { customerId: customer.id, score: 3, touchpoint: 'kiosk', at: '2025-02-05T10:00:00Z' },
      ]);
      await crm.segments.put({ name: payload.slice(0, 200), rule: { kind: 'group', combinator: 'and', rules: [] } });
      const el = await mount<CrmNpsReport>(html`<crm-nps-report .crm=${crm}></crm-nps-report>`);
      await until(() => $$(el, '[part="breakdown"] tbody tr').length === 2, 'touchpoints');
      expect($$(el, '[part="breakdown"] tbody th').map((cell) => cell.textContent)).to.include(touchpoint.trim());
      el.groupBy = 'segment';
      await until(() => $$(el, '[part="breakdown"] tbody tr').length === 1, 'segments');
      expect($(el, '[part="breakdown"] tbody th').textContent).to.equal(payload.slice(0, 200).trim());
      await aTimeout(30);
      expect(shadow(el).querySelectorAll(FOREIGN.replace('svg, ', ''))).to.have.length(0);
      // The only SVG is the report's own charts: nothing from the data inside them.
      for (const chart of $$(el, 'svg'))
        expect(chart.querySelectorAll('script, foreignObject, a, iframe')).to.have.length(0);
      expect(window.__xss).to.equal(undefined);
    });
  }
});
