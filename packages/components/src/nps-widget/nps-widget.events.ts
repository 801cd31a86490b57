/** The NPS widget's events: one class each, bubbling and composed. */
import type { NpsCategory } from '@crmkit/analytics';
import type { NpsSkipReason } from './nps-widget.types.js';

/** What was answered, as written (or queued) in the crm's `npsResponses`. */
export interface NpsAnswer {
  responseId: string;
  customerId: string;
  score: number;
  category: NpsCategory;
  comment: string | undefined;
  touchpoint: string;
  /** ISO 8601, UTC. */
  at: string;
}

/**
 * An answer was sent: written with its timeline activity, or, when the storage was unavailable, kept in the
 * outbox (`queued`) to be written as soon as the storage is back.
 */
export class CrmNpsSubmitEvent extends Event {
  static readonly type = 'crm-nps-submit';
  constructor(
    readonly answer: NpsAnswer,
    readonly queued: boolean,
  ) {
    super(CrmNpsSubmitEvent.type, { bubbles: true, composed: true });
  }
}

/** A score was chosen (by pointer or keyboard); `score` is the widget's new value. */
export class CrmNpsChangeEvent extends Event {
  static readonly type = 'crm-nps-change';
  constructor(readonly score: number | null) {
    super(CrmNpsChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** The customer dismissed the survey ("Not now"); it is not asked again within the dismiss throttle. */
export class CrmNpsDismissEvent extends Event {
  static readonly type = 'crm-nps-dismiss';
  constructor(
    readonly customerId: string,
    readonly touchpoint: string,
  ) {
    super(CrmNpsDismissEvent.type, { bubbles: true, composed: true });
  }
}

/** The survey decided not to ask this customer now, and renders nothing. */
export class CrmNpsSkipEvent extends Event {
  static readonly type = 'crm-nps-skip';
  constructor(
    readonly customerId: string,
    readonly reason: NpsSkipReason,
  ) {
    super(CrmNpsSkipEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-nps-submit': CrmNpsSubmitEvent;
    'crm-nps-change': CrmNpsChangeEvent;
    'crm-nps-dismiss': CrmNpsDismissEvent;
    'crm-nps-skip': CrmNpsSkipEvent;
  }
}
