/** A crm whose customer has a history (and a plugin item type, one of whose renderers throws), for stories. */
import { z } from 'zod';
import { createCrm, definePlugin, memoryStorage, type ActivityInput, type Crm } from '@crmkit/core';

const hour = 3600_000;
const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * hour).toISOString();

const repairs = definePlugin({
  id: 'story-repairs',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    ctx.timeline.addType<{ device: string; fault: string }>({
      type: 'repairJob',
      schema: z.strictObject({ device: z.string(), fault: z.string() }),
      label: { en: 'Repair job', tr: 'Onarım işi' },
      icon: '⚙',
      render: (activity, { locale }) => ({
        title: `${locale === 'tr' ? 'Onarım' : 'Repair'}: ${activity.data.device}`,
        summary: activity.data.fault,
        fields: [{ label: locale === 'tr' ? 'Cihaz' : 'Device', value: activity.data.device }],
        status: { label: locale === 'tr' ? 'Atölyede' : 'In workshop', tone: 'warning' },
      }),
    });
    ctx.timeline.addType({
      type: 'glitch',
      schema: z.unknown(),
      label: { en: 'Broken plugin item', tr: 'Bozuk eklenti öğesi' },
      icon: '!',
      render: () => {
        throw new Error('this renderer always fails');
      },
    });
  },
});

export async function seedTimeline(options: { count?: number } = {}): Promise<{ crm: Crm; customerId: string }> {
  const crm = await createCrm({ storage: memoryStorage(), plugins: [repairs] });
  const { id: customerId } = await crm.customers.put({ name: 'Ayşe Yılmaz', company: 'Deniz Tekstil' });
  const history: ActivityInput[] = [
    {
      customerId,
      type: 'note',
      at: at(1),
      data: { text: 'Visited the Şişli store and asked about wholesale prices.' },
    },
    {
      customerId,
      type: 'call',
      at: at(3),
      by: 'Mehmet',
      data: { direction: 'inbound', durationSec: 420, outcome: 'Quote requested', notes: 'Wants 200 units.' },
    },
    {
      customerId,
      type: 'email',
      at: at(26),
      data: { direction: 'outbound', subject: 'Your quote', body: 'Attached.' },
    },
    {
      customerId,
      type: 'repairJob' as 'note',
      at: at(50),
      data: { device: 'Sewing machine', fault: 'Needle bar stuck' },
    },
    { customerId, type: 'glitch' as 'note', at: at(70), data: {} as never },
    { customerId, type: 'purchase', at: at(24 * 20), data: { total: 12500, currency: 'TRY', items: 3 } },
    { customerId, type: 'task', at: at(48), dueAt: at(24), data: { title: 'Send the samples', done: false } },
    { customerId, type: 'task', at: at(2), dueAt: at(-48), data: { title: 'Follow up on the quote', done: false } },
  ];
  for (let i = 0; i < (options.count ?? 0); i++) {
    history.push({ customerId, type: 'note', at: at(100 + i * 0.8), data: { text: `Older note ${i + 1}` } });
  }
  for (let i = 0; i < history.length; i += 2000) await crm.activities.putMany(history.slice(i, i + 2000));
  return { crm, customerId };
}
