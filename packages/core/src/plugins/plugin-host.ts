/**
 * Loads plugins (checking ids, kit ranges and requirements), runs their `register` against staging
 * contributions, and contains every later call into plugin code: a plugin that throws or takes too long is
 * disabled, a `plugin-error` event names it, and the caller gets a fallback instead of the failure.
 */
import { CrmPluginError } from '../errors.js';
import { CrmPluginErrorEvent, type CrmEvents } from '../events.js';
import type { MessageCatalogue } from '../i18n/messages.js';
import type { SchemaRegistry } from '../schema-registry.js';
import type { CollectionName } from '../collections.js';
import { checkPluginShape, versionSatisfies } from './define-plugin.js';
import type {
  AfterHook,
  BeforeHook,
  BeforeHookOptions,
  CardActionContribution,
  CrmPlugin,
  CustomFieldContribution,
  MetricContribution,
  PluginContext,
  PluginPhase,
  PluginStatus,
  SegmentFieldContribution,
  SegmentOperatorContribution,
  SegmentService,
  TimelineTypeContribution,
} from './types.js';
import type { Crm } from '../crm.js';

/** A contribution and the plugin it came from (`core` for the kit's own). */
export type Owned<T> = T & { readonly pluginId: string };

export interface Contributions {
  fields: Owned<CustomFieldContribution>[];
  metrics: Owned<MetricContribution>[];
  timelineTypes: Owned<TimelineTypeContribution>[];
  segmentFields: Owned<SegmentFieldContribution>[];
  segmentOperators: Owned<SegmentOperatorContribution>[];
  cardActions: Owned<CardActionContribution>[];
  segmentServices: Owned<{ factory: (crm: Crm) => SegmentService }>[];
  beforeHooks: Owned<{ collection: CollectionName | '*'; hook: BeforeHook; options: BeforeHookOptions }>[];
  afterHooks: Owned<{ collection: CollectionName | '*'; hook: AfterHook }>[];
}

const emptyContributions = (): Contributions => ({
  fields: [],
  metrics: [],
  timelineTypes: [],
  segmentFields: [],
  segmentOperators: [],
  cardActions: [],
  segmentServices: [],
  beforeHooks: [],
  afterHooks: [],
});

/** Thrown inside a contained call when plugin code runs past its time limit. */
export class PluginTimeoutError extends Error {
  constructor(ms: number) {
    super(`did not finish within ${ms} ms`);
    this.name = 'PluginTimeoutError';
  }
}

const NAME = /^[a-z][A-Za-z0-9]{0,39}$/;

export class PluginHost {
  readonly contributions: Contributions = emptyContributions();
  private readonly plugins = new Map<string, CrmPlugin>();
  private readonly statuses = new Map<string, PluginStatus>();
  private readonly order: string[] = [];

  constructor(
    private readonly events: CrmEvents,
    private readonly schemas: SchemaRegistry,
    private readonly catalogue: MessageCatalogue,
    private readonly kitVersion: string,
    private readonly limits: { hookTimeoutMs: number; syncTimeLimitMs: number },
  ) {}

  /**
   * Checks every plugin, then registers them in dependency order. Problems in the declarations (duplicate ids,
   * incompatible kit, missing or incompatible requirements, cycles) are refused by throwing: the vendor must fix
   * the installation. A `register` that throws only disables that plugin (and those that require it).
   */
  load(plugins: readonly CrmPlugin[]): void {
    for (const plugin of plugins) {
      checkPluginShape(plugin);
      if (this.plugins.has(plugin.id)) throw new CrmPluginError(plugin.id, 'is installed twice');
      if (!versionSatisfies(this.kitVersion, plugin.kit)) {
        throw new CrmPluginError(plugin.id, `needs kit ${plugin.kit} but this is crmkit ${this.kitVersion}`);
      }
      this.plugins.set(plugin.id, plugin);
    }
    for (const plugin of plugins) {
      for (const [required, range] of Object.entries(plugin.requires ?? {})) {
        const dependency = this.plugins.get(required);
        if (!dependency)
          throw new CrmPluginError(plugin.id, `requires plugin "${required}" (${range}), which is not installed`);
        if (!versionSatisfies(dependency.version, range)) {
          throw new CrmPluginError(plugin.id, `requires "${required}" ${range} but ${dependency.version} is installed`);
        }
      }
    }
    for (const id of this.dependencyOrder(plugins)) this.register(this.plugins.get(id)!);
  }

  private dependencyOrder(plugins: readonly CrmPlugin[]): string[] {
    const state = new Map<string, 'visiting' | 'done'>();
    const ordered: string[] = [];
    const visit = (plugin: CrmPlugin, trail: string[]) => {
      const seen = state.get(plugin.id);
      if (seen === 'done') return;
      if (seen === 'visiting')
        throw new CrmPluginError(plugin.id, `requirement cycle: ${[...trail, plugin.id].join(' → ')}`);
      state.set(plugin.id, 'visiting');
      for (const required of Object.keys(plugin.requires ?? {}))
        visit(this.plugins.get(required)!, [...trail, plugin.id]);
      state.set(plugin.id, 'done');
      ordered.push(plugin.id);
    };
    for (const plugin of plugins) visit(plugin, []);
    return ordered;
  }

  private register(plugin: CrmPlugin): void {
    this.order.push(plugin.id);
    this.statuses.set(plugin.id, { id: plugin.id, version: plugin.version, state: 'active' });
    const blocked = Object.keys(plugin.requires ?? {}).find((required) => !this.isActive(required));
    if (blocked) {
      this.disable(plugin.id, 'register', new CrmPluginError(plugin.id, `its requirement "${blocked}" is disabled`));
      return;
    }
    const staged = emptyContributions();
    const messages: Array<Parameters<MessageCatalogue['add']>[0]> = [];
    try {
      plugin.register(this.context(plugin, staged, messages));
      this.commit(plugin.id, staged, messages);
    } catch (error) {
      this.disable(plugin.id, 'register', error);
    }
  }

  private context(
    plugin: CrmPlugin,
    staged: Contributions,
    messages: Array<Parameters<MessageCatalogue['add']>[0]>,
  ): PluginContext {
    const pluginId = plugin.id;
    const own = <T extends object>(value: T): Owned<T> => Object.freeze({ ...value, pluginId });
    const named = (kind: string, name: string) => {
      if (!NAME.test(name)) throw new CrmPluginError(pluginId, `${kind} "${name}" must be a lower camel case name`);
    };
    return {
      pluginId,
      kitVersion: this.kitVersion,
      fields: {
        add: (field) => {
          named('custom field', field.name);
          staged.fields.push(own(field));
        },
      },
      metrics: {
        add: (metric) => {
          named('metric', metric.id);
          if (
            this.contributions.metrics.some((m) => m.id === metric.id) ||
            staged.metrics.some((m) => m.id === metric.id)
          ) {
            throw new CrmPluginError(pluginId, `metric "${metric.id}" is already registered`);
          }
          staged.metrics.push(own(metric as MetricContribution));
        },
      },
      timeline: {
        addType: (type) => {
          named('timeline type', type.type);
          staged.timelineTypes.push(own(type as TimelineTypeContribution));
        },
      },
      segments: {
        addField: (field) => staged.segmentFields.push(own(field)),
        addOperator: (operator) => {
          named('segment operator', operator.id);
          staged.segmentOperators.push(own(operator));
        },
        provideService: (factory) => {
          const existing = this.contributions.segmentServices[0] ?? staged.segmentServices[0];
          if (existing)
            throw new CrmPluginError(pluginId, `the segment engine is already provided by "${existing.pluginId}"`);
          staged.segmentServices.push(own({ factory }));
        },
      },
      card: { addAction: (action) => staged.cardActions.push(own(action)) },
      hooks: {
        before: (collection, hook, options = {}) => staged.beforeHooks.push(own({ collection, hook, options })),
        after: (collection, hook) => staged.afterHooks.push(own({ collection, hook })),
      },
      i18n: { add: (catalogue) => messages.push(catalogue) },
    };
  }

  /** Makes a successful registration visible, all at once: a plugin is either wholly in or wholly out. */
  private commit(
    pluginId: string,
    staged: Contributions,
    messages: Array<Parameters<MessageCatalogue['add']>[0]>,
  ): void {
    const addedFields: string[] = [];
    const addedTypes: string[] = [];
    try {
      for (const field of staged.fields) {
        this.schemas.addCustomField({
          name: field.name,
          schema: field.schema,
          required: field.required ?? false,
          pluginId,
        });
        addedFields.push(field.name);
      }
      for (const type of staged.timelineTypes) {
        this.schemas.addActivityType({ type: type.type, schema: type.schema, pluginId });
        addedTypes.push(type.type);
      }
    } catch (error) {
      for (const name of addedFields) this.schemas.removeCustomField(name);
      for (const type of addedTypes) this.schemas.removeActivityType(type);
      throw new CrmPluginError(pluginId, error instanceof Error ? error.message : String(error), { cause: error });
    }
    for (const key of Object.keys(staged) as Array<keyof Contributions>) {
      (this.contributions[key] as unknown[]).push(...staged[key]);
    }
    for (const catalogue of messages) this.catalogue.add(catalogue);
  }

  isActive(pluginId: string): boolean {
    return pluginId === 'core' || this.statuses.get(pluginId)?.state === 'active';
  }

  /** Turns a plugin off and says so; plugins that require it go off too. */
  disable(pluginId: string, phase: PluginPhase, error: unknown): void {
    const status = this.statuses.get(pluginId);
    if (!status || status.state === 'disabled') return;
    const message = error instanceof Error ? error.message : String(error);
    this.statuses.set(pluginId, { ...status, state: 'disabled', error: { phase, message } });
    this.events.dispatchEvent(new CrmPluginErrorEvent(pluginId, phase, error));
    for (const [id, plugin] of this.plugins) {
      if (plugin.requires && pluginId in plugin.requires) {
        this.disable(id, phase, new CrmPluginError(id, `its requirement "${pluginId}" was disabled`));
      }
    }
  }

  /** Runs plugin code that must answer synchronously (metrics, renderers); `fallback` when it fails. */
  run<T>(pluginId: string, phase: PluginPhase, fn: () => T, fallback: T): T {
    if (!this.isActive(pluginId)) return fallback;
    const started = performance.now();
    try {
      const value = fn();
      const took = performance.now() - started;
      if (took > this.limits.syncTimeLimitMs) {
        this.disable(pluginId, phase, new PluginTimeoutError(this.limits.syncTimeLimitMs));
        return fallback;
      }
      return value;
    } catch (error) {
      this.disable(pluginId, phase, error);
      return fallback;
    }
  }

  /** Runs plugin code that may be async (hooks, init); rejects with the failure after disabling the plugin. */
  async runAsync<T>(pluginId: string, phase: PluginPhase, fn: () => T | Promise<T>): Promise<T> {
    if (!this.isActive(pluginId)) throw new CrmPluginError(pluginId, 'is disabled');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PluginTimeoutError(this.limits.hookTimeoutMs)), this.limits.hookTimeoutMs);
    });
    try {
      return await Promise.race([Promise.resolve().then(fn), timeout]);
    } catch (error) {
      this.disable(pluginId, phase, error);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  active<T extends { pluginId: string }>(list: readonly T[]): T[] {
    return list.filter((item) => this.isActive(item.pluginId));
  }

  status(): PluginStatus[] {
    return this.order.map((id) => this.statuses.get(id)!);
  }

  plugin(id: string): CrmPlugin | undefined {
    return this.plugins.get(id);
  }

  ids(): readonly string[] {
    return this.order;
  }
}
