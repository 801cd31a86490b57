import { expect } from 'chai';
import {
  CORE_MESSAGES,
  compareText,
  foldCase,
  foldForSearch,
  formatMoney,
  formatRelative,
  initials,
  resolveLocale,
} from '@crmkit/core';

describe('locale helpers', () => {
  it('folds case by Turkish rules under tr and by English rules under en', () => {
    expect(foldCase('İSTANBUL', 'tr')).to.equal('istanbul');
    expect(foldCase('ISPARTA', 'tr')).to.equal('ısparta');
    expect(foldCase('I', 'tr')).to.equal('ı');
    expect(foldCase('İ', 'tr')).to.equal('i');
    expect(foldCase('ISPARTA', 'en')).to.equal('isparta');
    expect(foldCase('I', 'en')).to.equal('i');
  });

  it('searches without case or accents: sisli finds Şişli, istanbul finds ıstanbul', () => {
    expect(foldForSearch('Şişli', 'tr')).to.equal('sisli');
    expect(foldForSearch('İSTANBUL', 'tr')).to.equal('istanbul');
    expect(foldForSearch('ISTANBUL', 'tr')).to.equal('istanbul');
    expect(foldForSearch('Çağrı Güneş', 'en')).to.equal('cagri gunes');
  });

  it('collates Turkish names as Turkish readers expect', () => {
    const names = ['Şule', 'Zeynep', 'Sevgi', 'Çelik', 'Cem'];
    expect([...names].sort((a, b) => compareText(a, b, 'tr'))).to.deep.equal([
      'Cem',
      'Çelik',
      'Sevgi',
      'Şule',
      'Zeynep',
    ]);
  });

  it('formats TRY and relative dates in both languages', () => {
    // Intl puts no-break spaces in money; compare with plain ones.
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(formatMoney(1234.5, 'TRY', 'tr'))).to.equal('₺1.234,50');
    expect(plain(formatMoney(1234.5, 'TRY', 'en'))).to.equal('TRY 1,234.50');
    const now = new Date('2026-11-22T12:00:00Z');
    expect(formatRelative('2026-11-21T12:00:00Z', now, 'en')).to.equal('yesterday');
    expect(formatRelative('2026-11-21T12:00:00Z', now, 'tr')).to.equal('dün');
    expect(formatRelative('2026-11-25T12:00:00Z', now, 'en')).to.equal('in 3 days');
  });

  it('makes initials with the locale’s upper case', () => {
    expect(initials('ilker şahin', 'tr')).to.equal('İŞ');
    expect(initials('ilker shaw', 'en')).to.equal('IS');
    expect(initials('Cher', 'en')).to.equal('C');
  });

  it('has a Turkish message for every English one and picks the locale from a tag', () => {
    expect(Object.keys(CORE_MESSAGES.tr).sort()).to.deep.equal(Object.keys(CORE_MESSAGES.en).sort());
    for (const value of Object.values(CORE_MESSAGES.tr)) expect(value).to.not.equal('');
    expect(resolveLocale('tr-TR')).to.equal('tr');
    expect(resolveLocale('de')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
  });
});
