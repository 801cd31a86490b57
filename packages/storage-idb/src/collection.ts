/** One collection of an open tenant database. */
import { decodeCursor, makeComparator, normalizeSort, pageOf, pageSize, validateWhere } from '@crmkit/core';
import type {
  CountResult,
  Page,
  Query,
  StorageCollection,
  StoredDocument,
  Where,
  WriteResult,
  WriteRow,
} from '@crmkit/core';
import type { IdbConnection } from './connection.js';
import { countMatching } from './count.js';
import { toKeyRange } from './key-ranges.js';
import type { Edge } from './key-ranges.js';
import { choosePlan } from './plan.js';
import type { WhereSource } from './plan.js';
import { readByIds } from './read-by-id.js';
import { isIndexOrder, readAll, readInIndexOrder, readPoint, readWhere, readWithCursor } from './scan.js';
import type { KeyedSource } from './scan.js';
import { validateRows } from './write.js';

export class IdbCollection<T extends StoredDocument> implements StorageCollection<T> {
  constructor(
    private readonly connection: IdbConnection,
    private readonly name: string,
  ) {}

  async get(id: string): Promise<T | undefined> {
    // Not a key IndexedDB accepts, so certainly not stored.
    if (typeof id !== 'string') return this.connection.read(this.name, () => Promise.resolve(undefined));
    return this.connection.read(this.name, ({ store }) => store.get(id) as Promise<T | undefined>);
  }

  async getMany(ids: readonly string[]): Promise<(T | undefined)[]> {
    return this.connection.read(this.name, async ({ raw }) => {
      const found = await readByIds(
        raw,
        ids.filter((id) => typeof id === 'string'),
      );
      return ids.map((id) => found.get(id) as T | undefined);
    });
  }

  async query(query: Query = {}): Promise<Page<T>> {
    validateWhere(query.where);
    const sort = normalizeSort(query.sort);
    const need = pageSize(query) + 1;
    // As `pageOf` reads it: an empty cursor is no cursor.
    const position = query.cursor ? decodeCursor(query.cursor, sort) : undefined;
    const { where } = query;
    return this.connection.read(this.name, async ({ store, raw, specs, stats: readStats }) => {
      const stats = await readStats();
      const estimate = (key: string, compute: () => Promise<number>) =>
        this.connection.estimate(this.name, key, compute);
      const plan = await choosePlan(specs, stats, where, sort, position, need, (source) => ({
        matching: () => estimate(spansKey(source), () => countSpans(store, source)),
        total: () =>
          stats.documents !== undefined ? Promise.resolve(stats.documents) : estimate('', () => store.count()),
      }));
      const request = { store, raw, where, sort, position, need };
      let candidates: StoredDocument[];
      if (plan === 'empty') candidates = [];
      else if (plan.kind === 'point') candidates = await readPoint(request, plan.source);
      else if (plan.kind === 'ordered') {
        candidates = isIndexOrder(plan.source, sort)
          ? await readInIndexOrder(request, plan.source)
          : await readWithCursor(request, plan.source);
      } else {
        const dedupe =
          plan.kind === 'where' && plan.source.index !== undefined && stats.arrays[plan.source.index.name] !== 0;
        candidates =
          plan.kind === 'where' ? await readWhere(store, where, plan.source, dedupe) : await readAll(store, where);
        candidates.sort(makeComparator(sort));
      }
      return pageOf(candidates as T[], query, sort);
    });
  }

  async count(where?: Where): Promise<CountResult> {
    validateWhere(where);
    return this.connection.read(this.name, async ({ store, specs, stats }) => ({
      count: await countMatching(store, specs, await stats(), where),
      exact: true,
    }));
  }

  async bulkWrite(rows: readonly WriteRow<T>[]): Promise<WriteResult<T>[]> {
    this.connection.specs(this.name);
    validateRows(rows, this.name);
    const results = await this.connection.commit(
      rows.map((row) => ({ collection: this.name, row })),
      false,
    );
    return results as WriteResult<T>[];
  }
}

/** The where source's index and spans as text; the string end is the only edge that is not a scalar. */
function spansKey(source: WhereSource): string {
  const edge = (value: Edge | undefined) =>
    value === undefined
      ? ''
      : typeof value === 'number'
        ? `n${value}`
        : typeof value === 'string'
          ? `s${value}`
          : 'end';
  const spans = source.spans.map(
    (span) => `${span.lowerOpen ? '(' : '['}${edge(span.lower)}\u0000${edge(span.upper)}${span.upperOpen ? ')' : ']'}`,
  );
  return `${source.index?.name ?? 'id'}\u0000${spans.join('\u0001')}`;
}

async function countSpans(store: KeyedSource, source: WhereSource): Promise<number> {
  const target = source.index ? store.index(source.index.name) : store;
  const counts = await Promise.all(source.spans.map((span) => target.count(toKeyRange(span))));
  return counts.reduce((sum, count) => sum + count, 0);
}
