/**
 * `createCrm()`: the kernel that vendors create once per tenant and hand to every element. It owns the schema
 * registry, the plugin host, the storage connection and the change feed.
 */
import { COLLECTION_NAMES, CORE_COLLECTIONS, CUSTOMER_OWNED_COLLECTIONS, type CollectionName } from './collections.js';
import { CrmStorageError, CrmUnknownCollectionError, CrmValidationError, CrmError, type CrmIssue } from './errors.js';
import { CrmChangeEvent, CrmEvents, CrmMetricsInvalidateEvent } from './events.js';
import { MessageCatalogue, resolveLocale, type Locale, type MessageKey } from './i18n/messages.js';
import { MetricsEngine } from './metrics.js';
import { PluginHost } from './plugins/plugin-host.js';
import type {
  CardActionContribution,
  CrmPlugin,
  PluginStatus,
  SegmentFieldContribution,
  SegmentOperatorContribution,
  SegmentService,
  TimelineTypeContribution,
} from './plugins/types.js';
import type { Owned } from './plugins/plugin-host.js';
import { catalogueLabel, describeObject, mergeFields, type FieldDescriptor } from './field-descriptors.js';
import { CustomerSchema } from './schemas/index.js';
import { ActivityRepository, AuditRepository, ConsentRepository, SegmentRepository } from './repositories.js';
import { Repository, checkId, newId, nextRev, type KernelServices } from './repository.js';
import { SchemaRegistry } from './schema-registry.js';
import type { AuditRecord, CrmDocuments, CrmInputs, Customer } from './schemas/index.js';
import type { Change, CrmStorage, StorageConnection, StoredDocument } from './storage/contract.js';
import { memoryStorage } from './storage/memory-storage.js';
import { KIT_VERSION } from './version.js';

export interface CreateCrmOptions {
  /** Where data lives. Default: `memoryStorage()` (Node, tests, SSR); browsers use `@crmkit/storage-idb`. */
  storage?: CrmStorage;
  plugins?: readonly CrmPlugin[];
  /** The language of messages the crm produces. Default `en`. */
  locale?: Locale | string;
  /** Whose data this is. Tenants never see each other's data. Default `default`. */
  tenant?: string;
  /** Who is working, for the audit trail and `by` fields. */
  user?: string;
  /** The clock, for tests and reproducible demos. */
  now?: () => Date;
  limits?: {
    /** Largest document, as UTF-8 JSON. Default 256 KiB. */
    maxDocumentBytes?: number;
    /** How long an async hook or `init` may take. Default 2000 ms. */
    hookTimeoutMs?: number;
    /**
     * How long a metric or renderer may take per call. Default 500 ms: it is wall time, so it must stay well above
     * a garbage-collection pause on a busy machine, or healthy plugins get disabled.
     */
    syncTimeLimitMs?: number;
  };
}

export type ChangeCallback = (changes: readonly Change<StoredDocument>[]) => void;

/** Everything held about one customer (KVKK/GDPR right of access). */
export interface CustomerExport {
  format: 'crmkit.customer-export';
  kitVersion: string;
  tenant: string;
  exportedAt: string;
  customer: Customer;
  consents: CrmDocuments['consents'][];
  activities: CrmDocuments['activities'][];
  salesDocuments: CrmDocuments['salesDocuments'][];
  npsResponses: CrmDocuments['npsResponses'][];
  tickets: CrmDocuments['tickets'][];
}

/** How `crm.transaction` treats the plugins' observers. */
export interface TransactionOptions {
  /**
   * Run the plugins' `after` hooks for each written document once all are committed (default true), as `put` and
   * `putMany` do. `false` is for bulk imports whose documents already carry what the observers would derive (a
   * migration, a seeded data set): validation and `before` hooks still run; only the observers are skipped.
   */
  afterHooks?: boolean;
}

/** Gathers writes to several collections; `crm.transaction` commits them all or none. */
export interface CrmBatch {
  put<C extends Exclude<CollectionName, 'audit'>>(collection: C, input: CrmInputs[C]): Promise<CrmDocuments[C]>;
}

const TENANT = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export class Crm {
  readonly kitVersion = KIT_VERSION;
  readonly customers: Repository<'customers'>;
  readonly consents: ConsentRepository;
  readonly activities: ActivityRepository;
  readonly salesDocuments: Repository<'salesDocuments'>;
  readonly npsResponses: Repository<'npsResponses'>;
  readonly segments: SegmentRepository;
  readonly tickets: Repository<'tickets'>;
  readonly audit: AuditRepository;
  readonly metrics: MetricsEngine;
  private readonly repositories: Record<CollectionName, Repository<CollectionName>>;
  private connection: StorageConnection | undefined;
  private closed = false;
  locale: Locale;

  /** @internal Use `createCrm()`. */
  constructor(
    readonly tenant: string,
    readonly storageKind: string,
    readonly schemas: SchemaRegistry,
    readonly host: PluginHost,
    readonly events: CrmEvents,
    private readonly catalogue: MessageCatalogue,
    private readonly options: CreateCrmOptions,
    services: Omit<KernelServices, 'connection'>,
  ) {
    this.locale = resolveLocale(options.locale ?? 'en');
    const requireConnection = () => this.requireConnection();
    const kernel: KernelServices = {
      ...services,
      get connection() {
        return requireConnection();
      },
    };
    this.customers = new Repository('customers', kernel);
    this.consents = new ConsentRepository('consents', kernel);
    this.activities = new ActivityRepository('activities', kernel);
    this.salesDocuments = new Repository('salesDocuments', kernel);
    this.npsResponses = new Repository('npsResponses', kernel);
    this.segments = new SegmentRepository('segments', kernel);
    let service: SegmentService | undefined;
    this.segments.service = () => {
      if (service) return service;
      const provided = host.active(host.contributions.segmentServices)[0];
      service = provided && host.run(provided.pluginId, 'init', () => provided.factory(this), undefined);
      return service;
    };
    this.tickets = new Repository('tickets', kernel);
    this.audit = new AuditRepository('audit', kernel);
    this.repositories = {
      customers: this.customers,
      consents: this.consents,
      activities: this.activities,
      salesDocuments: this.salesDocuments,
      npsResponses: this.npsResponses,
      segments: this.segments,
      tickets: this.tickets,
      audit: this.audit,
    };
    this.metrics = new MetricsEngine(host, () => this.events.dispatchEvent(new CrmMetricsInvalidateEvent()));
  }

  /** @internal */
  attach(connection: StorageConnection): void {
    this.connection = connection;
    connection.subscribe((changes) => this.events.dispatchEvent(new CrmChangeEvent(changes)));
  }

  private requireConnection(): StorageConnection {
    if (this.closed || !this.connection)
      throw new CrmStorageError('closed', `the crm of tenant "${this.tenant}" is closed`, { retryable: false });
    return this.connection;
  }

  get user(): string | undefined {
    return this.options.user;
  }

  /** The repository of a collection by name; unknown names are a typed error. */
  collection<C extends CollectionName>(name: C): Repository<C> {
    const repository = (this.repositories as Partial<Record<string, Repository<CollectionName>>>)[name];
    if (!repository) throw new CrmUnknownCollectionError(name, COLLECTION_NAMES);
    return repository as unknown as Repository<C>;
  }

  /** Calls `listener` with each committed batch of changes to `collection` (or `'*'` for all). */
  subscribe(collection: CollectionName | '*', listener: ChangeCallback): () => void {
    if (collection !== '*') this.collection(collection);
    return this.events.on('change', (event) => {
      const relevant =
        collection === '*' ? event.changes : event.changes.filter((change) => change.collection === collection);
      if (relevant.length) listener(relevant);
    });
  }

  /** A message of the kit's catalogue (or a plugin's), in the crm's locale unless another is given. */
  t(key: MessageKey | (string & {}), params?: Record<string, string | number>, locale: Locale = this.locale): string {
    return this.catalogue.translate(key, params, locale);
  }

  /** @internal The catalogue plugins add to. */
  get messages(): MessageCatalogue {
    return this.catalogue;
  }

  get plugins(): {
    status(): PluginStatus[];
    isActive(id: string): boolean;
    segmentFields(): Owned<SegmentFieldContribution>[];
    segmentOperators(): Owned<SegmentOperatorContribution>[];
    cardActions(): Owned<CardActionContribution>[];
    timelineTypes(): Owned<TimelineTypeContribution>[];
  } {
    const { host } = this;
    return {
      status: () => host.status(),
      isActive: (id) => host.isActive(id),
      segmentFields: () => host.active(host.contributions.segmentFields),
      segmentOperators: () => host.active(host.contributions.segmentOperators),
      cardActions: () => host.active(host.contributions.cardActions),
      timelineTypes: () => host.active(host.contributions.timelineTypes),
    };
  }

  /**
   * The customer's fields for generic UIs such as the segment builder: the schema's fields, the plugins' custom
   * fields (`custom.*`), the computed metrics (`metrics.*`) and the plugins' segment fields, each with its type,
   * enum values and an en/tr label.
   */
  fields(): FieldDescriptor[] {
    const schemaFields = describeObject(
      CustomerSchema,
      catalogueLabel(this.catalogue, 'customer'),
      'customer',
      '',
      new Set(['id', 'rev', 'custom']),
    );
    const custom = this.host.active(this.host.contributions.fields).map((field) => ({
      path: `custom.${field.name}`,
      type: field.type,
      label: field.label,
      group: 'custom',
      ...(field.enumValues ? { enumValues: field.enumValues } : {}),
    }));
    const metrics = this.metrics.definitions().map((metric) => ({
      path: `metrics.${metric.id}`,
      type: metric.type,
      label: metric.label,
      group: 'metrics',
      ...(metric.enumValues ? { enumValues: metric.enumValues } : {}),
    }));
    return mergeFields(schemaFields, custom, metrics, this.plugins.segmentFields());
  }

  /**
   * Writes to several collections at once: every input is validated and checked by hooks first; then all are
   * committed together or, on any conflict, none. `fn` must only gather (`batch.put`). Then the plugins' `after`
   * hooks observe each document, as after `put` (unless `options.afterHooks` is false).
   */
  async transaction(
    fn: (batch: CrmBatch) => Promise<void> | void,
    options: TransactionOptions = {},
  ): Promise<StoredDocument[]> {
    const rows: Array<{ collection: CollectionName; row: Awaited<ReturnType<Repository<CollectionName>['prepare']>> }> =
      [];
    const issues: CrmIssue[] = [];
    let index = 0;
    await fn({
      put: async (collection, input) => {
        const at = index++;
        try {
          const row = await this.collection(collection).prepare(input as never, [at]);
          rows.push({ collection, row });
          return row.doc as never;
        } catch (error) {
          if (error instanceof CrmValidationError) {
            issues.push(...error.issues);
            return undefined as never;
          }
          throw error;
        }
      },
    });
    if (issues.length) throw new CrmValidationError(issues, 'transaction');
    await this.requireConnection().transaction((tx) => {
      for (const { collection, row } of rows) tx.write(collection, [row]);
    });
    if (options.afterHooks !== false) {
      for (const { collection, row } of rows) await this.collection(collection).afterWrite('put', row.doc);
    }
    return rows.map(({ row }) => row.doc);
  }

  /**
   * KVKK/GDPR erasure: the customer and everything that belongs to them go, in one transaction; an audit record
   * of the erasure (who, when, how many) stays, without personal data.
   */
  async erase(customerId: string, options: { by?: string } = {}): Promise<AuditRecord> {
    checkId(customerId, 'customers', ['customerId']);
    const customer = await this.customers.require(customerId);
    const owned = await Promise.all(
      CUSTOMER_OWNED_COLLECTIONS.map((name) => this.collection(name).all({ customerId })),
    );
    const counts: Record<string, number> = { customers: 1 };
    CUSTOMER_OWNED_COLLECTIONS.forEach((name, i) => (counts[name] = owned[i]!.length));
    const now = (this.options.now?.() ?? new Date()).toISOString();
    const record = {
      id: newId(),
      rev: nextRev(undefined),
      createdAt: now,
      updatedAt: now,
      kind: 'erasure',
      at: now,
      by: options.by ?? this.options.user ?? 'unknown',
      subject: await subjectHash(this.tenant, customerId),
      counts,
    } satisfies AuditRecord;
    await this.requireConnection().transaction((tx) => {
      CUSTOMER_OWNED_COLLECTIONS.forEach((name, i) => {
        tx.write(
          name,
          owned[i]!.map((doc) => ({ op: 'delete' as const, id: doc.id, expectedRev: doc.rev })),
        );
      });
      tx.write('customers', [{ op: 'delete', id: customer.id, expectedRev: customer.rev }]);
      tx.write('audit', [{ op: 'put', doc: record, expectedRev: null }]);
    });
    this.metrics.invalidate();
    return record;
  }

  /** Everything held about one customer, as JSON (KVKK/GDPR right of access and portability). */
  async export(customerId: string): Promise<CustomerExport> {
    const customer = await this.customers.require(customerId);
    const [consents, activities, salesDocuments, npsResponses, tickets] = await Promise.all([
      this.consents.history(customerId),
      this.activities.all({ customerId }),
      this.salesDocuments.all({ customerId }),
      this.npsResponses.all({ customerId }),
      this.tickets.all({ customerId }),
    ]);
    return {
      format: 'crmkit.customer-export',
      kitVersion: KIT_VERSION,
      tenant: this.tenant,
      exportedAt: (this.options.now?.() ?? new Date()).toISOString(),
      customer,
      consents,
      activities,
      salesDocuments,
      npsResponses,
      tickets,
    };
  }

  /** Disposes the plugins and closes the storage connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    for (const id of [...this.host.ids()].reverse()) {
      const plugin = this.host.plugin(id);
      if (plugin?.dispose && this.host.isActive(id))
        await this.host.runAsync(id, 'dispose', () => plugin.dispose!()).catch(() => undefined);
    }
    this.closed = true;
    await this.connection?.close();
  }
}

/** SHA-256 of tenant and id, hex: lets an auditor check a known id without the trail holding it. */
async function subjectHash(tenant: string, id: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${tenant}\u0000${id}`));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Creates a crm for one tenant: checks and registers the plugins (refusing a bad installation with a
 * `CrmPluginError`), opens the storage, then runs each plugin's `init`.
 */
export async function createCrm(options: CreateCrmOptions = {}): Promise<Crm> {
  const tenant = options.tenant ?? 'default';
  if (typeof tenant !== 'string' || !TENANT.test(tenant)) {
    throw new CrmValidationError([
      {
        path: ['tenant'],
        message: 'must be 1–64 letters, digits or _ . - (starting with a letter or digit)',
        code: 'invalid_tenant',
      },
    ]);
  }
  const storage = options.storage ?? memoryStorage();
  const events = new CrmEvents();
  const catalogue = new MessageCatalogue();
  const schemas = new SchemaRegistry();
  const limits = {
    maxDocumentBytes: options.limits?.maxDocumentBytes ?? 256 * 1024,
    hookTimeoutMs: options.limits?.hookTimeoutMs ?? 2000,
    syncTimeLimitMs: options.limits?.syncTimeLimitMs ?? 500,
  };
  const host = new PluginHost(events, schemas, catalogue, KIT_VERSION, limits);
  const crm: Crm = new Crm(tenant, storage.kind, schemas, host, events, catalogue, options, {
    schemas,
    host,
    crm: () => crm,
    now: options.now ?? (() => new Date()),
    maxDocumentBytes: limits.maxDocumentBytes,
  });
  host.load(options.plugins ?? []);
  let connection: StorageConnection;
  try {
    connection = await storage.open({ tenant, collections: CORE_COLLECTIONS });
  } catch (error) {
    if (error instanceof CrmError) throw error;
    throw new CrmStorageError(
      'unavailable',
      `the ${storage.kind} storage could not be opened: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  crm.attach(connection);
  for (const id of host.ids()) {
    const plugin = host.plugin(id);
    if (plugin?.init && host.isActive(id))
      await host.runAsync(id, 'init', () => plugin.init!(crm)).catch(() => undefined);
  }
  return crm;
}
