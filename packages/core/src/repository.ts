/**
 * A typed repository per collection: the only way the kit writes. Every write is validated with the
 * (plugin-extended) schema, checked by `before` hooks, written with the expected revision, then observed by
 * `after` hooks. Invalid input throws `CrmValidationError` and nothing is written.
 */
import type { CollectionName } from './collections.js';
import { CrmConflictError, CrmNotFoundError, CrmPluginError, CrmValidationError, type CrmIssue } from './errors.js';
import type { PluginHost } from './plugins/plugin-host.js';
import type { WriteEvent } from './plugins/types.js';
import type { SchemaRegistry } from './schema-registry.js';
import { IdSchema, type CrmDocuments, type CrmInputs } from './schemas/index.js';
import type {
  CountResult,
  Page,
  Query,
  StorageConnection,
  StoredDocument,
  Where,
  WriteRow,
} from './storage/contract.js';
import { validateWhere } from './storage/query-helpers.js';
import type { Crm } from './crm.js';

export interface KernelServices {
  connection: StorageConnection;
  schemas: SchemaRegistry;
  host: PluginHost;
  crm: () => Crm;
  now: () => Date;
  maxDocumentBytes: number;
}

const encoder = new TextEncoder();

function randomPart(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `<generation>-<random>`: the generation makes revisions readable, the random part makes them unique. */
export function nextRev(previous: string | undefined): string {
  const generation = previous ? Number.parseInt(previous, 10) || 0 : 0;
  return `${generation + 1}-${randomPart()}`;
}

export function newId(): string {
  return crypto.randomUUID();
}

export function checkId(id: unknown, collection: string, path: ReadonlyArray<string | number> = ['id']): string {
  const parsed = IdSchema.safeParse(id);
  if (!parsed.success) {
    throw new CrmValidationError(
      [{ path, message: parsed.error.issues[0]?.message ?? 'invalid id', code: 'invalid_id' }],
      collection,
    );
  }
  return parsed.data;
}

export class Repository<C extends CollectionName> {
  constructor(
    readonly name: C,
    protected readonly services: KernelServices,
  ) {}

  protected get store() {
    return this.services.connection.collection<CrmDocuments[C] & StoredDocument>(this.name);
  }

  async get(id: string): Promise<CrmDocuments[C] | undefined> {
    return this.store.get(checkId(id, this.name));
  }

  /** Like `get`, but a missing document is a `CrmNotFoundError`. */
  async require(id: string): Promise<CrmDocuments[C]> {
    const doc = await this.get(id);
    if (!doc) throw new CrmNotFoundError(this.name, id);
    return doc;
  }

  async getMany(ids: readonly string[]): Promise<(CrmDocuments[C] | undefined)[]> {
    ids.forEach((id, index) => checkId(id, this.name, ['ids', index]));
    return this.store.getMany(ids);
  }

  async query(query: Query = {}): Promise<Page<CrmDocuments[C]>> {
    validateWhere(query.where);
    return this.store.query(query);
  }

  async count(where?: Where): Promise<CountResult> {
    validateWhere(where);
    return this.store.count(where);
  }

  /** Every document matching `where`, page by page (for exports and erasure, not for lists). */
  async all(where?: Where): Promise<CrmDocuments[C][]> {
    const items: CrmDocuments[C][] = [];
    let cursor: string | undefined;
    do {
      const page = await this.query({ where, limit: 1000, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  /**
   * Creates (no `id`, or an `id` without `rev`) or updates (`id` and the `rev` you read) a document. A stale
   * `rev` is a `CrmConflictError` carrying the stored version: never a silent overwrite.
   */
  async put(input: CrmInputs[C]): Promise<CrmDocuments[C]> {
    const row = await this.prepare(input, []);
    const [result] = await this.store.bulkWrite([row]);
    if (!result?.ok)
      throw new CrmConflictError(row.doc.id, result?.ok === false ? result.current : undefined, this.name);
    await this.afterWrite('put', row.doc);
    return row.doc;
  }

  /** All or nothing: if any input is invalid, vetoed or conflicting, none is written. */
  async putMany(inputs: readonly CrmInputs[C][]): Promise<CrmDocuments[C][]> {
    if (!Array.isArray(inputs)) {
      throw new CrmValidationError([{ path: [], message: 'must be an array', code: 'invalid_type' }], this.name);
    }
    const rows: Array<{ op: 'put'; doc: CrmDocuments[C] & StoredDocument; expectedRev: string | null }> = [];
    const issues: CrmIssue[] = [];
    let index = 0;
    for (const input of inputs as Iterable<CrmInputs[C]>) {
      try {
        rows.push(await this.prepare(input, [index++]));
      } catch (error) {
        if (error instanceof CrmValidationError) issues.push(...error.issues);
        else throw error;
      }
    }
    if (issues.length) throw new CrmValidationError(issues, this.name);
    await this.services.connection.transaction((tx) => tx.write(this.name, rows));
    for (const row of rows) await this.afterWrite('put', row.doc);
    return rows.map((row) => row.doc);
  }

  /** Deletes a document; with `expectedRev`, only if nobody changed it since. */
  async remove(id: string, options: { expectedRev?: string } = {}): Promise<void> {
    checkId(id, this.name);
    const current = await this.store.get(id);
    if (!current) throw new CrmNotFoundError(this.name, id);
    if (options.expectedRev !== undefined && options.expectedRev !== current.rev)
      throw new CrmConflictError(id, current, this.name);
    await this.runBefore('delete', current, []);
    const [result] = await this.store.bulkWrite([{ op: 'delete', id, expectedRev: current.rev }]);
    if (!result?.ok) throw new CrmConflictError(id, result?.ok === false ? result.current : undefined, this.name);
    await this.afterWrite('delete', current);
  }

  /** Validates, stamps and vetoes one input; returns the row to write. `path` prefixes issue paths in batches. */
  async prepare(
    input: CrmInputs[C],
    path: ReadonlyArray<string | number>,
  ): Promise<{ op: 'put'; doc: CrmDocuments[C] & StoredDocument; expectedRev: string | null }> {
    let value: Record<string, unknown>;
    try {
      value = this.services.schemas.parseInput(this.name, input);
      this.checkWrite(value);
    } catch (error) {
      if (error instanceof CrmValidationError && path.length) {
        throw new CrmValidationError(
          error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] })),
          this.name,
        );
      }
      throw error;
    }
    const now = this.services.now().toISOString();
    const expectedRev = typeof value.rev === 'string' ? value.rev : null;
    const doc = {
      ...value,
      id: typeof value.id === 'string' ? value.id : newId(),
      rev: nextRev(expectedRev ?? undefined),
      createdAt: typeof value.createdAt === 'string' && value.createdAt ? value.createdAt : now,
      updatedAt: now,
    } as unknown as CrmDocuments[C] & StoredDocument;
    const bytes = encoder.encode(JSON.stringify(doc)).length;
    if (bytes > this.services.maxDocumentBytes) {
      throw new CrmValidationError(
        [
          {
            path: [...path],
            message: `the document is ${bytes} bytes; at most ${this.services.maxDocumentBytes} are allowed`,
            code: 'too_big',
          },
        ],
        this.name,
      );
    }
    await this.runBefore('put', doc, path);
    return { op: 'put', doc, expectedRev };
  }

  /** Collection-specific rules on top of the schema (e.g. consents are append-only). */
  protected checkWrite(_value: Record<string, unknown>): void {}

  private event(op: 'put' | 'delete', doc: CrmDocuments[C]): WriteEvent {
    return { collection: this.name, op, doc, crm: this.services.crm() };
  }

  private async runBefore(
    op: 'put' | 'delete',
    doc: CrmDocuments[C],
    path: ReadonlyArray<string | number>,
  ): Promise<void> {
    const { host } = this.services;
    for (const entry of host.active(host.contributions.beforeHooks)) {
      if (entry.collection !== '*' && entry.collection !== this.name) continue;
      let outcome: unknown;
      try {
        outcome = await host.runAsync(entry.pluginId, 'hook', () => entry.hook(this.event(op, doc)));
      } catch (error) {
        // Fail open by default: a broken plugin must not stop the CRM; hooks that guard invariants opt out.
        if (entry.options.failClosed) {
          throw new CrmPluginError(
            entry.pluginId,
            `its check failed, so the write was refused: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
        continue;
      }
      if (outcome && typeof outcome === 'object' && 'veto' in outcome) {
        const veto = outcome as { veto: unknown; path?: ReadonlyArray<string | number> };
        throw new CrmValidationError(
          [
            {
              path: [...path, ...(veto.path ?? [])],
              message: `${String(veto.veto)} (${entry.pluginId})`,
              code: 'vetoed',
            },
          ],
          this.name,
        );
      }
    }
  }

  /** Runs the plugins' `after` hooks for a committed write (also for the rows of `crm.transaction`). */
  async afterWrite(op: 'put' | 'delete', doc: CrmDocuments[C]): Promise<void> {
    const { host } = this.services;
    for (const entry of host.active(host.contributions.afterHooks)) {
      if (entry.collection !== '*' && entry.collection !== this.name) continue;
      // The write has committed; a failing observer is disabled and reported, the caller still succeeds.
      await host.runAsync(entry.pluginId, 'hook', () => entry.hook(this.event(op, doc))).catch(() => undefined);
    }
  }

  /** Write rows gathered for a multi-collection transaction (used by erase and atomic helpers). */
  rowsFor(docs: readonly CrmDocuments[C][], op: 'delete'): WriteRow<CrmDocuments[C] & StoredDocument>[] {
    return docs.map((doc) => ({ op, id: (doc as StoredDocument).id, expectedRev: (doc as StoredDocument).rev }));
  }
}
