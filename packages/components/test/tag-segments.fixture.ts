/**
 * A stand-in segment engine for the NPS report's tests and stories: a rule `{ rules: [{ tag }] }` selects the
 * customers with that tag, so a segment breakdown can be shown without the real engine.
 */
import { definePlugin } from '@crmkit/core';

export const tagSegments = definePlugin({
  id: 'tag-segments',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    ctx.segments.provideService((crm) => {
      const select = async (rule: { rules: readonly unknown[] }) => {
        const tag = (rule.rules[0] as { tag?: string } | undefined)?.tag;
        return (await crm.customers.all()).filter((customer) => !!tag && customer.tags.includes(tag));
      };
      return {
        count: async (rule) => ({ count: (await select(rule)).length, exact: true }),
        members: async (rule) => ({
          items: (await select(rule)).map((customer) => ({ ...customer, metrics: {} })),
        }),
      };
    });
  },
});
