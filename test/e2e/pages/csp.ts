// Served with `script-src 'self'; style-src 'self'` and Trusted Types required: the elements must run without
// inline scripts or styles, eval, or HTML sinks fed with strings.
import './zod-jitless.js';
import '../../../packages/components/src/index.js';
import {
  adoptCrmTheme,
  type CrmCustomerCard,
  type CrmProvider,
  type CrmTimeline,
} from '../../../packages/components/src/index.js';
import { seedPage } from './seed.js';

const { crm, customer } = await seedPage();
adoptCrmTheme();
document.body.classList.add('crm-theme-dark');
(document.getElementById('provider') as CrmProvider).crm = crm;
(document.getElementById('card') as CrmCustomerCard).customerId = customer.id;
(document.getElementById('timeline') as CrmTimeline).customerId = customer.id;
window.e2e.ready = true;
