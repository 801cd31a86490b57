/** The timeline's events: one class each, bubbling and composed; the "before" one can be cancelled. */
import type { Activity, ActivityInput } from '@crmkit/core';

/** An item was expanded to show its details. */
export class CrmTimelineItemOpenEvent extends Event {
  static readonly type = 'crm-timeline-item-open';
  constructor(readonly activity: Activity) {
    super(CrmTimelineItemOpenEvent.type, { bubbles: true, composed: true });
  }
}

/** The composer is about to add an activity. Cancel it to stop the write; the draft stays. */
export class CrmActivityBeforeCreateEvent extends Event {
  static readonly type = 'crm-activity-before-create';
  constructor(readonly input: ActivityInput) {
    super(CrmActivityBeforeCreateEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The composer added an activity. */
export class CrmActivityCreateEvent extends Event {
  static readonly type = 'crm-activity-create';
  constructor(readonly activity: Activity) {
    super(CrmActivityCreateEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-timeline-item-open': CrmTimelineItemOpenEvent;
    'crm-activity-before-create': CrmActivityBeforeCreateEvent;
    'crm-activity-create': CrmActivityCreateEvent;
  }
}
