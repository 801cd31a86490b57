// #region panel
import { useState } from 'react';
import { CrmCustomerCard, CrmProvider, CrmTimeline } from '@crmkit/react';
import type { Crm } from '@crmkit/core';

export function CustomerPanel({ crm, customerId }: { crm: Crm; customerId: string }) {
  const [notice, setNotice] = useState('');
  return (
    <CrmProvider crm={crm}>
      <CrmCustomerCard
        customerId={customerId}
        headingLevel={1}
        onCrmContact={(event) => {
          event.preventDefault();
          setNotice(`${event.channel}: ${event.address}`);
        }}
        onCrmCustomerSave={(event) => setNotice(`saved: ${event.customer.name}`)}
      />
      <CrmTimeline customerId={customerId} />
      <output aria-live="polite">{notice}</output>
    </CrmProvider>
  );
}
// #endregion panel
