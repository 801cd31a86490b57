/**
 * The visitor's language and theme: applied to `<html>` (`lang`, and `.crm-theme-dark` / `.crm-theme-light`,
 * which the kit's elements follow too) and remembered in localStorage. Without a remembered theme the page
 * follows `prefers-color-scheme`.
 */
import { demoLocale, type DemoLocale } from './lang.js';

export type DemoTheme = 'light' | 'dark';

const LOCALE_KEY = 'crmkit-demo.locale';
const THEME_KEY = 'crmkit-demo.theme';

/** localStorage may be refused (a sandboxed frame, some privacy settings): the choice then lasts for the page. */
function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // See read().
  }
}

export function storedLocale(): DemoLocale {
  return demoLocale(read(LOCALE_KEY) ?? navigator.language);
}

export function applyLocale(locale: DemoLocale, remember = true): void {
  document.documentElement.lang = locale;
  if (remember) write(LOCALE_KEY, locale);
}

export function storedTheme(): DemoTheme | undefined {
  const theme = read(THEME_KEY);
  return theme === 'light' || theme === 'dark' ? theme : undefined;
}

/** The theme in effect: the remembered one, else the system's. */
export function effectiveTheme(): DemoTheme {
  const root = document.documentElement.classList;
  if (root.contains('crm-theme-dark')) return 'dark';
  if (root.contains('crm-theme-light')) return 'light';
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Pins a theme (or, with `undefined`, follows the system again). */
export function applyTheme(theme: DemoTheme | undefined, remember = true): void {
  const root = document.documentElement.classList;
  root.toggle('crm-theme-dark', theme === 'dark');
  root.toggle('crm-theme-light', theme === 'light');
  if (remember && theme) write(THEME_KEY, theme);
}
