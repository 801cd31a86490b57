/**
 * The list's search as a segment rule. People type `sisli` for `Şişli` and `ISIK` for `Işık`: a search folds case
 * by the language and drops diacritics (core's `foldForSearch`), which the segment engine's case-insensitive
 * `contains` does not do. So the search runs here, over the distinct names and e-mail addresses of the tenant,
 * and becomes an exact rule that the engine can answer with the segment: "name is one of the names that contain
 * the text, or an e-mail is one of the addresses that do". A customer matches that rule exactly when their name or
 * an address contains the text, so the list, its order, its cursors, its metrics and its count all stay
 * `crm.segments`'. docs/decisions/0101-demo-shell.md.
 */
import { foldForSearch, type Change, type Crm, type Customer, type StoredDocument } from '@crmkit/core';
import type { SegmentRule } from '@crmkit/segments';
import type { DemoLocale } from '../../app/lang.js';

/** Read in pages this size, so that the page stays responsive while the names arrive (they load in the background). */
const READ_PAGE = 1000;

/** The engine's longest value list (`MAX_LIST_LENGTH` of @crmkit/segments): longer lists are split. */
const LIST_LIMIT = 10_000;

interface Entry {
  name: string;
  emails: readonly string[];
}

/** A rule node as the engine reads it. */
type RuleNode = SegmentRule['rules'][number];

/** Every customer's name and e-mail addresses, read once and kept fresh through the crm's change feed. */
export class CustomerSearch {
  private readonly entries = new Map<string, Entry>();
  private readonly folded = new Map<string, string>();
  private foldedFor: DemoLocale | undefined;
  private loading: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly crm: Crm) {}

  /** Reads the customers on the first call; later calls resolve at once. */
  ready(): Promise<void> {
    if (!this.loading) {
      // Listen first, so that a change made while the pages are read is not lost.
      this.unsubscribe = this.crm.subscribe('customers', (changes) => this.apply(changes));
      this.loading = this.load().catch((error: unknown) => {
        this.loading = undefined;
        this.unsubscribe?.();
        throw error;
      });
    }
    return this.loading;
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /**
   * The rule that selects the customers whose name or an e-mail address contains `text` (folded for `locale`),
   * or `null` when no customer does. Call after `ready()`.
   */
  rule(text: string, locale: DemoLocale): SegmentRule | null {
    const needle = foldForSearch(text.trim(), locale);
    if (this.foldedFor !== locale) {
      this.folded.clear();
      this.foldedFor = locale;
    }
    const names = new Set<string>();
    const emails = new Set<string>();
    for (const { name, emails: addresses } of this.entries.values()) {
      if (this.fold(name, locale).includes(needle)) names.add(name);
      for (const address of addresses) if (this.fold(address, locale).includes(needle)) emails.add(address);
    }
    const rules: RuleNode[] = [
      ...chunks([...names]).map((value): RuleNode => ({
        kind: 'condition',
        field: 'name',
        op: 'in',
        value,
        caseSensitive: true,
      })),
      ...chunks([...emails]).map((value): RuleNode => ({
        kind: 'condition',
        field: 'emails',
        op: 'hasAny',
        value,
        caseSensitive: true,
      })),
    ];
    return rules.length ? { kind: 'group', combinator: 'or', rules } : null;
  }

  private fold(value: string, locale: DemoLocale): string {
    let folded = this.folded.get(value);
    if (folded === undefined) {
      folded = foldForSearch(value, locale);
      this.folded.set(value, folded);
    }
    return folded;
  }

  private async load(): Promise<void> {
    let cursor: string | undefined;
    do {
      const page = await this.crm.customers.query({ limit: READ_PAGE, ...(cursor ? { cursor } : {}) });
      for (const customer of page.items) this.put(customer);
      cursor = page.nextCursor;
    } while (cursor);
  }

  private apply(changes: readonly Change<StoredDocument>[]): void {
    for (const change of changes) {
      if (change.op === 'put' && change.doc) this.put(change.doc as unknown as Customer);
      else this.entries.delete(change.id);
    }
  }

  private put(customer: Customer): void {
    this.entries.set(customer.id, { name: customer.name, emails: customer.emails ?? [] });
  }
}

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += LIST_LIMIT) out.push(values.slice(start, start + LIST_LIMIT));
  return out;
}
