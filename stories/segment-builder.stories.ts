import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createCrm, memoryStorage, type ConsentChannel, type Crm, type CustomerInput } from '@crmkit/core';
import { segmentsPlugin, type SegmentField, type SegmentRule } from '../packages/segments/src/index.js';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
import '../packages/components/src/index.js';
import type { CrmSegmentBuilder } from '../packages/components/src/index.js';
import { shadowReady } from './support/seed.js';

interface Args {
  'consent-channel': '' | ConsentChannel;
  'exclude-without-consent': boolean;
}

interface Loaded {
  crm?: Crm;
  rule?: SegmentRule;
  fields?: SegmentField[];
}

const NOW = new Date('2025-03-14T10:00:00Z');
const cities = ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Antalya', 'Berlin'];
const names = ['Ayşe Yılmaz', 'Mehmet Demir', 'Zeynep Kaya', 'Emre Şahin', 'Elif Çelik', 'Can Öztürk', 'Selin Aydın'];

/** A crm with a hundred customers, purchases over the last months, and e-mail consents for most of them. */
async function seed(options: { engine?: boolean; customers?: number } = {}): Promise<Crm> {
  const crm = await createCrm({
    storage: memoryStorage(),
    now: () => NOW,
    plugins: [vipTierPlugin(), ...(options.engine === false ? [] : [segmentsPlugin({ now: () => NOW })])],
  });
  const inputs: CustomerInput[] = Array.from({ length: options.customers ?? 100 }, (_, i) => ({
    name: `${names[i % names.length]} ${i + 1}`,
    emails: [`customer${i}@example.com`],
    address: { city: cities[i % cities.length], country: i % 6 === 5 ? 'DE' : 'TR' },
    tags: i % 4 === 0 ? ['vip'] : i % 3 === 0 ? ['wholesale'] : [],
    lifecycle: {
      stage: (['acquisition', 'development', 'retention', 'decline'] as const)[i % 4],
      totalSpent: (i * 7919) % 200_000,
      currency: 'TRY',
    },
  }));
  const customers = await crm.customers.putMany(inputs);
  const day = 86_400_000;
  await crm.activities.putMany(
    customers.flatMap((customer, i) =>
      Array.from({ length: i % 5 }, (_, k) => ({
        customerId: customer.id,
        type: 'purchase',
        at: new Date(NOW.getTime() - (k * 17 + i) * day).toISOString(),
        data: { total: 100 + ((i * 31 + k * 97) % 2000), currency: 'TRY' },
      })),
    ),
  );
  for (const [i, customer] of customers.entries()) {
    if (i % 3 === 2) continue;
    await crm.consents.put({
      customerId: customer.id,
      channel: 'email',
      status: i % 7 === 0 ? 'denied' : 'granted',
      recipient: customer.emails[0]!,
      source: 'HS_WEB',
      recordedAt: '2024-11-02T09:30:00Z',
    });
  }
  await crm.segments.put({ name: 'VIP in İstanbul', rule: VIP_ISTANBUL });
  await crm.segments.put({ name: 'Frequent buyers', rule: FREQUENT });
  return crm;
}

const VIP_ISTANBUL: SegmentRule = {
  kind: 'group',
  combinator: 'and',
  rules: [
    { kind: 'condition', field: 'tags', op: 'hasAny', value: ['vip'] },
    { kind: 'condition', field: 'address.city', op: 'eq', value: 'İstanbul' },
  ],
};

const FREQUENT: SegmentRule = {
  kind: 'group',
  combinator: 'and',
  rules: [
    { kind: 'event', activityType: 'purchase', withinDays: 60, count: { op: 'gte', value: 2 } },
    {
      kind: 'group',
      combinator: 'or',
      rules: [
        { kind: 'condition', field: 'lifecycle.stage', op: 'in', value: ['retention', 'development'] },
        { kind: 'condition', field: 'lifecycle.totalSpent', op: 'between', value: [10_000, 150_000] },
      ],
    },
  ],
};

/** Every kind of node and value editor in one rule. */
const RICH: SegmentRule = {
  kind: 'group',
  combinator: 'and',
  rules: [
    { kind: 'condition', field: 'address.city', op: 'in', value: ['İstanbul', 'Ankara'], caseSensitive: true },
    { kind: 'condition', field: 'createdAt', op: 'withinLastDays', value: 365 },
    {
      kind: 'group',
      combinator: 'or',
      not: true,
      rules: [
        { kind: 'condition', field: 'tags', op: 'hasAny', value: ['blocked'] },
        { kind: 'condition', field: 'lifecycle.stage', op: 'eq', value: 'decline' },
      ],
    },
    {
      kind: 'event',
      activityType: 'purchase',
      withinDays: 90,
      count: { op: 'gte', value: 2 },
      where: {
        kind: 'group',
        combinator: 'and',
        rules: [{ kind: 'condition', field: 'data.total', op: 'gte', value: 500 }],
      },
    },
  ],
};

const meta: Meta<Args> = {
  title: 'Components/Segment builder',
  component: 'crm-segment-builder',
  args: { 'consent-channel': '', 'exclude-without-consent': false },
  argTypes: { 'consent-channel': { control: 'inline-radio', options: ['', 'email', 'sms', 'call'] } },
  loaders: [async (): Promise<Loaded> => ({ crm: await seed(), rule: FREQUENT })],
  render: (args, { loaded }) => {
    const { crm, rule, fields } = loaded as Loaded;
    return html`<div style="display: grid; gap: 1rem; max-inline-size: 60rem">
      <crm-segment-builder
        id="segment"
        name="audience"
        .crm=${crm}
        .fields=${fields}
        value=${rule ? JSON.stringify(rule) : ''}
      ></crm-segment-builder>
      <crm-segment-audience
        for="segment"
        .crm=${crm}
        consent-channel=${args['consent-channel']}
        ?exclude-without-consent=${args['exclude-without-consent']}
      ></crm-segment-audience>
      <crm-segment-export for="segment" .crm=${crm} .now=${NOW}></crm-segment-export>
      <crm-segment-library for="segment" .crm=${crm}></crm-segment-library>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const builderOf = (canvas: HTMLElement) => canvas.querySelector<CrmSegmentBuilder>('crm-segment-builder');

/** A behaviour and a nested "any of" group, counted live. */
export const Default: Story = {};

/** A new segment: nothing yet, and the audience asks for a condition. */
export const Empty: Story = { loaders: [async (): Promise<Loaded> => ({ crm: await seed() })] };

/** Every node kind and value editor: a list, relative days, a "none of" group, a behaviour with a where. */
export const EveryEditor: Story = { loaders: [async (): Promise<Loaded> => ({ crm: await seed(), rule: RICH })] };

/** The field picker open, searched Turkish-aware ("sehir" finds "Şehir" in Turkish). */
export const FieldPicker: Story = {
  play: async ({ canvasElement }) => {
    (await shadowReady(builderOf(canvasElement), 'button.field')).click();
  },
};

/** Two thousand fields: the picker renders the first matches and narrows as you type. */
export const LargeRegistry: Story = {
  loaders: [
    async (): Promise<Loaded> => ({
      crm: await seed(),
      fields: Array.from({ length: 2000 }, (_, i) => ({
        path: `custom.field${i}`,
        type: (['string', 'number', 'date', 'enum'] as const)[i % 4]!,
        label: { en: `Field ${i}`, tr: `Alan ${i}` },
        group: `Group ${Math.floor(i / 100)}`,
        ...(i % 4 === 3 ? { enumValues: ['a', 'b', 'c'] } : {}),
      })),
    }),
  ],
  play: async ({ canvasElement }) => {
    const builder = builderOf(canvasElement);
    (await shadowReady(builder, '[data-act="add-condition"]')).click();
  },
};

/** Problems shown at their conditions, with what was typed kept; the count waits for a fix. */
export const WithIssues: Story = {
  loaders: [
    async (): Promise<Loaded> => ({
      crm: await seed(),
      rule: {
        kind: 'group',
        combinator: 'and',
        rules: [
          { kind: 'condition', field: 'lifecycle.totalSpent', op: 'gt', value: '12a' },
          { kind: 'condition', field: 'custom.removed', op: 'eq', value: 'x' },
          { kind: 'condition', field: 'createdAt', op: 'between', value: ['2024-01-01', ''] },
        ],
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const builder = builderOf(canvasElement);
    await shadowReady(builder, '[part="condition"]');
    builder?.reportValidity();
  },
};

/** A node's move and duplicate actions open. */
export const NodeActions: Story = {
  play: async ({ canvasElement }) => {
    (await shadowReady(builderOf(canvasElement), '[part="actions-button"]')).click();
  },
};

/** The consent guard on e-mail, leaving out those who may not be contacted. */
export const ConsentGuard: Story = { args: { 'consent-channel': 'email', 'exclude-without-consent': true } };

/** JsonLogic and SQL; case-insensitive text has no exact JsonLogic form, and the panel says why. */
export const Export: Story = {
  loaders: [async (): Promise<Loaded> => ({ crm: await seed(), rule: VIP_ISTANBUL })],
  play: async ({ canvasElement }) => {
    const panel = canvasElement.querySelector('crm-segment-export');
    (await shadowReady(panel, 'summary')).click();
  },
};

/** No crm yet: skeletons until one arrives. */
export const Loading: Story = { loaders: [(): Loaded => ({})] };

/** A crm without the segment engine: the audience says what is missing. */
export const NoSegmentEngine: Story = {
  loaders: [async (): Promise<Loaded> => ({ crm: await seed({ engine: false }), rule: VIP_ISTANBUL })],
};

/** Counting fails: the audience says so (and fires crm-error). */
export const CountError: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const crm = await seed();
      crm.segments.count = () => Promise.reject(new Error('the storage is offline'));
      return { crm, rule: VIP_ISTANBUL };
    },
  ],
};

/** A crm with no saved segments yet. */
export const NoSavedSegments: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const crm = await createCrm({ plugins: [segmentsPlugin()] });
      await crm.customers.put({ name: 'Only Customer' });
      return { crm };
    },
  ],
};
