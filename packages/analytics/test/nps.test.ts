import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { NPS_SCALE, nps, npsBy, npsCategory, npsFromCounts, npsTrend } from '@crmkit/analytics';
import { NPS_WORKED_EXAMPLES } from './fixtures/nps-worked-examples.js';

describe('NPS', () => {
  it('classifies 0–6 as detractors, 7–8 as passives, 9–10 as promoters', () => {
    expect(NPS_SCALE.map(npsCategory)).to.deep.equal([
      ...Array<string>(7).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('reproduces the worked examples (fixtures/nps-worked-examples)', () => {
    expect(NPS_WORKED_EXAMPLES).to.have.length(3);
    for (const example of NPS_WORKED_EXAMPLES) {
      const counts =
        example.promoters !== undefined
          ? { promoters: example.promoters, passives: example.passives!, detractors: example.detractors! }
          : {
              promoters: example.pct_promoters!,
              passives: 100 - example.pct_promoters! - example.pct_detractors!,
              detractors: example.pct_detractors!,
            };
      const result = npsFromCounts(counts);
      expect(result.score, example.source).to.be.closeTo(example.nps, 1e-9);
      if (example.total !== undefined) expect(result.total).to.equal(example.total);
    }
  });

  it('gives { score, promoters, passives, detractors, total } and a 95 % confidence interval', () => {
    const scores = [...Array<number>(60).fill(10), ...Array<number>(25).fill(8), ...Array<number>(15).fill(3)];
    const result = nps(scores);
    expect(result).to.include({ promoters: 60, passives: 25, detractors: 15, total: 100 });
    expect(result.score).to.be.closeTo(45, 1e-9);
    // SE = 100·√((0.6 + 0.15 − 0.45²) / 100) = 7.3993; 45 ± 1.96·7.3993.
    expect(result.standardError).to.be.closeTo(7.3993, 1e-4);
    expect(result.confidenceInterval!.low).to.be.closeTo(45 - 14.5027, 1e-4);
    expect(result.confidenceInterval!.high).to.be.closeTo(45 + 14.5027, 1e-4);
    expect(result.confidenceInterval!.level).to.equal(0.95);
    // Not rounded: one promoter in three is 33.33…
    expect(nps([10, 7, 7]).score).to.be.closeTo(100 / 3, 1e-12);
  });

  it('has no score without answers, no interval for one answer, and keeps the interval within ±100', () => {
    expect(nps([])).to.include({ total: 0, score: null, standardError: null, confidenceInterval: null });
    expect(nps([10])).to.include({ score: 100, confidenceInterval: null });
    expect(nps([10, 10, 10, 9]).confidenceInterval).to.deep.equal({ low: 100, high: 100, level: 0.95 });
    const few = nps([10, 10, 0]).confidenceInterval!;
    expect(few.low).to.be.at.least(-100);
    expect(few.high).to.be.at.most(100);
  });

  it('refuses answers outside 0–10 or not whole, naming each, and counts nothing', () => {
    const scores = [10, 11, -1, 7.5, NaN, '9' as unknown as number];
    const copy = [...scores];
    let error: unknown;
    try {
      nps(scores);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(CrmValidationError);
    expect((error as CrmValidationError).issues.map((issue) => [issue.path[0], issue.code])).to.deep.equal([
      [1, 'too_big'],
      [2, 'too_small'],
      [3, 'invalid_type'],
      [4, 'invalid_type'],
      [5, 'invalid_type'],
    ]);
    expect(scores).to.deep.equal(copy);
    expect(() => npsCategory(11)).to.throw(CrmValidationError, /score: must be at most 10/);
  });

  it('trends by calendar period, oldest first, without holes', () => {
    const trend = npsTrend(
      [
        { score: 10, at: '2024-01-03' },
        { score: 3, at: '2024-01-20' },
        { score: 9, at: '2024-03-02T10:00:00Z' },
      ],
      'month',
    );
    expect(trend.map((point) => [point.period, point.total, point.score])).to.deep.equal([
      ['2024-01', 2, 0],
      ['2024-02', 0, null],
      ['2024-03', 1, 100],
    ]);
    expect(npsTrend([{ score: 8, at: '2024-05-01' }], 'quarter')[0]!.period).to.equal('2024-Q2');
    expect(npsTrend([], 'year')).to.deep.equal([]);
    expect(() => npsTrend([{ score: 12, at: 'yesterday' }], 'month'))
      .to.throw(CrmValidationError)
      .with.property('issues')
      .that.satisfies((issues: { path: unknown[] }[]) => {
        expect(issues.map((issue) => issue.path)).to.deep.equal([
          [0, 'score'],
          [0, 'at'],
        ]);
        return true;
      });
    expect(() => npsTrend([], 'fortnight' as never)).to.throw(CrmValidationError, /period/);
  });

  it('groups by a key (a property, a dotted path or a function), in order of first appearance', () => {
    const responses = [
      { touchpoint: 'checkout', score: 10, customer: { channel: 'web' } },
      { touchpoint: 'support', score: 2, customer: { channel: 'store' } },
      { touchpoint: 'checkout', score: 9, customer: { channel: 'web' } },
      { touchpoint: 'support', score: 9, customer: {} },
      { touchpoint: 'checkout', score: 6, customer: { channel: 'web' } },
    ];
    const groups = npsBy(responses, 'touchpoint');
    expect(groups.map((g) => [g.group, g.total])).to.deep.equal([
      ['checkout', 3],
      ['support', 2],
    ]);
    expect(groups[0]!.score).to.be.closeTo(100 / 3, 1e-12);
    expect(groups[1]!.score).to.equal(0);
    expect(npsBy(responses, 'customer.channel').map((g) => [g.group, g.total])).to.deep.equal([
      ['web', 3],
      ['store', 1],
      ['unknown', 1],
    ]);
    expect(npsBy(responses, (r) => (r.score >= 9 ? 'high' : 'low')).map((g) => g.group)).to.deep.equal(['high', 'low']);
    expect(() => npsBy([{ score: 12 }], 'x')).to.throw(CrmValidationError, /\[0\]\.score/);
  });
});
