/**
 * `npsWidgetPlugin()`: registers the `npsDismissed` activity type, so that a dismissed survey is a record in the
 * crm (and on the customer's timeline) and the dismiss throttle holds across tabs, sessions and devices.
 * Without it the widget still hides when dismissed, but cannot remember it beyond the page.
 */
import { CORE_ACTIVITY_DATA, definePlugin, type CrmPlugin } from '@crmkit/core';

/** The activity type of a dismissal. */
export const NPS_DISMISSED_TYPE = 'npsDismissed';

/** A dismissal's data: where the survey was shown. The same rules as an answer's touchpoint. */
const dismissedData = CORE_ACTIVITY_DATA.nps.pick({ touchpoint: true });

declare module '@crmkit/core' {
  interface CrmActivityTypes {
    npsDismissed: { touchpoint: string };
  }
}

export function npsWidgetPlugin(): CrmPlugin {
  return definePlugin({
    id: 'nps-widget',
    version: '0.1.0',
    kit: '^0.1.0',
    register(ctx) {
      const label = { en: 'NPS survey dismissed', tr: 'NPS anketi kapatıldı' };
      ctx.timeline.addType({
        type: NPS_DISMISSED_TYPE,
        schema: dismissedData,
        label,
        icon: '☆',
        render: (activity, context) => ({
          title: label[context.locale] ?? label.en,
          fields: [{ label: context.t('nps.touchpoint'), value: activity.data.touchpoint }],
        }),
      });
    },
  });
}
