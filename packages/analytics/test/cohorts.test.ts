import { expect } from 'chai';
import { CrmValidationError, createCrm } from '@crmkit/core';
import { cohortRetention, type Transaction } from '@crmkit/analytics';

describe('cohort retention', () => {
  const customers = [
    { id: 'a', acquisition: { channel: 'agent', at: '2019-01-10' } },
    { id: 'b', acquisition: { channel: 'agent', at: '2019-02-01' } },
    { id: 'c', acquisition: { channel: 'direct-marketing', at: '2019-03-05' } },
    { id: 'd', acquisition: { channel: 'direct-marketing', at: '2019-06-30' } },
    { id: 'e' }, // no channel, acquired at the first purchase
    { id: 'f' }, // never bought, no acquisition date: cannot be placed
  ];
  const log: Transaction[] = [
    { customerId: 'a', at: '2019-01-10', amount: 10 },
    { customerId: 'a', at: '2020-05-01', amount: 10 },
    { customerId: 'b', at: '2019-02-01', amount: 10 },
    { customerId: 'c', at: '2019-03-05', amount: 10 },
    { customerId: 'c', at: '2021-08-01', amount: 10 },
    { customerId: 'd', at: '2019-07-02', amount: 10 },
    { customerId: 'd', at: '2020-01-02', amount: 10 },
    { customerId: 'e', at: '2020-02-02', amount: 10 },
    { customerId: 'zz', at: '2020-02-02', amount: 10 },
  ];

  it('builds cohorts × periods by acquisition channel with counts and rates', () => {
    const result = cohortRetention(customers, log, { by: 'acquisition.channel', period: 'year', asOf: '2021-12-31' });
    expect(result.asOf).to.equal('2021');
    expect(
      result.cohorts.map(({ group, cohort, size, active, retained }) => ({ group, cohort, size, active, retained })),
    ).to.deep.equal([
      { group: 'agent', cohort: '2019', size: 2, active: [2, 1, 0], retained: [2, 1, 0] },
      { group: 'direct-marketing', cohort: '2019', size: 2, active: [2, 1, 1], retained: [2, 2, 1] },
      { group: 'unknown', cohort: '2020', size: 1, active: [1, 0], retained: [1, 0] },
    ]);
    expect(result.cohorts[1]!.retainedRate).to.deep.equal([1, 1, 0.5]);
    expect(result.cohorts[0]!.activeRate).to.deep.equal([1, 0.5, 0]);
    // Pooled per group: the seed's comparison of channels.
    const agent = result.groups.find((g) => g.group === 'agent')!;
    expect(agent.retainedRate).to.deep.equal([1, 0.5, 0]);
    expect(result.unplaced).to.equal(1);
    expect(result.unmatchedTransactions).to.equal(1);
  });

  it('uses months and quarters, and any attribute or function as the group', () => {
    const monthly = cohortRetention(customers.slice(0, 2), log, { period: 'month', asOf: '2019-03-31' });
    expect(monthly.cohorts.map((c) => [c.group, c.cohort, c.active])).to.deep.equal([
      ['agent', '2019-01', [1, 0, 0]],
      ['agent', '2019-02', [1, 0]],
    ]);
    const quarterly = cohortRetention(customers, log, { period: 'quarter', by: (c) => c.id.toUpperCase() });
    expect(quarterly.cohorts[0]).to.include({ group: 'A', cohort: '2019-Q1', size: 1 });
  });

  it('refuses bad input with paths', () => {
    expect(() => cohortRetention(customers, [{ customerId: 'a', at: 'soon' }], { period: 'month' })).to.throw(
      CrmValidationError,
      /transactions\[0\]\.at/,
    );
    expect(() => cohortRetention(customers, log, { period: 'week' as never })).to.throw(
      CrmValidationError,
      /options\.period/,
    );
    expect(() =>
      cohortRetention([{ id: 'a', acquisition: { at: 'x' } }], [{ customerId: 'a', at: '2020-01-01', amount: -1 }], {
        period: 'year',
      }),
    )
      .to.throw(CrmValidationError)
      .with.property('issues')
      .that.satisfies((issues: { path: unknown[] }[]) => {
        expect(issues.map((issue) => issue.path)).to.deep.equal([
          ['customers', 0, 'acquisition', 'at'],
          ['transactions', 0, 'amount'],
        ]);
        return true;
      });
  });

  it("reads the kit's customers as they are stored", async () => {
    const crm = await createCrm();
    const stored = await crm.customers.putMany([
      { id: 'k1', name: 'Ali', acquisition: { channel: 'agent', at: '2020-01-15T09:00:00.000Z' } },
      { id: 'k2', name: 'Elif', acquisition: { channel: 'web', at: '2020-02-01T09:00:00.000Z' } },
    ]);
    const result = cohortRetention(stored, [{ customerId: 'k1', at: '2021-03-01T10:00:00.000Z', amount: 5 }], {
      by: 'acquisition.channel',
      period: 'year',
    });
    expect(result.cohorts.map((c) => [c.group, c.cohort, c.active])).to.deep.equal([
      ['agent', '2020', [0, 1]],
      ['web', '2020', [0, 0]],
    ]);
    await crm.close();
  });
});
