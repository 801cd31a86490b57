/** A seeded crm on memoryStorage for the element tests, and small helpers for shadow DOM. */
import {
  createCrm,
  memoryStorage,
  type CreateCrmOptions,
  type Crm,
  type CrmStorage,
  type Customer,
} from '@crmkit/core';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
import { AYSE, recordAyseConsents } from './ayse.fixture.js';
import { aTimeout } from '@open-wc/testing';
import { ReactiveElement, render, type TemplateResult } from 'lit';

export const NOW = new Date('2025-03-14T10:00:00Z');

export interface Seeded {
  crm: Crm;
  storage: CrmStorage;
  customer: Customer;
}

export async function seededCrm(options: Partial<CreateCrmOptions> = {}): Promise<Seeded> {
  const storage = options.storage ?? memoryStorage();
  const crm = await createCrm({ plugins: [vipTierPlugin()], now: () => NOW, ...options, storage });
  const customer = await crm.customers.put(AYSE);
  await recordAyseConsents(crm, customer);
  return { crm, storage, customer };
}

/** The element's shadow root, typed. */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
}

export function $<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = shadow(element).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in ${element.localName}`);
  return found;
}

export function $$<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
  return [...shadow(element).querySelectorAll<T>(selector)];
}

/** Text without the whitespace that templates add. */
export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `check` holds (element updates are asynchronous: tasks, change feeds). */
export async function until(check: () => boolean, what = 'condition', timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(10);
  }
}

const mounted: HTMLElement[] = [];

/**
 * Renders a template into the page and returns its first element. Unlike fixture() it does not wait for an
 * animation frame, which a background tab never gets when the runner tests two files at a time.
 */
export async function mount<T extends Element = HTMLElement>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  const first = container.firstElementChild;
  if (!first) throw new Error('the template rendered no element');
  if (first instanceof ReactiveElement) await first.updateComplete;
  return first as T;
}

afterEach(() => {
  for (const container of mounted.splice(0)) container.remove();
});

// Chromium reports "ResizeObserver loop completed with undelivered notifications" as an error event when an
// observed element resizes during delivery, as the virtualiser's rows do while they are measured. It is a notice,
// not a failure (the notifications arrive in the next frame); keep it from failing the test that happened to run.
window.addEventListener(
  'error',
  (event) => {
    if (event.message?.startsWith('ResizeObserver loop')) event.stopImmediatePropagation();
  },
  true,
);
