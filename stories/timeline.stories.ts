import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { CrmStorageError, createCrm, type Crm } from '@crmkit/core';
import '../packages/components/src/index.js';
import type { CrmTimeline } from '../packages/components/src/index.js';
import { shadowReady } from './support/seed.js';
import { seedTimeline } from './support/timeline-seed.js';

interface Args {
  'read-only': boolean;
}

interface Loaded {
  crm?: Crm;
  customerId: string;
}

const meta: Meta<Args> = {
  title: 'Components/Timeline',
  component: 'crm-timeline',
  args: { 'read-only': false },
  loaders: [async (): Promise<Loaded> => seedTimeline()],
  render: (args, { loaded }) => {
    const { crm, customerId } = loaded as Loaded;
    return html`<crm-timeline
      .crm=${crm}
      customer-id=${customerId}
      ?read-only=${args['read-only']}
      style="max-inline-size: 40rem"
    ></crm-timeline>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Pending tasks pinned, the past by day, a plugin item type and a plugin whose renderer fails. */
export const Default: Story = {};

export const ReadOnly: Story = { args: { 'read-only': true } };

/** Ten thousand items: virtualised and read from the storage a page at a time. */
export const LongHistory: Story = { loaders: [async (): Promise<Loaded> => seedTimeline({ count: 10_000 })] };

export const Loading: Story = { loaders: [(): Loaded => ({ customerId: 'waiting' })] };

export const Empty: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const crm = await createCrm();
      const { id } = await crm.customers.put({ name: 'New Customer' });
      return { crm, customerId: id };
    },
  ],
};

export const LoadError: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const data = await seedTimeline();
      data.crm.activities.forCustomer = () => Promise.reject(new CrmStorageError('unavailable', 'offline'));
      return data;
    },
  ],
};

/** Turkish-aware search: "sisli" finds "Şişli". */
export const Searching: Story = {
  play: async ({ canvasElement }) => {
    const timeline = canvasElement.querySelector<CrmTimeline>('crm-timeline');
    const search = (await shadowReady(timeline, '[part="search"]')) as HTMLInputElement;
    search.value = 'sisli';
    search.dispatchEvent(new Event('input'));
  },
};

export const FilteredToCalls: Story = {
  play: async ({ canvasElement }) => {
    const timeline = canvasElement.querySelector<CrmTimeline>('crm-timeline');
    (await shadowReady(timeline, '[part="filter-chip"][data-type="call"]')).click();
  },
};

export const ComposerErrors: Story = {
  play: async ({ canvasElement }) => {
    const timeline = canvasElement.querySelector<CrmTimeline>('crm-timeline');
    (await shadowReady(timeline, '[part="composer"] button[type="submit"]')).click();
  },
};
