import { expect } from 'chai';
import fc from 'fast-check';
import { CrmValidationError } from '@crmkit/core';
import {
  RFM_OTHERS,
  RFM_SEGMENTS,
  RF_SEGMENTS,
  quantileSorted,
  rfmCutPoints,
  rfmFromTransactions,
  rfmScore,
  rfmScores,
  rfmSegment,
  type RfmInput,
} from '@crmkit/analytics';
import { RFM_SEGMENT_RULES } from './fixtures/rfm-segment-rules.js';

/**
 * The R package rfm 0.3.0's scoring, transcribed for comparison (R/utils.R `bins`, R/rfm-table-customer.R):
 * cuts are the inner type-7 quantiles plus 1; score i when lower[i] ≤ x < upper[i], with lower = [min, cuts]
 * and upper = [cuts, max + 1]; recency scores reversed.
 */
function rPackageScores(values: number[], bins: number, reversed: boolean): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const cuts = Array.from({ length: bins - 1 }, (_, k) => quantileSorted(sorted, (k + 1) / bins) + 1);
  const lower = [sorted[0]!, ...cuts];
  const upper = [...cuts, sorted[sorted.length - 1]! + 1];
  return values.map((x) => {
    let score = NaN;
    for (let i = 0; i < bins; i++) if (x >= lower[i]! && x < upper[i]!) score = reversed ? bins - i : i + 1;
    return score;
  });
}

const inputs = (rows: [number, number, number][]): RfmInput[] =>
  rows.map(([recencyDays, orders, amount], i) => ({ customerId: `c${i}`, recencyDays, orders, amount }));

describe('RFM', () => {
  it('scores 11 evenly spread customers into quintiles, recency reversed', () => {
    const data = inputs(Array.from({ length: 11 }, (_, i) => [i, i, i * 10] as [number, number, number]));
    const rows = rfmScores(data, { bins: 5 });
    expect(rfmCutPoints(data).recency).to.deep.equal([2, 4, 6, 8]);
    expect(rows.map((row) => row.f)).to.deep.equal([1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(rows.map((row) => row.r)).to.deep.equal([5, 5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(rows[10]).to.include({ customerId: 'c10', r: 1, f: 5, m: 5, score: 155 });
  });

  it('keeps equal values together: one-time buyers are not frequent buyers', () => {
    const orders = [1, 1, 1, 1, 1, 1, 1, 2, 2, 3];
    const data = inputs(orders.map((o) => [0, o, 1]));
    const rows = rfmScores(data);
    expect(rfmCutPoints(data).frequency).to.deep.equal([1, 1, 1, 2]);
    expect(rows.map((row) => row.f)).to.deep.equal([1, 1, 1, 1, 1, 1, 1, 4, 4, 5]);
  });

  it('matches the R package rfm 0.3.0 wherever values and quantile cuts are whole numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 60 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const wholeCuts = [0.2, 0.4, 0.6, 0.8].every((p) => Number.isInteger(quantileSorted(sorted, p)));
        fc.pre(wholeCuts);
        const rows = rfmScores(inputs(values.map((v) => [v, v, v])));
        expect(rows.map((row) => row.f)).to.deep.equal(rPackageScores(values, 5, false));
        expect(rows.map((row) => row.r)).to.deep.equal(rPackageScores(values, 5, true));
      }),
      { numRuns: 300 },
    );
  });

  it("'rank' splits into bins of equal size, ties in input order", () => {
    const rows = rfmScores(inputs(Array.from({ length: 10 }, () => [3, 1, 5] as [number, number, number])), {
      method: 'rank',
    });
    expect(rows.map((row) => row.f)).to.deep.equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(rows.map((row) => row.r)).to.deep.equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('takes cut points or a number of bins per dimension', () => {
    const data = inputs([
      [10, 1, 50],
      [100, 4, 500],
      [400, 9, 900],
    ]);
    const options = { bins: { recency: [30, 90, 180, 365], frequency: 3, monetary: [100, 600] } };
    const rows = rfmScores(data, options);
    const cuts = rfmCutPoints(data, options);
    expect(cuts.recency).to.deep.equal([30, 90, 180, 365]);
    // One customer scored later against the same cut points gets the same scores.
    expect(rfmScore(data[1]!, cuts)).to.deep.equal({ r: 3, f: 2, m: 2 });
    expect(rows.map((row) => [row.r, row.f, row.m])).to.deep.equal([
      [5, 1, 1],
      [3, 2, 2],
      [1, 3, 3],
    ]);
  });

  it('refuses bad rows and options with their paths', () => {
    const call = () =>
      rfmScores(
        [
          { customerId: 'a', recencyDays: -1, orders: 1, amount: 1 },
          { customerId: 'b', recencyDays: 1, orders: 1, amount: NaN },
          { customerId: 'c', recencyDays: 1, orders: 1, amount: -3 },
        ],
        {
          bins: { recency: [5, 1] },
          method: 'median' as never,
        },
      );
    expect(call)
      .to.throw(CrmValidationError)
      .that.satisfies((error: CrmValidationError) => {
        expect(error.issues.map((issue) => issue.path)).to.deep.equal([
          [0, 'recencyDays'],
          [1, 'amount'],
          [2, 'amount'],
          ['options', 'bins', 'recency', 1],
          ['options', 'method'],
        ]);
        return true;
      });
    const one = [{ customerId: 'a', recencyDays: 1, orders: 1, amount: 1 }];
    expect(() => rfmScores(one, { bins: 1 })).to.throw(CrmValidationError, /options\.bins: must be at least 2/);
    expect(() => rfmScores([])).to.throw(CrmValidationError, /needs at least one customer/);
    expect(() => rfmCutPoints([])).to.throw(CrmValidationError, /needs at least one customer/);
  });

  it('scores from a transaction log as of a date', () => {
    const rows = rfmFromTransactions(
      [
        { customerId: 'a', at: '2024-06-01', amount: 100 },
        { customerId: 'a', at: '2024-06-20', amount: 50 },
        { customerId: 'b', at: '2024-01-01', amount: 10 },
        { customerId: 'b', at: '2024-07-15', amount: 999 }, // after asOf: ignored
      ],
      { asOf: '2024-06-30', bins: 2 },
    );
    expect(
      rows.map(({ customerId, recencyDays, orders, amount, r, f, m }) => ({
        customerId,
        recencyDays,
        orders,
        amount,
        r,
        f,
        m,
      })),
    ).to.deep.equal([
      { customerId: 'a', recencyDays: 10, orders: 2, amount: 150, r: 2, f: 2, m: 2 },
      { customerId: 'b', recencyDays: 181, orders: 1, amount: 10, r: 1, f: 1, m: 1 },
    ]);
  });

  it('names segments by the first rule that matches, else Others', () => {
    expect(rfmSegment({ r: 5, f: 5, m: 5 })).to.equal('Champions');
    expect(rfmSegment({ r: 1, f: 1, m: 1 })).to.equal('Lost');
    expect(rfmSegment({ r: 3, f: 3, m: 1 })).to.equal('About To Sleep');
    expect(rfmSegment({ r: 5, f: 5, m: 1 })).to.equal(RFM_OTHERS);
    expect(RFM_OTHERS).to.equal('Others');
    expect(rfmSegment({ r: 4, f: 1, m: 5 }, RF_SEGMENTS)).to.equal('promising');
    const custom = [{ id: 'whales', name: 'Whales', r: [1, 5], f: [1, 5], m: [5, 5] }] as const;
    expect(rfmSegment({ r: 2, f: 2, m: 5 }, custom)).to.equal('Whales');
    expect(() => rfmSegment({ r: 0, f: 2, m: 5 })).to.throw(CrmValidationError, /scores\.r/);
  });

  describe('segment tables against fixtures/rfm-segment-rules (from shared/reference/rfm)', () => {
    it("RFM_SEGMENTS are the R package's rules, in its order", () => {
      expect(RFM_SEGMENTS.map((rule) => ({ name: rule.name, R: rule.r, F: rule.f, M: rule.m }))).to.deep.equal(
        RFM_SEGMENT_RULES.source_1.segments,
      );
    });

    it('RF_SEGMENTS give the published map on all 25 cells', () => {
      const patterns = Object.entries(RFM_SEGMENT_RULES.source_2.seg_map).map(
        ([pattern, name]) => [new RegExp(`^${pattern}$`), name] as const,
      );
      for (let r = 1; r <= 5; r++) {
        for (let f = 1; f <= 5; f++) {
          const matches = patterns.filter(([pattern]) => pattern.test(`${r}${f}`));
          expect(matches, `cell ${r}${f}`).to.have.length(1);
          expect(rfmSegment({ r, f, m: 1 }, RF_SEGMENTS), `cell ${r}${f}`).to.equal(matches[0]![1]);
        }
      }
    });
  });
});
