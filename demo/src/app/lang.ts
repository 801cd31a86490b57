/**
 * The demo's own words in English and Turkish. The language is the page's `<html lang>` (the shell's switch sets
 * it), the same signal the kit's elements follow, so the demo and the elements always speak one language.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type DemoLocale = 'en' | 'tr';
export const DEMO_LOCALES: readonly DemoLocale[] = ['en', 'tr'];

/** A message is plain text or a function of its parameters; the Turkish catalogue must have every English key. */
export type DemoMessage = string | ((...args: never[]) => string);
export type DemoMessages<T extends Record<string, DemoMessage>> = { en: T; tr: { [K in keyof T]: T[K] } };

export function defineMessages<T extends Record<string, DemoMessage>>(messages: DemoMessages<T>): DemoMessages<T> {
  return messages;
}

/** `tr`, `tr-TR` → `tr`; anything else → `en`. */
export function demoLocale(tag: string | null | undefined): DemoLocale {
  return tag?.toLowerCase().startsWith('tr') ? 'tr' : 'en';
}

/** The Intl tag for a demo locale. */
export function intlTag(locale: DemoLocale): string {
  return locale === 'tr' ? 'tr-TR' : 'en-GB';
}

const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/** Re-renders its host when `<html lang>` changes and hands out the host's messages in that language. */
export class LangController<T extends Record<string, DemoMessage>> implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly messages: DemoMessages<T>,
  ) {
    host.addController(this);
  }

  get locale(): DemoLocale {
    return demoLocale(document.documentElement.lang);
  }

  /** The Intl tag (`en-GB`, `tr-TR`) for numbers, money and dates. */
  get tag(): string {
    return intlTag(this.locale);
  }

  /** This host's messages in the page's language. */
  get m(): T {
    return this.messages[this.locale];
  }

  hostConnected(): void {
    hosts.add(this.host);
    observer ??= new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }
}
