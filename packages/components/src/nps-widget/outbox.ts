/**
 * The NPS outbox: an answer that the storage cannot take now waits here and is written later, never lost.
 * Entries live in `localStorage` under the tenant's key (in memory when the page may not use it), so they
 * survive a reload; each carries the ids of its documents, chosen before the first attempt, so writing it twice
 * (a retry after a lost reply, two tabs flushing at once) finds the first copy and stops. docs/decisions/0081.
 */
import { CrmConflictError, CrmStorageError, CrmValidationError, type Crm } from '@crmkit/core';

/** One document to write: the collection and the input, as `crm.transaction` takes it. */
export interface OutboxRow {
  collection: 'npsResponses' | 'activities';
  input: Record<string, unknown>;
}

/** Rows written together (all or none). */
export interface OutboxEntry {
  id: string;
  /** An answer (response and activity) or a dismissal. */
  kind: 'answer' | 'dismissal';
  customerId: string;
  rows: OutboxRow[];
  /** ISO 8601: when it was first queued. */
  queuedAt: string;
  attempts: number;
  /** Set when the crm refused the input (its schema or a plugin): kept, but not retried. */
  rejected?: string;
}

const PREFIX = 'crmkit.nps-outbox.';
const FIRST_DELAY_MS = 2000;
const MAX_DELAY_MS = 60_000;

/** Where entries wait when `localStorage` cannot be used (sandboxed frames, a full quota). */
const inMemory = new Map<string, OutboxEntry[]>();

function area(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function isEntry(value: unknown): value is OutboxEntry {
  const entry = value as Partial<OutboxEntry> | null;
  return (
    !!entry &&
    typeof entry.id === 'string' &&
    (entry.kind === 'answer' || entry.kind === 'dismissal') &&
    typeof entry.customerId === 'string' &&
    typeof entry.queuedAt === 'string' &&
    typeof entry.attempts === 'number' &&
    Array.isArray(entry.rows) &&
    entry.rows.every(
      (row: Partial<OutboxRow> | null) =>
        !!row &&
        (row.collection === 'npsResponses' || row.collection === 'activities') &&
        !!row.input &&
        typeof row.input === 'object',
    )
  );
}

function read(key: string): OutboxEntry[] {
  const kept = inMemory.get(key) ?? [];
  let stored: OutboxEntry[] = [];
  try {
    const raw = area()?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    stored = Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    // Unreadable (another program wrote the key, or storage is blocked): the in-memory entries still count.
  }
  const ids = new Set(stored.map((entry) => entry.id));
  return [...stored, ...kept.filter((entry) => !ids.has(entry.id))];
}

function write(key: string, entries: OutboxEntry[]): void {
  try {
    const storage = area();
    if (!storage) throw new Error('no localStorage');
    if (entries.length) storage.setItem(key, JSON.stringify(entries));
    else storage.removeItem(key);
    inMemory.delete(key);
  } catch {
    inMemory.set(key, entries);
  }
}

export class NpsOutbox {
  private static readonly outboxes = new WeakMap<Crm, NpsOutbox>();

  /** The outbox of a crm's tenant. The first call also starts writing what an earlier page left. */
  static for(crm: Crm): NpsOutbox {
    let outbox = NpsOutbox.outboxes.get(crm);
    if (!outbox) NpsOutbox.outboxes.set(crm, (outbox = new NpsOutbox(crm)));
    return outbox;
  }

  private readonly key: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delay = FIRST_DELAY_MS;
  private running: Promise<number> | undefined;
  private unwatch: (() => void) | undefined;

  private constructor(private readonly crm: Crm) {
    this.key = PREFIX + crm.tenant;
    if (this.pending().length) this.schedule(0);
  }

  /** Everything in the outbox, rejected entries included. */
  entries(): OutboxEntry[] {
    return read(this.key);
  }

  /** The entries still to be written. */
  pending(): OutboxEntry[] {
    return this.entries().filter((entry) => !entry.rejected);
  }

  /** Whether an answer (or a dismissal) of this customer is waiting. */
  has(customerId: string, kind: OutboxEntry['kind']): boolean {
    return this.pending().some((entry) => entry.customerId === customerId && entry.kind === kind);
  }

  /**
   * Drops the waiting entries of a customer, as after their erasure: what they said must not outlive them on this
   * device. Returns how many were dropped.
   */
  forget(customerId: string): number {
    const before = this.entries();
    const kept = before.filter((entry) => entry.customerId !== customerId);
    if (kept.length !== before.length) this.change(() => kept);
    return before.length - kept.length;
  }

  /**
   * Writes the rows now, or queues them when the storage fails. A `CrmValidationError` (the input itself is
   * refused) is thrown: waiting would not make it valid.
   */
  async send(
    entry: Pick<OutboxEntry, 'id' | 'kind' | 'customerId' | 'rows'>,
    now: Date,
  ): Promise<'written' | 'queued'> {
    try {
      await this.write(entry);
      return 'written';
    } catch (error) {
      if (error instanceof CrmValidationError) throw error;
      this.change((list) => [
        ...list.filter((other) => other.id !== entry.id),
        { ...entry, queuedAt: now.toISOString(), attempts: 1 },
      ]);
      this.schedule();
      return 'queued';
    }
  }

  /** Writes what waits, oldest first; stops at the first storage failure and tries again later. Returns how many were written. */
  flush(): Promise<number> {
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(): Promise<number> {
    clearTimeout(this.timer);
    this.timer = undefined;
    let written = 0;
    for (const entry of this.pending()) {
      try {
        // The customer was erased meanwhile (here or in another tab): writing would bring back what was erased.
        if (!(await this.crm.customers.get(entry.customerId))) {
          this.change((list) => list.filter((other) => other.id !== entry.id));
          continue;
        }
        await this.write(entry);
        this.change((list) => list.filter((other) => other.id !== entry.id));
        written++;
      } catch (error) {
        if (error instanceof CrmValidationError) {
          this.change((list) =>
            list.map((other) => (other.id === entry.id ? { ...other, rejected: error.message } : other)),
          );
          continue;
        }
        this.change((list) =>
          list.map((other) => (other.id === entry.id ? { ...other, attempts: other.attempts + 1 } : other)),
        );
        // A closed crm will not come back; the entries stay for the next page's crm of this tenant.
        if (error instanceof CrmStorageError && error.storageCode === 'closed') this.stop();
        else this.schedule();
        return written;
      }
    }
    this.delay = FIRST_DELAY_MS;
    this.stop();
    return written;
  }

  private async write(entry: Pick<OutboxEntry, 'rows'>): Promise<void> {
    try {
      await this.crm.transaction(async (batch) => {
        for (const row of entry.rows) await batch.put(row.collection, structuredClone(row.input) as never);
      });
    } catch (error) {
      // The documents exist already: an earlier attempt got through (its reply was lost) or another tab wrote them.
      if (error instanceof CrmConflictError) return;
      throw error;
    }
  }

  private change(update: (entries: OutboxEntry[]) => OutboxEntry[]): void {
    write(this.key, update(read(this.key)));
  }

  /** Tries again after a growing delay, and at once when the browser is back online or the crm writes again. */
  private schedule(delay = this.delay): void {
    this.watch();
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
    this.delay = Math.min(MAX_DELAY_MS, this.delay * 2);
  }

  private watch(): void {
    if (this.unwatch) return;
    const retry = () => void this.flush();
    globalThis.addEventListener?.('online', retry);
    const offChanges = this.crm.subscribe('*', () => {
      if (!this.running) retry();
    });
    this.unwatch = () => {
      globalThis.removeEventListener?.('online', retry);
      offChanges();
    };
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.unwatch?.();
    this.unwatch = undefined;
  }
}

/** Writes whatever answers wait in the outbox of this crm's tenant (for example at start-up, before any widget). */
export function flushNpsOutbox(crm: Crm): Promise<number> {
  return NpsOutbox.for(crm).flush();
}
