/**
 * A client-specific plugin for the guide: a jeweller engraves rings. It adds a custom field (the ring size), a
 * timeline item type (an engraving order), a segment field, a card action, a before-hook with a veto, and its
 * texts in English and Turkish.
 */
// #region types
import { DateTimeSchema, definePlugin, formatDate, type CrmPlugin } from '@crmkit/core';
import { z } from 'zod';

const EngravingSchema = z.strictObject({
  text: z.string().min(1).max(30),
  /** Where on the piece: inside the band or on its face. */
  place: z.enum(['inside', 'face']),
  promisedAt: DateTimeSchema.optional(),
});
type EngravingData = z.output<typeof EngravingSchema>;

// Typing by declaration merging: after this, `customer.custom.ringSize` is `number | undefined` and an activity of
// type 'engraving' has `data: EngravingData`, in every file that imports this plugin.
declare module '@crmkit/core' {
  interface CrmCustomFields {
    ringSize?: number;
  }
  interface CrmActivityTypes {
    engraving: EngravingData;
  }
}
// #endregion types

// #region register
/** Letters the engraving machine can cut: Turkish and English letters, digits, a few marks. */
const CUTTABLE = /^[\p{Script=Latin}0-9 .,&'♥-]*$/u;

export function engravingPlugin(): CrmPlugin {
  return definePlugin({
    id: 'acme/engraving',
    version: '1.0.0',
    kit: '^0.1.0',
    register(ctx) {
      ctx.fields.add({
        name: 'ringSize',
        schema: z.number().int().min(40).max(76),
        type: 'number',
        label: { en: 'Ring size', tr: 'Yüzük ölçüsü' },
      });
      ctx.segments.addField({
        path: 'custom.ringSize',
        label: { en: 'Ring size', tr: 'Yüzük ölçüsü' },
        type: 'number',
        group: 'custom',
      });
      ctx.timeline.addType<EngravingData>({
        type: 'engraving',
        schema: EngravingSchema,
        label: { en: 'Engraving', tr: 'Gravür' },
        icon: '✎',
        // Plain text only: the timeline shows these strings as text, never as HTML.
        render: (activity, context) => ({
          title: context.t('engraving.title', { text: activity.data.text }),
          summary: context.t(`engraving.place.${activity.data.place}`),
          fields: activity.data.promisedAt
            ? [
                {
                  label: context.t('engraving.promisedAt'),
                  value: formatDate(activity.data.promisedAt, context.locale),
                },
              ]
            : [],
        }),
      });
      ctx.hooks.before('activities', (event) => {
        const doc = event.doc as { type: string; data: { text?: string } };
        if (event.op === 'put' && doc.type === 'engraving' && !CUTTABLE.test(doc.data.text ?? '')) {
          return { veto: 'the engraving machine cannot cut these characters', path: ['data', 'text'] };
        }
      });
      ctx.card.addAction({
        id: 'engraving.order',
        label: { en: 'Order an engraving', tr: 'Gravür siparişi' },
        when: (customer) => customer.custom.ringSize !== undefined,
        run: async (customer, crm) => {
          await crm.activities.put({
            customerId: customer.id,
            type: 'engraving',
            at: new Date().toISOString(),
            data: { text: customer.name.split(' ')[0] ?? customer.name, place: 'inside' },
          });
        },
      });
      ctx.i18n.add({
        en: {
          'engraving.title': 'Engraving “{text}”',
          'engraving.place.inside': 'Inside the band',
          'engraving.place.face': 'On the face',
          'engraving.promisedAt': 'Promised for',
        },
        tr: {
          'engraving.title': '“{text}” gravürü',
          'engraving.place.inside': 'Halkanın içine',
          'engraving.place.face': 'Ön yüze',
          'engraving.promisedAt': 'Söz verilen tarih',
        },
      });
    },
  });
}
// #endregion register
