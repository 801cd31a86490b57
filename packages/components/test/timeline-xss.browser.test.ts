import { html, aTimeout } from '@open-wc/testing';
import { z } from 'zod';
import { definePlugin } from '@crmkit/core';
import '../src/index.js';
import type { CrmTimeline } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, NOW, mount, seededCrm, shadow, until } from './support.js';
import { ago } from './timeline-support.js';
import { FOREIGN, XSS_CORPUS } from './xss-corpus.js';

/** A plugin item type whose renderer puts the payload into every text of its view. */
function hostileType(payload: string) {
  return definePlugin({
    id: 'hostile-type',
    version: '1.0.0',
    kit: '^0.1.0',
    register(ctx) {
      ctx.timeline.addType({
        type: 'hostile',
        schema: z.unknown(),
        label: { en: payload, tr: payload },
        icon: payload,
        render: () => ({
          title: payload,
          summary: payload,
          fields: [{ label: payload, value: payload }],
          status: { label: payload, tone: 'info' },
        }),
      });
    },
  });
}

describe('crm-timeline and hostile data', () => {
  afterEach(() => {
    delete window.__xss;
  });

  for (const payload of XSS_CORPUS) {
    it(`shows ${JSON.stringify(payload.slice(0, 40))} literally and runs nothing`, async () => {
      const { crm, customer } = await seededCrm({ plugins: [hostileType(payload)] });
      const customerId = customer.id;
      await crm.activities.putMany([
        { customerId, type: 'note', at: ago(1), by: payload, data: { text: payload } },
        { customerId, type: 'call', at: ago(2), data: { direction: 'inbound', outcome: payload, notes: payload } },
        { customerId, type: 'task', at: ago(3), dueAt: ago(-5), data: { title: payload, notes: payload, done: false } },
        { customerId, type: 'email', at: ago(4), data: { direction: 'outbound', subject: payload, body: payload } },
        { customerId, type: 'hostile' as 'note', at: ago(5), data: {} as never },
      ]);
      const el = await mount<CrmTimeline>(
        html`<crm-timeline .crm=${crm} .now=${NOW} customer-id=${customerId}></crm-timeline>`,
      );
      await until(
        () => $$(el, '[part="feed"] [part="item"]').length === 4 && $$(el, '[part="pinned"]').length === 1,
        'items',
      );
      for (const toggle of $$(el, '[part="item-toggle"]')) toggle.click();
      await el.updateComplete;
      await aTimeout(30);
      const search = $<HTMLInputElement>(el, '[part="search"]');
      search.value = payload;
      search.dispatchEvent(new Event('input'));
      await aTimeout(30);
      search.value = '';
      search.dispatchEvent(new Event('input'));
      await until(() => $$(el, '[part="feed"] [part="item"]').length === 4, 'items again');

      const hostile = $(el, '[part="item"][data-type="hostile"]');
      expect(hostile.querySelector('.title')!.textContent).to.equal(payload);
      expect(hostile.querySelector('.summary')!.textContent).to.equal(payload);
      expect($(el, '[part="pinned"] .title').textContent).to.equal(payload);
      expect($(el, '[part="item"][data-type="note"] .summary').textContent).to.equal(payload);
      expect(shadow(el).querySelectorAll(FOREIGN)).to.have.length(0);
      expect(window.__xss).to.equal(undefined);
    });
  }
});
