/** The segment builder's events: one class each, bubbling and composed. */
import type { Segment } from '@crmkit/core';
import type { SegmentRule } from '@crmkit/segments';
import type { ConsentGuard, NodeIssue } from './segment-builder.types.js';

/** The user changed the rule (every edit, as `input` does for a text field). */
export class CrmSegmentChangeEvent extends Event {
  static readonly type = 'crm-segment-change';
  constructor(
    /** The rule as it stands, the builder's `value`. */
    readonly rule: SegmentRule,
    /** What keeps the rule from being used; empty when it is valid. */
    readonly issues: readonly NodeIssue[],
    /** The consent guard's channel and whether members without consent are left out. */
    readonly consent: ConsentGuard,
  ) {
    super(CrmSegmentChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** The rule was saved as a named segment through the crm. */
export class CrmSegmentSaveEvent extends Event {
  static readonly type = 'crm-segment-save';
  constructor(
    readonly segment: Segment,
    readonly consent: ConsentGuard,
  ) {
    super(CrmSegmentSaveEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-segment-change': CrmSegmentChangeEvent;
    'crm-segment-save': CrmSegmentSaveEvent;
  }
}
