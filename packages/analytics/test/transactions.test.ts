import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { summarizeTransactions } from '@crmkit/analytics';
import { CDNOW_CALIBRATION_END, cdnowSampleTransactions, cdnowSummary } from './support.js';

function issuesOf(call: () => unknown): { path: readonly (string | number)[]; code: string }[] {
  try {
    call();
  } catch (error) {
    expect(error).to.be.instanceOf(CrmValidationError);
    return [...(error as CrmValidationError).issues];
  }
  throw new Error('expected a CrmValidationError');
}

describe('summarizeTransactions', () => {
  it('rebuilds the published CDNOW summary from CDNOW_sample.txt', () => {
    const log = cdnowSampleTransactions();
    expect(log).to.have.length(6919);
    const calibration = log.filter((t) => String(t.at) <= CDNOW_CALIBRATION_END);
    const summary = summarizeTransactions(calibration, { unit: 'week', observationEnd: CDNOW_CALIBRATION_END });
    const published = cdnowSummary();
    expect(summary).to.have.length(2357);
    expect(published).to.have.length(2357);
    const byId = new Map(summary.map((row) => [row.customerId, row]));
    for (const row of published) {
      const ours = byId.get(row.id)!;
      expect(ours.frequency, `customer ${row.id}`).to.equal(row.frequency);
      // The published file rounds weeks to 2 decimals.
      expect(ours.recency, `customer ${row.id}`).to.be.closeTo(row.recency, 0.005);
      expect(ours.T, `customer ${row.id}`).to.be.closeTo(row.T, 0.005);
    }
    // Customer 1 bought on 1997-01-01 ($29.33), 01-18 ($29.73) and 08-02 ($14.96) in the calibration period.
    expect(byId.get('1')).to.include({ frequency: 2, orders: 3 });
    expect(byId.get('1')!.monetaryValue).to.be.closeTo(22.345, 1e-9);
    // The whole log with later purchases ignored on purpose gives the same summary.
    expect(
      summarizeTransactions(log, { unit: 'week', observationEnd: CDNOW_CALIBRATION_END, later: 'ignore' }),
    ).to.deep.equal(summary);
  });

  it('gives frequency, recency, T and monetaryValue in the BTYD convention', () => {
    const summary = summarizeTransactions(
      [
        { customerId: 'a', at: '2024-01-10T09:00:00Z', amount: 10 },
        { customerId: 'a', at: '2024-01-10T18:00:00Z', amount: 5 },
        { customerId: 'a', at: '2024-01-20', amount: 30 },
        { customerId: 'a', at: '2024-01-30', amount: 20 },
        { customerId: 'a', at: '2024-01-30', amount: 20 },
        { customerId: 7, at: Date.UTC(2024, 0, 25), amount: 99 },
      ],
      { unit: 'day', observationEnd: new Date('2024-02-09T00:00:00Z') },
    );
    expect(summary).to.deep.equal([
      // Same-day purchases are one occasion; the first occasion's spend is left out of monetaryValue.
      { customerId: 'a', frequency: 2, recency: 20, T: 30, monetaryValue: 35, orders: 5, total: 85, sinceLast: 10 },
      { customerId: '7', frequency: 0, recency: 0, T: 15, monetaryValue: 0, orders: 1, total: 99, sinceLast: 15 },
    ]);
    const [weeks] = summarizeTransactions([{ customerId: 'a', at: '2024-01-01' }], {
      unit: 'week',
      observationEnd: '2024-01-15',
    });
    expect(weeks).to.include({ T: 2, frequency: 0 });
  });

  it('refuses bad rows with their paths and changes nothing', () => {
    const rows = [
      { customerId: 'a', at: '2024-01-01', amount: 1 },
      { customerId: '', at: '2024-01-01' },
      { customerId: 'b', at: 'not a date' },
      { customerId: 'c', at: '2024-01-01', amount: Infinity },
      { customerId: 'd', at: '2024-01-01', amount: -5 },
      { customerId: 'e', at: '2024-03-01', amount: 5 },
    ];
    const copy = structuredClone(rows);
    const issues = issuesOf(() => summarizeTransactions(rows, { unit: 'day', observationEnd: '2024-02-01' }));
    expect(issues.map((issue) => [issue.path, issue.code])).to.deep.equal([
      [[1, 'customerId'], 'invalid_type'],
      [[2, 'at'], 'invalid_date'],
      [[3, 'amount'], 'invalid_type'],
      [[4, 'amount'], 'too_small'],
      [[5, 'at'], 'too_big'],
    ]);
    expect(rows).to.deep.equal(copy);
  });

  it('refuses bad options and empty input', () => {
    expect(() =>
      summarizeTransactions([{ customerId: 'a', at: '2024-01-01' }], {
        unit: 'month' as never,
        observationEnd: '2024-01-01',
      }),
    ).to.throw(CrmValidationError, /options\.unit/);
    expect(() => summarizeTransactions([{ customerId: 'a', at: '2024-01-01' }], { unit: 'day' } as never)).to.throw(
      CrmValidationError,
      /options\.observationEnd: is required/,
    );
    expect(() => summarizeTransactions('x' as never, { unit: 'day', observationEnd: '2024-01-01' })).to.throw(
      CrmValidationError,
      /expected an array/,
    );
    expect(() => summarizeTransactions([], { unit: 'day', observationEnd: '2024-01-01' })).to.throw(
      CrmValidationError,
      /needs at least one transaction/,
    );
  });
});
