// #region mount
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openCrm } from '../open-crm.js';
import { CustomerPanel } from './CustomerPanel.js';

const { crm, customer } = await openCrm();
createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <CustomerPanel crm={crm} customerId={customer.id} />
  </StrictMode>,
);
// #endregion mount
