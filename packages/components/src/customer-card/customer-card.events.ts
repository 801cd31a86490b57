/** The card's events: one class each, bubbling and composed; the "before" ones can be cancelled. */
import type { ConsentChannel, Customer, CustomerInput } from '@crmkit/core';

/** About to save an edit. Cancel it to stop the save (for instance to confirm first); the draft stays. */
export class CrmCustomerBeforeSaveEvent extends Event {
  static readonly type = 'crm-customer-before-save';
  constructor(
    readonly customer: Customer,
    readonly input: CustomerInput,
  ) {
    super(CrmCustomerBeforeSaveEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** An edit was saved. */
export class CrmCustomerSaveEvent extends Event {
  static readonly type = 'crm-customer-save';
  constructor(readonly customer: Customer) {
    super(CrmCustomerSaveEvent.type, { bubbles: true, composed: true });
  }
}

/** A save found that someone else had changed the customer; the card now shows both versions. */
export class CrmCustomerConflictEvent extends Event {
  static readonly type = 'crm-customer-conflict';
  constructor(
    readonly mine: CustomerInput,
    readonly theirs: Customer,
  ) {
    super(CrmCustomerConflictEvent.type, { bubbles: true, composed: true });
  }
}

/** The user chose a contact action. Cancel it to handle the contact in the app instead of the `mailto:`/`tel:` link. */
export class CrmContactEvent extends Event {
  static readonly type = 'crm-contact';
  constructor(
    readonly channel: ConsentChannel,
    readonly address: string,
    readonly customer: Customer,
  ) {
    super(CrmContactEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The user chose a plugin's card action. Cancel it to stop the action from running. */
export class CrmCardActionEvent extends Event {
  static readonly type = 'crm-card-action';
  constructor(
    readonly actionId: string,
    readonly pluginId: string,
    readonly customer: Customer,
  ) {
    super(CrmCardActionEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-customer-before-save': CrmCustomerBeforeSaveEvent;
    'crm-customer-save': CrmCustomerSaveEvent;
    'crm-customer-conflict': CrmCustomerConflictEvent;
    'crm-contact': CrmContactEvent;
    'crm-card-action': CrmCardActionEvent;
  }
}
