import { html, aTimeout } from '@open-wc/testing';
import { z } from 'zod';
import { CORE_COLLECTIONS, definePlugin, type StoredDocument } from '@crmkit/core';
import '../src/index.js';
import type { CrmCustomerCard } from '../src/index.js';
import { expect } from './expect.js';
import { $, $$, seededCrm, shadow, until, mount } from './support.js';
import { FOREIGN, XSS_CORPUS } from './xss-corpus.js';

/** A plugin that puts the payload into every text it contributes: labels, values, explanations, errors. */
function hostile(payload: string) {
  return definePlugin({
    id: 'hostile',
    version: '1.0.0',
    kit: '^0.1.0',
    register(ctx) {
      ctx.fields.add({
        name: 'note',
        label: { en: payload, tr: payload },
        type: 'string',
        schema: z.string().refine((value) => value === 'ok', payload),
      });
      ctx.fields.add({
        name: 'pick',
        label: { en: payload, tr: payload },
        type: 'enum',
        enumValues: [payload],
        schema: z.string().optional(),
      });
      ctx.metrics.add({
        id: 'score',
        label: { en: payload, tr: payload },
        type: 'string',
        format: 'text',
        inputs: [],
        compute: () => ({
          value: payload,
          explanation: {
            summary: { en: payload, tr: payload },
            factors: [{ label: { en: payload, tr: payload }, value: payload }],
          },
        }),
      });
      ctx.card.addAction({ id: 'act', label: { en: payload, tr: payload }, run: () => {} });
    },
  });
}

describe('crm-customer-card and hostile data', () => {
  afterEach(() => {
    delete window.__xss;
  });

  for (const payload of XSS_CORPUS) {
    it(`shows ${JSON.stringify(payload.slice(0, 40))} literally and runs nothing`, async () => {
      const { crm, storage, customer } = await seededCrm({ plugins: [hostile(payload)] });
      // Write around the schema, as a broken import or a foreign backend could: the card must not trust stored data.
      const raw = await storage.open({ tenant: 'default', collections: CORE_COLLECTIONS });
      const doc = {
        ...customer,
        rev: '90-raw',
        name: payload,
        company: payload,
        emails: [payload],
        phones: [payload],
        photoUrl: payload,
        tags: [payload],
        address: { line: payload, district: payload, city: payload, country: payload },
        custom: { note: payload, pick: payload },
      };
      await raw.collection('customers').bulkWrite([{ op: 'put', doc: doc, expectedRev: customer.rev }]);
      const consent = (await crm.consents.current(customer.id)).email!;
      await raw.collection('consents').bulkWrite([
        {
          op: 'put',
          doc: {
            ...consent,
            id: 'raw-consent',
            rev: '1-raw',
            source: payload,
            recordedAt: '2025-03-01T00:00:00Z',
          } as StoredDocument,
          expectedRev: null,
        },
      ]);

      const el = await mount<CrmCustomerCard>(
        html`<crm-customer-card .crm=${crm} customer-id=${customer.id}></crm-customer-card>`,
      );
      await until(() => !!el.shadowRoot?.querySelector('[part="name"]'), 'ready card');
      const root = shadow(el);
      const visible = root.textContent ?? '';

      expect($(el, '[part="name"]').textContent.trim()).to.equal(payload);
      expect(visible).to.contain(`Source: ${payload}`);
      expect($(el, '[data-metric="score"] .metric-value').textContent).to.equal(payload);
      expect($$(el, '[part="plugin-action"]')[0]!.textContent.trim()).to.equal(payload);
      // Contact links keep their scheme whatever the address says.
      for (const link of $$<HTMLAnchorElement>(el, 'a[href]'))
        expect(link.protocol).to.be.oneOf(['mailto:', 'sms:', 'tel:']);
      expect($(el, '[part="avatar"]').localName).to.equal('span');

      // Open every disclosure and the editor, then provoke the field errors that carry plugin text.
      for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
      $(el, '[part="edit-button"]').click();
      await el.updateComplete;
      const note = $<HTMLInputElement>(el, '#field-custom-note');
      expect(note.value).to.equal(payload);
      $(el, 'form button[type="submit"]').click();
      await el.updateComplete;
      expect($(el, '[data-field="custom.note"] [part="field-error"]').textContent).to.contain(payload.slice(1, 20));
      expect($$(el, '#field-custom-pick option').map((option) => option.textContent)).to.include(payload);
      await aTimeout(50);

      expect(root.querySelectorAll(FOREIGN)).to.have.length(0);
      expect(window.__xss).to.equal(undefined);
    });
  }
});
