import { html, oneEvent } from '@open-wc/testing';
import { createCrm, memoryStorage } from '@crmkit/core';
import '../src/index.js';
import {
  CrmNpsSkipEvent,
  CrmNpsSubmitEvent,
  NpsOutbox,
  flushNpsOutbox,
  npsWidgetPlugin,
  type CrmNpsWidget,
  type OutboxEntry,
} from '../src/index.js';
import { expect } from './expect.js';
import { askingWidget, flakyStorage, npsCrm, uniqueTenant } from './nps-support.js';
import { $, $$, NOW, mount, seededCrm, text, until, type Seeded } from './support.js';

const KEY = (tenant: string) => `crmkit.nps-outbox.${tenant}`;
const stored = (tenant: string) => JSON.parse(localStorage.getItem(KEY(tenant)) ?? '[]') as OutboxEntry[];

/** Answers `score` with a comment through the widget; resolves with the submit event. */
async function answerWith(el: CrmNpsWidget, score: number, comment = 'Kept for later'): Promise<CrmNpsSubmitEvent> {
  $$<HTMLButtonElement>(el, '[role="radio"]')[score]!.click();
  await el.updateComplete;
  const field = $<HTMLTextAreaElement>(el, '#comment');
  field.value = comment;
  field.dispatchEvent(new Event('input'));
  const submitted = oneEvent(el, CrmNpsSubmitEvent.type);
  $(el, '[part="send-button"]').click();
  return (await submitted) as unknown as CrmNpsSubmitEvent;
}

async function responsesOf(seeded: Seeded) {
  return seeded.crm.npsResponses.all({ customerId: seeded.customer.id });
}

describe('crm-nps-widget when the storage is unavailable', () => {
  it('keeps the answer in the tenant’s outbox, thanks the customer, and writes it when the storage is back', async () => {
    const { storage, offline } = flakyStorage();
    const seeded = await npsCrm({ storage });
    const el = await askingWidget(seeded, { touchpoint: 'kiosk' });
    offline.writes = true;
    const event = await answerWith(el, 3);
    expect(event.queued).to.equal(true);
    expect(event.answer).to.include({
      score: 3,
      category: 'detractor',
      comment: 'Kept for later',
      touchpoint: 'kiosk',
    });
    await until(() => $$(el, '[part="thanks"]').length === 1, 'thanks');
    expect(text($(el, '[part="thanks"]'))).to.equal(
      'Thank you for your feedback! Your answer is kept on this device and will be saved as soon as the connection is back.',
    );
    await expect(el).to.be.accessible();
    expect(await responsesOf(seeded)).to.have.length(0);
    const [entry] = stored(seeded.crm.tenant);
    expect(entry).to.include({ id: event.answer.responseId, kind: 'answer', customerId: seeded.customer.id });
    expect(entry!.rows.map((row) => row.collection)).to.deep.equal(['npsResponses', 'activities']);

    // Still down: a flush writes nothing and keeps the entry.
    expect(await flushNpsOutbox(seeded.crm)).to.equal(0);
    expect(stored(seeded.crm.tenant)[0]!.attempts).to.equal(2);

    offline.writes = false;
    expect(await flushNpsOutbox(seeded.crm)).to.equal(1);
    const [response] = await responsesOf(seeded);
    expect(response).to.include({
      id: event.answer.responseId,
      score: 3,
      comment: 'Kept for later',
      at: NOW.toISOString(),
    });
    const [activity] = await seeded.crm.activities.all({ customerId: seeded.customer.id, type: 'nps' });
    expect(activity!.data).to.deep.include({ responseId: event.answer.responseId, score: 3 });
    expect(localStorage.getItem(KEY(seeded.crm.tenant))).to.equal(null);
  });

  it('tries again by itself when the browser is back online or the crm writes again', async () => {
    const { storage, offline } = flakyStorage();
    const seeded = await npsCrm({ storage });
    const el = await askingWidget(seeded);
    offline.writes = true;
    await answerWith(el, 9);
    offline.writes = false;
    window.dispatchEvent(new Event('online'));
    await until(() => localStorage.getItem(KEY(seeded.crm.tenant)) === null, 'flushed when online');
    expect(await responsesOf(seeded)).to.have.length(1);

    const other = await seeded.crm.customers.put({ name: 'Mehmet Kaya' });
    const second = await askingWidget({ ...seeded, customer: other });
    offline.writes = true;
    await answerWith(second, 7);
    offline.writes = false;
    // Any successful write shows the storage is back.
    await seeded.crm.customers.put({ name: 'Zeynep Arslan' });
    await until(() => localStorage.getItem(KEY(seeded.crm.tenant)) === null, 'flushed after a write');
    expect(await seeded.crm.npsResponses.all({ customerId: other.id })).to.have.length(1);
  });

  it('survives a reload: the next page’s crm of the tenant writes what waits', async () => {
    const inner = memoryStorage();
    const tenant = uniqueTenant();
    const { storage, offline } = flakyStorage(inner);
    const before = await seededCrm({ storage, tenant, plugins: [npsWidgetPlugin()] });
    const el = await askingWidget(before);
    offline.writes = true;
    const { answer } = await answerWith(el, 10, 'Lovely staff');
    await before.crm.close();
    el.remove();

    // "After the reload": a new crm over the same data; its outbox starts flushing when first asked for.
    const after = await createCrm({ storage: inner, tenant, plugins: [npsWidgetPlugin()], now: () => NOW });
    expect(
      NpsOutbox.for(after)
        .pending()
        .map((entry) => entry.id),
    ).to.deep.equal([answer.responseId]);
    await until(() => localStorage.getItem(KEY(tenant)) === null, 'flushed after the reload');
    const responses = await after.npsResponses.all({ customerId: before.customer.id });
    expect(responses.map((response) => [response.id, response.score, response.comment])).to.deep.equal([
      [answer.responseId, 10, 'Lovely staff'],
    ]);
    expect(await after.activities.all({ customerId: before.customer.id, type: 'nps' })).to.have.length(1);
  });

  it('writes an answer once even when it is flushed twice (a lost reply, two tabs)', async () => {
    const seeded = await npsCrm();
    const outbox = NpsOutbox.for(seeded.crm);
    const id = 'response-twice';
    const entry = {
      id,
      kind: 'answer' as const,
      customerId: seeded.customer.id,
      rows: [
        {
          collection: 'npsResponses' as const,
          input: { id, customerId: seeded.customer.id, score: 8, touchpoint: 'web', at: NOW.toISOString() },
        },
      ],
    };
    expect(await outbox.send(entry, NOW)).to.equal('written');
    // The same entry again, as if the first reply had been lost and it had been queued anyway.
    localStorage.setItem(
      KEY(seeded.crm.tenant),
      JSON.stringify([{ ...entry, queuedAt: NOW.toISOString(), attempts: 1 }]),
    );
    expect(await Promise.all([outbox.flush(), flushNpsOutbox(seeded.crm)])).to.deep.equal([1, 1]);
    expect(await responsesOf(seeded)).to.have.length(1);
    expect(outbox.entries()).to.deep.equal([]);
  });

  it('counts a waiting answer as an answer: the customer is not asked again meanwhile', async () => {
    const { storage, offline } = flakyStorage();
    const seeded = await npsCrm({ storage });
    const el = await askingWidget(seeded);
    offline.writes = true;
    await answerWith(el, 6);
    const container = await mount<HTMLDivElement>(html`<div></div>`);
    const skipped = oneEvent(container, CrmNpsSkipEvent.type);
    const again = document.createElement('crm-nps-widget');
    Object.assign(again, { crm: seeded.crm, now: NOW, customerId: seeded.customer.id, touchpoint: 'kiosk' });
    container.append(again);
    expect(((await skipped) as unknown as CrmNpsSkipEvent).reason).to.equal('answered-recently');
  });

  it('queues a dismissal too, and keeps an entry the crm refuses instead of dropping it', async () => {
    const { storage, offline } = flakyStorage();
    const seeded = await npsCrm({ storage });
    const el = await askingWidget(seeded);
    offline.writes = true;
    $(el, '[part="dismiss-button"]').click();
    await until(() => stored(seeded.crm.tenant).length === 1, 'queued dismissal');
    expect(stored(seeded.crm.tenant)[0]!.kind).to.equal('dismissal');

    const bad = {
      id: 'bad-answer',
      kind: 'answer',
      customerId: seeded.customer.id,
      queuedAt: NOW.toISOString(),
      attempts: 1,
      rows: [
        { collection: 'npsResponses', input: { customerId: seeded.customer.id, score: 11, touchpoint: 'x', at: 'x' } },
      ],
    };
    localStorage.setItem(KEY(seeded.crm.tenant), JSON.stringify([...stored(seeded.crm.tenant), bad]));
    offline.writes = false;
    expect(await flushNpsOutbox(seeded.crm)).to.equal(1);
    expect(await seeded.crm.activities.all({ customerId: seeded.customer.id, type: 'npsDismissed' })).to.have.length(1);
    const [kept] = NpsOutbox.for(seeded.crm).entries();
    expect(kept!.id).to.equal('bad-answer');
    expect(kept!.rejected).to.contain('score');
    expect(NpsOutbox.for(seeded.crm).pending()).to.deep.equal([]);
  });

  it('never brings an erased customer back: their waiting answer is dropped, not written', async () => {
    const { storage, offline } = flakyStorage();
    const seeded = await npsCrm({ storage });
    const el = await askingWidget(seeded);
    offline.writes = true;
    await answerWith(el, 2, 'Please forget me');
    const outbox = NpsOutbox.for(seeded.crm);
    expect(outbox.pending()).to.have.length(1);
    offline.writes = false;
    await seeded.crm.erase(seeded.customer.id);
    await outbox.flush();
    expect(outbox.entries()).to.deep.equal([]);
    expect(await seeded.crm.npsResponses.count({ customerId: seeded.customer.id })).to.include({ count: 0 });
    expect(await seeded.crm.activities.count({ customerId: seeded.customer.id })).to.include({ count: 0 });
  });

  it('forgets a customer’s waiting entries at once when asked', async () => {
    const { storage, offline } = flakyStorage();
    const seeded = await npsCrm({ storage });
    const el = await askingWidget(seeded);
    offline.writes = true;
    await answerWith(el, 7);
    const outbox = NpsOutbox.for(seeded.crm);
    expect(outbox.forget('someone-else')).to.equal(0);
    expect(outbox.forget(seeded.customer.id)).to.equal(1);
    expect(outbox.entries()).to.deep.equal([]);
    expect(localStorage.getItem(KEY(seeded.crm.tenant))).to.equal(null);
  });

  it('ignores what it cannot read in its key', async () => {
    const seeded = await npsCrm();
    localStorage.setItem(KEY(seeded.crm.tenant), '{not json');
    expect(NpsOutbox.for(seeded.crm).entries()).to.deep.equal([]);
    localStorage.setItem(KEY(seeded.crm.tenant), JSON.stringify([{ id: 1 }, null, 'x']));
    expect(NpsOutbox.for(seeded.crm).entries()).to.deep.equal([]);
    expect(await flushNpsOutbox(seeded.crm)).to.equal(0);
  });
});
