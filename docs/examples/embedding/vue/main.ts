// #region mount
import '@crmkit/components';
import { createApp } from 'vue';
import { openCrm } from '../open-crm.js';
import { crmCompilerOptions } from './compiler-options.js';
import { CustomerPanel } from './customer-panel.js';

const { crm, customer } = await openCrm();
const app = createApp(CustomerPanel, { crm, customerId: customer.id });
app.config.compilerOptions.isCustomElement = crmCompilerOptions.isCustomElement;
app.mount('#app');
// #endregion mount
