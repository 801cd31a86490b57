// #region panel
import { defineComponent, ref, type PropType } from 'vue';
import type { Crm } from '@crmkit/core';
import type { CrmContactEvent, CrmCustomerSaveEvent } from '@crmkit/components';

export const CustomerPanel = defineComponent({
  props: {
    crm: { type: Object as PropType<Crm>, required: true },
    customerId: { type: String, required: true },
  },
  setup() {
    const notice = ref('');
    const onContact = (event: CrmContactEvent) => {
      event.preventDefault();
      notice.value = `${event.channel}: ${event.address}`;
    };
    const onSave = (event: CrmCustomerSaveEvent) => {
      notice.value = `saved: ${event.customer.name}`;
    };
    return { notice, onContact, onSave };
  },
  // `.prop` sets the crm as a DOM property (an object cannot be an attribute); the rest are attributes.
  template: `
    <crm-provider :crm.prop="crm">
      <crm-customer-card :customer-id="customerId" heading-level="1"
        @crm-contact="onContact" @crm-customer-save="onSave"></crm-customer-card>
      <crm-timeline :customer-id="customerId"></crm-timeline>
      <output aria-live="polite">{{ notice }}</output>
    </crm-provider>
  `,
});
// #endregion panel
