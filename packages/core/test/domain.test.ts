import { expect } from 'chai';
import { CrmValidationError, createCrm, IYS_CHANNEL, IYS_STATUS, type Crm } from '@crmkit/core';
import { ayse, fixedNow, john } from './fixtures.js';

async function rejection(promise: Promise<unknown>): Promise<CrmValidationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CrmValidationError) return error;
    throw error;
  }
  throw new Error('expected a CrmValidationError');
}

const consent = (
  customerId: string,
  channel: 'email' | 'sms' | 'call',
  status: 'granted' | 'denied',
  recordedAt: string,
) => ({
  customerId,
  channel,
  status,
  recipient: channel === 'email' ? 'ayse@example.com.tr' : '+90 532 555 01 01',
  source: 'HS_WEB' as const,
  recordedAt,
  proof: 'Web form v3, checkbox "Kampanyalardan haberdar olmak istiyorum"',
});

describe('domain rules', () => {
  let crm: Crm;
  let customerId: string;
  beforeEach(async () => {
    crm = await createCrm({ now: fixedNow, user: 'agent-7' });
    customerId = (await crm.customers.put(ayse)).id;
  });

  it('derives the current consent per channel from append-only records', async () => {
    await crm.consents.put(consent(customerId, 'email', 'granted', '2025-01-01T10:00:00+03:00'));
    await crm.consents.put(consent(customerId, 'sms', 'granted', '2025-01-01T10:00:00+03:00'));
    const denial = await crm.consents.put(consent(customerId, 'email', 'denied', '2025-06-01T10:00:00+03:00'));
    const current = await crm.consents.current(customerId);
    expect(current.email?.id).to.equal(denial.id);
    expect(current.sms?.status).to.equal('granted');
    expect(current.call).to.equal(undefined);
    expect(denial.recipientType).to.equal('individual');
    expect(IYS_CHANNEL[denial.channel]).to.equal('EPOSTA');
    expect(IYS_STATUS[denial.status]).to.equal('RET');
    expect((await crm.consents.history(customerId)).map((c) => c.status)).to.deep.equal([
      'granted',
      'granted',
      'denied',
    ]);
  });

  it('never edits or deletes a consent record', async () => {
    const record = await crm.consents.put(consent(customerId, 'email', 'granted', '2025-01-01T10:00:00+03:00'));
    const edit = await rejection(crm.consents.put({ ...record, status: 'denied' }));
    expect(edit.issues[0]!.code).to.equal('append_only');
    expect((await rejection(crm.consents.remove())).issues[0]!.code).to.equal('append_only');
    expect((await crm.consents.require(record.id)).status).to.equal('granted');
  });

  it('checks that a consent recipient fits its channel and the source is an İYS code', async () => {
    const error = await rejection(
      crm.consents.put({
        ...consent(customerId, 'sms', 'granted', '2025-01-01T10:00:00Z'),
        recipient: 'ayse@example.com',
      }),
    );
    expect(error.issues.map((i) => i.path.join('.'))).to.deep.equal(['recipient']);
    const source = await rejection(
      crm.consents.put({
        ...consent(customerId, 'email', 'granted', '2025-01-01T10:00:00Z'),
        source: 'WEBSITE' as never,
      }),
    );
    expect(source.issues[0]!.path).to.deep.equal(['source']);
  });

  it('validates activity data by the type’s schema and refuses unknown types', async () => {
    const note = await crm.activities.put({
      customerId,
      type: 'note',
      at: '2026-11-01T09:00:00Z',
      data: { text: 'Asked about 22 ayar bilezik' },
    });
    expect(note.type).to.equal('note');
    const task = await crm.activities.put({
      customerId,
      type: 'task',
      at: '2026-11-01T09:00:00Z',
      dueAt: '2026-11-30T09:00:00Z',
      data: { title: 'Call back' },
    });
    expect(task.data).to.deep.equal({ title: 'Call back', done: false });
    const bad = await rejection(
      crm.activities.put({
        customerId,
        type: 'purchase',
        at: '2026-11-01T09:00:00Z',
        data: { total: -5, currency: 'GBP' },
      }),
    );
    expect(bad.issues.map((i) => i.path.join('.'))).to.have.members(['data.total', 'data.currency']);
    const unknown = await rejection(
      crm.activities.put({ customerId, type: 'fax' as never, at: '2026-11-01T09:00:00Z', data: {} }),
    );
    expect(unknown.issues[0]!.path).to.deep.equal(['type']);
    expect(unknown.issues[0]!.message).to.contain('note');
  });

  it('pages a customer’s timeline newest first', async () => {
    for (let day = 1; day <= 5; day++) {
      await crm.activities.put({
        customerId,
        type: 'note',
        at: `2026-11-0${day}T09:00:00Z`,
        data: { text: `day ${day}` },
      });
    }
    const first = await crm.activities.forCustomer(customerId, { limit: 3 });
    expect(first.items.map((a) => a.at.slice(8, 10))).to.deep.equal(['05', '04', '03']);
    const second = await crm.activities.forCustomer(customerId, { limit: 3, cursor: first.nextCursor });
    expect(second.items.map((a) => a.at.slice(8, 10))).to.deep.equal(['02', '01']);
    expect(second.nextCursor).to.equal(undefined);
  });

  it('computes sales document totals and refuses totals that do not add up', async () => {
    const lines = [
      { description: '22 ayar bilezik', quantity: 2, unitPrice: 12500, taxRate: 0.2 },
      { description: 'Bakım', quantity: 1, unitPrice: 250, taxRate: 0.2, discount: 0.1 },
    ];
    const quote = await crm.salesDocuments.put({
      customerId,
      kind: 'quote',
      number: 'Q-2026-0001',
      status: 'sent',
      currency: 'TRY',
      lines,
      issuedAt: '2026-11-01T09:00:00Z',
    });
    expect(quote.totals).to.deep.equal({ net: 25225, tax: 5045, gross: 30270 });
    const order = await crm.salesDocuments.put({
      customerId,
      kind: 'order',
      number: 'O-2026-0001',
      status: 'open',
      currency: 'TRY',
      lines,
      issuedAt: '2026-11-02T09:00:00Z',
      fromQuoteId: quote.id,
    });
    expect(order.fromQuoteId).to.equal(quote.id);
    const wrong = await rejection(
      crm.salesDocuments.put({
        customerId,
        kind: 'invoice',
        number: 'I-1',
        status: 'sent',
        currency: 'TRY',
        lines,
        issuedAt: '2026-11-02T09:00:00Z',
        totals: { net: 1, tax: 0, gross: 1 },
      }),
    );
    expect(wrong.issues.map((i) => i.path.join('.'))).to.include.members(['status', 'totals.net', 'totals.gross']);
    const empty = await rejection(
      crm.salesDocuments.put({
        customerId,
        kind: 'quote',
        number: 'Q-2',
        status: 'draft',
        currency: 'TRY',
        lines: [],
        issuedAt: '2026-11-02T09:00:00Z',
      }),
    );
    expect(empty.issues[0]!.path).to.deep.equal(['lines']);
  });

  it('refuses NPS scores outside 0–10 or not whole numbers', async () => {
    for (const score of [-1, 11, 7.5, Number.NaN]) {
      const error = await rejection(
        crm.npsResponses.put({ customerId, score, touchpoint: 'store-visit', at: '2026-11-01T09:00:00Z' }),
      );
      expect(error.issues[0]!.path).to.deep.equal(['score']);
    }
    const ok = await crm.npsResponses.put({
      customerId,
      score: 10,
      touchpoint: 'store-visit',
      at: '2026-11-01T09:00:00Z',
    });
    expect(ok.score).to.equal(10);
  });

  it('writes several collections in one transaction, or none', async () => {
    const at = '2026-11-01T09:00:00Z';
    await crm.transaction(async (batch) => {
      const response = await batch.put('npsResponses', { customerId, score: 9, touchpoint: 'web', at });
      await batch.put('activities', {
        customerId,
        type: 'nps',
        at,
        data: { score: 9, touchpoint: 'web', responseId: response.id },
      });
    });
    expect((await crm.npsResponses.count({ customerId })).count).to.equal(1);
    expect((await crm.activities.count({ customerId, type: 'nps' })).count).to.equal(1);

    const error = await rejection(
      crm.transaction(async (batch) => {
        await batch.put('npsResponses', { customerId, score: 3, touchpoint: 'web', at });
        await batch.put('activities', { customerId, type: 'nps', at, data: { score: 33, touchpoint: 'web' } });
      }),
    );
    expect(error.issues[0]!.path).to.deep.equal([1, 'data', 'score']);
    expect((await crm.npsResponses.count({ customerId })).count).to.equal(1);
  });

  it('exports everything held about a customer', async () => {
    await crm.consents.put(consent(customerId, 'email', 'granted', '2025-01-01T10:00:00+03:00'));
    await crm.activities.put({ customerId, type: 'note', at: '2026-11-01T09:00:00Z', data: { text: 'hello' } });
    await crm.tickets.put({ customerId, subject: 'Clasp is loose' });
    const other = await crm.customers.put(john);
    await crm.activities.put({
      customerId: other.id,
      type: 'note',
      at: '2026-11-01T09:00:00Z',
      data: { text: 'not hers' },
    });
    const data = await crm.export(customerId);
    expect(data.customer.name).to.equal('Ayşe Yılmaz');
    expect(data.consents).to.have.length(1);
    expect(data.activities.map((a) => a.customerId)).to.deep.equal([customerId]);
    expect(data.tickets[0]!.status).to.equal('open');
    expect(JSON.parse(JSON.stringify(data))).to.deep.equal(data);
  });

  it('erases a customer and everything of theirs, keeping an audit record without personal data', async () => {
    await crm.consents.put(consent(customerId, 'email', 'granted', '2025-01-01T10:00:00+03:00'));
    await crm.activities.put({ customerId, type: 'note', at: '2026-11-01T09:00:00Z', data: { text: 'hello' } });
    await crm.npsResponses.put({ customerId, score: 10, touchpoint: 'web', at: '2026-11-01T09:00:00Z' });
    const other = await crm.customers.put(john);
    await crm.activities.put({
      customerId: other.id,
      type: 'note',
      at: '2026-11-01T09:00:00Z',
      data: { text: 'stays' },
    });

    const audit = await crm.erase(customerId);
    expect(audit.counts).to.deep.equal({
      customers: 1,
      consents: 1,
      activities: 1,
      salesDocuments: 0,
      npsResponses: 1,
      tickets: 0,
    });
    expect(audit.by).to.equal('agent-7');
    expect(await crm.customers.get(customerId)).to.equal(undefined);
    for (const name of ['consents', 'activities', 'npsResponses'] as const) {
      expect((await crm.collection(name).count({ customerId })).count, name).to.equal(0);
    }
    expect((await crm.activities.count({ customerId: other.id })).count).to.equal(1);
    const trail = await crm.audit.all();
    expect(trail).to.have.length(1);
    const serialized = JSON.stringify(trail);
    for (const personal of [customerId, 'Ayşe', 'ayse@example.com.tr', '532'])
      expect(serialized).not.to.contain(personal);
    expect(trail[0]!.subject).to.match(/^[0-9a-f]{64}$/);
    expect((await rejection(crm.audit.put(trail[0]!))).issues[0]!.code).to.equal('read_only');
  });
});
