import type { StoredDocument } from '@crmkit/core';
import { CITIES, COMPANIES, CUSTOMER_NAMES, OWNERS, emailLocalPart } from './people.js';
import { makeRev } from './revisions.js';
import { isoAt } from './time.js';

export interface CustomerFixture extends StoredDocument {
  name: string;
  emails: string[];
  phones: string[];
  company?: string;
  address: { line: string; district: string; city: string; postalCode: string; country: string };
  language: string;
  tags: string[];
  acquisition: { channel: string; at: string; campaign?: string };
  owner?: string;
  lifecycle: {
    stage: string;
    ladder: string;
    purchases: number;
    totalSpent: number;
    currency: string;
    partner: boolean;
  };
}

const CHANNELS = ['web', 'store', 'referral', 'direct-marketing', 'social'] as const;
const STAGES = ['acquisition', 'development', 'retention', 'decline'] as const;
const RUNGS = ['prospect', 'customer', 'client', 'supporter', 'advocate', 'partner'] as const;

/** Tags vary with `i` so that every tag filter has some matches and some misses, and some customers have none. */
export function customerTags(i: number): string[] {
  const tags: string[] = [];
  if (i % 3 === 0) tags.push('vip');
  if (i % 4 === 0) tags.push('b2b');
  if (i % 5 === 2) tags.push('newsletter');
  if (i % 7 === 3) tags.push('churn-risk');
  if (i % 6 === 1) tags.push('kampanya-yaz-2024');
  if (i % 9 === 4) tags.push('öncelikli');
  return tags;
}

export function customerId(i: number): string {
  return `cus_${String(i).padStart(4, '0')}`;
}

/**
 * Customer number `i`: the same `i` always gives the same document (apart from `rev`). Names repeat every 20
 * customers, so sorts by name have ties; every fifth customer has no owner, so sorts meet missing values.
 */
export function makeCustomer(i: number, overrides: Partial<CustomerFixture> = {}): CustomerFixture {
  const name = CUSTOMER_NAMES[i % CUSTOMER_NAMES.length]!;
  const place = CITIES[(i * 3) % CITIES.length]!;
  const turkish = place.country === 'TR';
  const channel = CHANNELS[i % CHANNELS.length]!;
  const local = emailLocalPart(name);
  const emails = [`${local}${i}@${turkish ? 'example.com.tr' : 'example.co.uk'}`];
  if (i % 4 === 1) emails.push(`${local}.${i}@work.example.com`);
  const created = isoAt(i * 37);
  const customer: CustomerFixture = {
    id: customerId(i),
    rev: makeRev(),
    createdAt: created,
    updatedAt: isoAt(i * 37 + (i % 5) * 11),
    name,
    emails,
    phones: [turkish ? `+90 532 555 ${String(1000 + i).slice(-4)}` : `+44 7700 900${String(100 + (i % 900))}`],
    address: {
      line: turkish ? `Bahariye Cad. No:${i + 1}` : `${i + 1} High Street`,
      district: place.district,
      city: place.city,
      postalCode: place.postalCode,
      country: place.country,
    },
    language: turkish ? 'tr' : 'en-GB',
    tags: customerTags(i),
    acquisition: { channel, at: created },
    lifecycle: {
      stage: STAGES[i % STAGES.length]!,
      ladder: RUNGS[i % RUNGS.length]!,
      purchases: (i * 7) % 23,
      totalSpent: Math.round(((i * 7919) % 100_000) * 100) / 100 + 0.5,
      currency: turkish ? 'TRY' : 'EUR',
      partner: i % 6 === 5,
    },
  };
  if (i % 3 !== 1) customer.company = COMPANIES[i % COMPANIES.length]!;
  if (channel === 'direct-marketing') customer.acquisition.campaign = i % 2 ? 'yaz-indirimi-2024' : 'black-friday';
  if (i % 5 !== 0) customer.owner = OWNERS[i % OWNERS.length]!;
  return { ...customer, ...overrides };
}
