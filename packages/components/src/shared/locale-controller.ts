/**
 * Which language an element speaks: the nearest `lang` attribute (its own, an ancestor's, across shadow roots),
 * else the crm's locale, else English. Messages come from the crm's catalogue (core plus plugins) and numbers,
 * money and dates from Intl in the same language. The host re-renders when a `lang` attribute changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  MessageCatalogue,
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRelative,
  resolveLocale,
  type Crm,
  type Locale,
  type MessageKey,
} from '@crmkit/core';

type Host = ReactiveControllerHost & HTMLElement;

const fallbackCatalogue = new MessageCatalogue();
const live = new Set<LocaleController>();
let pageObserver: MutationObserver | undefined;

/** One observer for the whole light DOM: `lang` rarely changes, and a page may hold hundreds of elements. */
function watchPage(): void {
  if (pageObserver) return;
  pageObserver = new MutationObserver(() => live.forEach((controller) => controller.refresh()));
  pageObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** The nearest `lang`, walking out of shadow roots to their hosts. */
export function nearestLang(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

/** A tag Intl accepts, or undefined: a typo in a page's `lang` must not break every formatter. */
function usable(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

export class LocaleController implements ReactiveController {
  /** The language tag for Intl (`en-GB`, `tr-TR`). */
  lang = 'en';
  /** The kit's catalogue language for the tag. */
  locale: Locale = 'en';
  private ownObserver: MutationObserver | undefined;

  constructor(
    private readonly host: Host,
    private readonly crm: () => Crm | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    live.add(this);
    watchPage();
    // The page observer misses elements inside other shadow roots; their own attribute still counts.
    this.ownObserver = new MutationObserver(() => this.refresh());
    this.ownObserver.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    this.refresh(false);
  }

  hostDisconnected(): void {
    live.delete(this);
    this.ownObserver?.disconnect();
  }

  /** Re-reads the language; the host updates only when it changed. */
  refresh(request = true): void {
    const lang = usable(nearestLang(this.host)) ?? this.crm()?.locale ?? 'en';
    if (lang === this.lang) return;
    this.lang = lang;
    this.locale = resolveLocale(lang);
    if (request) this.host.requestUpdate();
  }

  t(key: MessageKey | (string & {}), params?: Record<string, string | number>): string {
    const crm = this.crm();
    return crm ? crm.t(key, params, this.locale) : fallbackCatalogue.translate(key, params, this.locale);
  }

  /** Whether the catalogue (with the plugins' messages) has the key. */
  has(key: string): boolean {
    return (this.crm()?.messages ?? fallbackCatalogue).has(key, this.locale);
  }

  money(amount: number, currency: string): string {
    return formatMoney(amount, currency, this.lang);
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, this.lang, options);
  }

  percent(fraction: number): string {
    return formatPercent(fraction, this.lang);
  }

  date(value: string | Date, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(value, this.lang, options);
  }

  relative(value: string | Date, now?: Date): string {
    return formatRelative(value, now, this.lang);
  }
}
