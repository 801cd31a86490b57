/** The segment builder's events and its companions': one class each, bubbling and composed. */
import type { Segment } from '@crmkit/core';
import type { SegmentRule } from '@crmkit/segments';
import type { ConsentGuard, NodeIssue } from './segment-builder.types.js';

/** The user changed the rule (every edit, as `input` does for a text field; also an import or a loaded segment). */
export class CrmSegmentChangeEvent extends Event {
  static readonly type = 'crm-segment-change';
  constructor(
    /** The rule as it stands, the builder's `value`. */
    readonly rule: SegmentRule,
    /** What keeps the rule from being used; empty when it is valid. */
    readonly issues: readonly NodeIssue[],
  ) {
    super(CrmSegmentChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** The rule was saved as a named segment through the crm. */
export class CrmSegmentSaveEvent extends Event {
  static readonly type = 'crm-segment-save';
  constructor(readonly segment: Segment) {
    super(CrmSegmentSaveEvent.type, { bubbles: true, composed: true });
  }
}

/** A JsonLogic rule was imported. Cancel it to keep the followed builder's rule as it is. */
export class CrmSegmentImportEvent extends Event {
  static readonly type = 'crm-segment-import';
  constructor(readonly rule: SegmentRule) {
    super(CrmSegmentImportEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The user changed the audience's consent guard (channel, or leaving out those without consent). */
export class CrmAudienceChangeEvent extends Event {
  static readonly type = 'crm-audience-change';
  constructor(readonly consent: ConsentGuard) {
    super(CrmAudienceChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-segment-change': CrmSegmentChangeEvent;
    'crm-segment-save': CrmSegmentSaveEvent;
    'crm-segment-import': CrmSegmentImportEvent;
    'crm-audience-change': CrmAudienceChangeEvent;
  }
}
