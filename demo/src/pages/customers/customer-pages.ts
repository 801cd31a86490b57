/**
 * The list's pages: the segment's rule and the search, joined into one rule for `crm.segments`, read a page of 25
 * at a time in the page language's order of names. The engine's cursors only go forward, so the cursor of every
 * page seen is kept for "previous". With a consent guard that leaves out those without consent, the members who
 * may be contacted are gathered once and paged in memory: no segment field holds a customer's id, so the guard
 * cannot join the rule exactly (names tie), and the audience walks every member the same way.
 */
import type { Crm, CustomerWithMetrics } from '@crmkit/core';
import type { SegmentRule } from '@crmkit/segments';

export const PAGE_SIZE = 25;
/** Members read at a time while gathering those who may be contacted. */
const GATHER_SIZE = 1000;

/** Every customer: the engine refuses an empty rule, and every customer has a name. */
export const EVERYONE: SegmentRule = {
  kind: 'group',
  combinator: 'and',
  rules: [{ kind: 'condition', field: 'name', op: 'isNotEmpty' }],
};

/** The segment (undefined: everyone) narrowed by the search's rule (undefined: no search). */
export function listRule(segment: SegmentRule | undefined, search: SegmentRule | undefined): SegmentRule {
  if (segment && search) return { kind: 'group', combinator: 'and', rules: [segment, search] };
  return segment ?? search ?? EVERYONE;
}

export interface ListPage {
  items: CustomerWithMetrics[];
  /** Zero-based page number. */
  index: number;
  total: number;
  hasNext: boolean;
}

export interface PagesOptions {
  /** The BCP 47 tag whose order of names the list follows (`crm.segments.members`' `collation`). */
  collation?: string;
  /** Only these customers (the ids with a consent grant); undefined: every member. */
  only?: ReadonlySet<string>;
}

/** The list's pages, as the page turns them. */
export interface ListPages {
  first(): Promise<ListPage>;
  reload(): Promise<ListPage>;
  next(): Promise<ListPage>;
  previous(): Promise<ListPage>;
}

/** `null` rule: nobody (a search that matches no one). */
export function customerPages(crm: Crm, rule: SegmentRule | null, options: PagesOptions = {}): ListPages {
  return options.only
    ? new KeptPages(crm, rule, options.only, options.collation)
    : new CustomerPages(crm, rule, options);
}

export class CustomerPages implements ListPages {
  /** `cursors[i]` reads page `i`. */
  private cursors: (string | undefined)[] = [undefined];
  private index = 0;
  private total = 0;

  constructor(
    private readonly crm: Crm,
    /** `null`: nobody (a search that matches no one). */
    private readonly rule: SegmentRule | null,
    private readonly options: PagesOptions = {},
  ) {}

  /** The first page, with the count. */
  async first(): Promise<ListPage> {
    if (!this.rule) return { items: [], index: 0, total: 0, hasNext: false };
    const [count, page] = await Promise.all([this.crm.segments.count(this.rule), this.read(0)]);
    this.total = count.count;
    return { ...page, total: this.total };
  }

  /** The page `index` again (after a change to the data), with a fresh count. */
  async reload(): Promise<ListPage> {
    if (!this.rule) return this.first();
    const [count, page] = await Promise.all([this.crm.segments.count(this.rule), this.read(this.index)]);
    this.total = count.count;
    return { ...page, total: this.total };
  }

  async next(): Promise<ListPage> {
    return this.read(this.cursors[this.index + 1] === undefined ? this.index : this.index + 1);
  }

  async previous(): Promise<ListPage> {
    return this.read(Math.max(0, this.index - 1));
  }

  private async read(index: number): Promise<ListPage> {
    if (!this.rule) return { items: [], index: 0, total: 0, hasNext: false };
    const cursor = this.cursors[index];
    const { collation } = this.options;
    const page = await this.crm.segments.members(this.rule, {
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
      ...(collation ? { collation } : {}),
    });
    this.index = index;
    this.cursors.length = index + 1;
    if (page.nextCursor) this.cursors.push(page.nextCursor);
    return { items: page.items, index, total: this.total, hasNext: !!page.nextCursor };
  }
}

/** The members among `only`, read whole (in the collation's order) and paged in memory. */
export class KeptPages implements ListPages {
  private items: CustomerWithMetrics[] = [];
  private index = 0;

  constructor(
    private readonly crm: Crm,
    private readonly rule: SegmentRule | null,
    /** Who is kept: a consent change gives a new set, read on the next `reload()`. */
    public only: ReadonlySet<string>,
    private readonly collation: string | undefined,
  ) {}

  async first(): Promise<ListPage> {
    await this.gather();
    return this.show(0);
  }

  async reload(): Promise<ListPage> {
    await this.gather();
    // The page shown may have emptied: the last one that still has someone.
    return this.show(Math.min(this.index, Math.max(0, Math.ceil(this.items.length / PAGE_SIZE) - 1)));
  }

  next(): Promise<ListPage> {
    return Promise.resolve(this.show((this.index + 1) * PAGE_SIZE < this.items.length ? this.index + 1 : this.index));
  }

  previous(): Promise<ListPage> {
    return Promise.resolve(this.show(Math.max(0, this.index - 1)));
  }

  private async gather(): Promise<void> {
    const kept: CustomerWithMetrics[] = [];
    const rule = this.rule;
    if (rule && this.only.size > 0) {
      let cursor: string | undefined;
      do {
        const page = await this.crm.segments.members(rule, {
          limit: GATHER_SIZE,
          ...(cursor ? { cursor } : {}),
          ...(this.collation ? { collation: this.collation } : {}),
        });
        for (const customer of page.items) if (this.only.has(customer.id)) kept.push(customer);
        cursor = page.nextCursor;
      } while (cursor);
    }
    this.items = kept;
  }

  private show(index: number): ListPage {
    this.index = index;
    const start = index * PAGE_SIZE;
    return {
      items: this.items.slice(start, start + PAGE_SIZE),
      index,
      total: this.items.length,
      hasNext: start + PAGE_SIZE < this.items.length,
    };
  }
}
