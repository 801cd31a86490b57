import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { summarizeTransactions } from '@crmkit/analytics';
import { cdnowSampleTransactions, cdnowSummary } from './reference.js';

describe('summarizeTransactions', () => {
  it('rebuilds the published CDNOW summary from its transaction log (Node: reads shared/reference)', async function () {
    const [transactions, published] = await Promise.all([cdnowSampleTransactions(), cdnowSummary()]);
    if (!transactions || !published) return this.skip();
    const summary = summarizeTransactions(transactions, { observationEnd: '1997-09-30', unit: 'week' });
    expect(summary).to.have.length(2357);
    const byId = new Map(summary.map((row) => [row.customerId, row]));
    for (const row of published) {
      const ours = byId.get(row.id)!;
      expect(ours.frequency, `customer ${row.id}`).to.equal(row.frequency);
      expect(ours.recency, `customer ${row.id}`).to.be.closeTo(row.recency, 0.005);
      expect(ours.T, `customer ${row.id}`).to.be.closeTo(row.T, 0.005);
    }
    // Customer 1 bought on 1997-01-01 ($29.33), 01-18 ($29.73), 08-02 ($14.96) in calibration, and later.
    expect(byId.get('1')).to.include({ frequency: 2, orders: 3 });
    expect(byId.get('1')!.monetary).to.be.closeTo(22.345, 1e-9);
  });

  it('counts same-day purchases as one occasion and leaves the first one out of the spend', () => {
    const summary = summarizeTransactions(
      [
        { customerId: 'a', at: '2024-01-10T09:00:00Z', amount: 10 },
        { customerId: 'a', at: '2024-01-10T18:00:00Z', amount: 5 },
        { customerId: 'a', at: '2024-01-20', amount: 30 },
        { customerId: 'a', at: '2024-01-30', amount: 20 },
        { customerId: 'a', at: '2024-01-30', amount: 20 },
        { customerId: 7, at: Date.UTC(2024, 0, 25), amount: 99 },
      ],
      { observationEnd: new Date('2024-02-09T00:00:00Z') },
    );
    expect(summary).to.deep.equal([
      {
        customerId: 'a',
        frequency: 2,
        recency: 20,
        T: 30,
        monetary: 35,
        orders: 5,
        total: 85,
        firstDay: 19732,
        lastDay: 19752,
      },
      {
        customerId: '7',
        frequency: 0,
        recency: 0,
        T: 15,
        monetary: 0,
        orders: 1,
        total: 99,
        firstDay: 19747,
        lastDay: 19747,
      },
    ]);
  });

  it('ignores purchases after the end of observation and customers who had not started by then', () => {
    const summary = summarizeTransactions(
      [
        { customerId: 'a', at: '2024-01-01' },
        { customerId: 'a', at: '2024-03-01' },
        { customerId: 'b', at: '2024-03-01' },
      ],
      { observationEnd: '2024-01-15', unit: 'week' },
    );
    expect(summary).to.have.length(1);
    expect(summary[0]).to.include({ customerId: 'a', frequency: 0, T: 2 });
  });

  it('ends observation at the last purchase by default', () => {
    const [a] = summarizeTransactions([
      { customerId: 'a', at: '2024-01-01' },
      { customerId: 'b', at: '2024-01-11' },
    ]);
    expect(a!.T).to.equal(10);
  });

  it('refuses bad rows with their paths and changes nothing', () => {
    const rows = [
      { customerId: 'a', at: '2024-01-01', amount: 1 },
      { customerId: '', at: '2024-01-01' },
      { customerId: 'b', at: 'not a date' },
      { customerId: 'c', at: '2024-01-01', amount: Infinity },
    ];
    const copy = structuredClone(rows);
    expect(() => summarizeTransactions(rows))
      .to.throw(CrmValidationError)
      .that.satisfies((error: CrmValidationError) => {
        expect(error.issues.map((issue) => issue.path)).to.deep.equal([
          [1, 'customerId'],
          [2, 'at'],
          [3, 'amount'],
        ]);
        return true;
      });
    expect(rows).to.deep.equal(copy);
    expect(() => summarizeTransactions([], { unit: -1 })).to.throw(CrmValidationError, /options\.unit/);
    expect(() => summarizeTransactions('x' as never)).to.throw(CrmValidationError, /expected an array/);
  });
});
