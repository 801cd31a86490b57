/**
 * The demo CRM's entry: the shell (`<demo-app>`) with the real services — the tenant's IndexedDB seeded in a
 * worker, the client's crm assembly, and the pages loaded per route.
 */
import { adoptCrmTheme } from '@crmkit/components';
import './src/app/demo-app.js';
import { loadPage } from './src/app/pages.js';
import { createDemoCrm } from './src/crm.js';
import { ensureDemoData, resetDemoData } from './src/data/seeding.js';

// `.crm-theme-dark` / `.crm-theme-light` as a constructed stylesheet: no inline style under the CSP.
adoptCrmTheme();

const app = document.querySelector('demo-app') ?? document.body.appendChild(document.createElement('demo-app'));
// Lit renders after existing children: the static "Loading…" goes first.
app.replaceChildren();
app.services = {
  ensureData: ensureDemoData,
  resetData: resetDemoData,
  openCrm: ({ tenant, locale }) => createDemoCrm({ tenant, locale }),
  loadPage,
};
