import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { CrmStorageError, createCrm } from '@crmkit/core';
import '../packages/components/src/index.js';
import { CARD_VARIANTS, type CrmCustomerCard } from '../packages/components/src/index.js';
import { seed, shadowReady, type StoryData } from './support/seed.js';

interface Args {
  variant: (typeof CARD_VARIANTS)[number];
  'read-only': boolean;
}

type Loaded = Partial<StoryData> & { customerId?: string };

const meta: Meta<Args> = {
  title: 'Components/Customer card',
  component: 'crm-customer-card',
  args: { variant: 'full', 'read-only': false },
  argTypes: { variant: { control: 'inline-radio', options: [...CARD_VARIANTS] } },
  loaders: [async (): Promise<Loaded> => ({ ...(await seed()) })],
  render: (args, { loaded }) => {
    const { crm, customer, customerId } = loaded as Loaded;
    return html`<crm-customer-card
      .crm=${crm}
      customer-id=${customerId ?? customer?.id ?? ''}
      variant=${args.variant}
      ?read-only=${args['read-only']}
      style="max-inline-size: 36rem"
    >
      <button slot="actions" type="button">Host app action</button>
    </crm-customer-card>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Full: Story = {};

export const Compact: Story = { args: { variant: 'compact' } };

export const ReadOnly: Story = { args: { 'read-only': true } };

export const WithoutConsents: Story = {
  loaders: [async (): Promise<Loaded> => ({ ...(await seed({ consents: false })) })],
};

export const WithoutMetricPlugins: Story = {
  loaders: [async (): Promise<Loaded> => ({ ...(await seed({ metrics: false })) })],
};

/** No crm yet: the skeleton stays until one arrives. */
export const Loading: Story = { loaders: [(): Loaded => ({ customerId: 'waiting' })] };

export const Empty: Story = {
  loaders: [async (): Promise<Loaded> => ({ crm: await createCrm(), customerId: '' })],
};

export const NotFound: Story = {
  loaders: [async (): Promise<Loaded> => ({ crm: await createCrm(), customerId: 'nobody' })],
};

export const LoadError: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const data = await seed();
      data.crm.customers.require = () => Promise.reject(new CrmStorageError('unavailable', 'the storage is offline'));
      return data;
    },
  ],
};

export const Editing: Story = {
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector<CrmCustomerCard>('crm-customer-card');
    (await shadowReady(card, '[part="edit-button"]')).click();
  },
};

export const EditingWithErrors: Story = {
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector<CrmCustomerCard>('crm-customer-card');
    (await shadowReady(card, '[part="edit-button"]')).click();
    const emails = await shadowReady(card, '#field-emails');
    (emails as HTMLInputElement).value = 'not-an-email';
    emails.dispatchEvent(new Event('input'));
    (await shadowReady(card, 'form button[type="submit"]')).click();
  },
};

export const Conflict: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { crm, customer } = loaded as StoryData;
    const card = canvasElement.querySelector<CrmCustomerCard>('crm-customer-card');
    (await shadowReady(card, '[part="edit-button"]')).click();
    const company = (await shadowReady(card, '#field-company')) as HTMLInputElement;
    company.value = 'Mine Ltd';
    company.dispatchEvent(new Event('input'));
    await crm.customers.put({ ...customer, name: 'Ayşe Y. Demir', company: 'Theirs AŞ' });
    (await shadowReady(card, 'form button[type="submit"]')).click();
  },
};
