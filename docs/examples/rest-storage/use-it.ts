// #region use
import { CrmConflictError, createCrm, type Crm } from '@crmkit/core';
import { restStorage } from './rest-storage.js';

export function openShopCrm(baseUrl: string, apiKey: string): Promise<Crm> {
  return createCrm({
    storage: restStorage({ baseUrl, headers: () => ({ authorization: `Bearer ${apiKey}` }) }),
    tenant: 'kuyumcu-istanbul',
    locale: 'tr',
  });
}

/** Two people saved the same customer: the second save is refused with the stored version, never lost silently. */
export async function renameTwice(crm: Crm): Promise<string> {
  const ayse = await crm.customers.put({ name: 'Ayşe Yılmaz', address: { city: 'İstanbul' } });
  await crm.customers.put({ ...ayse, name: 'Ayşe Yılmaz Demir' });
  try {
    await crm.customers.put({ ...ayse, name: 'Ayşe Demir' }); // still carries the first rev
    return 'saved';
  } catch (error) {
    if (error instanceof CrmConflictError) return `conflict; stored name: ${(error.current as typeof ayse).name}`;
    throw error;
  }
}
// #endregion use
