// The customer card inside a React 19 app (through the generated @crmkit/react wrapper) and a Vue 3 app (as a
// plain custom element), both from npm, each handling the card's events in its own way.
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApp, defineComponent, h } from 'vue';
import { CrmCustomerCard } from '../../../packages/react/src/index.js';
import type { CrmContactEvent } from '../../../packages/components/src/index.js';
import { seedPage } from './seed.js';

const { crm, customer } = await seedPage();

function ReactApp() {
  return createElement(CrmCustomerCard, {
    crm,
    customerId: customer.id,
    variant: 'compact',
    onCrmContact: (event: CrmContactEvent) => {
      event.preventDefault();
      window.e2e.contacts.push(`react:${event.channel}:${event.address}`);
    },
  });
}
createRoot(document.getElementById('react')!).render(createElement(StrictMode, null, createElement(ReactApp)));

const VueApp = defineComponent({
  setup() {
    return () =>
      h('crm-customer-card', {
        crm,
        customerId: customer.id,
        onCrmContact: (event: CrmContactEvent) => {
          event.preventDefault();
          window.e2e.contacts.push(`vue:${event.channel}:${event.address}`);
        },
      });
  },
});
createApp(VueApp).mount('#vue');
window.e2e.ready = true;
