/**
 * Who may be contacted on a channel: the customers whose latest consent record on it (by `recordedAt`, then
 * `createdAt`, as `crm.consents.current` decides) is a grant. One read per channel, kept until a consent changes
 * here or in another tab.
 */
import type { ConsentChannel, Crm } from '@crmkit/core';

export class ConsentGrants {
  private readonly kept = new Map<ConsentChannel, Promise<ReadonlySet<string>>>();
  private readonly unsubscribe: () => void;

  constructor(private readonly crm: Crm) {
    this.unsubscribe = crm.subscribe('consents', () => this.kept.clear());
  }

  /** The ids of the customers with a current grant on `channel`. */
  granted(channel: ConsentChannel): Promise<ReadonlySet<string>> {
    let ids = this.kept.get(channel);
    if (!ids) {
      ids = this.read(channel);
      this.kept.set(channel, ids);
      // A failed read is not kept: the next list asks again.
      ids.catch(() => {
        if (this.kept.get(channel) === ids) this.kept.delete(channel);
      });
    }
    return ids;
  }

  dispose(): void {
    this.unsubscribe();
    this.kept.clear();
  }

  private async read(channel: ConsentChannel): Promise<ReadonlySet<string>> {
    const records = await this.crm.consents.all({ channel });
    records.sort((a, b) =>
      a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.createdAt < b.createdAt ? -1 : 1,
    );
    const latest = new Map<string, string>();
    for (const record of records) latest.set(record.customerId, record.status);
    const granted = new Set<string>();
    for (const [id, status] of latest) if (status === 'granted') granted.add(id);
    return granted;
  }
}
