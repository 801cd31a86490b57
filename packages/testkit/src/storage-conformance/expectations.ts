/** Assertions the sections share: typed rejections, per-row write results, seeding and reading everything. */
import type { Query, StorageCollection, StorageConnection, StoredDocument, WriteResult } from '@crmkit/core';
import { expect } from 'chai';

type ErrorClass<E> = abstract new (...args: never[]) => E;

/**
 * A promise-returning method must report failure by rejecting: a synchronous throw escapes `.catch()` and
 * `Promise.all` handlers. So a synchronous throw fails this check even when the error itself is right.
 */
export async function rejectsWith<E extends Error>(action: () => Promise<unknown>, type: ErrorClass<E>): Promise<E> {
  let promise: Promise<unknown>;
  try {
    promise = action();
  } catch (error) {
    expect.fail(`threw synchronously instead of returning a rejected promise: ${String(error)}`);
  }
  try {
    await promise;
  } catch (error) {
    expect(error, `the rejection (${String(error)})`).to.be.instanceOf(type);
    return error as E;
  }
  return expect.fail(`resolved, but should have rejected with ${type.name}`);
}

/** For calls that may refuse either at once (a synchronous method) or when the work runs. */
export async function refusesWith<E extends Error>(action: () => unknown, type: ErrorClass<E>): Promise<E> {
  try {
    await action();
  } catch (error) {
    expect(error, `the error (${String(error)})`).to.be.instanceOf(type);
    return error as E;
  }
  return expect.fail(`succeeded, but should have failed with ${type.name}`);
}

export function expectWritten<T extends StoredDocument>(result: WriteResult<T> | undefined, id: string): void {
  expect(result, `the result for ${id}`).to.deep.include({ ok: true, id });
}

/** A conflict result for `id` carrying `current` (the stored document, or undefined when there is none). */
export function expectConflict<T extends StoredDocument>(
  result: WriteResult<T> | undefined,
  id: string,
  current: T | undefined,
): void {
  expect(result, `the result for ${id}`).to.not.equal(undefined);
  expect(result!.ok, `${id} should have conflicted`).to.equal(false);
  expect(result).to.deep.include({ id, error: 'conflict' });
  if (!result!.ok) expect(result!.current, `the stored ${id} carried by the conflict`).to.deep.equal(current);
}

/** Inserts `docs` (they must not exist yet) and checks that every row was written. */
export async function seed<T extends StoredDocument>(
  connection: StorageConnection,
  collection: string,
  docs: readonly T[],
): Promise<void> {
  const results = await connection
    .collection<T>(collection)
    .bulkWrite(docs.map((doc) => ({ op: 'put', doc, expectedRev: null })));
  expect(
    results.filter((result) => !result.ok).map((result) => result.id),
    `rows of ${collection} not seeded`,
  ).to.deep.equal([]);
}

/** Every page of `query`, following `nextCursor`; fails on a page over the limit or a walk that never ends. */
export async function readAll<T extends StoredDocument>(
  collection: StorageCollection<T>,
  query: Query = {},
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await collection.query(cursor === undefined ? query : { ...query, cursor });
    if (query.limit !== undefined) expect(page.items.length, 'items on a page').to.be.at.most(query.limit);
    items.push(...page.items);
    if (page.nextCursor === undefined) return items;
    expect(page.nextCursor, 'nextCursor').to.be.a('string');
    cursor = page.nextCursor;
  }
  return expect.fail('pagination did not end after 10,000 pages');
}

export function ids(docs: readonly (StoredDocument | undefined)[]): (string | undefined)[] {
  return docs.map((doc) => doc?.id);
}
