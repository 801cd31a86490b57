/** The page's URL parameters the shell reads: `?size=` (customers to seed) and `?tenant=` (whose data). */
import { DEMO_TENANT } from '../crm.js';

export const DEFAULT_SIZE = 10_000;
/** A limit that keeps a mistyped size from filling the disk. */
export const MAX_SIZE = 200_000;

export interface DemoParams {
  size: number;
  tenant: string;
}

export function readDemoParams(search: string): DemoParams {
  const params = new URLSearchParams(search);
  const size = Number(params.get('size') ?? '');
  const tenant = params.get('tenant') ?? '';
  return {
    size: Number.isInteger(size) && size > 0 ? Math.min(size, MAX_SIZE) : DEFAULT_SIZE,
    // The tenant names an IndexedDB database: keep it to a plain identifier.
    tenant: /^[A-Za-z0-9_-]{1,64}$/.test(tenant) ? tenant : DEMO_TENANT,
  };
}
