import type { StoredDocument } from '@crmkit/core';
import { OWNERS } from './people.js';
import { makeRev } from './revisions.js';
import { isoAt } from './time.js';

export interface ActivityFixture extends StoredDocument {
  customerId: string;
  type: string;
  at: string;
  dueAt?: string;
  by: string;
  data: Record<string, unknown>;
}

export function activityId(i: number): string {
  return `act_${String(i).padStart(5, '0')}`;
}

const TYPES = ['note', 'call', 'email', 'meeting', 'purchase', 'ticket'] as const;

function activityData(type: (typeof TYPES)[number], i: number): Record<string, unknown> {
  switch (type) {
    case 'note':
      return {
        text:
          i % 2
            ? 'Müşteri yeni sezon kataloğunu istedi; İzmir mağazasına yönlendirildi.'
            : 'Asked for a callback after the delivery.',
      };
    case 'call':
      return {
        direction: i % 2 ? 'inbound' : 'outbound',
        durationSec: 60 + ((i * 13) % 600),
        outcome: 'Sipariş durumu soruldu',
      };
    case 'email':
      return { direction: 'outbound', subject: i % 2 ? 'Siparişiniz yola çıktı' : 'Your order has shipped' };
    case 'meeting':
      return { title: 'Yıllık sözleşme görüşmesi', location: 'Kadıköy şube', durationMin: 45 };
    case 'purchase':
      return { total: 249.9 + i, currency: 'TRY', orderId: `ord_${String(i).padStart(5, '0')}`, items: 1 + (i % 4) };
    case 'ticket':
      return { ticketId: `tkt_${String(i).padStart(4, '0')}`, subject: 'Kargo gecikmesi', status: 'open' };
  }
}

/** Activity number `i` of a customer's timeline; `at` grows with `i`, meetings are due a day later. */
export function makeActivity(i: number, customerId: string, overrides: Partial<ActivityFixture> = {}): ActivityFixture {
  const type = TYPES[i % TYPES.length]!;
  const at = isoAt(i * 53);
  const activity: ActivityFixture = {
    id: activityId(i),
    rev: makeRev(),
    createdAt: at,
    updatedAt: at,
    customerId,
    type,
    at,
    by: OWNERS[i % OWNERS.length]!,
    data: activityData(type, i),
  };
  if (type === 'meeting') activity.dueAt = isoAt(i * 53 + 1440);
  return { ...activity, ...overrides };
}
