/**
 * What a user does in the demo, as steps the journeys share: reading the list, choosing a customer the NPS survey
 * will ask, answering it, reading the NPS report's number of answers. Data the UI does not show (which customer
 * answered lately) is read raw from IndexedDB, never through the page's crm.
 */
import type { Page } from 'playwright-core';
import { databaseOf, readDatabase, textOf } from './demo-harness.js';

interface Row {
  id: string;
  [key: string]: unknown;
}
export interface StoredCustomer extends Row {
  name: string;
  rev: string;
  company?: string;
  emails?: string[];
  address?: { city?: string };
}
export interface StoredActivity extends Row {
  customerId: string;
  type: string;
  at: string;
  data: Record<string, unknown>;
}
export interface StoredResponse extends Row {
  customerId: string;
  score: number;
  comment?: string;
  touchpoint: string;
  at: string;
}

export interface Stored {
  customers: StoredCustomer[];
  activities: StoredActivity[];
  npsResponses: StoredResponse[];
  all: Record<string, unknown[]>;
}

/** The tenant's collections, read raw. */
export async function stored(page: Page, tenant?: string): Promise<Stored> {
  const all = await readDatabase(page, databaseOf(tenant));
  return {
    customers: (all.customers ?? []) as StoredCustomer[],
    activities: (all.activities ?? []) as StoredActivity[],
    npsResponses: (all.npsResponses ?? []) as StoredResponse[],
    all,
  };
}

/** The customer ids the list links to, in the list's order (waits for the first row). */
export async function listedIds(page: Page): Promise<string[]> {
  const links = page.locator('demo-customers-page a[href^="#/customer/"]');
  await links.first().waitFor({ timeout: 15_000 });
  const hrefs = await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((href) => decodeURIComponent(href.slice('#/customer/'.length))))];
}

/** Customers the survey may ask (decision 0080: no answer within 90 days, no dismissal within 30). */
export function askable(data: Stored, now = Date.now()): Set<string> {
  const day = 86_400_000;
  const blocked = new Set<string>();
  for (const response of data.npsResponses)
    if (now - Date.parse(response.at) < 90 * day) blocked.add(response.customerId);
  for (const activity of data.activities)
    if (activity.type === 'npsDismissed' && now - Date.parse(activity.at) < 30 * day) blocked.add(activity.customerId);
  return new Set(data.customers.map((customer) => customer.id).filter((id) => !blocked.has(id)));
}

/** The first listed customer the NPS survey will ask; fails with what it saw when there is none. */
export async function askableListedCustomer(page: Page): Promise<string> {
  const ids = await listedIds(page);
  const open = askable(await stored(page));
  const id = ids.find((candidate) => open.has(candidate));
  if (!id) throw new Error(`none of the ${ids.length} listed customers may be asked for NPS (all answered lately)`);
  return id;
}

/** Waits for the customer page of `id` with its card, timeline and a survey that asks. */
export async function customerPageReady(page: Page, id: string): Promise<void> {
  await page.locator(`demo-customer-page[customer-id="${id}"]`).waitFor({ timeout: 15_000 });
  await page.locator('demo-customer-page crm-customer-card [part="name"]').waitFor({ timeout: 15_000 });
  await page.locator('demo-customer-page crm-timeline [part="composer"]').waitFor({ timeout: 15_000 });
}

/** Answers the page's NPS widget: `score` by mouse, a comment, Send. */
export async function answerNps(page: Page, score: number, comment: string): Promise<void> {
  const widget = page.locator('demo-customer-page crm-nps-widget');
  await widget.locator(`[role="radio"][data-score="${score}"]`).click({ timeout: 15_000 });
  await widget.locator('#comment').fill(comment);
  await widget.locator('[part="send-button"]').click();
}

/** The number of answers the NPS report says it counts ("1,234 answers" / "1.234 yanıt"), or NaN. */
export async function reportedAnswers(page: Page): Promise<number> {
  const score = await textOf(page, 'demo-insights-page crm-nps-report [part="score"]');
  const match = /(\d[\d.,]*)\s*(answers?|yanıt)/i.exec(score);
  return match ? Number(match[1]!.replace(/[^\d]/g, '')) : Number.NaN;
}

/** Waits until the NPS report has rendered its score. */
export async function npsReportReady(page: Page): Promise<void> {
  await page.locator('demo-insights-page crm-nps-report [part="score"]').waitFor({ timeout: 20_000 });
}

/** Goes to a hash route the way a link would. */
export async function goTo(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), route);
}

/**
 * The live count's figure ("12 customers match" → 12) once the audience is not counting any more; with `changedFrom`,
 * once it shows another figure than that.
 */
export async function liveCount(page: Page, changedFrom?: number): Promise<number> {
  const count = page.locator('demo-customers-page crm-segment-audience [part="count"]');
  // The audience starts counting on its next update after the builder's.
  await page.waitForTimeout(100);
  const deadline = Date.now() + 15_000;
  let last = '';
  while (Date.now() < deadline) {
    const busy = await count.getAttribute('aria-busy');
    last = ((await count.locator('.number').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const match = /^(?:About )?([\d,]+) customers? match/.exec(last);
    if (busy !== 'true' && match) {
      const value = Number(match[1]!.replace(/,/g, ''));
      if (changedFrom === undefined || value !== changedFrom) return value;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(
    `the live count did not settle${changedFrom === undefined ? '' : ` on a change from ${changedFrom}`}: “${last}”`,
  );
}

/** The selector of a link to a customer's page (the shell encodes the id as a URI component). */
export function linkTo(id: string): string {
  return `a[href="#/customer/${encodeURIComponent(id)}"]`;
}
