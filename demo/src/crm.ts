/**
 * The demo client's CRM: the kit's core on the embedded default storage (IndexedDB), with the plugins a vendor
 * would install for a jewellery retailer. Pages and tests create it through here so that they all see the same
 * assembly; tests pass `memoryStorage()`.
 */
import { createCrm, type Crm, type CrmStorage } from '@crmkit/core';
import { analyticsPlugin } from '@crmkit/analytics';
import { segmentsPlugin } from '@crmkit/segments';
import { npsWidgetPlugin } from '@crmkit/components';
import { indexedDbStorage } from '@crmkit/storage-idb';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
import { iysExportPlugin } from '@crmkit/plugin-iys-export';
import { repairJobsPlugin } from '@crmkit/plugin-repair-jobs';

/** The demo's tenant unless the page's `?tenant=` names another (the e2e tests keep their runs apart). */
export const DEMO_TENANT = 'demo';

export interface DemoCrmOptions {
  storage?: CrmStorage;
  tenant?: string;
  locale?: string;
  /** The clock of the crm and the analytics plugin (tests pin it). */
  now?: () => Date;
}

export function demoPlugins(now?: () => Date) {
  return [
    analyticsPlugin({ currency: 'TRY', ...(now ? { now } : {}) }),
    vipTierPlugin(),
    segmentsPlugin(),
    npsWidgetPlugin(),
    iysExportPlugin(),
    repairJobsPlugin(),
  ];
}

export function createDemoCrm(options: DemoCrmOptions = {}): Promise<Crm> {
  return createCrm({
    storage: options.storage ?? indexedDbStorage(),
    tenant: options.tenant ?? DEMO_TENANT,
    locale: options.locale ?? 'en',
    plugins: demoPlugins(options.now),
    ...(options.now ? { now: options.now } : {}),
  });
}
