/** The collections whose repositories add rules or helpers to the generic one. */
import { CrmValidationError } from './errors.js';
import { Repository, checkId } from './repository.js';
import { CONSENT_CHANNELS, type Activity, type Consent, type ConsentChannel } from './schemas/index.js';
import type { CountResult, Page, Where } from './storage/contract.js';
import { CrmUnsupportedError } from './errors.js';
import type { CustomerWithMetrics } from './metrics.js';
import type { SegmentMembersOptions, SegmentRuleLike, SegmentService } from './plugins/types.js';

/**
 * Consents are append-only evidence (KVKK/İYS): a change of mind is a new record, the current state is the latest
 * record per channel. Records are never edited or deleted, except by the erasure of the whole customer.
 */
export class ConsentRepository extends Repository<'consents'> {
  protected override checkWrite(value: Record<string, unknown>): void {
    if (value.rev !== undefined) {
      throw new CrmValidationError(
        [
          {
            path: ['rev'],
            message: 'consents are append-only: record a new consent instead of changing one',
            code: 'append_only',
          },
        ],
        this.name,
      );
    }
  }

  override remove(): Promise<void> {
    return Promise.reject(
      new CrmValidationError(
        [
          {
            path: [],
            message: 'consents are append-only: record a denial instead; erasure removes them with the customer',
            code: 'append_only',
          },
        ],
        this.name,
      ),
    );
  }

  /** Every consent record of a customer, oldest first. */
  async history(customerId: string): Promise<Consent[]> {
    checkId(customerId, this.name, ['customerId']);
    const records = await this.all({ customerId });
    return records.sort((a, b) =>
      a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.createdAt < b.createdAt ? -1 : 1,
    );
  }

  /** The latest record per channel (by `recordedAt`); a channel with no record is absent. */
  async current(customerId: string): Promise<Partial<Record<ConsentChannel, Consent>>> {
    return currentConsents(await this.history(customerId));
  }
}

/** Derives the current state from records sorted oldest first. */
export function currentConsents(history: readonly Consent[]): Partial<Record<ConsentChannel, Consent>> {
  const current: Partial<Record<ConsentChannel, Consent>> = {};
  for (const record of history) if (CONSENT_CHANNELS.includes(record.channel)) current[record.channel] = record;
  return current;
}

export class ActivityRepository extends Repository<'activities'> {
  /** A customer's timeline, newest first, a page at a time. */
  forCustomer(customerId: string, options: { limit?: number; cursor?: string } = {}): Promise<Page<Activity>> {
    checkId(customerId, this.name, ['customerId']);
    return this.query({
      where: { customerId },
      sort: [{ field: 'at', direction: 'desc' }],
      limit: options.limit ?? 50,
      cursor: options.cursor,
    });
  }
}

/** The audit trail is written by the kernel only. */
export class AuditRepository extends Repository<'audit'> {
  protected override checkWrite(): void {
    throw new CrmValidationError(
      [{ path: [], message: 'the audit trail is written by the crm itself', code: 'read_only' }],
      this.name,
    );
  }

  override remove(): Promise<void> {
    return Promise.reject(
      new CrmValidationError(
        [{ path: [], message: 'the audit trail cannot be changed', code: 'read_only' }],
        this.name,
      ),
    );
  }
}

/** Whether `value` is a segment rule (a group with `rules`) rather than a storage `where`. */
export function isSegmentRule(value: unknown): value is SegmentRuleLike {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as { kind?: unknown }).kind === 'group' &&
    Array.isArray((value as { rules?: unknown }).rules)
  );
}

/**
 * Saved segments, and the audience of a rule: `count(rule)` and `members(rule)` are answered by the segment
 * engine that `segmentsPlugin()` of `@crmkit/segments` provides. `count(where)` counts saved segments.
 */
export class SegmentRepository extends Repository<'segments'> {
  /** @internal Set by the crm once plugins are loaded. */
  service: (() => SegmentService | undefined) | undefined;

  private engine(): SegmentService {
    const service = this.service?.();
    if (!service) {
      throw new CrmUnsupportedError(
        'no segment engine: add segmentsPlugin() from @crmkit/segments to createCrm({ plugins })',
      );
    }
    return service;
  }

  override count(whereOrRule?: Where | SegmentRuleLike): Promise<CountResult> {
    if (isSegmentRule(whereOrRule)) {
      try {
        return this.engine().count(whereOrRule);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return super.count(whereOrRule);
  }

  /** The customers a rule selects, a page at a time, with their metrics. */
  members(rule: SegmentRuleLike, options: SegmentMembersOptions = {}): Promise<Page<CustomerWithMetrics>> {
    try {
      return this.engine().members(rule, options);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
