/**
 * `segmentsPlugin()`: installs the segment engine on a crm, so that `crm.segments.count(rule)` and
 * `crm.segments.members(rule, { limit, cursor })` answer.
 *
 * ```ts
 * const crm = await createCrm({ storage: indexedDbStorage(), plugins: [segmentsPlugin()] });
 * const { count } = await crm.segments.count(rule);
 * ```
 */
import { definePlugin, type CrmPlugin } from '@crmkit/core';
import { SegmentEngine, type SegmentsPluginOptions } from './engine.js';

export function segmentsPlugin(options: SegmentsPluginOptions = {}): CrmPlugin {
  const engines = new Set<SegmentEngine>();
  return definePlugin({
    id: 'segments',
    version: '0.1.0',
    kit: '^0.1.0',
    register(ctx) {
      ctx.segments.provideService((crm) => {
        const engine = new SegmentEngine(crm, options);
        engines.add(engine);
        return engine;
      });
    },
    dispose() {
      for (const engine of engines) engine.dispose();
    },
  });
}
