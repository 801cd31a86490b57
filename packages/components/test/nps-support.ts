/** Helpers for the NPS widget and report tests: a storage that can be switched off, answers, unique tenants. */
import {
  CrmStorageError,
  memoryStorage,
  type CreateCrmOptions,
  type CrmStorage,
  type StorageCollection,
  type StorageConnection,
} from '@crmkit/core';
import { html } from 'lit';
import { npsWidgetPlugin, type CrmNpsWidget } from '../src/index.js';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
import { NOW, mount, seededCrm, until, type Seeded } from './support.js';

export const DAY = 86_400_000;
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

let tenants = 0;
/** A tenant of its own per test: the outbox is kept per tenant in localStorage. */
export const uniqueTenant = () => `nps-test-${Date.now().toString(36)}-${tenants++}`;

/** A storage whose writes fail with `CrmStorageError('unavailable')` while `offline.writes` is true. Reads keep working. */
export function flakyStorage(inner: CrmStorage = memoryStorage()): {
  storage: CrmStorage;
  offline: { writes: boolean };
} {
  const offline = { writes: false };
  const refuse = () => Promise.reject(new CrmStorageError('unavailable', 'the storage is offline'));
  const wrapCollection = <T extends StorageCollection>(collection: T): T =>
    ({
      get: (id: string) => collection.get(id),
      getMany: (ids: readonly string[]) => collection.getMany(ids),
      query: (query) => collection.query(query),
      count: (where) => collection.count(where),
      bulkWrite: (rows) => (offline.writes ? refuse() : collection.bulkWrite(rows)),
    }) as T;
  const storage: CrmStorage = {
    kind: 'flaky-memory',
    async open(options) {
      const connection = await inner.open(options);
      const wrapped: StorageConnection = {
        tenant: connection.tenant,
        collection: (name) => wrapCollection(connection.collection(name)),
        transaction: (fn) => (offline.writes ? refuse() : connection.transaction(fn)),
        subscribe: (listener) => connection.subscribe(listener),
        close: () => connection.close(),
        remove: () => connection.remove(),
      };
      return wrapped;
    },
  };
  return { storage, offline };
}

/** The seeded crm with the widget's plugin and a tenant of its own. */
export function npsCrm(options: Partial<CreateCrmOptions> = {}): Promise<Seeded> {
  return seededCrm({ tenant: uniqueTenant(), plugins: [vipTierPlugin(), npsWidgetPlugin()], ...options });
}

export interface WidgetOptions {
  touchpoint?: string;
  lang?: string;
  throttleDays?: number;
  dismissDays?: number;
  sample?: number;
}

/** A survey widget, waited for until it asks. */
export async function askingWidget(seeded: Seeded, options: WidgetOptions = {}): Promise<CrmNpsWidget> {
  const el = await mount<CrmNpsWidget>(
    html`<crm-nps-widget
      .crm=${seeded.crm}
      .now=${NOW}
      customer-id=${seeded.customer.id}
      touchpoint=${options.touchpoint ?? 'store-visit'}
      lang=${options.lang ?? 'en'}
      throttle-days=${options.throttleDays ?? 90}
      dismiss-days=${options.dismissDays ?? 30}
      sample=${options.sample ?? 100}
    ></crm-nps-widget>`,
  );
  await until(() => !!el.shadowRoot?.querySelector('[role="radiogroup"]'), 'the question');
  return el;
}

afterEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('crmkit.nps-outbox.')) localStorage.removeItem(key);
});
