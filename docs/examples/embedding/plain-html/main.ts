// #region boot
import '@crmkit/components'; // defines every crm-* element
import { openCrm } from '../open-crm.js';

const { crm, customer } = await openCrm();
document.querySelector('crm-provider')!.crm = crm;
document.querySelector('crm-customer-card')!.customerId = customer.id;
document.querySelector('crm-timeline')!.customerId = customer.id;
// #endregion boot

// #region events
const notice = document.querySelector<HTMLOutputElement>('#notice')!;

// Every event is a class of its own, typed through GlobalEventHandlersEventMap.
document.addEventListener('crm-contact', (event) => {
  event.preventDefault(); // the app dials or writes itself instead of following the tel:/mailto: link
  notice.value = `${event.channel}: ${event.address}`;
});
document.addEventListener('crm-customer-before-save', (event) => {
  if (event.input.name?.trim() === '') event.preventDefault(); // the draft stays open
});
document.addEventListener('crm-customer-save', (event) => {
  notice.value = `saved: ${event.customer.name}`;
});
document.addEventListener('crm-error', (event) => {
  notice.value = event.error instanceof Error ? event.error.message : String(event.error);
});
// #endregion events
