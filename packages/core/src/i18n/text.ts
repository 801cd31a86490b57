/**
 * Turkish-aware text helpers. Case folding must follow the locale: in Turkish `I` lowers to `ı` and `İ` to `i`,
 * so `'ISPARTA'` folds to `'ısparta'` while in English it folds to `'isparta'`.
 */
import type { Locale } from './messages.js';

/** Lower case by the locale's rules, for case-insensitive equality. */
export function foldCase(value: string, locale: Locale | string = 'en'): string {
  return value.toLocaleLowerCase(locale);
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * For search that ignores case and accents: "sisli" finds "Şişli", "istanbul" finds "İSTANBUL" and "ıstanbul".
 * Dotless ı has no decomposition, so it is mapped to i explicitly after folding.
 */
export function foldForSearch(value: string, locale: Locale | string = 'en'): string {
  return value.toLocaleLowerCase(locale).normalize('NFD').replace(COMBINING_MARKS, '').replace(/ı/g, 'i');
}

const collators = new Map<string, Intl.Collator>();

/** Sorts names as people of the locale expect (Ç after C, Ş after S in Turkish). */
export function compareText(a: string, b: string, locale: Locale | string = 'en'): number {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator.compare(a, b);
}

/** Initials for an avatar: first letters of the first and last word, upper-cased by the locale (i → İ in Turkish). */
export function initials(name: string, locale: Locale | string = 'en'): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase(locale);
}
