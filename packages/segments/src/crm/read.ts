/** Bulk reads from a crm's storage, a large page at a time, in orders its indexes can serve without sorting. */
import { MAX_PAGE_SIZE, type Activity, type Crm, type Customer, type Where } from '@crmkit/core';
import type { SegmentActivity } from '../compile.js';

/** Every customer matching `where` (all of them without one), read in `sortBy` order (then id). */
export async function readCustomers(crm: Crm, where?: Where, sortBy?: string): Promise<Customer[]> {
  const customers: Customer[] = [];
  let cursor: string | undefined;
  do {
    const page = await crm.customers.query({
      ...(where ? { where } : {}),
      ...(sortBy ? { sort: [{ field: sortBy }] } : {}),
      limit: MAX_PAGE_SIZE,
      cursor,
    });
    for (const customer of page.items) customers.push(customer);
    cursor = page.nextCursor;
  } while (cursor);
  return customers;
}

/**
 * The activities of one type from `from` on (all of them when undefined), read in the order of `at`: an index on
 * `at` serves the window as one range, page after page. (Sorting by `type` would make every page start at the
 * same huge tie group of equal keys.)
 */
export async function readActivities(crm: Crm, type: string, from: string | undefined): Promise<Activity[]> {
  const where: Where = from === undefined ? { type } : { type, at: { gte: from } };
  const activities: Activity[] = [];
  let cursor: string | undefined;
  do {
    const page = await crm.activities.query({ where, sort: [{ field: 'at' }], limit: MAX_PAGE_SIZE, cursor });
    for (const activity of page.items) activities.push(activity);
    cursor = page.nextCursor;
  } while (cursor);
  return activities;
}

/** Activities grouped by customer, as event conditions read them (`context.activities`). */
export function groupByCustomer(activities: Iterable<Activity>): Map<string, SegmentActivity[]> {
  const groups = new Map<string, SegmentActivity[]>();
  for (const activity of activities) {
    const list = groups.get(activity.customerId);
    if (list) list.push(activity);
    else groups.set(activity.customerId, [activity]);
  }
  return groups;
}
