// The NPS widget and report, and the segment builder with its live count, served like csp.html: with
// `script-src 'self'; style-src 'self'` and Trusted Types required. The crm has the kit's segment engine and the
// widget's plugin.
import './zod-jitless.js';
import '../../../packages/components/src/index.js';
import { segmentsPlugin } from '../../../packages/segments/src/index.js';
import {
  adoptCrmTheme,
  npsWidgetPlugin,
  type CrmNpsWidget,
  type CrmProvider,
} from '../../../packages/components/src/index.js';
import { seedPage } from './seed.js';

const { crm, customer } = await seedPage({ plugins: [segmentsPlugin(), npsWidgetPlugin()] });
await crm.customers.put({ name: 'Mehmet Demir', emails: ['mehmet@example.com'], address: { city: 'Ankara' } });
const day = 86_400_000;
await crm.npsResponses.putMany(
  [10, 9, 9, 7, 3, 10].map((score, i) => ({
    customerId: customer.id,
    score,
    touchpoint: i % 2 ? 'store-visit' : 'support',
    at: new Date(Date.now() - (i + 100) * 7 * day).toISOString(),
  })),
);
adoptCrmTheme();
(document.getElementById('provider') as CrmProvider).crm = crm;
// The seeded answers are months old: the widget asks again.
(document.getElementById('widget') as CrmNpsWidget).customerId = customer.id;
window.e2e.ready = true;
