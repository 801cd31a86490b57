/** A crm with a customer and a history spread over days, pending tasks and a plugin item type, for timeline tests. */
import { z } from 'zod';
import { definePlugin, type ActivityInput, type CrmPlugin } from '@crmkit/core';
import { NOW, seededCrm, type Seeded } from './support.js';

const hour = 3600_000;
export const ago = (hours: number) => new Date(NOW.getTime() - hours * hour).toISOString();

export const repairJobs: CrmPlugin = definePlugin({
  id: 'repairs',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    ctx.timeline.addType<{ device: string; fault: string }>({
      type: 'repairJob',
      schema: z.strictObject({ device: z.string(), fault: z.string() }),
      label: { en: 'Repair job', tr: 'Onarım işi' },
      icon: '⚙',
      render: (activity) => ({
        title: `Repair: ${activity.data.device}`,
        summary: activity.data.fault,
        fields: [{ label: 'Device', value: activity.data.device }],
        status: { label: 'In workshop', tone: 'warning' },
      }),
    });
  },
});

export const brokenRenderer: CrmPlugin = definePlugin({
  id: 'broken-renderer',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    ctx.timeline.addType({
      type: 'glitch',
      schema: z.unknown(),
      label: { en: 'Glitch', tr: 'Arıza' },
      icon: 'x',
      render: () => {
        throw new Error('renderer exploded');
      },
    });
  },
});

export async function seededTimeline(extra: CrmPlugin[] = []): Promise<Seeded> {
  const seeded = await seededCrm({ plugins: [repairJobs, ...extra] });
  const customerId = seeded.customer.id;
  const inputs: ActivityInput[] = [
    { customerId, type: 'note', at: ago(1), data: { text: 'Visited the Şişli store, asked about wholesale prices.' } },
    {
      customerId,
      type: 'call',
      at: ago(3),
      by: 'Mehmet',
      data: { direction: 'inbound', durationSec: 420, outcome: 'Quote requested', notes: 'Wants 200 units.' },
    },
    {
      customerId,
      type: 'email',
      at: ago(26),
      data: { direction: 'outbound', subject: 'Your quote', body: 'Attached.' },
    },
    {
      customerId,
      type: 'repairJob' as 'note',
      at: ago(50),
      data: { device: 'Sewing machine', fault: 'Needle bar stuck' },
    },
    { customerId, type: 'purchase', at: ago(24 * 20), data: { total: 12500, currency: 'TRY', items: 3 } },
    { customerId, type: 'task', at: ago(48), dueAt: ago(24), data: { title: 'Send the samples', done: false } },
    { customerId, type: 'task', at: ago(2), dueAt: ago(-48), data: { title: 'Follow up on the quote', done: false } },
    { customerId, type: 'task', at: ago(100), dueAt: ago(90), data: { title: 'Done already', done: true } },
  ];
  await seeded.crm.activities.putMany(inputs);
  return seeded;
}
