/**
 * The warm cache behind `crm.segments.count` (docs/decisions/0028): every customer of the crm in memory, read
 * once; their metrics, computed when a rule first reads one of a customer and kept with that revision of the
 * customer; and the activities of the types that event conditions have asked for, grouped by customer. It stays
 * right through the crm's change feed (local writes, erasures and other tabs' changes alike) and forgets the
 * metrics it kept when the plugins refit (`crm.metrics.invalidate()`) or one is disabled. Counting a rule is then
 * one pass of compiled closures over memory.
 */
import {
  compareValues,
  type Activity,
  type Change,
  type Crm,
  type Customer,
  type CustomerWithMetrics,
  type MetricResult,
  type StoredDocument,
} from '@crmkit/core';
import type { SegmentActivity, SegmentContext, SegmentPredicate } from '../compile.js';
import { covers, type RuleNeeds } from './needs.js';
import { readActivities, readCustomers } from './read.js';

const NO_ACTIVITIES: readonly SegmentActivity[] = Object.freeze([]);

/**
 * The context of one customer after another: looks the activities up only when an event condition asks (most
 * customers are decided by the conditions before it).
 */
class CustomerActivities implements SegmentContext {
  customerId = '';
  constructor(private readonly byCustomer: ReadonlyMap<string, readonly SegmentActivity[]>) {}
  get activities(): readonly SegmentActivity[] {
    return this.byCustomer.get(this.customerId) ?? NO_ACTIVITIES;
  }
}

export interface MembersSlice {
  items: CustomerWithMetrics[];
  /** More members follow the last item. */
  more: boolean;
}

export class WarmCache {
  private customers: Customer[] = [];
  private position = new Map<string, number>();
  /**
   * Row indexes by name, then id, one per collation asked for ('' for code-unit order): made when members are
   * first listed in that order after a change, all of them dropped on a change that can move a row.
   */
  private orders = new Map<string, number[]>();
  private customersLoaded = false;
  /** The metrics of each customer (object: one revision), computed when first read, with the epoch they are of. */
  private metrics = new WeakMap<Customer, { epoch: number; results: Record<string, MetricResult> }>();
  /** Bumped whenever metric values may have changed for everyone. */
  private metricsEpoch = 0;
  /** Activity type → the earliest `at` held (undefined: all of them). */
  private activityWindows = new Map<string, string | undefined>();
  private activitiesByCustomer = new Map<string, SegmentActivity[]>();
  private activityOwners = new Map<string, { customerId: string; activity: SegmentActivity }>();
  /** Reads are one at a time; changes that arrive during a read are kept and applied after it. */
  private queue: Promise<void> = Promise.resolve();
  private reading = 0;
  private buffered: Change<StoredDocument>[] = [];
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly crm: Crm) {}

  /** Loads whatever `needs` asks for that is not held yet. */
  ensure(needs: RuleNeeds): Promise<void> {
    if (this.reading === 0 && this.holds(needs)) return Promise.resolve();
    const run = this.queue.then(() => this.load(needs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The number of customers the predicate selects. Call after `ensure(needs)`. */
  count(predicate: SegmentPredicate, needs: RuleNeeds): number {
    const rows = this.customers;
    let count = 0;
    if (needs.events.size === 0) {
      for (let i = 0; i < rows.length; i++) if (predicate(rows[i])) count++;
      return count;
    }
    const context = new CustomerActivities(this.activitiesByCustomer);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      context.customerId = row.id;
      if (predicate(row, context)) count++;
    }
    return count;
  }

  /**
   * Up to `limit` members after the position `after` (`[name, id]`), by name (as `collation` sorts, code units
   * without one) then id, with their metrics.
   */
  members(
    predicate: SegmentPredicate,
    needs: RuleNeeds,
    after: readonly unknown[] | undefined,
    limit: number,
    collation?: string,
  ): MembersSlice {
    const rows = this.customers;
    const order = this.sortedOrder(collation);
    const compare = nameIdComparator(collation);
    let start = 0;
    if (after) {
      // The first row after the position (binary search over the name-then-id order).
      let high = order.length;
      while (start < high) {
        const mid = (start + high) >>> 1;
        const customer = this.customers[order[mid]!]!;
        if (compare(customer.name, customer.id, after[0], after[1]) > 0) high = mid;
        else start = mid + 1;
      }
    }
    const found: number[] = [];
    const context = new CustomerActivities(this.activitiesByCustomer);
    for (let k = start; k < order.length && found.length <= limit; k++) {
      const index = order[k]!;
      const row = rows[index]!;
      context.customerId = row.id;
      if (predicate(row, context)) found.push(index);
    }
    // Copies: a caller changing a member must not change the cache.
    const items = found.slice(0, limit).map((index) => structuredClone(this.attach(rows[index]!)));
    return { items, more: found.length > limit };
  }

  /** The crm's changes, as `crm.subscribe('*')` delivers them. */
  applyChanges(changes: readonly Change<StoredDocument>[]): void {
    if (this.reading > 0) {
      this.buffered.push(...changes);
      return;
    }
    for (const change of changes) this.apply(change);
  }

  /** A metric of a cached customer, computed on first read and kept with the customer's revision. */
  readMetric(customer: Customer, id: string): unknown {
    return this.metricResults(customer)[id]?.value;
  }

  private metricResults(customer: Customer): Record<string, MetricResult> {
    let kept = this.metrics.get(customer);
    if (kept?.epoch !== this.metricsEpoch) {
      kept = { epoch: this.metricsEpoch, results: this.crm.metrics.compute(customer) };
      this.metrics.set(customer, kept);
    }
    return kept.results;
  }

  /** Metric values may have changed for everyone (a refit, a plugin disabled): compute them again when read. */
  metricsChanged(): void {
    this.metricsEpoch++;
  }

  /** Forgets everything and stops listening; the next count loads again. */
  reset(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.customers = [];
    this.position.clear();
    this.orders.clear();
    this.customersLoaded = false;
    this.metricsChanged();
    this.activityWindows.clear();
    this.activitiesByCustomer.clear();
    this.activityOwners.clear();
    this.buffered = [];
  }

  private holds(needs: RuleNeeds): boolean {
    if (!this.customersLoaded) return false;
    for (const [type, from] of needs.events) {
      if (!this.activityWindows.has(type) || !covers(this.activityWindows.get(type), from)) return false;
    }
    return true;
  }

  private async load(needs: RuleNeeds): Promise<void> {
    // Listen first, so that nothing written while the reads run is missed.
    this.unsubscribe ??= this.crm.subscribe('*', (changes) => this.applyChanges(changes));
    if (!this.customersLoaded)
      await this.read(
        () => readCustomers(this.crm),
        (loaded) => this.install(loaded),
      );
    for (const [type, from] of needs.events) {
      if (this.activityWindows.has(type) && covers(this.activityWindows.get(type), from)) continue;
      await this.read(
        () => readActivities(this.crm, type, from),
        (activities) => {
          this.activityWindows.set(type, from);
          for (const activity of activities) this.putActivity(activity);
        },
      );
    }
  }

  /** Runs a storage read with changes held back, installs its result, then applies what arrived meanwhile. */
  private async read<T>(fetch: () => Promise<T>, install: (result: T) => void): Promise<void> {
    this.reading++;
    let result: T;
    try {
      result = await fetch();
    } catch (error) {
      this.reading--;
      if (this.reading === 0) this.flush();
      throw error;
    }
    install(result);
    this.reading--;
    if (this.reading === 0) this.flush();
  }

  private flush(): void {
    const changes = this.buffered;
    this.buffered = [];
    for (const change of changes) this.apply(change);
  }

  private install(customers: Customer[]): void {
    this.customers = customers;
    this.position = new Map(customers.map((customer, index) => [customer.id, index]));
    this.orders.clear();
    this.customersLoaded = true;
  }

  /** The customer with every metric, from what is kept. */
  private attach(customer: Customer): CustomerWithMetrics {
    const metrics: Record<string, unknown> = {};
    for (const [id, result] of Object.entries(this.metricResults(customer))) metrics[id] = result.value;
    return { ...customer, metrics };
  }

  private sortedOrder(collation: string | undefined): number[] {
    const key = collation ?? '';
    const kept = this.orders.get(key);
    if (kept) return kept;
    const customers = this.customers;
    const names = customers.map((customer) => customer.name as unknown);
    const ids = customers.map((customer) => customer.id);
    const indexes = customers.map((_, index) => index);
    let order: number[];
    if (collation === undefined) {
      order = indexes.sort((a, b) => {
        const left = names[a];
        const right = names[b];
        // Names are strings (the schema requires one); anything else takes core's order of values.
        if (typeof left === 'string' && typeof right === 'string' && left !== right) return left < right ? -1 : 1;
        return compareNameId(left, ids[a], right, ids[b]);
      });
    } else {
      const compare = nameIdComparator(collation);
      order = indexes.sort((a, b) => compare(names[a], ids[a], names[b], ids[b]));
    }
    this.orders.set(key, order);
    return order;
  }

  private apply(change: Change<StoredDocument>): void {
    if (change.collection === 'customers') {
      if (!this.customersLoaded) return;
      if (change.op === 'put' && change.doc) this.putCustomer(change.doc as unknown as Customer);
      else this.removeCustomer(change.id);
    } else if (change.collection === 'activities') {
      if (change.op === 'put' && change.doc) this.putActivity(change.doc as unknown as Activity);
      else this.removeActivity(change.id);
    }
  }

  private putCustomer(customer: Customer): void {
    const index = this.position.get(customer.id);
    if (index === undefined) {
      this.position.set(customer.id, this.customers.length);
      this.customers.push(customer);
      this.orders.clear();
      return;
    }
    const previous = this.customers[index]!;
    this.customers[index] = customer;
    // Every kept order depends on names only (then ids, which do not change).
    if (previous.name !== customer.name) this.orders.clear();
  }

  private removeCustomer(id: string): void {
    const index = this.position.get(id);
    if (index === undefined) return;
    const last = this.customers.length - 1;
    if (index !== last) {
      const moved = this.customers[last]!;
      this.customers[index] = moved;
      this.position.set(moved.id, index);
    }
    this.customers.pop();
    this.position.delete(id);
    this.orders.clear();
  }

  private putActivity(activity: Activity): void {
    this.removeActivity(activity.id);
    if (!this.activityWindows.has(activity.type)) return;
    const from = this.activityWindows.get(activity.type);
    if (from !== undefined && !(typeof activity.at === 'string' && activity.at >= from)) return;
    const entry = activity as SegmentActivity;
    this.activityOwners.set(activity.id, { customerId: activity.customerId, activity: entry });
    const list = this.activitiesByCustomer.get(activity.customerId);
    if (list) list.push(entry);
    else this.activitiesByCustomer.set(activity.customerId, [entry]);
  }

  private removeActivity(id: string): void {
    const owner = this.activityOwners.get(id);
    if (!owner) return;
    this.activityOwners.delete(id);
    const list = this.activitiesByCustomer.get(owner.customerId);
    if (!list) return;
    const index = list.indexOf(owner.activity);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.activitiesByCustomer.delete(owner.customerId);
  }
}

/** The members' order: by name, then id (core's order of values, as storages sort). */
export function compareNameId(nameA: unknown, idA: unknown, nameB: unknown, idB: unknown): number {
  return compareValues(nameA, nameB) || compareValues(idA, idB);
}

export type NameIdComparator = (nameA: unknown, idA: unknown, nameB: unknown, idB: unknown) => number;

/** One collator per tag: making one costs far more than a comparison. */
const collators = new Map<string, NameIdComparator>();

/**
 * The members' order under `collation` (a canonical BCP 47 tag): names as that language sorts them, at variant
 * sensitivity so that only canonically equal names tie, then id. Without a collation, `compareNameId`.
 */
export function nameIdComparator(collation: string | undefined): NameIdComparator {
  if (collation === undefined) return compareNameId;
  let compare = collators.get(collation);
  if (!compare) {
    const collator = new Intl.Collator(collation, { sensitivity: 'variant' });
    compare = (nameA, idA, nameB, idB) =>
      (typeof nameA === 'string' && typeof nameB === 'string'
        ? collator.compare(nameA, nameB)
        : compareValues(nameA, nameB)) || compareValues(idA, idB);
    collators.set(collation, compare);
  }
  return compare;
}
