/** Events that every element may dispatch. Each element's own events live beside it. */

/** Loading failed, or an action failed; the element shows the error and offers a retry where one makes sense. */
export class CrmErrorEvent extends Event {
  static readonly type = 'crm-error';
  constructor(readonly error: unknown) {
    super(CrmErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-error': CrmErrorEvent;
  }
}
