import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { periodIndex, periodLabel, retentionCohorts, retentionCurve, type Transaction } from '@crmkit/analytics';

const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);

describe('retention cohorts', () => {
  const log: Transaction[] = [
    { customerId: 'a', at: '2024-01-05' },
    { customerId: 'a', at: '2024-02-10' },
    { customerId: 'a', at: '2024-02-11' },
    { customerId: 'b', at: '2024-01-20' },
    { customerId: 'b', at: '2024-03-01' },
    { customerId: 'c', at: '2024-02-14' },
    { customerId: 'c', at: '2024-03-30' },
    { customerId: 'd', at: '2024-02-28' },
  ];

  it('groups customers by month of first purchase and counts who came back in each later month', () => {
    expect(retentionCohorts(log)).to.deep.equal([
      { group: undefined, cohort: '2024-01', size: 2, active: [2, 1, 1], retention: [1, 0.5, 0.5] },
      { group: undefined, cohort: '2024-02', size: 2, active: [2, 1], retention: [1, 0.5] },
    ]);
  });

  it('forms cohorts per acquisition channel', () => {
    const channel: Record<string, string> = { a: 'web', b: 'store', c: 'web' };
    const cohorts = retentionCohorts(log, { groupOf: (id) => channel[id], asOf: '2024-02-29' });
    expect(cohorts.map((c) => [c.group, c.cohort, c.size, c.active])).to.deep.equal([
      ['store', '2024-01', 1, [1, 0]],
      ['unknown', '2024-02', 1, [1]],
      ['web', '2024-01', 1, [1, 1]],
      ['web', '2024-02', 1, [1]],
    ]);
  });

  it('pools cohorts into one curve over the customers that reached each period', () => {
    const curve = retentionCurve(retentionCohorts(log));
    expect(curve).to.deep.equal([1, 2 / 4, 1 / 2]);
    expect(retentionCurve([])).to.deep.equal([]);
  });

  it('labels ISO weeks, quarters and years', () => {
    expect(periodLabel(periodIndex(day('2021-01-04'), 'week'), 'week')).to.equal('2021-W01');
    expect(periodLabel(periodIndex(day('2021-01-03'), 'week'), 'week')).to.equal('2020-W53');
    expect(periodLabel(periodIndex(day('2019-12-30'), 'week'), 'week')).to.equal('2020-W01');
    expect(periodLabel(periodIndex(day('1969-12-29'), 'week'), 'week')).to.equal('1970-W01');
    expect(periodLabel(periodIndex(day('2024-08-15'), 'quarter'), 'quarter')).to.equal('2024-Q3');
    expect(periodLabel(periodIndex(day('2024-08-15'), 'year'), 'year')).to.equal('2024');
    expect(retentionCohorts(log, { period: 'quarter' }).map((c) => [c.cohort, c.active])).to.deep.equal([
      ['2024-Q1', [4]],
    ]);
  });

  it('refuses bad input with paths', () => {
    expect(() => retentionCohorts([{ customerId: 'a', at: 'soon' }])).to.throw(CrmValidationError, /\[0\]\.at/);
    expect(() => retentionCohorts(log, { period: 'fortnight' as never })).to.throw(
      CrmValidationError,
      /options\.period/,
    );
  });
});
