/**
 * The segment service that `segmentsPlugin()` installs on a crm: `crm.segments.count(rule)` and
 * `crm.segments.members(rule, { limit, cursor, collation })`. A rule is checked against the crm's fields first (a
 * `CrmValidationError` names every bad node), then compiled with the crm's locale and the current time, and
 * evaluated either on the warm cache (the default) or, with `cache: false`, on the storage: the part of the rule
 * its indexes can answer goes to the storage's `where`, the rest is evaluated in memory on what comes back.
 * docs/decisions/0028 and 0029.
 */
import {
  CORE_COLLECTIONS,
  CrmUnsupportedError,
  CrmValidationError,
  decodeCursor,
  encodeCursor,
  pageSize,
  MAX_PAGE_SIZE,
  type CountResult,
  type Crm,
  type Customer,
  type CustomerWithMetrics,
  type Page,
  type Primitive as WherePrimitive,
  type SegmentMembersOptions,
  type SegmentRuleLike,
  type SegmentService,
  type SortKey,
  type Where,
  type WhereOps,
} from '@crmkit/core';
import { compileSegment, type SegmentActivity, type SegmentPredicate } from '../compile.js';
import { toInstant } from '../dates.js';
import type { SegmentField } from '../fields.js';
import { SEGMENT_LOCALES, type SegmentLocale } from '../fold.js';
import type { SegmentOptions } from '../plan.js';
import type { SegmentRule } from '../rule.js';
import { splitForStorage } from '../storage-split.js';
import { validateSegment } from '../validate.js';
import { compareNameId, WarmCache } from './cache.js';
import { segmentFields, segmentOperators } from './fields.js';
import { needsOf, type RuleNeeds } from './needs.js';
import { cheapestFirst } from './order.js';
import { groupByCustomer, readActivities } from './read.js';

export interface SegmentsPluginOptions {
  /**
   * Keep every customer in memory, loaded on the first count and kept fresh through the crm's change feed
   * (default `true`): counts after the first take one pass over memory. `false` reads the storage on every
   * call instead, pushing the indexable part of the rule to its `where`.
   */
  cache?: boolean;
  /** The clock that relative dates (`withinLastDays`, event windows) count back from. Default: the real one. */
  now?: () => Date;
}

/** Members come by name, then id; cursors hold the last member's position in that order. */
const MEMBER_SORT: Required<SortKey>[] = [
  { field: 'name', direction: 'asc' },
  { field: 'id', direction: 'asc' },
];

/**
 * Under a collation the cursor's sort names it, so that a cursor made under another order (or none) is refused
 * as not one of this query's (`CrmValidationError`, code 'invalid_cursor') rather than landing somewhere else.
 */
function memberSort(collation: string | undefined): Required<SortKey>[] {
  if (collation === undefined) return MEMBER_SORT;
  return [{ field: `name@${collation}`, direction: 'asc' }, MEMBER_SORT[1]!];
}

/** The tag in its canonical spelling ('TR' and 'tr' are one order and one cursor); a malformed one is refused. */
function canonicalCollation(tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  try {
    if (typeof tag === 'string' && tag.trim()) return Intl.getCanonicalLocales(tag)[0];
  } catch {
    // fall through to the typed error
  }
  throw new CrmValidationError([
    { path: ['collation'], message: 'must be a BCP 47 language tag such as "tr" or "en"', code: 'invalid_string' },
  ]);
}

const NO_ACTIVITIES: readonly SegmentActivity[] = Object.freeze([]);

/** The customer fields the core storages index one by one: what `splitForStorage` may push. */
const INDEXED_FIELDS: readonly string[] = (
  CORE_COLLECTIONS.find((collection) => collection.name === 'customers')?.indexes ?? []
).filter((index): index is string => typeof index === 'string');

interface Prepared {
  needs: RuleNeeds;
  /** The whole rule (cache) or what the storage's `where` leaves (storage). */
  predicate: SegmentPredicate;
  where: Where | undefined;
  /** The `where` decides the rule alone. */
  exact: boolean;
  fields: readonly SegmentField[];
}

export class SegmentEngine implements SegmentService {
  private readonly cache: WarmCache | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    private readonly crm: Crm,
    private readonly settings: SegmentsPluginOptions = {},
  ) {
    if (settings.cache !== false) this.cache = new WarmCache(crm);
  }

  async count(rule: SegmentRuleLike): Promise<CountResult> {
    const prepared = this.prepare(rule);
    if (this.cache) {
      this.watchMetrics();
      await this.cache.ensure(prepared.needs);
      return { count: this.cache.count(prepared.predicate, prepared.needs), exact: true };
    }
    return { count: await this.countFromStorage(prepared), exact: true };
  }

  async members(rule: SegmentRuleLike, options: SegmentMembersOptions = {}): Promise<Page<CustomerWithMetrics>> {
    const limit = pageSize({ limit: options.limit ?? 50 });
    const collation = canonicalCollation(options.collation);
    if (collation !== undefined && !this.cache) {
      // The storage path reads a page of names in the storage's order and stops: a language's order needs them all.
      throw new CrmUnsupportedError(
        'members(rule, { collation }) needs the warm cache: segmentsPlugin({ cache: false }) lists by code units only',
      );
    }
    const sort = memberSort(collation);
    const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor, sort);
    const prepared = this.prepare(rule);
    let items: CustomerWithMetrics[];
    let more: boolean;
    if (this.cache) {
      this.watchMetrics();
      await this.cache.ensure(prepared.needs);
      ({ items, more } = this.cache.members(prepared.predicate, prepared.needs, after, limit, collation));
    } else {
      ({ items, more } = await this.membersFromStorage(prepared, after, limit));
    }
    const last = items[items.length - 1];
    return more && last ? { items, nextCursor: encodeCursor([last.name, last.id], sort) } : { items };
  }

  /** Stops listening and forgets the cache; a later call starts cold. */
  dispose(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.cache?.reset();
  }

  /**
   * Checks the rule against the crm's fields and prepares everything it needs, synchronously: the caller may
   * change its rule object while the storage is read.
   */
  private prepare(rule: SegmentRuleLike): Prepared {
    const crm = this.crm;
    const operators = segmentOperators(crm);
    // The cache keeps each customer's metrics with its revision; the storage path asks the crm (cached per revision).
    const cache = this.cache;
    const fields = segmentFields(crm, cache ? { readMetric: (customer, id) => cache.readMetric(customer, id) } : {});
    const issues = validateSegment(rule, fields, { operators });
    if (issues.length) throw new CrmValidationError(issues, 'segment rule');
    const checked = rule as unknown as SegmentRule;
    const now = toInstant(this.settings.now?.() ?? new Date());
    const locale: SegmentLocale = SEGMENT_LOCALES.includes(crm.locale) ? crm.locale : 'en';
    const options: SegmentOptions = { locale, now, fields, operators };
    const needs = needsOf(checked, now);
    if (this.cache) {
      const ordered = cheapestFirst(checked, new Map(fields.map((field) => [field.path, field])));
      return { needs, predicate: compileSegment(ordered, options), where: undefined, exact: false, fields };
    }
    const split = splitForStorage(checked, INDEXED_FIELDS, options);
    const pushed = Object.keys(split.where).length > 0;
    return {
      needs,
      predicate: split.residual ? compileSegment(split.residual, options) : () => true,
      where: pushed ? split.where : undefined,
      exact: split.residual === null,
      fields,
    };
  }

  /** Attached metrics go stale when the plugins refit (`crm.metrics.invalidate()`) or one is disabled. */
  private watchMetrics(): void {
    if (this.unwatch || !this.cache) return;
    const cache = this.cache;
    const metrics = this.crm.metrics;
    const hadOwn = Object.hasOwn(metrics, 'invalidate');
    const previous = metrics.invalidate.bind(metrics);
    const invalidate = (): void => {
      previous();
      cache.metricsChanged();
    };
    metrics.invalidate = invalidate;
    const offPluginError = this.crm.events.on('plugin-error', () => cache.metricsChanged());
    this.unwatch = () => {
      offPluginError();
      if (metrics.invalidate !== invalidate) return;
      if (hadOwn) metrics.invalidate = previous;
      else delete (metrics as Partial<Pick<typeof metrics, 'invalidate'>>).invalidate;
    };
  }

  private async countFromStorage(prepared: Prepared): Promise<number> {
    const { crm } = this;
    if (prepared.exact) return (await crm.customers.count(prepared.where)).count;
    const activities = await this.activitiesFor(prepared.needs);
    let count = 0;
    for await (const page of customerPages(crm, prepared.where, sortFieldFor(prepared), MAX_PAGE_SIZE)) {
      for (const customer of page) {
        if (prepared.predicate(customer, { activities: activities.get(customer.id) ?? NO_ACTIVITIES })) count++;
      }
    }
    return count;
  }

  private async membersFromStorage(
    prepared: Prepared,
    after: readonly unknown[] | undefined,
    limit: number,
  ): Promise<{ items: CustomerWithMetrics[]; more: boolean }> {
    const { crm } = this;
    const activities = await this.activitiesFor(prepared.needs);
    const where = after ? withLowerBound(prepared.where ?? {}, 'name', after[0]) : prepared.where;
    const found: CustomerWithMetrics[] = [];
    // Pages start near the page size and grow while the residual turns candidates down.
    const first = Math.min(MAX_PAGE_SIZE, Math.max(100, (limit + 1) * 2));
    pages: for await (const page of customerPages(crm, where, 'name', first, true)) {
      for (const customer of page) {
        if (after && compareNameId(customer.name, customer.id, after[0], after[1]) <= 0) continue;
        if (!prepared.predicate(customer, { activities: activities.get(customer.id) ?? NO_ACTIVITIES })) continue;
        found.push(crm.metrics.attach(customer));
        if (found.length > limit) break pages;
      }
    }
    return { items: found.slice(0, limit).map((item) => structuredClone(item)), more: found.length > limit };
  }

  /** The activities the rule's event conditions need, read in bulk and grouped by customer. */
  private async activitiesFor(needs: RuleNeeds): Promise<Map<string, SegmentActivity[]>> {
    if (needs.events.size === 0) return new Map();
    const lists = await Promise.all([...needs.events].map(([type, from]) => readActivities(this.crm, type, from)));
    return groupByCustomer(lists.flat());
  }
}

/** The customers matching `where`, a page at a time, sorted by `sortBy` then id; pages double when `grow`. */
async function* customerPages(
  crm: Crm,
  where: Where | undefined,
  sortBy: string | undefined,
  first: number,
  grow = false,
): AsyncGenerator<Customer[]> {
  let cursor: string | undefined;
  let limit = first;
  do {
    const page = await crm.customers.query({
      ...(where ? { where } : {}),
      ...(sortBy ? { sort: [{ field: sortBy }] } : {}),
      limit,
      cursor,
    });
    yield page.items;
    cursor = page.nextCursor;
    if (grow) limit = Math.min(MAX_PAGE_SIZE, limit * 2);
  } while (cursor);
}

/** Read in the order of the first pushed field that holds one value, so that its index serves the pages in order. */
function sortFieldFor(prepared: Prepared): string | undefined {
  const types = new Map(prepared.fields.map((field) => [field.path, field.type]));
  return Object.keys(prepared.where ?? {}).find((path) => types.has(path) && types.get(path) !== 'array');
}

/**
 * `where` with `field` at or after `value` as well: only narrows the read, so that a page of members starts at
 * its cursor instead of the first name. Never excludes anything at or after the position.
 */
export function withLowerBound(where: Where, field: string, value: unknown): Where {
  if (typeof value !== 'string' && typeof value !== 'number') return where;
  const entry = where[field];
  let merged: WherePrimitive | WhereOps;
  if (entry === undefined) merged = { gte: value };
  else if (entry === null || typeof entry !== 'object') merged = { eq: entry, gte: value };
  else {
    const lower = entry.gte ?? entry.gt;
    // A bound of another type matches no value of this one; a higher bound is already past the position.
    if (lower !== undefined && (typeof lower !== typeof value || lower >= value)) return where;
    const { gt: _gt, ...rest } = entry;
    merged = { ...rest, gte: value };
  }
  return { ...where, [field]: merged };
}
