/**
 * Per-test plumbing: a fresh storage for every test, unique tenant names (so that a durable storage shared by
 * many runs never mixes them up), and clean-up that closes every connection a test opened and removes its tenants.
 */
import { CORE_COLLECTIONS } from '@crmkit/core';
import type { Change, CollectionDefinition, CrmStorage, StorageConnection, StoredDocument } from '@crmkit/core';
import { expect } from 'chai';
import type { Bdd } from '../bdd.js';
import type { ResolvedOptions } from './options.js';

export type CreateStorage = () => CrmStorage | Promise<CrmStorage>;

const runId = Math.random().toString(36).slice(2, 8);
let testNumber = 0;

export class Harness {
  private current: CrmStorage | undefined;
  private prefix = '';
  private connections: StorageConnection[] = [];
  private tenants = new Set<string>();

  constructor(
    readonly options: ResolvedOptions,
    private readonly createStorage: CreateStorage,
  ) {}

  /** Installs the hooks that give each test its storage and clean up after it. */
  install(runner: Bdd): void {
    runner.beforeEach(async () => {
      testNumber++;
      this.prefix = `conformance-${runId}-${testNumber}`;
      this.current = await this.createStorage();
    });
    runner.afterEach(() => this.cleanUp());
  }

  get storage(): CrmStorage {
    if (!this.current) throw new Error('the storage exists only while a test runs');
    return this.current;
  }

  /** The tenant name for `label` in the running test; the same label names the same tenant until the test ends. */
  tenant(label = 'main'): string {
    const name = `${this.prefix}-${label}`;
    this.tenants.add(name);
    return name;
  }

  /** A tenant name for data that a whole block of tests shares (set up in `before`, removed in `after`). */
  sharedTenant(label: string): string {
    return `conformance-${runId}-shared-${label}`;
  }

  /** Opens `label`'s tenant with the core collections (or those given), on this test's storage or another. */
  async open(
    label = 'main',
    collections: readonly CollectionDefinition[] = CORE_COLLECTIONS,
    storage: CrmStorage = this.storage,
  ): Promise<StorageConnection> {
    const connection = await storage.open({ tenant: this.tenant(label), collections });
    expect(connection.tenant, 'connection.tenant').to.equal(this.tenant(label));
    this.connections.push(connection);
    return connection;
  }

  /** Another storage object from the adapter's factory: for durable storages it reaches the same data. */
  async anotherStorage(): Promise<CrmStorage> {
    return this.createStorage();
  }

  /** Lets asynchronously delivered notifications arrive before a test concludes that none came. */
  quiet(): Promise<void> {
    return sleep(this.options.quietPeriodMs);
  }

  private async cleanUp(): Promise<void> {
    const connections = this.connections;
    const tenants = [...this.tenants];
    const storage = this.current;
    this.connections = [];
    this.tenants.clear();
    this.current = undefined;
    // Closing twice is not part of the contract, so a connection the test already closed may refuse: ignore that.
    await Promise.allSettled(connections.map((connection) => connection.close()));
    if (!storage) return;
    for (const tenant of tenants) {
      const connection = await storage.open({ tenant, collections: CORE_COLLECTIONS });
      await connection.remove();
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `ready()` holds; fails the test with `what` after `timeoutMs`. */
export async function waitFor(ready: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) expect.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(2);
  }
}

/** Records every listener call, each as the list of changes it delivered. */
export class ChangeRecorder {
  readonly calls: (readonly Change<StoredDocument>[])[] = [];
  readonly listener = (changes: readonly Change<StoredDocument>[]): void => {
    this.calls.push(changes);
  };

  /** Waits for the `n`-th call, then for the quiet period, so that a duplicate delivery would be seen. */
  async settle(harness: Harness, n = 1): Promise<void> {
    await waitFor(() => this.calls.length >= n, `${n} change notification(s)`);
    await harness.quiet();
  }

  /** `op collection/id` of every change of call `index`, sorted, for order-insensitive comparison. */
  summary(index: number): string[] {
    const call = this.calls[index];
    expect(call, `change notification #${index + 1}`).to.not.equal(undefined);
    return call!.map((change) => `${change.op} ${change.collection}/${change.id}`).sort();
  }
}
