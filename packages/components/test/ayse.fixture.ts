/** The one well-filled customer that element tests and stories both show, with her consents. */
import type { Crm, Customer, CustomerInput } from '@crmkit/core';

export const AYSE: CustomerInput = {
  name: 'Ayşe Yılmaz',
  company: 'Deniz Tekstil',
  emails: ['ayse@example.com'],
  phones: ['+90 212 555 01 01'],
  address: { district: 'Şişli', city: 'İstanbul', country: 'TR' },
  tags: ['wholesale'],
  lifecycle: { stage: 'retention', ladder: 'client', totalSpent: 62_000, currency: 'TRY' },
};

/** E-mail granted on the web, calls refused at the call centre. */
export async function recordAyseConsents(crm: Crm, customer: Customer): Promise<void> {
  await crm.consents.put({
    customerId: customer.id,
    channel: 'email',
    status: 'granted',
    recipient: 'ayse@example.com',
    source: 'HS_WEB',
    recordedAt: '2024-11-02T09:30:00Z',
  });
  await crm.consents.put({
    customerId: customer.id,
    channel: 'call',
    status: 'denied',
    recipient: '+90 212 555 01 01',
    source: 'HS_CAGRI_MERKEZI',
    recordedAt: '2025-01-20T14:00:00Z',
  });
}
