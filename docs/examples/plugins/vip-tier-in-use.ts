/** The VIP tier plugin installed the way a vendor installs it, with the segment engine reading its metric. */
// #region install
import { createCrm } from '@crmkit/core';
import { segmentsPlugin } from '@crmkit/segments';
import { vipTierPlugin } from '@crmkit/plugin-vip-tier';
import { engravingPlugin } from './engraving.js';

export async function vipCustomers(): Promise<{ tier: string; why: string; golds: number }> {
  const crm = await createCrm({
    tenant: 'kuyumcu-istanbul',
    locale: 'tr',
    plugins: [
      vipTierPlugin({ thresholds: { silver: 20_000, gold: 75_000, platinum: 250_000 } }),
      segmentsPlugin(),
      engravingPlugin(),
    ],
  });
  const zeynep = await crm.customers.put({
    name: 'Zeynep Kaya',
    address: { city: 'Ankara' },
    lifecycle: { purchases: 4, totalSpent: 82_500, currency: 'TRY' },
    custom: { ringSize: 52 },
  });

  // Typed: `vipTier` is 'standard' | 'silver' | 'gold' | 'platinum', declared by the plugin's module augmentation.
  const tier = crm.metrics.attach(zeynep).metrics.vipTier ?? 'standard';
  const why = crm.metrics.compute(zeynep).vipTier?.explanation?.summary.tr ?? '';
  const { count: golds } = await crm.segments.count({
    kind: 'group',
    combinator: 'and',
    rules: [{ kind: 'condition', field: 'metrics.vipTier', op: 'eq', value: 'gold' }],
  });
  await crm.close();
  return { tier, why, golds };
}
// #endregion install
