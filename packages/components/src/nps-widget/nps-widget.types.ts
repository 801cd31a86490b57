import type { Locale } from '@crmkit/core';
import type { NpsCategory } from '@crmkit/analytics';

/**
 * How the widget works: `survey` decides whether to ask (throttle, dismiss throttle, sampling), then writes the
 * answer through the crm and thanks; `field` is only the question and the scale, a control for a host form.
 */
export const NPS_WIDGET_MODES = ['survey', 'field'] as const;
export type NpsWidgetMode = (typeof NPS_WIDGET_MODES)[number];

/** Why a survey was not shown. `unavailable`: the crm could not be read, so the widget does not risk asking again. */
export const NPS_SKIP_REASONS = ['answered-recently', 'dismissed-recently', 'not-sampled', 'unavailable'] as const;
export type NpsSkipReason = (typeof NPS_SKIP_REASONS)[number];

/** Text the host app configures: one string for every language, or one per language (missing ones use the kit's). */
export type NpsText = string | Partial<Record<Locale, string>>;

/** The widget's configurable texts; anything left out comes from the kit's catalogue (en, tr). */
export interface NpsTexts {
  question?: NpsText;
  /** The label under 0. */
  low?: NpsText;
  /** The label under 10. */
  high?: NpsText;
  /** The follow-up question, per category of the chosen score. */
  followUp?: Partial<Record<NpsCategory, NpsText>>;
  thanks?: NpsText;
}

/** The 11 scores of the scale. */
export const NPS_SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** Defaults: do not ask again within 90 days of an answer, nor within 30 days of a dismissal; ask everyone. */
export const NPS_DEFAULTS = { throttleDays: 90, dismissDays: 30, sample: 100 } as const;
