/**
 * Filters and, for each, the documents it must select, written as a plain predicate over the fixtures: the
 * suite's own answer, independent of any adapter's matching code.
 */
import type { StoredDocument, Where } from '@crmkit/core';
import type { ActivityFixture } from '../factories/activities.js';
import { customerId, makeCustomer } from '../factories/customers.js';
import type { CustomerFixture } from '../factories/customers.js';
import type { NpsResponseFixture } from '../factories/other-documents.js';
import { isoAt } from '../factories/time.js';

export interface WhereCase<T extends StoredDocument = StoredDocument> {
  collection: 'customers' | 'activities' | 'npsResponses';
  label: string;
  where: Where | undefined;
  expected: (doc: T) => boolean;
  /** The filter is meant to select nothing (otherwise a case that selects nothing is a broken case). */
  none?: true;
}

const customers = (label: string, where: Where | undefined, expected: (c: CustomerFixture) => boolean, none?: true) =>
  ({ collection: 'customers', label, where, expected, none }) as WhereCase;
const activities = (label: string, where: Where, expected: (a: ActivityFixture) => boolean) =>
  ({ collection: 'activities', label, where, expected }) as WhereCase;
const nps = (label: string, where: Where, expected: (r: NpsResponseFixture) => boolean) =>
  ({ collection: 'npsResponses', label, where, expected }) as WhereCase;

const fifthCustomerEmail = makeCustomer(5).emails[0]!;

export const WHERE_CASES: readonly WhereCase[] = [
  customers('no filter', undefined, () => true),
  customers('an empty filter', {}, () => true),
  customers(
    'equality on a nested path (address.city = İstanbul)',
    { 'address.city': 'İstanbul' },
    (c) => c.address.city === 'İstanbul',
  ),
  customers(
    'eq operator (address.city eq London)',
    { 'address.city': { eq: 'London' } },
    (c) => c.address.city === 'London',
  ),
  customers('equality on a number', { 'lifecycle.purchases': 7 }, (c) => c.lifecycle.purchases === 7),
  customers('equality on a boolean', { 'lifecycle.partner': true }, (c) => c.lifecycle.partner),
  customers(
    'in, over strings (one of them matching nothing)',
    { 'address.city': { in: ['İzmir', 'Manchester', 'Trabzon'] } },
    (c) => ['İzmir', 'Manchester'].includes(c.address.city),
  ),
  customers('in with an empty list', { 'address.city': { in: [] } }, () => false, true),
  customers(
    'a half-open range of ISO timestamps (gte, lt)',
    { createdAt: { gte: isoAt(37 * 10), lt: isoAt(37 * 25) } },
    (c) => c.createdAt >= isoAt(37 * 10) && c.createdAt < isoAt(37 * 25),
  ),
  customers(
    'a numeric range (gt, lte)',
    { 'lifecycle.totalSpent': { gt: 20_000, lte: 60_000 } },
    (c) => c.lifecycle.totalSpent > 20_000 && c.lifecycle.totalSpent <= 60_000,
  ),
  customers('a prefix with a Turkish capital (name starts with Ş)', { name: { prefix: 'Ş' } }, (c) =>
    c.name.startsWith('Ş'),
  ),
  customers(
    'prefix I: Isparta, not İstanbul or İzmir',
    { 'address.city': { prefix: 'I' } },
    (c) => c.address.city === 'Isparta',
  ),
  customers('prefix İ: İstanbul and İzmir, not Isparta', { 'address.city': { prefix: 'İ' } }, (c) =>
    c.address.city.startsWith('İ'),
  ),
  customers('prefix is case-sensitive (ş matches no name)', { name: { prefix: 'ş' } }, () => false, true),
  customers('an array field holding a value (tags has vip)', { tags: 'vip' }, (c) => c.tags.includes('vip')),
  customers(
    'an array field with in (each customer once, even with both tags)',
    { tags: { in: ['b2b', 'öncelikli'] } },
    (c) => c.tags.includes('b2b') || c.tags.includes('öncelikli'),
  ),
  customers('an array field with a prefix', { tags: { prefix: 'kampanya-' } }, (c) =>
    c.tags.some((tag) => tag.startsWith('kampanya-')),
  ),
  customers(
    'an array field with a range: one element must satisfy the whole range',
    { tags: { gt: 'b2b', lt: 'kampanya' } },
    (c) => c.tags.some((tag) => tag > 'b2b' && tag < 'kampanya'),
  ),
  customers('an e-mail address among several', { emails: fifthCustomerEmail }, (c) =>
    c.emails.includes(fifthCustomerEmail),
  ),
  customers(
    'several fields at once (AND)',
    { 'address.country': 'TR', tags: 'vip', language: 'tr' },
    (c) => c.address.country === 'TR' && c.tags.includes('vip') && c.language === 'tr',
  ),
  customers('a field some documents lack (owner)', { owner: 'usr_sarah' }, (c) => c.owner === 'usr_sarah'),
  customers(
    'a prefix on an optional nested field',
    { 'acquisition.campaign': { prefix: 'yaz' } },
    (c) => c.acquisition.campaign?.startsWith('yaz') ?? false,
  ),
  customers(
    'a string bound never matches numbers (gte "5")',
    { 'lifecycle.purchases': { gte: '5' } },
    () => false,
    true,
  ),
  customers('a string bound never matches numbers (lt "5")', { 'lifecycle.purchases': { lt: '5' } }, () => false, true),
  customers('a number bound never matches strings (name lt 5)', { name: { lt: 5 } }, () => false, true),
  customers('a field no document has', { loyaltyTier: 'gold' }, () => false, true),
  activities(
    'a customer’s timeline from a date (customerId and at)',
    { customerId: customerId(3), at: { gte: isoAt(53 * 20) } },
    (a) => a.customerId === customerId(3) && a.at >= isoAt(53 * 20),
  ),
  activities(
    'types among several, within two days',
    { type: { in: ['call', 'meeting'] }, at: { gte: isoAt(0), lt: isoAt(60 * 24 * 2) } },
    (a) => (a.type === 'call' || a.type === 'meeting') && a.at >= isoAt(0) && a.at < isoAt(60 * 24 * 2),
  ),
  nps('scores in a list', { score: { in: [0, 9, 10] } }, (r) => [0, 9, 10].includes(r.score)),
  nps('passives (7 ≤ score ≤ 8)', { score: { gte: 7, lte: 8 } }, (r) => r.score >= 7 && r.score <= 8),
  nps(
    'detractors at one touchpoint',
    { score: { lt: 7 }, touchpoint: 'store-visit' },
    (r) => r.score < 7 && r.touchpoint === 'store-visit',
  ),
];
