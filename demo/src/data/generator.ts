/**
 * The demo's customer base: a jewellery retailer with shops in İstanbul, Ankara and İzmir and a web shop, three
 * years of history up to `now`. Pure TypeScript without the DOM, so Node tests, the seeding worker and a page
 * can all run it. The same `(seed, size, now)` always gives the same documents, ids included.
 *
 * Purchases follow the BG/NBD story (decision 0100): each customer buys as a Poisson process whose rate is drawn
 * from a gamma, and after each purchase drops out with a probability drawn from a beta. Everything else
 * (consents, NPS answers, repair jobs, tickets, sales documents, notes and calls) hangs off that history.
 */
import type {
  ActivityInput,
  ConsentChannel,
  ConsentInput,
  ConsentSource,
  CustomerInput,
  NpsResponseInput,
  SalesDocumentInput,
  TicketInput,
} from '@crmkit/core';
import { customerRandom } from './sampling.js';
import { between, chance, pick, weighted, type Uniform } from './sampling.js';
import { CITIES, FOREIGN_STREETS, STREETS, type City, type ShopId } from './places.js';
import {
  COMPANIES,
  EMAIL_DOMAINS,
  ENGLISH_FIRST_NAMES,
  ENGLISH_SURNAMES,
  STAFF,
  TURKISH_FIRST_NAMES_FEMALE,
  TURKISH_FIRST_NAMES_MALE,
  TURKISH_SURNAMES,
  asciiSlug,
} from './people.js';
import { duringOpeningHours, purchaseHistory, type DemoPurchase } from './purchases.js';
import { customerEvents } from './events.js';
import type { DemoLanguage } from './texts.js';

export interface DemoDataOptions {
  /** Same seed, same customers. Default `DEMO_SEED`. */
  seed?: number;
  /** Customers; activities come to about 20 per customer. Default 10,000. */
  size?: number;
  /** The end of the history: nothing happens at or after it. Default `DEMO_NOW`. */
  now?: Date | string | number;
}

export const DEMO_SEED = 20_261_122;
export const DEMO_SIZE = 10_000;
/** A fixed default end, so that tests and benchmarks see the same data on any day. The demo passes today. */
export const DEMO_NOW = '2026-11-01T00:00:00.000Z';
/** Bump when the generator changes what it writes: a stored demo made by another version is seeded again. */
export const DEMO_DATA_VERSION = 1;

export const DAY = 86_400_000;
/** How far back the history goes. */
export const HISTORY_DAYS = 3 * 365;

/** Everything about one customer, ready for `crm.transaction` (ids fixed, so the data are reproducible). */
export interface DemoCustomerData {
  customer: CustomerInput & { id: string };
  consents: ConsentInput[];
  activities: ActivityInput[];
  salesDocuments: SalesDocumentInput[];
  npsResponses: NpsResponseInput[];
  tickets: TicketInput[];
}

/** The options with their defaults applied, and `now` as a time. */
export interface DemoDataPlan {
  seed: number;
  size: number;
  now: number;
}

export function demoDataPlan(options: DemoDataOptions = {}): DemoDataPlan {
  const seed = options.seed ?? DEMO_SEED;
  const size = options.size ?? DEMO_SIZE;
  const now = options.now === undefined ? Date.parse(DEMO_NOW) : new Date(options.now).getTime();
  if (!Number.isInteger(seed)) throw new RangeError('demo data: seed must be an integer');
  if (!Number.isInteger(size) || size < 0 || size > 1_000_000)
    throw new RangeError('demo data: size must be a whole number of customers from 0 to 1,000,000');
  if (!Number.isFinite(now)) throw new RangeError('demo data: now must be a date');
  return { seed, size, now };
}

/** The customers one by one, each with their documents: a stream, so that writing never holds them all. */
export function* generateDemoData(options: DemoDataOptions = {}): Generator<DemoCustomerData> {
  const plan = demoDataPlan(options);
  for (let index = 0; index < plan.size; index++) yield demoCustomer(plan, index);
}

export const customerId = (index: number) => `cust-${String(index + 1).padStart(6, '0')}`;

const CHANNELS = [
  ['store', 46],
  ['web', 20],
  ['referral', 14],
  ['social', 12],
  ['agent', 8],
] as const;

/** Where a customer from each acquisition channel first gave consent (İYS source codes). */
const CONSENT_SOURCE_OF: Record<(typeof CHANNELS)[number][0], readonly ConsentSource[]> = {
  store: ['HS_FIZIKSEL_ORTAM', 'HS_ISLAK_IMZA'],
  web: ['HS_WEB', 'HS_EORTAM'],
  referral: ['HS_FIZIKSEL_ORTAM', 'HS_WEB'],
  social: ['HS_SOSYAL_MEDYA', 'HS_MOBIL'],
  agent: ['HS_CAGRI_MERKEZI'],
};

/** The source of a later change of mind, per channel: the unsubscribe link, a reply SMS, the call centre. */
const CHANGE_SOURCE_OF: Record<ConsentChannel, ConsentSource> = {
  email: 'HS_EPOSTA',
  sms: 'HS_MESAJ',
  call: 'HS_CAGRI_MERKEZI',
};

export interface DemoPerson {
  name: string;
  language: DemoLanguage;
  city: City;
  homeShop: ShopId;
  channel: (typeof CHANNELS)[number][0];
  acquiredAt: number;
  company?: string;
}

function person(rng: Uniform, plan: DemoDataPlan): DemoPerson {
  const city = weighted(
    rng,
    CITIES.map((c) => [c, c.weight] as const),
  );
  const abroad = city.country !== 'TR';
  const language: DemoLanguage = abroad || chance(rng, 0.08) ? 'en' : 'tr';
  const name =
    language === 'en' ? `${pick(rng, ENGLISH_FIRST_NAMES)} ${pick(rng, ENGLISH_SURNAMES)}` : turkishName(rng);
  const channel = city.shops.length
    ? weighted(rng, CHANNELS)
    : weighted(
        rng,
        CHANNELS.map(([c, w]) => [c, c === 'store' ? w / 6 : c === 'web' ? w * 2.5 : w] as const),
      );
  const homeShop: ShopId = city.shops.length && channel !== 'web' ? pick(rng, city.shops) : 'web';
  // Acquisitions grow over the three years (density rising towards now).
  const acquiredAt = duringOpeningHours(rng, plan.now - HISTORY_DAYS * DAY * (1 - Math.pow(rng(), 0.8)), plan.now);
  return {
    name,
    language,
    city,
    homeShop,
    channel,
    acquiredAt,
    ...(chance(rng, 0.03) ? { company: pick(rng, COMPANIES) } : {}),
  };
}

function phoneOf(rng: Uniform, city: City): string {
  const digits = (n: number) => Array.from({ length: n }, () => between(rng, 0, 9)).join('');
  if (city.phone === 'gb') return `+44 7700 900${digits(3)}`;
  if (city.phone === 'de') return `+49 151 ${digits(8)}`;
  return `+90 5${between(rng, 30, 59)} ${digits(3)} ${digits(2)} ${digits(2)}`;
}

function emailOf(rng: Uniform, name: string, index: number): string {
  const [first = 'musteri', ...rest] = name.split(' ').map(asciiSlug);
  const last = rest.join('') || 'x';
  const style = between(rng, 0, 3);
  const local =
    style === 0
      ? `${first}.${last}`
      : style === 1
        ? `${first}${last}${index % 97}`
        : style === 2
          ? `${first[0]}${last}`
          : `${first}_${last}`;
  return `${local}@${pick(rng, EMAIL_DOMAINS)}`;
}

const iso = (time: number) => new Date(time).toISOString();

/** One customer and everything about them; depends only on the plan and the index. */
export function demoCustomer(plan: DemoDataPlan, index: number): DemoCustomerData {
  const rng = customerRandom(plan.seed, index);
  const id = customerId(index);
  const who = person(rng, plan);
  const emails = chance(rng, 0.86) ? [emailOf(rng, who.name, index)] : [];
  const phones = chance(rng, 0.92) ? [phoneOf(rng, who.city)] : [];
  const purchases: DemoPurchase[] = purchaseHistory(rng, plan, who);
  const events = customerEvents(rng, plan, who, id, purchases);

  const consents: ConsentInput[] = [];
  const consentActivities: ActivityInput[] = [];
  const addresses: Array<[ConsentChannel, string]> = [];
  if (emails[0]) addresses.push(['email', emails[0]]);
  if (phones[0]) addresses.push(['sms', phones[0]], ['call', phones[0]]);
  for (const [channel, recipient] of addresses) {
    const granted = chance(rng, channel === 'call' ? 0.55 : 0.72);
    let at = who.acquiredAt + between(rng, 1, 20) * 60_000;
    if (at >= plan.now) at = plan.now - 60_000;
    const records: Array<{ status: 'granted' | 'denied'; source: ConsentSource; at: number }> = [
      { status: granted ? 'granted' : 'denied', source: pick(rng, CONSENT_SOURCE_OF[who.channel]), at },
    ];
    // Some change their mind later: an unsubscribe, or a yes when they come back to the shop.
    if (chance(rng, 0.12)) {
      const later = at + rng() * (plan.now - at);
      if (later > at + DAY)
        records.push({
          status: granted ? 'denied' : 'granted',
          source: granted ? CHANGE_SOURCE_OF[channel] : 'HS_FIZIKSEL_ORTAM',
          at: later,
        });
    }
    records.forEach((record, k) => {
      const consentId = `cns-${id.slice(5)}-${channel}-${k + 1}`;
      consents.push({
        id: consentId,
        customerId: id,
        channel,
        status: record.status,
        recipient,
        recipientType: who.company ? 'merchant' : 'individual',
        source: record.source,
        recordedAt: iso(record.at),
        proof: proofOf(record.source, consentId, who.language),
      });
      consentActivities.push({
        customerId: id,
        type: 'consent',
        at: iso(record.at),
        data: { channel, status: record.status, source: record.source, consentId },
      });
    });
  }

  const lastNps = events.npsResponses.reduce<NpsResponseInput | undefined>(
    (latest, response) => (!latest || response.at > latest.at ? response : latest),
    undefined,
  );
  const lifecycle = purchases.length
    ? {
        firstPurchaseAt: iso(purchases[0]!.at),
        lastPurchaseAt: iso(purchases[purchases.length - 1]!.at),
        purchases: purchases.length,
        totalSpent: Math.round(purchases.reduce((sum, p) => sum + p.total, 0) * 100) / 100,
        currency: 'TRY' as const,
        ...(events.referrals ? { referrals: events.referrals } : {}),
        ...(who.company && purchases.length >= 4 ? { partner: true } : {}),
      }
    : undefined;

  const street = who.city.country === 'TR' ? pick(rng, STREETS) : pick(rng, FOREIGN_STREETS);
  const customer: DemoCustomerData['customer'] = {
    id,
    createdAt: iso(who.acquiredAt),
    name: who.name,
    emails,
    phones,
    ...(who.company ? { company: who.company } : {}),
    address: {
      line: who.city.country === 'TR' ? `${street} No: ${between(rng, 1, 180)}` : `${between(rng, 1, 180)} ${street}`,
      district: pick(rng, who.city.districts),
      city: who.city.city,
      postalCode:
        who.city.country === 'GB'
          ? `${who.city.postcode}${between(rng, 1, 14)} ${between(rng, 1, 9)}AB`
          : `${who.city.postcode}${String(between(rng, 0, 999)).padStart(3, '0')}`,
      country: who.city.country,
    },
    language: who.language,
    tags: tagsOf(rng, who, purchases, events.repairs),
    acquisition: {
      channel: who.channel,
      at: iso(who.acquiredAt),
      ...(who.channel === 'social' || who.channel === 'web'
        ? { campaign: pick(rng, ['sevgililer-gunu', 'anneler-gunu', 'yilbasi', 'gelin-koleksiyonu']) }
        : {}),
    },
    ...(chance(rng, 0.6) ? { owner: asciiSlug(pick(rng, STAFF).split(' ')[0]!) } : {}),
    ...(lifecycle ? { lifecycle } : {}),
    custom: lastNps ? { lastNpsScore: lastNps.score, lastNpsAt: lastNps.at } : {},
  };

  const activities = [...events.activities, ...consentActivities].map((activity, k) => ({
    ...activity,
    id: `act-${id.slice(5)}-${String(k + 1).padStart(3, '0')}`,
  }));
  return {
    customer,
    consents,
    activities,
    salesDocuments: events.salesDocuments,
    npsResponses: events.npsResponses,
    tickets: events.tickets,
  };
}

function proofOf(source: ConsentSource, consentId: string, language: DemoLanguage): string {
  const tr: Partial<Record<ConsentSource, string>> = {
    HS_FIZIKSEL_ORTAM: 'Mağaza izin formu',
    HS_ISLAK_IMZA: 'Islak imzalı form',
    HS_WEB: 'Web sitesi üyelik formu, onay kutusu',
    HS_EORTAM: 'Online sipariş ekranı, onay kutusu',
    HS_SOSYAL_MEDYA: 'Sosyal medya kampanya formu',
    HS_MOBIL: 'Mobil uygulama izin ekranı',
    HS_CAGRI_MERKEZI: 'Çağrı merkezi ses kaydı',
    HS_EPOSTA: 'E-postadaki abonelikten çık bağlantısı',
    HS_MESAJ: 'SMS ile RET yanıtı',
  };
  const en: Partial<Record<ConsentSource, string>> = {
    HS_FIZIKSEL_ORTAM: 'In-store consent form',
    HS_ISLAK_IMZA: 'Signed paper form',
    HS_WEB: 'Website sign-up form, tick box',
    HS_EORTAM: 'Online checkout, tick box',
    HS_SOSYAL_MEDYA: 'Social media campaign form',
    HS_MOBIL: 'Mobile app consent screen',
    HS_CAGRI_MERKEZI: 'Call centre recording',
    HS_EPOSTA: 'Unsubscribe link in an e-mail',
    HS_MESAJ: 'Opt-out reply by SMS',
  };
  return `${(language === 'tr' ? tr : en)[source] ?? source} (${consentId})`;
}

function tagsOf(rng: Uniform, who: DemoPerson, purchases: readonly DemoPurchase[], repairs: number): string[] {
  const tags = new Set<string>();
  for (const purchase of purchases) if (purchase.tag && chance(rng, 0.5)) tags.add(purchase.tag);
  if (who.company) tags.add('corporate');
  if (who.city.country !== 'TR') tags.add('abroad');
  if (repairs > 1) tags.add('repair');
  if (chance(rng, 0.15)) tags.add('newsletter');
  if (who.channel === 'social' && chance(rng, 0.3)) tags.add('instagram');
  return [...tags].sort();
}

/** A Turkish full name; one in six has two given names (Ayşe Nur, Mehmet Ali), as many Turkish customers do. */
function turkishName(rng: Uniform): string {
  const given = chance(rng, 0.6) ? TURKISH_FIRST_NAMES_FEMALE : TURKISH_FIRST_NAMES_MALE;
  const first = pick(rng, given);
  const second = chance(rng, 1 / 6) ? pick(rng, given) : first;
  return `${second === first ? first : `${first} ${second}`} ${pick(rng, TURKISH_SURNAMES)}`;
}
