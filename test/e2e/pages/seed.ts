/** The crm every e2e page uses: memoryStorage with one customer whose e-mail consent is given. */
import { createCrm, type CreateCrmOptions, type Crm, type Customer } from '@crmkit/core';

export async function seedPage(options: CreateCrmOptions = {}): Promise<{ crm: Crm; customer: Customer }> {
  const crm = await createCrm(options);
  const customer = await crm.customers.put({
    name: 'Ayşe Yılmaz',
    company: 'Deniz Tekstil',
    emails: ['ayse@example.com'],
    phones: ['+90 212 555 01 01'],
    address: { city: 'İstanbul' },
    lifecycle: { stage: 'retention', totalSpent: 62_000, currency: 'TRY' },
  });
  await crm.consents.put({
    customerId: customer.id,
    channel: 'email',
    status: 'granted',
    recipient: 'ayse@example.com',
    source: 'HS_WEB',
    recordedAt: '2024-11-02T09:30:00Z',
  });
  const hour = 3600_000;
  await crm.activities.putMany(
    Array.from({ length: 300 }, (_, i) => ({
      customerId: customer.id,
      type: 'note' as const,
      at: new Date(Date.now() - i * 5 * hour).toISOString(),
      data: { text: `Note ${i}: visited the Şişli store` },
    })),
  );
  await crm.activities.put({
    customerId: customer.id,
    type: 'task',
    at: new Date().toISOString(),
    dueAt: new Date(Date.now() + 48 * hour).toISOString(),
    data: { title: 'Follow up', done: false },
  });
  return { crm, customer };
}

declare global {
  interface Window {
    /** What the page's frameworks saw, for the test to read. */
    e2e: { contacts: string[]; violations: string[]; ready: boolean };
  }
}

window.e2e = { contacts: [], violations: [], ready: false };
document.addEventListener('securitypolicyviolation', (event) => {
  window.e2e.violations.push(
    `${event.violatedDirective}: ${event.blockedURI} ${event.sample} ${event.sourceFile}:${event.lineNumber}`,
  );
});
