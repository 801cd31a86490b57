/**
 * The demo CRM, first slice: the kit's version and a customer list read from IndexedDB (the embedded default
 * storage in browsers), filled with a few customers on the first start. The full demo grows with the kit.
 */
import { html, render } from 'lit';
import {
  KIT_VERSION,
  compareText,
  createCrm,
  formatMoney,
  resolveLocale,
  type Crm,
  type CustomerInput,
} from '@crmkit/core';
import { indexedDbStorage } from '@crmkit/storage-idb';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';

const app = document.querySelector<HTMLElement>('#app')!;
// lit renders after existing children: drop the static "Loading…" placeholder first.
app.replaceChildren();
const locale = resolveLocale(navigator.language);

const SAMPLE: CustomerInput[] = [
  ['Ayşe Yılmaz', 'İstanbul', 182_000],
  ['Mehmet Demir', 'Ankara', 64_500],
  ['Zeynep Kaya', 'İzmir', 12_300],
  ['Emily Clarke', 'İstanbul', 3_900],
  ['Oğuz Şahin', 'Ankara', 0],
  ['Çağla Öztürk', 'İzmir', 51_000],
].map(([name, city, totalSpent]) => ({
  name: name as string,
  address: { city: city as string, country: 'TR' },
  tags: (totalSpent as number) > 50_000 ? ['gold-buyer'] : [],
  lifecycle: { totalSpent: totalSpent as number, currency: 'TRY' },
}));

async function seedOnce(crm: Crm): Promise<void> {
  if ((await crm.customers.count()).count > 0) return;
  await crm.customers.putMany(SAMPLE);
}

function show(crm: Crm, customers: Awaited<ReturnType<Crm['customers']['query']>>['items'], total: number): void {
  render(
    html`
      <h1>crmkit ${KIT_VERSION}</h1>
      <p>${total} customers in IndexedDB (tenant “${crm.tenant}”, storage “${crm.storageKind}”).</p>
      <table>
        <caption class="visually-hidden">
          Customers
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">City</th>
            <th scope="col">Spent</th>
            <th scope="col">VIP tier</th>
          </tr>
        </thead>
        <tbody>
          ${customers.map((customer) => {
            const { metrics } = crm.metrics.attach(customer);
            return html`<tr>
              <td>${customer.name}</td>
              <td>${customer.address?.city ?? ''}</td>
              <td>${formatMoney(customer.lifecycle?.totalSpent ?? 0, 'TRY', locale)}</td>
              <td>${metrics.vipTier ? crm.t(`vipTier.${metrics.vipTier}`) : ''}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    `,
    app,
  );
}

async function main(): Promise<void> {
  const crm = await createCrm({ storage: indexedDbStorage(), tenant: 'demo', locale, plugins: [vipTierPlugin()] });
  await seedOnce(crm);
  const refresh = async () => {
    const page = await crm.customers.query({ sort: [{ field: 'name' }], limit: 100 });
    // Storages order by code units; people expect their language's alphabet (Ç after C, Ş after S).
    const sorted = page.items.sort((a, b) => compareText(a.name, b.name, locale));
    show(crm, sorted, (await crm.customers.count()).count);
  };
  crm.subscribe('customers', () => void refresh());
  await refresh();
}

main().catch((error: unknown) => {
  render(
    html`<p role="alert">The demo could not start: ${error instanceof Error ? error.message : String(error)}</p>`,
    app,
  );
});
