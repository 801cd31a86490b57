/** The crm every embedding example uses: IndexedDB in the browser, one client's tenant, and one customer to show. */
import { createCrm, type Crm, type Customer } from '@crmkit/core';
import { indexedDbStorage } from '@crmkit/storage-idb';

export async function openCrm(): Promise<{ crm: Crm; customer: Customer }> {
  const crm = await createCrm({ storage: indexedDbStorage(), tenant: 'kuyumcu-istanbul', locale: 'tr' });
  const { items } = await crm.customers.query({ sort: [{ field: 'name' }], limit: 1 });
  if (items[0]) return { crm, customer: items[0] };
  const customer = await crm.customers.put({
    name: 'Ayşe Yılmaz',
    emails: ['ayse@example.com'],
    phones: ['+90 532 555 01 01'],
    address: { city: 'İstanbul' },
  });
  // The card offers an e-mail action only with a given consent (KVKK, İYS): recorded with its source and date.
  await crm.consents.put({
    customerId: customer.id,
    channel: 'email',
    status: 'granted',
    recipient: 'ayse@example.com',
    source: 'HS_WEB',
    recordedAt: '2026-11-02T09:30:00+03:00',
  });
  await crm.activities.put({
    customerId: customer.id,
    type: 'note',
    at: '2026-11-20T11:00:00+03:00',
    data: { text: 'Nişan yüzüğü için ölçü alındı: 52.' },
  });
  return { crm, customer };
}
