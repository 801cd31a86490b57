import { expect } from 'chai';
import { CrmValidationError } from '@crmkit/core';
import { NPS_SCALE, npsByGroup, npsCategory, npsFromCounts, npsSummary } from '@crmkit/analytics';
import { readReference } from './reference.js';

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

  it('reproduces the worked examples of shared/reference/nps (Node)', async function () {
    const text = await readReference('nps/nps_worked_examples.json');
    if (!text) return this.skip();
    const examples = JSON.parse(text) as {
      nps: number;
      promoters?: number;
      passives?: number;
      detractors?: number;
      pct_promoters?: number;
      pct_detractors?: number;
    }[];
    expect(examples).to.have.length(3);
    for (const example of examples) {
      const counts =
        example.promoters !== undefined
          ? { promoters: example.promoters, passives: example.passives!, detractors: example.detractors! }
          : {
              promoters: example.pct_promoters!,
              passives: 100 - example.pct_promoters! - example.pct_detractors!,
              detractors: example.pct_detractors!,
            };
      expect(npsFromCounts(counts).nps).to.be.closeTo(example.nps, 1e-9);
    }
  });

  it('summarises answers with shares, score and margin of error', () => {
    const scores = [...Array<number>(60).fill(10), ...Array<number>(25).fill(8), ...Array<number>(15).fill(3)];
    const summary = npsSummary(scores);
    expect(summary).to.include({ promoters: 60, passives: 25, detractors: 15, responses: 100 });
    expect(summary.nps).to.be.closeTo(45, 1e-9);
    expect(summary.promoterPercent).to.be.closeTo(60, 1e-9);
    // √((0.6 + 0.15 − 0.45²) / 100) = 0.07399 → 7.40 points; ×1.96 → 14.50.
    expect(summary.standardError).to.be.closeTo(7.3993, 1e-4);
    expect(summary.marginOfError).to.be.closeTo(14.5027, 1e-4);
  });

  it('has no score without answers, and no margin of error for one answer', () => {
    expect(npsSummary([])).to.include({ responses: 0, nps: null, standardError: null });
    expect(npsSummary([10])).to.include({ nps: 100, standardError: null, marginOfError: null });
    expect(npsSummary([0, 10]).nps).to.equal(0);
  });

  it('refuses answers outside 0–10 or not whole, naming each, and counts nothing', () => {
    const scores = [10, 11, -1, 7.5, NaN, '9' as unknown as number];
    const copy = [...scores];
    let error: unknown;
    try {
      npsSummary(scores);
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
    expect(() => npsFromCounts({ promoters: -1, passives: 0, detractors: 0 })).to.throw(
      CrmValidationError,
      /promoters/,
    );
  });

  it('groups by touchpoint in order of first appearance', () => {
    const answers = [
      { touchpoint: 'checkout', score: 10 },
      { touchpoint: 'support', score: 2 },
      { touchpoint: 'checkout', score: 9 },
      { touchpoint: 'support', score: 9 },
      { touchpoint: 'checkout', score: 6 },
    ];
    const groups = npsByGroup(
      answers,
      (a) => a.touchpoint,
      (a) => a.score,
    );
    expect(groups.map((g) => [g.key, g.responses])).to.deep.equal([
      ['checkout', 3],
      ['support', 2],
    ]);
    expect(groups[0]!.nps).to.be.closeTo(100 / 3, 1e-9);
    expect(groups[1]!.nps).to.equal(0);
    expect(() =>
      npsByGroup(
        [{ score: 12 }],
        () => 'x',
        (a) => a.score,
      ),
    ).to.throw(CrmValidationError, /\[0\]\.score/);
  });
});
