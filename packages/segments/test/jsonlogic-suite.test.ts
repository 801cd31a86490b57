import { expect } from 'chai';
import { applyJsonLogic, compileJsonLogic } from '../src/index.js';
import suite from './fixtures/jsonlogic-tests.json' with { type: 'json' };

type Case = [rule: unknown, data: unknown, expected: unknown];

/** The official suite: strings are section headings, arrays are [rule, data, expected]. */
function cases(): Array<{ section: string; test: Case }> {
  const out: Array<{ section: string; test: Case }> = [];
  let section = '';
  for (const entry of suite as unknown[]) {
    if (typeof entry === 'string') section = entry;
    else out.push({ section, test: entry as Case });
  }
  return out;
}

describe('JsonLogic: the official suite (jsonlogic.com tests.json)', () => {
  const all = cases();

  it('has the 277 cases of the published suite', () => {
    expect(all).to.have.length(277);
  });

  for (const [i, { section, test }] of all.entries()) {
    const [rule, data, expected] = test;
    it(`#${i} ${section.replace(/^# /, '')}: ${JSON.stringify(rule)} on ${JSON.stringify(data)}`, () => {
      expect(applyJsonLogic(rule, data)).to.deep.equal(expected);
      // A compiled rule gives the same answer each time it is reused.
      const compiled = compileJsonLogic(rule);
      expect(compiled(data)).to.deep.equal(expected);
      expect(compiled(data)).to.deep.equal(expected);
    });
  }
});
