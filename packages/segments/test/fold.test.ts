import { expect } from 'chai';
import { folder, isCaseless } from '../src/index.js';
import { memoizedFold } from '../src/fold.js';

/** Every Unicode scalar value, as a one-character string. */
function* everyCharacter(): Generator<string> {
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    yield String.fromCodePoint(codePoint);
  }
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const cased = (char: string) => char.toLowerCase() !== char || char.toUpperCase() !== char;

describe('case folding', () => {
  it('tr folding agrees with toLocaleLowerCase("tr") on every code point, alone and beside I, İ and a combining dot', () => {
    const fold = folder('tr');
    const mismatches: string[] = [];
    for (const char of everyCharacter()) {
      if (fold(char) !== char.toLocaleLowerCase('tr')) mismatches.push(JSON.stringify(char));
      // Context matters only next to letters and marks: try those beside the special letters.
      if (!LETTER_OR_MARK.test(char) && !cased(char)) continue;
      for (const text of [`I${char}`, `${char}I`, `İ${char}`, `I${char}\u0307`, `Σ${char}Σ`]) {
        if (fold(text) !== text.toLocaleLowerCase('tr')) mismatches.push(JSON.stringify(text));
      }
    }
    expect(mismatches.slice(0, 5)).to.deep.equal([]);
  });

  it('en folding agrees with toLocaleLowerCase("en") on every code point', () => {
    const fold = folder('en');
    const mismatches: string[] = [];
    for (const char of everyCharacter()) if (fold(char) !== char.toLocaleLowerCase('en')) mismatches.push(char);
    expect(mismatches).to.deep.equal([]);
  });

  it('folding never produces a caseless character that the input lacked (why caseless needles export exactly)', () => {
    // For every character that folding changes, every character of its folded form is a letter, a mark or cased;
    // so a needle made only of caseless non-letters can only match characters that folding left alone.
    for (const locale of ['en', 'tr'] as const) {
      const fold = folder(locale);
      const offenders: string[] = [];
      for (const char of everyCharacter()) {
        const folded = fold(char);
        if (folded === char) continue;
        for (const part of folded) {
          if (!LETTER_OR_MARK.test(part) && !cased(part)) offenders.push(`${char} → ${folded}`);
        }
      }
      expect(offenders, locale).to.deep.equal([]);
    }
  });

  it('calls digits, signs and spaces caseless, and letters, marks and cased symbols not', () => {
    expect(isCaseless('+90 212 555-01-01')).to.be.true;
    expect(isCaseless('2024-05-01')).to.be.true;
    expect(isCaseless('')).to.be.true;
    for (const text of ['a', 'I', 'ı', '\u0307', 'Ⓐ', 'Ⅻ', 'ß']) expect(isCaseless(text), text).to.be.false;
  });
});

describe('memoizedFold', () => {
  it('answers as the fold it wraps, and stops remembering at its limit', () => {
    let calls = 0;
    const fold = memoizedFold((text) => {
      calls++;
      return folder('tr')(text);
    }, 2);
    expect(['İSTANBUL', 'İSTANBUL', 'ISPARTA', 'ISPARTA'].map(fold)).to.deep.equal([
      'istanbul',
      'istanbul',
      'ısparta',
      'ısparta',
    ]);
    expect(calls).to.equal(2);
    expect(fold('IĞDIR')).to.equal('ığdır');
    expect(fold('IĞDIR')).to.equal('ığdır');
    expect(calls, 'past the limit, values are folded each time').to.equal(4);
  });
});
