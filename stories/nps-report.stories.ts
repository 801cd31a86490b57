import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { CrmStorageError, createCrm, type Crm, type NpsResponseInput } from '@crmkit/core';
import '../packages/components/src/index.js';
import { NPS_REPORT_GROUPINGS, NPS_REPORT_PERIODS } from '../packages/components/src/index.js';
import { tagSegments } from '../packages/components/test/tag-segments.fixture.js';

interface Args {
  period: (typeof NPS_REPORT_PERIODS)[number];
  'group-by': (typeof NPS_REPORT_GROUPINGS)[number];
  'min-sample': number;
  touchpoint: string;
}

interface Loaded {
  crm?: Crm;
}

const TOUCHPOINTS = ['store-visit', 'web-order', 'repair-pickup', 'call-centre'];

/** A small deterministic random source, so every story shows the same figures. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `count` answers over the 12 months up to March 2025, getting better over time and differing by touchpoint;
 * customers are tagged wholesale or retail for the segment breakdown.
 */
async function seed(count: number, options: { segments?: boolean } = {}): Promise<Loaded> {
  const crm = await createCrm({ plugins: options.segments ? [tagSegments] : [] });
  const next = random(42);
  const customers = [];
  for (let i = 0; i < 40; i++)
    customers.push(
      await crm.customers.put({ name: `Customer ${i + 1}`, tags: [i % 3 === 0 ? 'wholesale' : 'retail'] }),
    );
  const answers: NpsResponseInput[] = [];
  for (let i = 0; i < count; i++) {
    const month = Math.floor(next() * 12);
    const touchpoint = TOUCHPOINTS[Math.floor(next() * TOUCHPOINTS.length)]!;
    const lift = month / 12 + (touchpoint === 'repair-pickup' ? -0.3 : touchpoint === 'web-order' ? 0.15 : 0);
    const score = Math.max(0, Math.min(10, Math.round(5 + 5 * lift + next() * 6 - 1.5)));
    const at = new Date(Date.UTC(2024, 3 + month, 1 + Math.floor(next() * 28), 10)).toISOString();
    answers.push({ customerId: customers[i % customers.length]!.id, score, touchpoint, at });
  }
  if (answers.length) await crm.npsResponses.putMany(answers);
  if (options.segments) {
    await crm.segments.put({
      name: 'Wholesale',
      rule: { kind: 'group', combinator: 'and', rules: [{ tag: 'wholesale' }] },
    });
    await crm.segments.put({ name: 'Retail', rule: { kind: 'group', combinator: 'and', rules: [{ tag: 'retail' }] } });
  }
  return { crm };
}

const meta: Meta<Args> = {
  title: 'Components/NPS report',
  component: 'crm-nps-report',
  args: { period: 'month', 'group-by': 'touchpoint', 'min-sample': 30, touchpoint: '' },
  argTypes: {
    period: { control: 'inline-radio', options: [...NPS_REPORT_PERIODS] },
    'group-by': { control: 'inline-radio', options: [...NPS_REPORT_GROUPINGS] },
  },
  loaders: [async (): Promise<Loaded> => seed(600, { segments: true })],
  render: (args, { loaded }) => {
    const { crm } = loaded as Loaded;
    return html`<crm-nps-report
      .crm=${crm}
      period=${args.period}
      group-by=${args['group-by']}
      min-sample=${args['min-sample']}
      touchpoint=${args.touchpoint}
      style="max-inline-size: 48rem"
    ></crm-nps-report>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const ByTouchpoint: Story = {};

export const BySegment: Story = { args: { 'group-by': 'segment' } };

export const Quarterly: Story = { args: { period: 'quarter' } };

export const OneTouchpoint: Story = { args: { touchpoint: 'repair-pickup' } };

/** Without a segment engine the breakdown by segment says what it needs. */
export const WithoutSegmentEngine: Story = {
  args: { 'group-by': 'segment' },
  loaders: [async (): Promise<Loaded> => seed(200)],
};

/** Few answers: the score is shown with a notice about what a small sample means. */
export const SmallSample: Story = { loaders: [async (): Promise<Loaded> => seed(12)] };

/** One answer: no interval can be given. */
export const SingleAnswer: Story = { loaders: [async (): Promise<Loaded> => seed(1)] };

export const Empty: Story = { loaders: [async (): Promise<Loaded> => seed(0)] };

/** No crm yet: the skeleton stays until one arrives. */
export const Loading: Story = { loaders: [(): Loaded => ({})] };

export const LoadError: Story = {
  loaders: [
    async (): Promise<Loaded> => {
      const data = await seed(10);
      data.crm!.npsResponses.all = () => Promise.reject(new CrmStorageError('unavailable', 'the storage is offline'));
      return data;
    },
  ],
};
