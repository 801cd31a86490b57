import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  CrmStorageError,
  createCrm,
  definePlugin,
  memoryStorage,
  type Crm,
  type CrmStorage,
  type Customer,
} from '@crmkit/core';
import '../packages/components/src/index.js';
import { NPS_WIDGET_MODES, npsWidgetPlugin, type CrmNpsWidget } from '../packages/components/src/index.js';
import { shadowReady } from './support/seed.js';

interface Args {
  mode: (typeof NPS_WIDGET_MODES)[number];
  touchpoint: string;
  'throttle-days': number;
  'dismiss-days': number;
  sample: number;
  'show-categories': boolean;
}

interface Loaded {
  crm?: Crm;
  customer?: Customer;
  note?: string;
}

/** A storage whose writes always fail as an unreachable backend's would. */
function offlineStorage(): CrmStorage {
  const inner = memoryStorage();
  const refuse = () => Promise.reject(new CrmStorageError('unavailable', 'the storage is offline'));
  return {
    kind: 'offline',
    async open(options) {
      const connection = await inner.open(options);
      return {
        tenant: connection.tenant,
        collection: (name) => connection.collection(name),
        transaction: () => refuse(),
        subscribe: (listener) => connection.subscribe(listener),
        close: () => connection.close(),
        remove: () => connection.remove(),
      };
    },
  };
}

const refuseNps = definePlugin({
  id: 'story-refuse-nps',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    ctx.hooks.before('npsResponses', () => ({ veto: 'answers are closed for maintenance' }));
  },
});

let stories = 0;

/**
 * A crm with one customer. Each story gets a tenant of its own, so that one story's outbox (kept in
 * localStorage per tenant) is not flushed into another's crm; the offline story always uses the same one.
 */
async function seed(
  options: { storage?: CrmStorage; refuse?: boolean; answeredDaysAgo?: number } = {},
): Promise<Loaded> {
  const crm = await createCrm({
    storage: options.storage ?? memoryStorage(),
    tenant: options.storage ? 'story-nps-offline' : `story-nps-${Date.now().toString(36)}-${stories++}`,
    plugins: options.refuse ? [npsWidgetPlugin(), refuseNps] : [npsWidgetPlugin()],
  });
  const customer = await crm.customers.put({ name: 'Ayşe Yılmaz', emails: ['ayse@example.com'] });
  if (options.answeredDaysAgo !== undefined) {
    await crm.npsResponses.put({
      customerId: customer.id,
      score: 9,
      touchpoint: 'web-order',
      at: new Date(Date.now() - options.answeredDaysAgo * 86_400_000).toISOString(),
    });
  }
  return { crm, customer };
}

const widgetOf = (canvas: HTMLElement) => canvas.querySelector<CrmNpsWidget>('crm-nps-widget');

async function choose(canvas: HTMLElement, score: number): Promise<void> {
  (await shadowReady(widgetOf(canvas), `[data-score="${score}"]`)).click();
}

const meta: Meta<Args> = {
  title: 'Components/NPS widget',
  component: 'crm-nps-widget',
  args: {
    mode: 'survey',
    touchpoint: 'store-visit',
    'throttle-days': 90,
    'dismiss-days': 30,
    sample: 100,
    'show-categories': false,
  },
  argTypes: { mode: { control: 'inline-radio', options: [...NPS_WIDGET_MODES] } },
  loaders: [async (): Promise<Loaded> => seed()],
  render: (args, { loaded }) => {
    const { crm, customer, note } = loaded as Loaded;
    return html`${note ? html`<p>${note}</p>` : ''}
      <crm-nps-widget
        .crm=${crm}
        customer-id=${customer?.id ?? 'waiting'}
        mode=${args.mode}
        touchpoint=${args.touchpoint}
        throttle-days=${args['throttle-days']}
        dismiss-days=${args['dismiss-days']}
        sample=${args.sample}
        ?show-categories=${args['show-categories']}
        style="max-inline-size: 40rem"
      ></crm-nps-widget>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Asking: Story = {};

export const WithCategoryKey: Story = { args: { 'show-categories': true } };

export const Detractor: Story = { play: ({ canvasElement }) => choose(canvasElement, 4) };

export const Passive: Story = { play: ({ canvasElement }) => choose(canvasElement, 7) };

export const Promoter: Story = { play: ({ canvasElement }) => choose(canvasElement, 10) };

export const CustomTexts: Story = {
  render: (args, { loaded }) => {
    const { crm, customer } = loaded as Loaded;
    return html`<crm-nps-widget
      .crm=${crm}
      customer-id=${customer?.id ?? ''}
      touchpoint="repair-pickup"
      .texts=${{
        question: {
          en: 'How likely are you to recommend our repair service?',
          tr: 'Tamir servisimizi tavsiye eder misiniz?',
        },
        followUp: {
          detractor: { en: 'What went wrong with your repair?', tr: 'Tamirde ne ters gitti?' },
          promoter: { en: 'What did our technician do well?', tr: 'Teknisyenimiz neyi iyi yaptı?' },
        },
        thanks: {
          en: 'Thank you, see you at the next service!',
          tr: 'Teşekkürler, bir sonraki bakımda görüşmek üzere!',
        },
      }}
      style="max-inline-size: 40rem"
    ></crm-nps-widget>`;
  },
  play: ({ canvasElement }) => choose(canvasElement, 2),
};

export const Thanks: Story = {
  play: async ({ canvasElement }) => {
    await choose(canvasElement, 9);
    (await shadowReady(widgetOf(canvasElement), '[part="send-button"]')).click();
  },
};

/** The storage is offline: the answer waits in the outbox and the customer is told so. */
export const ThanksQueued: Story = {
  loaders: [async (): Promise<Loaded> => seed({ storage: offlineStorage() })],
  play: async ({ canvasElement }) => {
    await choose(canvasElement, 6);
    (await shadowReady(widgetOf(canvasElement), '[part="send-button"]')).click();
  },
};

/** A plugin refuses the answer: nothing is written and the customer can try again. */
export const Refused: Story = {
  loaders: [async (): Promise<Loaded> => seed({ refuse: true })],
  play: async ({ canvasElement }) => {
    await choose(canvasElement, 8);
    (await shadowReady(widgetOf(canvasElement), '[part="send-button"]')).click();
  },
};

export const Dismissed: Story = {
  play: async ({ canvasElement }) => {
    (await shadowReady(widgetOf(canvasElement), '[part="dismiss-button"]')).click();
  },
};

/** Answered 10 days ago: within the 90-day throttle the survey renders nothing. */
export const Throttled: Story = {
  loaders: [
    async (): Promise<Loaded> => ({
      ...(await seed({ answeredDaysAgo: 10 })),
      note: 'This customer answered 10 days ago, so the widget below renders nothing.',
    }),
  ],
};

/** Not in the sample: with `sample="0"` nobody is asked. */
export const NotSampled: Story = {
  args: { sample: 0 },
  loaders: [
    async (): Promise<Loaded> => ({ ...(await seed()), note: 'sample="0": the widget below renders nothing.' }),
  ],
};

/** No crm yet: the skeleton stays until one arrives. */
export const Loading: Story = { loaders: [(): Loaded => ({})] };

/** `mode="field"` inside a host form: the score is submitted under the element's name. */
export const FormField: Story = {
  args: { mode: 'field' },
  render: () =>
    html`<form
      style="display: grid; gap: 1rem; max-inline-size: 40rem"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const form = event.target as HTMLFormElement;
        form.querySelector('output')!.value = `nps = ${(new FormData(form).get('nps') as string | null) ?? '(none)'}`;
      }}
    >
      <crm-nps-widget mode="field" name="nps" required show-categories></crm-nps-widget>
      <div><button>Submit</button> <output></output></div>
    </form>`,
};

export const FormFieldDisabled: Story = {
  render: () =>
    html`<form style="max-inline-size: 40rem">
      <fieldset disabled style="border: none; padding: 0">
        <crm-nps-widget mode="field" name="nps" value="7"></crm-nps-widget>
      </fieldset>
    </form>`,
};
