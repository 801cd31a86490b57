/**
 * What the shell needs from the outside world, as one object: seeding, resetting and opening the crm, and
 * loading a page's element. `main.ts` passes the real ones; tests pass a memory-backed crm and a seeding function
 * of their own (one that rejects with a quota error, say).
 */
import type { Crm } from '@crmkit/core';
import type { DemoRoute } from './routes.js';

/** One step of seeding, as `ensureDemoData` reports it. */
export interface SeedProgress {
  phase: string;
  done: number;
  total: number;
}

export interface SeedSummary {
  reused: boolean;
  customers: number;
  activities: number;
}

export interface DemoServices {
  /** Fills the tenant's storage on the first start; reuses what is there on later ones. */
  ensureData(options: {
    tenant: string;
    size: number;
    onProgress: (progress: SeedProgress) => void;
    signal?: AbortSignal;
  }): Promise<SeedSummary>;
  /** Removes the tenant's demo data (the crm is closed first). */
  resetData(options: { tenant: string }): Promise<void>;
  /** Opens the tenant's crm. */
  openCrm(options: { tenant: string; locale: string }): Promise<Crm>;
  /**
   * Defines the element of a route's page; resolves to its tag name, or `undefined` while the page is not part
   * of the demo yet (the shell then shows a placeholder).
   */
  loadPage(route: DemoRoute['name']): Promise<string | undefined>;
}
