/** The collections whose repositories add rules or helpers to the generic one. */
import { CrmValidationError } from './errors.js';
import { Repository, checkId } from './repository.js';
import { CONSENT_CHANNELS, type Activity, type Consent, type ConsentChannel } from './schemas/index.js';
import type { Page } from './storage/contract.js';

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
