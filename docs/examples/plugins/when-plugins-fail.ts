/**
 * What the kit does when plugin code throws or hangs: the plugin is disabled, a `plugin-error` event names it, and
 * the crm goes on — except for a before-hook that asked to fail closed, whose failure refuses the write.
 */
import { CrmPluginError, createCrm, definePlugin, type CrmPluginErrorEvent } from '@crmkit/core';

// #region failing
const brokenMetric = definePlugin({
  id: 'broken-metric',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    ctx.metrics.add({
      id: 'luckyNumber',
      label: { en: 'Lucky number', tr: 'Şanslı sayı' },
      type: 'number',
      inputs: ['name'],
      compute: () => {
        throw new Error('division by zero');
      },
    });
  },
});

const slowObserver = definePlugin({
  id: 'slow-observer',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    // Fails open (the default): when it hangs past hookTimeoutMs, the write goes on without it.
    ctx.hooks.before('customers', () => new Promise<void>(() => {}));
  },
});

const complianceGuard = definePlugin({
  id: 'compliance-guard',
  version: '1.0.0',
  kit: '^0.1.0',
  register(ctx) {
    // Fails closed: if this check cannot run, no ticket is written without it.
    ctx.hooks.before(
      'tickets',
      () => {
        throw new Error('the compliance service is down');
      },
      { failClosed: true },
    );
  },
});
// #endregion failing

// #region observe
export async function whenPluginsFail(): Promise<string[]> {
  const log: string[] = [];
  const crm = await createCrm({
    plugins: [brokenMetric, slowObserver, complianceGuard],
    limits: { hookTimeoutMs: 50 },
  });
  crm.events.on('plugin-error', (event: CrmPluginErrorEvent) => {
    log.push(`disabled ${event.pluginId} in ${event.phase}`);
  });

  const customer = await crm.customers.put({ name: 'Emre Şahin' }); // saved after 50 ms without slow-observer
  log.push(`metrics: ${JSON.stringify(crm.metrics.attach(customer).metrics)}`); // {} without broken-metric

  try {
    await crm.tickets.put({ customerId: customer.id, subject: 'Clasp broken', status: 'open' });
  } catch (error) {
    if (error instanceof CrmPluginError) log.push(`ticket refused by ${error.pluginId}`);
  }
  for (const { id, state, error } of crm.plugins.status()) log.push(`${id}: ${state} (${error?.message ?? 'ok'})`);
  await crm.close();
  return log;
}
// #endregion observe
