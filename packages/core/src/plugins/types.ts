/**
 * The plugin contract: a plugin declares its contributions in `register(ctx)` through the named extension points
 * below, and may do async work in `init(crm)` once the storage is open. docs/plugins.md walks through it.
 */
import type { z } from 'zod';
import type { CollectionName } from '../collections.js';
import type { Locale } from '../i18n/messages.js';
import type { Activity, Customer, CrmDocuments } from '../schemas/index.js';
import type { Crm } from '../crm.js';
import type { CustomerWithMetrics } from '../metrics.js';
import type { CountResult, Page } from '../storage/contract.js';

/** Text shown to people, in every language the kit speaks. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/**
 * Computed values per customer, declared by plugins:
 * `declare module '@crmkit/core' { interface CrmMetrics { vipTier: 'gold' | 'silver' } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CrmMetrics {}

export type FieldType = 'string' | 'number' | 'date' | 'boolean' | 'enum' | 'array';

export interface CustomFieldContribution {
  /** The key under `customer.custom`: lower camel case. */
  name: string;
  schema: z.ZodType;
  label: LocalizedText;
  type: FieldType;
  required?: boolean;
  enumValues?: readonly string[];
}

/** Why a metric has its value, for the card's "how is this computed" disclosure. */
export interface MetricExplanation {
  summary: LocalizedText;
  factors?: ReadonlyArray<{ label: LocalizedText; value: string | number }>;
}

export interface MetricResult<V = unknown> {
  value: V;
  explanation?: MetricExplanation;
}

export interface MetricContribution<V = unknown> {
  /** Becomes `metrics.<id>` for the card and for segments. */
  id: string;
  label: LocalizedText;
  type: FieldType;
  enumValues?: readonly string[];
  /** How the value reads: `currency` (in `currency`), `percent` (a 0–1 fraction), or plain. */
  format?: 'currency' | 'percent' | 'number' | 'text';
  /**
   * The customer fields (`lifecycle.totalSpent`) and other metrics (`metrics.clv`) the value depends on. The
   * value is cached per customer revision, so `compute` must be pure: same inputs, same value.
   */
  inputs: readonly string[];
  compute(inputs: Readonly<Record<string, unknown>>, customer: Customer): V | MetricResult<V> | undefined;
}

/** What a timeline renders for an item: plain text only, so that no plugin can put HTML into the page. */
export interface TimelineItemView {
  title: string;
  summary?: string;
  fields?: ReadonlyArray<{ label: string; value: string }>;
  status?: { label: string; tone: 'neutral' | 'info' | 'success' | 'warning' | 'danger' };
}

export interface TimelineRenderContext {
  locale: Locale;
  t(key: string, params?: Record<string, string | number>): string;
}

export interface TimelineTypeContribution<D = unknown> {
  /** The activity type name: lower camel case (`repairJob`). */
  type: string;
  schema: z.ZodType<D>;
  label: LocalizedText;
  /** A name from the kit's icon set (`note`, `call`, `tool`, …) or one character. */
  icon: string;
  render(activity: Activity & { data: D }, context: TimelineRenderContext): TimelineItemView;
}

export interface SegmentFieldContribution {
  /** A dotted path into the customer (`custom.loyaltyCard`, `metrics.vipTier`). */
  path: string;
  label: LocalizedText;
  type: FieldType;
  enumValues?: readonly string[];
  /** Operator ids allowed on the field; the type's defaults when absent. */
  operators?: readonly string[];
  /** Where the builder lists it (`Contact`, `Analytics`, …). */
  group?: string;
  /** For values that are not stored on the customer. */
  get?(customer: Customer): unknown;
}

export interface SegmentOperatorContribution {
  id: string;
  label: LocalizedText;
  types: readonly FieldType[];
  evaluate(fieldValue: unknown, ruleValue: unknown): boolean;
}

/** A segment rule as stored and exchanged: the tree of `@crmkit/segments` (a group at the root). */
export interface SegmentRuleLike {
  kind: 'group';
  combinator: 'and' | 'or';
  rules: readonly unknown[];
  not?: boolean;
}

/**
 * Who answers `crm.segments.count(rule)` and `crm.segments.members(rule)`: provided by `segmentsPlugin()` of
 * `@crmkit/segments`, so that the core does not depend on the engine.
 */
export interface SegmentService {
  count(rule: SegmentRuleLike): Promise<CountResult>;
  members(rule: SegmentRuleLike, options?: SegmentMembersOptions): Promise<Page<CustomerWithMetrics>>;
}

/** How `crm.segments.members(rule, options)` pages its members. */
export interface SegmentMembersOptions {
  /** Members per page (default 50, at most the storages' largest page). */
  limit?: number;
  /** `nextCursor` of the previous page, read with the same rule and the same `collation`. */
  cursor?: string;
  /**
   * A BCP 47 tag ('tr', 'en'): members sorted by name as that language sorts (`Intl.Collator`), then by id.
   * Without one, by name in code-unit order, as the storages sort. A cursor made under another collation is refused.
   */
  collation?: string;
}

export interface CardActionContribution {
  id: string;
  label: LocalizedText;
  icon?: string;
  /** Whether the action applies to this customer; hidden when false. */
  when?(customer: Customer): boolean;
  run(customer: Customer, crm: Crm): void | Promise<void>;
}

export type WriteOperation = 'put' | 'delete';

export interface WriteEvent<C extends CollectionName = CollectionName> {
  collection: C;
  op: WriteOperation;
  /** The document about to be written (before hooks) or written (after hooks); for deletes, the last version. */
  doc: CrmDocuments[C];
  crm: Crm;
}

/** Returned by a `before` hook to refuse a write; the reason reaches the caller in a `CrmValidationError`. */
export interface HookVeto {
  veto: string;
  /** The field the refusal is about, if any. */
  path?: ReadonlyArray<string | number>;
}

export type BeforeHook = (event: WriteEvent) => void | HookVeto | Promise<void | HookVeto>;
export type AfterHook = (event: WriteEvent) => void | Promise<void>;

export interface BeforeHookOptions {
  /**
   * When the hook throws or times out, refuse the write (true) instead of letting it through without the hook
   * (false, the default). For hooks that guard invariants, such as a compliance check. docs/decisions/0003.
   */
  failClosed?: boolean;
}

export interface PluginContext {
  readonly pluginId: string;
  readonly kitVersion: string;
  readonly fields: { add(field: CustomFieldContribution): void };
  readonly metrics: { add<V>(metric: MetricContribution<V>): void };
  readonly timeline: { addType<D>(type: TimelineTypeContribution<D>): void };
  readonly segments: {
    addField(field: SegmentFieldContribution): void;
    addOperator(operator: SegmentOperatorContribution): void;
    /** Installs the segment engine; one plugin at most may do so. */
    provideService(factory: (crm: Crm) => SegmentService): void;
  };
  readonly card: { addAction(action: CardActionContribution): void };
  readonly hooks: {
    before(collection: CollectionName | '*', hook: BeforeHook, options?: BeforeHookOptions): void;
    after(collection: CollectionName | '*', hook: AfterHook): void;
  };
  readonly i18n: { add(messages: Partial<Record<Locale, Record<string, string>>>): void };
}

export interface CrmPlugin {
  /** Unique, lower-case, e.g. `vip-tier` or `acme/repair-jobs`. */
  id: string;
  /** The plugin's own semver version. */
  version: string;
  /** The kit versions it works with, a semver range such as `^0.1.0`. */
  kit: string;
  /** Other plugins it needs, with version ranges: `{ analytics: '^0.1.0' }`. They register first. */
  requires?: Readonly<Record<string, string>>;
  register(ctx: PluginContext): void;
  init?(crm: Crm): void | Promise<void>;
  dispose?(): void | Promise<void>;
}

export type PluginState = 'active' | 'disabled';
export type PluginPhase = 'register' | 'init' | 'hook' | 'metric' | 'render' | 'action' | 'dispose';

export interface PluginStatus {
  id: string;
  version: string;
  state: PluginState;
  /** Why it was disabled. */
  error?: { phase: PluginPhase; message: string };
}
