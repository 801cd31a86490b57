/**
 * Whether to ask a customer now, decided from what the crm holds, so that every tab, session and device decides
 * the same: the customer's latest answer (throttle), latest dismissal (dismiss throttle), and a sample drawn from
 * a hash of tenant, customer and period (no randomness, no local state). docs/decisions/0080.
 */
import type { Crm } from '@crmkit/core';
import { NPS_DISMISSED_TYPE } from './nps-plugin.js';
import type { NpsSkipReason } from './nps-widget.types.js';

const DAY_MS = 86_400_000;

export interface NpsEligibilityOptions {
  customerId: string;
  now: Date;
  /** Do not ask within this many days of an answer (0: no throttle). */
  throttleDays: number;
  /** Do not ask within this many days of a dismissal (0: no dismiss throttle). */
  dismissDays: number;
  /** Ask this percentage of eligible customers (0–100). */
  sample: number;
  /** What waits in the outbox counts as written. */
  outbox?: { has(customerId: string, kind: 'answer' | 'dismissal'): boolean };
}

export type NpsEligibility = { ask: true } | { ask: false; reason: NpsSkipReason };

/** FNV-1a, 32 bits: small, fast and spread well enough for a percentage. Not for security. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Whether a customer falls in the `sample` percent for the throttle period that contains `now`. The period
 * changes the draw, so a customer left out is drawn again once the throttle window has passed.
 */
export function npsSampled(
  tenant: string,
  customerId: string,
  now: Date,
  throttleDays: number,
  sample: number,
): boolean {
  if (sample >= 100) return true;
  if (sample <= 0) return false;
  const period = Math.floor(now.getTime() / (Math.max(1, throttleDays) * DAY_MS));
  return fnv1a(`${tenant}\u0000${customerId}\u0000${period}`) / 2 ** 32 < sample / 100;
}

export async function npsEligibility(crm: Crm, options: NpsEligibilityOptions): Promise<NpsEligibility> {
  const { customerId, now, throttleDays, dismissDays, sample } = options;
  if (!npsSampled(crm.tenant, customerId, now, throttleDays, sample)) return { ask: false, reason: 'not-sampled' };
  const since = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  if (throttleDays > 0) {
    if (options.outbox?.has(customerId, 'answer')) return { ask: false, reason: 'answered-recently' };
    const answered = await crm.npsResponses.query({ where: { customerId, at: { gt: since(throttleDays) } }, limit: 1 });
    if (answered.items.length) return { ask: false, reason: 'answered-recently' };
  }
  if (dismissDays > 0 && options.outbox?.has(customerId, 'dismissal'))
    return { ask: false, reason: 'dismissed-recently' };
  if (dismissDays > 0 && crm.schemas.activityTypeNames().includes(NPS_DISMISSED_TYPE)) {
    const dismissed = await crm.activities.query({
      where: { customerId, type: NPS_DISMISSED_TYPE, at: { gt: since(dismissDays) } },
      limit: 1,
    });
    if (dismissed.items.length) return { ask: false, reason: 'dismissed-recently' };
  }
  return { ask: true };
}
