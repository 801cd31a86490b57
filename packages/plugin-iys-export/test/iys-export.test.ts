import { expect } from 'chai';
import { createCrm, type Consent, type ConsentInput } from '@crmkit/core';
import {
  iysConsentExport,
  iysDate,
  iysExportPlugin,
  toIysCsv,
  toIysJson,
  toIysRecords,
  type IysExportFile,
  type IysRecord,
} from '@crmkit/plugin-iys-export';

let seq = 0;
const consent = (overrides: Partial<Consent>): Consent => ({
  id: `k${++seq}`,
  rev: '1',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  customerId: 'c1',
  channel: 'email',
  status: 'granted',
  recipient: 'zeynep@example.com.tr',
  recipientType: 'individual',
  source: 'HS_WEB',
  recordedAt: '2025-03-01T09:00:00.000Z',
  ...overrides,
});

describe('plugin-iys-export', () => {
  it('maps every channel, status and recipient type to the İYS names', () => {
    const records = toIysRecords([
      consent({ customerId: 'a', channel: 'email', status: 'granted', recipientType: 'individual' }),
      consent({ customerId: 'a', channel: 'sms', status: 'denied', recipient: '+905321234567', source: 'HS_MESAJ' }),
      consent({
        customerId: 'a',
        channel: 'call',
        status: 'granted',
        recipient: '+905321234567',
        recipientType: 'merchant',
        source: 'HS_CAGRI_MERKEZI',
      }),
      consent({ customerId: 'b', channel: 'email', status: 'denied', recipientType: 'merchant' }),
    ]);
    expect(records.map((r) => [r.type, r.status, r.recipientType, r.source])).to.deep.equal([
      ['EPOSTA', 'ONAY', 'BIREYSEL', 'HS_WEB'],
      ['MESAJ', 'RET', 'BIREYSEL', 'HS_MESAJ'],
      ['ARAMA', 'ONAY', 'TACIR', 'HS_CAGRI_MERKEZI'],
      ['EPOSTA', 'RET', 'TACIR', 'HS_WEB'],
    ]);
    expect(records[1]).to.deep.equal({
      type: 'MESAJ',
      recipient: '+905321234567',
      recipientType: 'BIREYSEL',
      source: 'HS_MESAJ',
      status: 'RET',
      consentDate: '2025-03-01 12:00:00',
    });
  });

  it('writes the consent date in Turkey time, across a date boundary', () => {
    expect(iysDate('2025-03-01T22:30:00Z')).to.equal('2025-03-02 01:30:00');
    expect(iysDate('2024-12-31T21:00:00Z')).to.equal('2025-01-01 00:00:00');
    expect(iysDate(new Date('2025-07-15T05:04:03Z'))).to.equal('2025-07-15 08:04:03');
    expect(toIysRecords([consent({ recordedAt: '2025-03-01T22:30:00.000Z' })])[0]!.consentDate).to.equal(
      '2025-03-02 01:30:00',
    );
    expect(() => iysDate('not a date')).to.throw(RangeError);
  });

  it('exports only the latest consent per customer and channel', () => {
    const records = toIysRecords([
      consent({ channel: 'sms', recipient: '+905321234567', status: 'denied', recordedAt: '2025-05-01T10:00:00Z' }),
      consent({ channel: 'sms', recipient: '+905321234567', status: 'granted', recordedAt: '2025-02-01T10:00:00Z' }),
      consent({ channel: 'email', status: 'granted', recordedAt: '2025-01-01T10:00:00Z' }),
      consent({ channel: 'email', status: 'denied', recordedAt: '2025-04-01T10:00:00Z' }),
    ]);
    expect(records.map((r) => `${r.type}:${r.status}`)).to.deep.equal(['EPOSTA:RET', 'MESAJ:RET']);
    const before = toIysRecords(
      [
        consent({ status: 'granted', recordedAt: '2025-01-01T10:00:00Z' }),
        consent({ status: 'denied', recordedAt: '2025-04-01T10:00:00Z' }),
      ],
      { now: new Date('2025-02-01T00:00:00Z') },
    );
    expect(before.map((r) => r.status)).to.deep.equal(['ONAY']);
  });

  it('reads the current consents from the crm, for some customers or all', async () => {
    const crm = await createCrm();
    const put = (input: Omit<ConsentInput, 'source' | 'recipientType'>) =>
      crm.consents.put({ source: 'HS_FIZIKSEL_ORTAM', ...input });
    await put({
      customerId: 'c1',
      channel: 'sms',
      status: 'granted',
      recipient: '+905321234567',
      recordedAt: '2025-01-01T08:00:00Z',
    });
    await put({
      customerId: 'c1',
      channel: 'sms',
      status: 'denied',
      recipient: '+905321234567',
      recordedAt: '2025-06-01T08:00:00Z',
    });
    await put({
      customerId: 'c2',
      channel: 'email',
      status: 'granted',
      recipient: 'ali@example.com',
      recordedAt: '2025-02-01T08:00:00Z',
    });
    const one = await iysConsentExport(crm, { customerIds: ['c1'] });
    expect(one).to.deep.equal([
      {
        type: 'MESAJ',
        recipient: '+905321234567',
        recipientType: 'BIREYSEL',
        source: 'HS_FIZIKSEL_ORTAM',
        status: 'RET',
        consentDate: '2025-06-01 11:00:00',
      },
    ]);
    expect((await iysConsentExport(crm)).map((r) => r.recipient)).to.deep.equal(['+905321234567', 'ali@example.com']);
  });

  it('writes JSON and CSV, quoting commas, quotes and line breaks', () => {
    const record: IysRecord = {
      type: 'EPOSTA',
      recipient: '"Kaya, Zeynep" <zeynep@example.com>',
      recipientType: 'BIREYSEL',
      source: 'HS_WEB',
      status: 'ONAY',
      consentDate: '2025-03-02 01:30:00',
    };
    expect(JSON.parse(toIysJson([record]))).to.deep.equal({ recipients: [record] });
    expect(toIysCsv([record, { ...record, recipient: 'a\nb' }])).to.equal(
      'type,recipient,recipientType,source,status,consentDate\r\n' +
        'EPOSTA,"""Kaya, Zeynep"" <zeynep@example.com>",BIREYSEL,HS_WEB,ONAY,2025-03-02 01:30:00\r\n' +
        'EPOSTA,"a\nb",BIREYSEL,HS_WEB,ONAY,2025-03-02 01:30:00\r\n',
    );
    expect(toIysCsv([])).to.equal('type,recipient,recipientType,source,status,consentDate\r\n');
  });

  it('registers the card action, which hands over the customer’s file', async () => {
    const files: IysExportFile[] = [];
    const crm = await createCrm({ plugins: [iysExportPlugin({ onExport: (file) => void files.push(file) })] });
    const action = crm.host.contributions.cardActions.find((a) => a.id === 'iys-export')!;
    expect(action.label).to.deep.equal({ en: 'Export İYS consents', tr: 'İYS izinlerini dışa aktar' });
    const customer = await crm.customers.put({ name: 'Zeynep Kaya' });
    await crm.consents.put({
      customerId: customer.id,
      channel: 'email',
      status: 'granted',
      recipient: 'zeynep@example.com',
      source: 'HS_WEB',
      recordedAt: '2025-03-01T22:30:00Z',
    });
    await action.run(customer, crm);
    expect(files).to.have.length(1);
    expect(files[0]!.fileName).to.equal(`iys-${customer.id}.csv`);
    expect(files[0]!.content).to.contain('EPOSTA,zeynep@example.com,BIREYSEL,HS_WEB,ONAY,2025-03-02 01:30:00');
    expect(crm.t('iysExport.action', {}, 'tr')).to.equal('İYS izinlerini dışa aktar');

    const json: IysExportFile[] = [];
    const jsonCrm = await createCrm({
      plugins: [iysExportPlugin({ format: 'json', onExport: (file) => void json.push(file) })],
    });
    await jsonCrm.host.contributions.cardActions[0]!.run(customer, jsonCrm);
    expect(JSON.parse(json[0]!.content)).to.deep.equal({ recipients: [] });
  });
});
