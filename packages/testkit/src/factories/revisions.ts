/**
 * Revisions the way the kernel makes them (`<n>-<random>`). Storages never make or parse revisions; they only
 * compare them, so fixtures need nothing more than fresh, unique strings.
 */
import type { StoredDocument } from '@crmkit/core';

export function makeRev(generation = 1): string {
  return `${generation}-${Math.random().toString(36).slice(2, 12).padEnd(10, '0')}`;
}

export function nextRev(rev: string): string {
  const generation = Number.parseInt(rev, 10);
  return makeRev(Number.isFinite(generation) ? generation + 1 : 1);
}

/** The next version of `doc`: the patch applied, a new revision and, unless the patch sets it, the same updatedAt. */
export function revise<T extends StoredDocument>(doc: T, patch: Partial<T> = {}): T {
  return { ...doc, ...patch, rev: nextRev(doc.rev) };
}
