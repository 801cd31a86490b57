/**
 * The list's pages: the segment's rule and the search, joined into one rule for `crm.segments`, read a page of 25
 * at a time. The engine's cursors only go forward, so the cursor of every page seen is kept for "previous".
 */
import type { Crm, CustomerWithMetrics } from '@crmkit/core';
import type { SegmentRule } from '@crmkit/segments';

export const PAGE_SIZE = 25;

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

export class CustomerPages {
  /** `cursors[i]` reads page `i`. */
  private cursors: (string | undefined)[] = [undefined];
  private index = 0;
  private total = 0;

  constructor(
    private readonly crm: Crm,
    /** `null`: nobody (a search that matches no one). */
    private readonly rule: SegmentRule | null,
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
    const page = await this.crm.segments.members(this.rule, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    this.index = index;
    this.cursors.length = index + 1;
    if (page.nextCursor) this.cursors.push(page.nextCursor);
    return { items: page.items, index, total: this.total, hasNext: !!page.nextCursor };
  }
}
