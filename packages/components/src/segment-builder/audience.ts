/**
 * Who a rule selects, through the crm: the count (`crm.segments.count`), the first members for the preview and,
 * with a consent channel, how many of the members may be contacted on it. Consents are read once per channel (the
 * latest record per customer, as `crm.consents.current` decides) and kept until a consent changes.
 */
import type { ConsentChannel, Crm, CustomerWithMetrics, Page } from '@crmkit/core';
import type { SegmentRule } from '@crmkit/segments';

/** The ids of the customers whose latest consent on `channel` is a grant. */
export async function grantedIds(crm: Crm, channel: ConsentChannel): Promise<Set<string>> {
  const records = await crm.consents.all({ channel });
  records.sort((a, b) =>
    a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.createdAt < b.createdAt ? -1 : 1,
  );
  const latest = new Map<string, string>();
  for (const record of records) latest.set(record.customerId, record.status);
  const granted = new Set<string>();
  for (const [id, status] of latest) if (status === 'granted') granted.add(id);
  return granted;
}

export interface Reach {
  preview: string[];
  /** How many members may be contacted on the channel; undefined without a channel. */
  contactable?: number;
}

/**
 * The preview names and, with a set of granted ids, how many members may be contacted; with `exclude`, the preview
 * shows only those. `stale` stops the walk when the rule has changed meanwhile.
 */
export async function reach(
  crm: Crm,
  rule: SegmentRule,
  size: number,
  granted: Set<string> | undefined,
  exclude: boolean,
  stale: () => boolean,
): Promise<Reach | undefined> {
  if (!granted) {
    const page = await crm.segments.members(rule, { limit: size });
    return { preview: page.items.slice(0, size).map((customer) => customer.name) };
  }
  const preview: string[] = [];
  let contactable = 0;
  let cursor: string | undefined;
  do {
    const page: Page<CustomerWithMetrics> = await crm.segments.members(rule, { limit: 1000, cursor });
    if (stale()) return undefined;
    for (const customer of page.items) {
      const may = granted.has(customer.id);
      if (may) contactable++;
      if (preview.length < size && (may || !exclude)) preview.push(customer.name);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { preview, contactable };
}
